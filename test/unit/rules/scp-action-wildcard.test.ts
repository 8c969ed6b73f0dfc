import { scpActionWildcard } from '../../../src/core/rules/scp-action-wildcard';
import { testRule } from '../rule-tester';

const scp = (action: string): { code: string; kind: 'scp' } => ({
  code: `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":${action},"Resource":"*"}]}`,
  kind: 'scp',
});

testRule(scpActionWildcard, {
  valid: [scp('["iam:Get*","*","ssm:SendCommand"]')],
  invalid: [
    {
      name: 'the reference\'s iam:*role example',
      ...scp('["iam:*role","ec2:Describe?nstances"]'),
      errors: [
        { messageId: 'midWildcard', data: { prefix: 'iam:' } },
        { messageId: 'midWildcard', data: { prefix: 'ec2:Describe' } },
      ],
      output: null,
    },
  ],
});
