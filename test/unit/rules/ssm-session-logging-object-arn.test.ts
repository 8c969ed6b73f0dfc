import * as assert from 'node:assert/strict';
import { ssmSessionLoggingObjectArn } from '../../../src/core/rules/ssm-session-logging-object-arn';
import { testRule } from '../rule-tester';
import { suggestionsOf } from '../suggestion-tester';

const CHANNELS = '{ "Effect": "Allow", "Action": ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"], "Resource": "*" }';
const ENCRYPTION = '{ "Effect": "Allow", "Action": "s3:GetEncryptionConfiguration", "Resource": "arn:aws:s3:::session-logs" }';
const policy = (...statements: string[]): string => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}`;
const put = (resource: string, action = '"s3:PutObject"'): string => `{ "Effect": "Allow", "Action": ${action}, "Resource": ${resource} }`;

testRule(ssmSessionLoggingObjectArn, {
  valid: [
    policy(CHANNELS, ENCRYPTION, put('"arn:aws:s3:::session-logs/ssm/*"')),
    policy(CHANNELS, put('["arn:aws:s3:::session-logs", "arn:aws:s3:::session-logs/*"]', '["s3:PutObject", "s3:GetEncryptionConfiguration"]')),
    // Not a Session Manager policy: a single object may be meant.
    policy(put('"arn:aws:s3:::config-bucket/settings"')),
    // A file name, a wildcard, a variable; another statement already grants the prefix.
    policy(CHANNELS, put('["arn:aws:s3:::session-logs/ssm/agent.log", "arn:aws:s3:::session-logs/ssm*", "arn:aws:s3:::session-logs/${aws:userid}"]')),
    policy(CHANNELS, put('"arn:aws:s3:::session-logs/ssm"'), put('"arn:aws:s3:::session-logs/*"')),
    // A bare "*" action is left to the general rules.
    policy(CHANNELS, put('"arn:aws:s3:::session-logs"', '"*"')),
  ],
  invalid: [
    {
      name: 'PutObject on the bucket ARN (terraform-aws-session-manager-config)',
      code: policy(CHANNELS, ENCRYPTION, put('"arn:aws:s3:::session-logs"')),
      errors: [{ messageId: 'bucketArn', text: '"arn:aws:s3:::session-logs"', data: { suggestion: 'arn:aws:s3:::session-logs/*' } }],
      output: null,
    },
    {
      name: 'PutObject on the key prefix without /*',
      code: policy(ENCRYPTION, put('["arn:aws:s3:::session-logs/ssm/"]', '["s3:PutObject", "s3:PutObjectAcl"]')),
      errors: [{ messageId: 'prefixArn', data: { key: 'ssm', suggestion: 'arn:aws:s3:::session-logs/ssm/*' } }],
    },
    {
      name: 'through s3:Put*',
      code: policy(CHANNELS, put('"arn:aws:s3:::session-logs/prod/sessions"', '"s3:Put*"')),
      errors: [{ messageId: 'prefixArn', data: { grant: 's3:PutObject (through "s3:Put*")' } }],
    },
  ],
});

describe('rule ssm-session-logging-object-arn: suggestions', () => {
  it('adds the object ARNs beside the bucket ARN', async () => {
    const [first] = await suggestionsOf(ssmSessionLoggingObjectArn, policy(CHANNELS, put('["arn:aws:s3:::session-logs"]', '["s3:PutObject", "s3:GetEncryptionConfiguration"]')));
    assert.ok(first?.[0]?.output.includes('"Resource": ["arn:aws:s3:::session-logs", "arn:aws:s3:::session-logs/*"]'));
  });

  it('turns the prefix into a prefix pattern', async () => {
    const [first] = await suggestionsOf(ssmSessionLoggingObjectArn, policy(CHANNELS, put('"arn:aws:s3:::session-logs/ssm"')));
    assert.deepEqual(first?.map((s) => s.title), ['Write "arn:aws:s3:::session-logs/ssm/*"']);
  });
});
