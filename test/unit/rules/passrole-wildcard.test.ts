import { passroleWildcard } from '../../../src/core/rules/passrole-wildcard';
import { testRule } from '../rule-tester';

function statement(body: string): string {
  return `{"Version":"2012-10-17","Statement":[${body}]}`;
}

/** The Quick Setup service role of the SSM user guide (Quick Setup, "service role details"). */
const QUICK_SETUP_ROLE = statement(
  '{ "Effect": "Allow", "Action": [ "iam:CreateInstanceProfile", "iam:ListInstanceProfilesForRole", "iam:PassRole", "ec2:DescribeIamInstanceProfileAssociations", "iam:GetInstanceProfile", "ec2:DisassociateIamInstanceProfile", "ec2:AssociateIamInstanceProfile", "iam:AddRoleToInstanceProfile" ], "Resource": "*" }',
);

testRule(passroleWildcard, {
  valid: [
    // The DHMC administrator policy: one role, one service.
    statement(
      '{"Effect":"Allow","Action":["iam:PassRole"],"Resource":"arn:aws:iam::123456789012:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole","Condition":{"StringEquals":{"iam:PassedToService":["ssm.amazonaws.com"]}}}',
    ),
    // A name prefix or a path still scopes the roles.
    statement('{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::*:role/AWS-QuickSetup-SSM-DefaultEC2MgmtRole-*"}'),
    statement('{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/automation/*"}'),
    // A bare "*" action is left to the general rules; Deny is fine; other actions on "*".
    statement('{"Effect":"Allow","Action":"*","Resource":"*"}'),
    statement('{"Effect":"Deny","Action":"iam:PassRole","Resource":"*"}'),
    statement('{"Effect":"Allow","Action":["iam:GetRole","iam:ListRoles"],"Resource":"*"}'),
    statement('{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}'),
    statement('{"Effect":"Allow","Action":"iam:PassRole","Resource":["arn:aws:s3:::*"]}'),
    statement('{"Effect":"Allow","Action":"iam:PassRole"}'),
  ],
  invalid: [
    {
      name: 'the Quick Setup service role (iam:PassRole on * on purpose)',
      code: QUICK_SETUP_ROLE,
      errors: [{ messageId: 'anyRole', path: ['Statement', 0, 'Resource'], text: '"*"', data: { grant: 'iam:PassRole' } }],
      output: null,
    },
    {
      name: 'every role of one account, through iam:Pass*',
      code: statement('{"Effect":"Allow","Action":"iam:Pass*","Resource":["arn:aws:iam::123456789012:role/MyRole","arn:aws:iam::123456789012:role/*"]}'),
      errors: [{ messageId: 'anyRole', path: ['Statement', 0, 'Resource', 1], data: { grant: 'iam:PassRole (through "iam:Pass*")' } }],
      output: null,
    },
    {
      name: 'every role of every account, through iam:*',
      code: statement('{"Effect":"Allow","Action":["iam:*"],"Resource":"arn:aws:iam::*:role/*"}'),
      errors: [{ messageId: 'anyRole', text: '"arn:aws:iam::*:role/*"' }],
      output: null,
    },
    {
      name: 'limited to one service, still any role',
      code: statement(
        '{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":["ssm.amazonaws.com","lambda.amazonaws.com"]}}}',
      ),
      errors: [{ messageId: 'anyRoleToService', data: { services: 'ssm.amazonaws.com, lambda.amazonaws.com' } }],
      output: null,
    },
    {
      name: 'an IAM ARN with a wildcard resource part',
      code: statement('{"Effect":"Allow","Action":"IAM:passrole","Resource":"arn:aws:iam::123456789012:*"}'),
      errors: [{ messageId: 'anyRole', data: { grant: 'iam:PassRole' } }],
      output: null,
    },
  ],
});
