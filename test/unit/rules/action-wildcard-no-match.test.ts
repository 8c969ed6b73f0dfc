import { actionWildcardNoMatch } from '../../../src/core/rules/action-wildcard-no-match';
import { testRule } from '../rule-tester';

const policy = (action: string, element = 'Action'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "${element}": ${action}, "Resource": "*" }\n  ]\n}`;

testRule(actionWildcardNoMatch, {
  valid: [
    policy('["ssm:Get*", "ssm:*", "ssmmessages:Open*Channel", "ec2messages:?etMessages", "*"]'),
    // Matching is case-insensitive.
    policy('"SSM:get*"'),
    // Unknown services and names without wildcards are other rules'.
    policy('["ssms:Get*", "ssm:Gett", "ss*:Get*"]'),
  ],
  invalid: [
    {
      name: 'a doubled letter before the wildcard',
      code: policy('["ssm:Gett*"]'),
      errors: [{ messageId: 'noMatch', text: '"ssm:Gett*"', data: { action: 'ssm:Gett*' } }],
      output: null,
    },
    {
      name: 'a misspelling after the wildcard',
      code: policy('"ssmmessages:Open*Chanel"'),
      errors: [{ messageId: 'noMatch', text: '"ssmmessages:Open*Chanel"', data: { example: 'ssmmessages:OpenControlChannel' } }],
      output: null,
    },
    {
      name: 'in NotAction',
      code: policy('["ec2messages:Send?Reply"]', 'NotAction'),
      errors: [{ messageId: 'noMatch', path: ['Statement', 0, 'NotAction', 0] }],
      output: null,
    },
  ],
});
