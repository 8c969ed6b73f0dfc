import { ssmSessionLoggingObjectArn } from '../../../src/core/rules/ssm-session-logging-object-arn';
import { testRule } from '../rule-tester';

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
      errors: [
        {
          messageId: 'bucketArn',
          text: '"arn:aws:s3:::session-logs"',
          data: { suggestion: 'arn:aws:s3:::session-logs/*' },
          suggestions: [{ messageId: 'addObjects', output: policy(CHANNELS, ENCRYPTION, put('["arn:aws:s3:::session-logs", "arn:aws:s3:::session-logs/*"]')) }],
        },
      ],
      output: null,
    },
    {
      name: 'PutObject on the key prefix without /*',
      code: policy(ENCRYPTION, put('["arn:aws:s3:::session-logs/ssm/"]', '["s3:PutObject", "s3:PutObjectAcl"]')),
      errors: [{ messageId: 'prefixArn', data: { key: 'ssm', suggestion: 'arn:aws:s3:::session-logs/ssm/*' }, suggestions: [{ messageId: 'usePrefix', output: policy(ENCRYPTION, put('["arn:aws:s3:::session-logs/ssm/*"]', '["s3:PutObject", "s3:PutObjectAcl"]')) }] }],
    },
    {
      name: 'through s3:Put*',
      code: policy(CHANNELS, put('"arn:aws:s3:::session-logs/prod/sessions"', '"s3:Put*"')),
      errors: [{ messageId: 'prefixArn', data: { grant: 's3:PutObject (through "s3:Put*")' }, suggestions: [{ messageId: 'usePrefix', output: policy(CHANNELS, put('"arn:aws:s3:::session-logs/prod/sessions/*"', '"s3:Put*"')) }] }],
    },
    {
      name: 'the suggestion adds the object ARNs beside the bucket ARN',
      code: policy(CHANNELS, put('["arn:aws:s3:::session-logs"]', '["s3:PutObject", "s3:GetEncryptionConfiguration"]')),
      errors: [{ messageId: 'bucketArn', suggestions: [{ messageId: 'addObjects', output: policy(CHANNELS, put('["arn:aws:s3:::session-logs", "arn:aws:s3:::session-logs/*"]', '["s3:PutObject", "s3:GetEncryptionConfiguration"]')) }] }],
    },
    {
      name: 'the suggestion turns the prefix into a prefix pattern',
      code: policy(CHANNELS, put('"arn:aws:s3:::session-logs/ssm"')),
      errors: [{ messageId: 'prefixArn', suggestions: [{ messageId: 'usePrefix', data: { suggestion: 'arn:aws:s3:::session-logs/ssm/*' }, output: policy(CHANNELS, put('"arn:aws:s3:::session-logs/ssm/*"')) }] }],
    },
  ],
});
