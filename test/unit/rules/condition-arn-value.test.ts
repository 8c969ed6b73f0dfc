import * as assert from 'node:assert/strict';
import { conditionArnValue } from '../../../src/core/rules/condition-arn-value';
import { testRule } from '../rule-tester';
import { suggestionsOf } from '../suggestion-tester';

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
      name: 'an unknown partition',
      code: policy('{ "ArnEquals": { "aws:SourceArn": "arn:amazon:sns:us-east-1:123456789012:topic" } }'),
      errors: [{ messageId: 'partition', data: { advice: ' Did you mean "aws"?' } }],
    },
    {
      name: 'a zone for a Region, under a String operator with an ARN key',
      code: policy('{ "StringEquals": { "ec2:SourceInstanceARN": "arn:aws:ec2:us-east-1a:123456789012:instance/i-0123456789abcdef0" } }'),
      errors: [{ messageId: 'region' }],
    },
    {
      name: 'an empty region in a log group ARN',
      code: policy('{ "ArnLike": { "aws:SourceArn": "arn:aws:logs::123456789012:log-group:app:*" } }'),
      errors: [{ messageId: 'emptyField' }],
    },
    {
      name: 'a Region in an IAM role ARN',
      code: policy('{ "ArnEquals": { "aws:PrincipalArn": "arn:aws:iam:us-east-1:123456789012:role/Admin" } }'),
      errors: [{ messageId: 'forbiddenField' }],
    },
    {
      name: 'the prefix in upper case',
      code: policy('{ "ArnLike": { "aws:SourceArn": "ARN:aws:sns:us-east-1:123456789012:topic" } }'),
      errors: [{ messageId: 'syntax' }],
    },
  ],
});

describe('rule condition-arn-value: suggestions', () => {
  it('offers the corrected ARN where the diagnosis has one', async () => {
    const code = policy('{ "ArnNotLike": { "aws:PrincipalArn": "arn:aws:iam:us-east-1:123456789012:role/Admin" } }', 'Deny');
    const [first] = await suggestionsOf(conditionArnValue, code);
    assert.deepEqual(first?.map((s) => s.title), ['Write "arn:aws:iam::123456789012:role/Admin"']);
  });

  it('offers a did-you-mean partition', async () => {
    const [first] = await suggestionsOf(conditionArnValue, policy('{ "ArnEquals": { "aws:SourceArn": "arn:amazon:sns:us-east-1:123456789012:topic" } }'));
    assert.deepEqual(first?.map((s) => s.title), ['Write "arn:aws:sns:us-east-1:123456789012:topic"']);
  });
});
