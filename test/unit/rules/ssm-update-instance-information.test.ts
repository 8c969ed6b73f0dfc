import { ssmUpdateInstanceInformation } from '../../../src/core/rules/ssm-update-instance-information';
import { testRule } from '../rule-tester';

function actions(list: string, effect = 'Allow'): string {
  return `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${list},"Resource":"*"}]}`;
}

testRule(ssmUpdateInstanceInformation, {
  valid: [
    actions('["ssm:DescribeInstanceInformation","ssm:UpdateInstanceAssociationStatus","ssm:GetDocument"]'),
    actions('"ssm:Describe*"'),
    actions('"*"'),
    actions('"ssm:UpdateInstanceInformation"', 'Deny'),
    '{"Statement":[{"Effect":"Allow","NotAction":"ssm:UpdateInstanceInformation","Resource":"*"}]}',
    // Trust policies are not instance profiles' permissions.
    { code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"ssm:UpdateInstanceInformation"}]}', kind: 'trust' },
  ],
  invalid: [
    {
      name: 'as in AmazonSSMManagedInstanceCore',
      code: actions('["ssm:PutInventory","ssm:UpdateInstanceInformation"]'),
      errors: [{ messageId: 'overridesDhmc', path: ['Statement', 0, 'Action', 1], data: { grant: 'ssm:UpdateInstanceInformation' } }],
      output: null,
    },
    {
      name: 'through ssm:Update*',
      code: actions('"ssm:Update*"'),
      errors: [{ messageId: 'overridesDhmc', text: '"ssm:Update*"', data: { grant: 'ssm:UpdateInstanceInformation (through "ssm:Update*")' } }],
      output: null,
    },
    {
      name: 'through ssm:UpdateInstance* and ssm:* in two statements',
      code: '{"Statement":[{"Effect":"Allow","Action":"ssm:UpdateInstance*","Resource":"*"},{"Effect":"Allow","Action":["ec2:Describe*","ssm:*"],"Resource":"*"}]}',
      errors: [
        { messageId: 'overridesDhmc', path: ['Statement', 0, 'Action'] },
        { messageId: 'overridesDhmc', path: ['Statement', 1, 'Action', 1] },
      ],
      output: null,
    },
  ],
});
