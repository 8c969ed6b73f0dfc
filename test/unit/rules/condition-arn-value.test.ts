import { conditionArnValue } from '../../../src/core/rules/condition-arn-value';
import { testRule } from '../rule-tester';

const policy = (condition: string, effect = 'Allow'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "${effect}", "Action": "ssm:SendCommand", "Resource": "*", "Condition": ${condition} }\n  ]\n}`;

testRule(conditionArnValue, {
  valid: [
    policy('{ "ArnLike": { "aws:PrincipalArn": ["arn:aws:iam::123456789012:role/Admin", "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*"] } }'),
    policy('{ "ArnEquals": { "aws:SourceArn": "arn:aws:ssm:us-east-1:123456789012:automation-execution/*" } }'),
    policy('{ "StringEquals": { "aws:SourceAccount": "123456789012" } }'),
    // Under a String operator a wildcard may stand for colons: "arn:aws:codepipeline:*" matches every pipeline ARN.
    policy('{ "StringLike": { "aws:SourceArn": ["arn:aws:codepipeline:*", "arn:aws:s3:::bucket*"] } }'),
    // Policy variables, named accounts, AWS-owned documents and S3 buckets without region or account.
    policy('{ "ArnLike": { "aws:PrincipalArn": "arn:${aws:partition}:iam::${aws:PrincipalAccount}:role/x" } }'),
    policy('{ "ArnLike": { "aws:SourceArn": ["arn:aws:ssm:*::document/AWS-RunShellScript", "arn:aws:s3:::logs-bucket"] } }'),
    // A key that is not an ARN under a String operator is not judged.
    policy('{ "StringLike": { "ssm:resourceTag/Name": "arn:aws::nonsense" } }'),
    // Placeholders are the placeholder rule's finding.
    policy('{ "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::account-id:role/MyRole" } }'),
  ],
  invalid: [
    {
      name: 'an ARN with five fields under ArnLike',
      code: policy('{ "ArnLike": { "aws:SourceArn": "arn:aws:codepipeline:*" } }'),
      errors: [{ messageId: 'syntax', text: '"arn:aws:codepipeline:*"', data: { key: 'aws:SourceArn', outcome: 'the condition never matches' } }],
      output: null,
    },
    {
      name: 'eleven account digits in aws:PrincipalArn (a negated operator: the guard excludes nothing)',
      code: policy('{ "ArnNotLike": { "aws:PrincipalArn": ["arn:aws:iam::12345678901:role/BreakGlass"] } }', 'Deny'),
      errors: [{ messageId: 'account', data: { outcome: 'the condition holds for every request and excludes nothing' } }],
    },
    {
      name: 'an unknown partition, with a did-you-mean',
      code: policy('{ "ArnEquals": { "aws:SourceArn": "arn:amazon:sns:us-east-1:123456789012:topic" } }'),
      errors: [
        {
          messageId: 'partition',
          data: { advice: ' Did you mean "', adviceValue: 'aws' },
          suggestions: [
            {
              messageId: 'replace',
              data: { suggestion: 'arn:aws:sns:us-east-1:123456789012:topic' },
              output: policy('{ "ArnEquals": { "aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:topic" } }'),
            },
          ],
        },
      ],
    },
    {
      name: 'a zone for a Region, under a String operator with an ARN key',
      code: policy('{ "StringEquals": { "ec2:SourceInstanceARN": "arn:aws:ec2:us-east-1a:123456789012:instance/i-0123456789abcdef0" } }'),
      errors: [
        {
          messageId: 'region',
          suggestions: [
            {
              messageId: 'replace',
              data: { suggestion: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0' },
              output: policy('{ "StringEquals": { "ec2:SourceInstanceARN": "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0" } }'),
            },
          ],
        },
      ],
    },
    {
      name: 'an empty region in a log group ARN',
      code: policy('{ "ArnLike": { "aws:SourceArn": "arn:aws:logs::123456789012:log-group:app:*" } }'),
      errors: [
        {
          messageId: 'emptyField',
          suggestions: [{ messageId: 'replace', output: policy('{ "ArnLike": { "aws:SourceArn": "arn:aws:logs:*:123456789012:log-group:app:*" } }') }],
        },
      ],
    },
    {
      name: 'a Region in an IAM role ARN',
      code: policy('{ "ArnEquals": { "aws:PrincipalArn": "arn:aws:iam:us-east-1:123456789012:role/Admin" } }'),
      errors: [
        {
          messageId: 'forbiddenField',
          suggestions: [{ messageId: 'replace', output: policy('{ "ArnEquals": { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/Admin" } }') }],
        },
      ],
    },
    {
      name: 'a Region in an IAM role ARN under a negated operator, in a Deny',
      code: policy('{ "ArnNotLike": { "aws:PrincipalArn": "arn:aws:iam:us-east-1:123456789012:role/Admin" } }', 'Deny'),
      errors: [
        {
          messageId: 'forbiddenField',
          suggestions: [
            {
              messageId: 'replace',
              data: { suggestion: 'arn:aws:iam::123456789012:role/Admin' },
              output: policy('{ "ArnNotLike": { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/Admin" } }', 'Deny'),
            },
          ],
        },
      ],
    },
    {
      name: 'the prefix in upper case',
      code: policy('{ "ArnLike": { "aws:SourceArn": "ARN:aws:sns:us-east-1:123456789012:topic" } }'),
      errors: [
        {
          messageId: 'syntax',
          suggestions: [{ messageId: 'replace', output: policy('{ "ArnLike": { "aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:topic" } }') }],
        },
      ],
    },
  ],
});
