import { arnEmptyField } from '../../../src/core/rules/arn-empty-field';
import { testRule } from '../rule-tester';

const policy = (action: string, resource: string, element = 'Resource'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ${action}, "${element}": ${resource} }\n  ]\n}`;

testRule(arnEmptyField, {
  valid: [
    // Services and resource types whose ARNs have no region or no account.
    policy('"s3:GetObject"', '["arn:aws:s3:::my-bucket/*", "arn:aws:s3:::my-bucket"]'),
    policy('"iam:PassRole"', '"arn:aws:iam::123456789012:role/MyRole"'),
    policy('"route53:ChangeResourceRecordSets"', '"arn:aws:route53:::hostedzone/Z123"'),
    policy('"ec2:RunInstances"', '["arn:aws:ec2:us-east-1::image/ami-12345678", "arn:aws:ec2:*::snapshot/*"]'),
    // AWS-owned documents and public parameters have no account.
    policy('"ssm:SendCommand"', '["arn:aws:ssm:us-east-2::document/AWS-RunShellScript", "arn:aws:ssm:*::document/*"]'),
    policy('"ssm:GetParameters"', '"arn:aws:ssm:*::parameter/aws/service/ami-amazon-linux-latest/*"'),
    // Wildcards and variables fill a field; a template-less service or an unknown one is not judged.
    policy('"logs:PutLogEvents"', '["arn:aws:logs:*:*:log-group:app:*", "arn:aws:logs:${aws:RequestedRegion}:${aws:PrincipalAccount}:log-group:app"]'),
    policy('"nosuch:Thing"', '"arn:aws:nosuch:::thing/x"'),
    // An empty partition is arn-partition's finding; an ARN no type matches is resource-type-mismatch's.
    policy('"ssm:GetParameter"', '"arn::ssm:us-east-1:123456789012:parameter/x"'),
  ],
  invalid: [
    {
      name: 'a log group without region and account',
      code: policy('["logs:CreateLogStream", "logs:PutLogEvents"]', '"arn:aws:logs:::log-group:/aws/lambda/fn:*"'),
      errors: [
        {
          messageId: 'regionAndAccount',
          text: '"arn:aws:logs:::log-group:/aws/lambda/fn:*"',
          data: { template: 'arn:aws:logs:${Region}:${Account}:log-group:${LogGroupName}' },
          suggestions: [{ messageId: 'fill', data: { suggestion: 'arn:aws:logs:*:*:log-group:/aws/lambda/fn:*' }, output: policy('["logs:CreateLogStream", "logs:PutLogEvents"]', '"arn:aws:logs:*:*:log-group:/aws/lambda/fn:*"') }],
        },
      ],
      output: null,
    },
    {
      name: 'a parameter without region: "*" when the policy names no single Region',
      code: policy('"ssm:GetParameter"', '"arn:aws:ssm::123456789012:parameter/app/db"'),
      errors: [
        {
          messageId: 'region',
          data: { arn: 'arn:aws:ssm::123456789012:parameter/app/db' },
          suggestions: [{ messageId: 'fill', data: { suggestion: 'arn:aws:ssm:*:123456789012:parameter/app/db' }, output: policy('"ssm:GetParameter"', '"arn:aws:ssm:*:123456789012:parameter/app/db"') }],
        },
      ],
    },
    {
      name: 'a customer parameter without account',
      code: policy('"ssm:GetParameter"', '"arn:aws:ssm:us-east-1::parameter/app/db"'),
      errors: [{ messageId: 'account', suggestions: [{ messageId: 'fill', output: policy('"ssm:GetParameter"', '"arn:aws:ssm:us-east-1:*:parameter/app/db"') }] }],
    },
    {
      name: 'in NotResource too',
      code: policy('"ssm:*"', '["arn:aws:ssm:::parameter/app/*"]', 'NotResource'),
      errors: [{ messageId: 'regionAndAccount', suggestions: [{ messageId: 'fill', output: policy('"ssm:*"', '["arn:aws:ssm:*:*:parameter/app/*"]', 'NotResource') }] }],
    },
    {
      name: 'an AWS managed policy grants KMS keys without an account (AWSRefactoringToolkitFullAccess)',
      code: policy('["kms:Decrypt"]', '"arn:aws:kms:*::*"'),
      errors: [{ messageId: 'account', suggestions: [{ messageId: 'fill', output: policy('["kms:Decrypt"]', '"arn:aws:kms:*:*:*"') }] }],
    },
    {
      name: 'the suggestion fills empty fields from the Region and account the policy names elsewhere',
      code: `{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:::log-group:app:*"},
  {"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "arn:aws:ssm:eu-west-1:111111111111:parameter/app/*"}]}`,
      errors: [
        {
          messageId: 'regionAndAccount',
          suggestions: [
            {
              messageId: 'fill',
              data: { suggestion: 'arn:aws:logs:eu-west-1:111111111111:log-group:app:*' },
              output: `{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:eu-west-1:111111111111:log-group:app:*"},
  {"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "arn:aws:ssm:eu-west-1:111111111111:parameter/app/*"}]}`,
            },
          ],
        },
      ],
    },
  ],
});
