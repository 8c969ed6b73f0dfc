import { passroleNoPassedToService } from '../../../src/core/rules/passrole-no-passed-to-service';
import { testRule } from '../rule-tester';

testRule(passroleNoPassedToService, {
  valid: [
    // The DHMC administrator policy of the SSM user guide.
    '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": "arn:aws:iam::123456789012:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole", "Condition": { "StringEquals": { "iam:PassedToService": [ "ssm.amazonaws.com" ] } } } ] }',
    // Any operator, any key case.
    '{"Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringLike":{"IAM:PassedToService":"*.amazonaws.com"}}}]}',
    // Deny, a bare "*", actions that do not include iam:PassRole.
    '{"Statement":[{"Effect":"Deny","Action":"iam:PassRole","Resource":"*"}]}',
    '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    '{"Statement":[{"Effect":"Allow","Action":["iam:GetRole","iam:Put*"],"Resource":"*"}]}',
    '{"Statement":[{"Effect":"Allow","Action":{"iam:PassRole":true},"Resource":"*"}]}',
  ],
  invalid: [
    {
      name: 'a PassRole-only statement without Condition gets one (exact formatting)',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::123456789012:role/MyAutomationRole"
    }
  ]
}`,
      errors: [{ messageId: 'missing', path: ['Statement', 0, 'Action'], text: '"iam:PassRole"', data: { grant: 'iam:PassRole' }, suggestions: [{ messageId: 'addCondition', output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::123456789012:role/MyAutomationRole",
      "Condition": {
        "StringEquals": {
          "iam:PassedToService": "ssm.amazonaws.com"
        }
      }
    }
  ]
}` }] }],
      output: null,
    },
    {
      name: 'a single statement object, four-space indent, array Action',
      code: `{
    "Version": "2012-10-17",
    "Statement": {
        "Effect": "Allow",
        "Action": ["iam:PassRole"],
        "Resource": "*"
    }
}`,
      errors: [{ messageId: 'missing', path: ['Statement', 'Action', 0], suggestions: [{ messageId: 'addCondition', output: `{
    "Version": "2012-10-17",
    "Statement": {
        "Effect": "Allow",
        "Action": ["iam:PassRole"],
        "Resource": "*",
        "Condition": {
            "StringEquals": {
                "iam:PassedToService": "ssm.amazonaws.com"
            }
        }
    }
}` }] }],
      output: null,
    },
    {
      name: 'a one-line policy as the user guide prints them: setAtPath pretty-prints the document',
      code: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/MyAutomationRole" } ] }',
      errors: [{ messageId: 'missing', suggestions: [{ messageId: 'addCondition', output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::123456789012:role/MyAutomationRole",
      "Condition": {
        "StringEquals": {
          "iam:PassedToService": "ssm.amazonaws.com"
        }
      }
    }
  ]
}` }] }],
      output: null,
    },
    {
      name: 'a statement that already has a Condition: no fix',
      code: '{"Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"ops"}}}]}',
      errors: [{ messageId: 'missing' }],
      output: null,
    },
    {
      name: 'mixed with other actions (Quick Setup service role): the condition would deny them, so no fix',
      code: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "iam:CreateInstanceProfile", "iam:ListInstanceProfilesForRole", "iam:PassRole", "ec2:AssociateIamInstanceProfile" ], "Resource": "*" } ] }',
      errors: [{ messageId: 'missingMixed', path: ['Statement', 0, 'Action', 2] }],
      output: null,
    },
    {
      name: 'through a wildcard',
      code: '{"Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}',
      errors: [{ messageId: 'missingMixed', text: '"iam:*"', data: { grant: 'iam:PassRole (through "iam:*")' } }],
      output: null,
    },
  ],
});
