import { ssmDhmcRolePath } from '../../../src/core/rules/ssm-dhmc-role-path';
import { testRule } from '../rule-tester';

const WITH_PATH = 'arn:aws:iam::123456789012:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole';
const NO_PATH = 'arn:aws:iam::123456789012:role/AWSSystemsManagerDefaultEC2InstanceManagementRole';

function passRole(resource: string): string {
  return `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": ${resource},
      "Condition": { "StringEquals": { "iam:PassedToService": "ssm.amazonaws.com" } }
    }
  ]
}`;
}

testRule(ssmDhmcRolePath, {
  valid: [
    passRole(`"${WITH_PATH}"`),
    passRole('"arn:aws:iam::*:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole"'),
    // Another path or a wildcard path is the author's choice.
    passRole('"arn:aws:iam::123456789012:role/custom/AWSSystemsManagerDefaultEC2InstanceManagementRole"'),
    passRole('"arn:aws:iam::123456789012:role/*/AWSSystemsManagerDefaultEC2InstanceManagementRole"'),
    // Other roles, other services, a longer name.
    passRole('"arn:aws:iam::123456789012:role/MyInstanceRole"'),
    passRole('"arn:aws:iam::123456789012:role/AWSSystemsManagerDefaultEC2InstanceManagementRole2"'),
    passRole('"arn:aws:ssm:us-east-2:123456789012:document/AWSSystemsManagerDefaultEC2InstanceManagementRole"'),
    passRole('"arn:aws:iam::123456789012:policy/AWSSystemsManagerDefaultEC2InstanceManagementRole"'),
    passRole('{"not":"a list"}'),
    '{"Statement":[{"Effect":"Allow","Principal":{"AWS":123},"Action":"sts:AssumeRole"}]}',
  ],
  invalid: [
    {
      name: 'iam:PassRole on the role without its path',
      code: passRole(`"${NO_PATH}"`),
      errors: [{ messageId: 'missingPath', path: ['Statement', 0, 'Resource'], text: `"${NO_PATH}"`, data: { expected: WITH_PATH }, suggestions: [{ messageId: 'addPath', output: passRole(`"${WITH_PATH}"`) }] }],
      output: null,
    },
    {
      name: 'in an array, any partition and account, with the rest of the list kept',
      code: passRole('[\n        "arn:aws-us-gov:iam::*:role/AWSSystemsManagerDefaultEC2InstanceManagementRole",\n        "arn:aws:iam::*:role/Other"\n      ]'),
      errors: [{ messageId: 'missingPath', path: ['Statement', 0, 'Resource', 0], suggestions: [{ messageId: 'addPath', output: passRole(
        '[\n        "arn:aws-us-gov:iam::*:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole",\n        "arn:aws:iam::*:role/Other"\n      ]',
      ) }] }],
      output: null,
    },
    {
      name: 'a Deny in an SCP that protects nothing without the path',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["iam:DeleteRole"],"Resource":"arn:aws:iam::*:role/AWSSystemsManagerDefaultEC2InstanceManagementRole"}]}',
      kind: 'scp',
      errors: [{ messageId: 'missingPath', suggestions: [{ messageId: 'addPath', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["iam:DeleteRole"],"Resource":"arn:aws:iam::*:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole"}]}' }] }],
      output:
        null,
    },
    {
      name: 'a principal of a trust policy and a condition value',
      code: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"${NO_PATH}"},"Action":"sts:AssumeRole","Condition":{"ArnEquals":{"aws:PrincipalArn":["${NO_PATH}"]}}}]}`,
      errors: [
        { messageId: 'missingPath', path: ['Statement', 0, 'Principal', 'AWS'], suggestions: [{ messageId: 'addPath', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole"},"Action":"sts:AssumeRole","Condition":{"ArnEquals":{"aws:PrincipalArn":["arn:aws:iam::123456789012:role/AWSSystemsManagerDefaultEC2InstanceManagementRole"]}}}]}' }] },
        { messageId: 'missingPath', path: ['Statement', 0, 'Condition', 'ArnEquals', 'aws:PrincipalArn', 0], suggestions: [{ messageId: 'addPath', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/AWSSystemsManagerDefaultEC2InstanceManagementRole"},"Action":"sts:AssumeRole","Condition":{"ArnEquals":{"aws:PrincipalArn":["arn:aws:iam::123456789012:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole"]}}}]}' }] },
      ],
      output: null,
    },
  ],
});
