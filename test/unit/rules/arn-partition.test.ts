import { arnPartition } from '../../../src/core/rules/arn-partition';
import { testRule } from '../rule-tester';

const policy = (resource: string, element = 'Resource'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "ssm:SendCommand", "${element}": ${resource} }\n  ]\n}`;

testRule(arnPartition, {
  valid: [
    policy(
      '["arn:aws:ssm:us-east-1::document/AWS-RunShellScript", "arn:aws-cn:ec2:cn-north-1:123456789012:instance/*", "arn:aws-us-gov:ssm:*:*:*"]',
    ),
    policy('["arn:aws-iso:s3:::b", "arn:aws-iso-b:s3:::b", "arn:aws-iso-e:s3:::b", "arn:aws-iso-f:s3:::b", "arn:aws-eusc:s3:::b"]'),
    // Wildcards are not judged.
    policy('["arn:*:ssm:*:*:document/*", "arn:aws*:ssm:*:*:*", "arn:gov*:s3:::b"]'),
    // Not an ARN: arn-syntax's job.
    policy('"amazon:ssm:document/x"'),
    policy('"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"', 'NotResource'),
  ],
  invalid: [
    {
      name: 'a made-up partition',
      code: policy('"arn:amazon:ssm:us-east-1:123456789012:document/MyDoc"'),
      errors: [{ messageId: 'unknownDidYouMean', text: '"arn:amazon:ssm:us-east-1:123456789012:document/MyDoc"', data: { partition: 'amazon', suggestion: 'aws' }, suggestions: [{ messageId: 'changePartition', output: policy('"arn:aws:ssm:us-east-1:123456789012:document/MyDoc"') }] }],
      output: null,
    },
    {
      name: 'a China partition by another name',
      code: policy('["arn:aws-china:ec2:cn-north-1:123456789012:instance/*"]'),
      errors: [{ messageId: 'unknownDidYouMean', data: { suggestion: 'aws-cn' }, suggestions: [{ messageId: 'changePartition', output: policy('["arn:aws-cn:ec2:cn-north-1:123456789012:instance/*"]') }] }],
      output: null,
    },
    {
      name: 'a typo',
      code: policy('"arn:aws-us-gove:ssm:*:*:*"'),
      errors: [{ messageId: 'unknownDidYouMean', data: { suggestion: 'aws-us-gov' }, suggestions: [{ messageId: 'changePartition', output: policy('"arn:aws-us-gov:ssm:*:*:*"') }] }],
      output: null,
    },
    {
      name: 'upper case',
      code: policy('"arn:AWS:ssm:*:*:*"'),
      errors: [{ messageId: 'unknownDidYouMean', data: { suggestion: 'aws' }, suggestions: [{ messageId: 'changePartition', output: policy('"arn:aws:ssm:*:*:*"') }] }],
      output: null,
    },
    {
      name: 'empty, fixed from the region',
      code: policy('"arn::ssm:us-gov-west-1:123456789012:document/MyDoc"'),
      errors: [{ messageId: 'empty', data: { suggestion: 'aws-us-gov' }, suggestions: [{ messageId: 'changePartition', output: policy('"arn:aws-us-gov:ssm:us-gov-west-1:123456789012:document/MyDoc"') }] }],
      output: null,
    },
    {
      name: 'empty and no region to tell: no fix',
      code: policy('"arn::s3:::my-bucket"'),
      errors: [{ messageId: 'empty', data: { suggestion: 'aws' }, suggestions: [{ messageId: 'changePartition', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": "arn:aws:s3:::my-bucket" }
  ]
}` }] }],
      output: null,
    },
    {
      name: 'a template placeholder',
      code: policy('"arn:${ARN_PARTITION}:s3:::my-bucket"'),
      errors: [{ messageId: 'variable', data: { partition: '${ARN_PARTITION}' } }],
      output: null,
    },
    {
      name: 'in NotResource',
      code: policy('["arn:aws-gov:s3:::b"]', 'NotResource'),
      errors: [{ messageId: 'unknownDidYouMean', path: ['Statement', 0, 'NotResource', 0], data: { suggestion: 'aws-us-gov' }, suggestions: [{ messageId: 'changePartition', output: policy('["arn:aws-us-gov:s3:::b"]', 'NotResource') }] }],
      output: null,
    },
  ],
});
