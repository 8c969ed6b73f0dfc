import { arnRegion } from '../../../src/core/rules/arn-region';
import { testRule } from '../rule-tester';

const policy = (resource: string, element = 'Resource'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "ssm:SendCommand", "${element}": ${resource} }\n  ]\n}`;

testRule(arnRegion, {
  valid: [
    policy('["arn:aws:ssm:us-east-1::document/AWS-RunShellScript", "arn:aws:ec2:ap-southeast-7:123456789012:instance/*"]'),
    // Newer Regions and other partitions.
    policy('["arn:aws:ssm:mx-central-1:*:*", "arn:aws:ssm:ca-west-1:*:*", "arn:aws:ssm:il-central-1:*:*", "arn:aws:ssm:ap-east-2:*:*"]'),
    policy('["arn:aws-cn:ssm:cn-northwest-1:*:*", "arn:aws-us-gov:ssm:us-gov-east-1:*:*", "arn:aws-eusc:ssm:eusc-de-east-1:*:*", "arn:aws-iso-b:ssm:us-isob-east-1:*:*"]'),
    // Empty, wildcards and policy variables.
    policy('["arn:aws:s3:::bucket", "arn:aws:ssm:*:*:*", "arn:aws:ssm:us-*:*:*", "arn:aws:ssm:${aws:RequestedRegion}:*:*"]'),
    // A partition wildcard allows the Regions of every partition it matches.
    policy('["arn:*:ssm:cn-north-1:*:*", "arn:aws*:ssm:us-gov-west-1:*:*"]'),
    // Placeholders are the placeholder rule's job; unknown partitions arn-partition's.
    policy('["arn:aws:ssm:region:*:*", "arn:aws:ssm:REGION:*:*", "arn:aws:ssm:<region>:*:*", "arn:amazon:ssm:us-east-7:*:*"]'),
  ],
  invalid: [
    {
      name: 'a Region that does not exist',
      code: policy('"arn:aws:ssm:us-east-7:123456789012:document/MyDoc"'),
      errors: [{ messageId: 'unknownDidYouMean', text: '"arn:aws:ssm:us-east-7:123456789012:document/MyDoc"', data: { region: 'us-east-7', suggestion: 'us-east-1' }, suggestions: [{ messageId: 'changeRegion', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": "arn:aws:ssm:us-east-1:123456789012:document/MyDoc" }
  ]
}` }] }],
      output: null,
    },
    {
      name: 'hyphens missing, or the number',
      code: policy('["arn:aws:ssm:useast1:*:*", "arn:aws:ssm:us-east:*:*"]'),
      errors: [
        { messageId: 'unknownDidYouMean', data: { suggestion: 'us-east-1' }, suggestions: [{ messageId: 'changeRegion', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": ["arn:aws:ssm:us-east-1:*:*", "arn:aws:ssm:us-east:*:*"] }
  ]
}` }] },
        { messageId: 'unknownDidYouMean', data: { suggestion: 'us-east-1' }, suggestions: [{ messageId: 'changeRegion', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": ["arn:aws:ssm:useast1:*:*", "arn:aws:ssm:us-east-1:*:*"] }
  ]
}` }] },
      ],
      output: null,
    },
    {
      name: 'an Availability Zone',
      code: policy('"arn:aws:ec2:us-east-1a:123456789012:instance/*"'),
      errors: [{ messageId: 'zone', data: { region: 'us-east-1a', suggestion: 'us-east-1' }, suggestions: [{ messageId: 'changeRegion', output: policy('"arn:aws:ec2:us-east-1:123456789012:instance/*"') }] }],
      output: null,
    },
    {
      name: 'a Local Zone',
      code: policy('"arn:aws:ec2:us-west-2-lax-1a:123456789012:instance/*"'),
      errors: [{ messageId: 'zone', data: { suggestion: 'us-west-2' }, suggestions: [{ messageId: 'changeRegion', output: policy('"arn:aws:ec2:us-west-2:123456789012:instance/*"') }] }],
      output: null,
    },
    {
      name: 'upper case',
      code: policy('"arn:aws:ssm:US-EAST-2:*:*"'),
      errors: [{ messageId: 'wrongCase', data: { suggestion: 'us-east-2' }, suggestions: [{ messageId: 'changeRegion', output: policy('"arn:aws:ssm:us-east-2:*:*"') }] }],
      output: null,
    },
    {
      name: 'a Region of another partition',
      code: policy('["arn:aws:ssm:cn-north-1:*:*", "arn:aws-cn:ssm:us-east-1:*:*"]'),
      errors: [
        { messageId: 'otherPartition', data: { region: 'cn-north-1', partition: 'aws', regionPartition: 'aws-cn' } },
        { messageId: 'otherPartition', data: { region: 'us-east-1', partition: 'aws-cn', regionPartition: 'aws' } },
      ],
      output: null,
    },
    {
      name: 'nothing close, in NotResource',
      code: policy('"arn:aws:ssm:frankfurt:*:*"', 'NotResource'),
      errors: [{ messageId: 'unknown', path: ['Statement', 0, 'NotResource'] }],
      output: null,
    },
  ],
});
