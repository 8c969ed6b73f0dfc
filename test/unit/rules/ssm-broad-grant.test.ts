import { ssmBroadGrant } from '../../../src/core/rules/ssm-broad-grant';
import { testRule } from '../rule-tester';

const policy = (...statements: string[]): string => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}`;

testRule(ssmBroadGrant, {
  valid: [
    policy('{ "Effect": "Allow", "Action": ["ssm:GetParameter", "ssm:GetParametersByPath"], "Resource": "arn:aws:ssm:us-east-2:123456789012:parameter/app/prod/*" }'),
    policy('{ "Effect": "Allow", "Action": "ssm:PutParameter", "Resource": "arn:aws:ssm:*:*:parameter/ci/*" }'),
    // Scoped by resource tags, by the resource account or by the calling service.
    policy('{ "Effect": "Allow", "Action": "ssm:GetParameters", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/Team": "web" } } }'),
    policy('{ "Effect": "Allow", "Action": "ssm:*", "Resource": "*", "Condition": { "ForAnyValue:StringEquals": { "aws:CalledVia": "cloudformation.amazonaws.com" } } }'),
    // Deny, a bare "*" (left to general rules), actions outside the categories, NotResource that excludes every parameter.
    policy('{ "Effect": "Deny", "Action": "ssm:*", "Resource": "*" }'),
    policy('{ "Effect": "Allow", "Action": "*", "Resource": "*" }'),
    policy('{ "Effect": "Allow", "Action": ["ssm:DescribeParameters", "ssm:ListDocuments"], "Resource": "*" }'),
    policy('{ "Effect": "Allow", "Action": "ssm:GetParameter", "NotResource": "arn:aws:ssm:*:*:parameter/*" }'),
    // An ARN that matches nothing (account and Region swapped) reaches no parameter: the ARN rules report it.
    policy('{ "Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "arn:aws:ssm:210987654321:us-west-2:*" }'),
    // Every document, for an action that does not share them.
    policy('{ "Effect": "Allow", "Action": "ssm:DescribeDocumentPermission", "Resource": "arn:aws:ssm:*:*:document/*" }'),
  ],
  invalid: [
    {
      name: 'ssm:* on "*" (AmazonSSMFullAccess)',
      code: policy('{ "Effect": "Allow", "Action": ["ssm:*", "ec2:DescribeInstances"], "Resource": "*" }'),
      errors: [{ messageId: 'allSsm', text: '"ssm:*"', data: { scope: '"*"' } }],
      output: null,
    },
    {
      name: 'reading every parameter through a wildcard (AmazonSSMReadOnlyAccess)',
      code: policy('{ "Effect": "Allow", "Action": ["ssm:Describe*", "ssm:Get*", "ssm:List*"], "Resource": "*" }'),
      errors: [{ messageId: 'readParameters', text: '"ssm:Get*"', data: { grant: 'ssm:GetParameter (through "ssm:Get*")' } }],
    },
    {
      name: 'every parameter ARN, a request-context condition does not scope it',
      code: policy('{ "Effect": "Allow", "Action": "ssm:GetParametersByPath", "Resource": "arn:aws:ssm:*:*:parameter/*", "Condition": { "Bool": { "aws:SecureTransport": "true" } } }'),
      errors: [{ messageId: 'readParameters', data: { scope: '"arn:aws:ssm:*:*:parameter/*"' } }],
    },
    {
      name: 'writing and deleting every parameter',
      code: policy('{ "Effect": "Allow", "Action": ["ssm:PutParameter", "ssm:DeleteParameters"], "Resource": "arn:aws:ssm:us-east-2:123456789012:*" }'),
      errors: [{ messageId: 'writeParameters', text: '"ssm:PutParameter"' }],
    },
    {
      name: 'sharing any document',
      code: policy('{ "Effect": "Allow", "Action": "ssm:ModifyDocumentPermission", "Resource": "arn:aws:ssm:*:*:document/*" }'),
      errors: [{ messageId: 'shareDocuments' }],
    },
    {
      name: 'NotResource that excludes some parameters only',
      code: policy('{ "Effect": "Allow", "Action": "ssm:GetParameter", "NotResource": "arn:aws:ssm:*:*:parameter/admin/*" }'),
      errors: [{ messageId: 'readParameters', data: { scope: 'everything but "arn:aws:ssm:*:*:parameter/admin/*" (NotResource)' } }],
    },
  ],
});
