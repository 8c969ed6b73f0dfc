import { ssmArnMixup } from '../../../src/core/rules/ssm-arn-mixup';
import { testRule } from '../rule-tester';

const policy = (resource: string, element = 'Resource'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "ssm:SendCommand", "${element}": ${resource} }\n  ]\n}`;

testRule(ssmArnMixup, {
  valid: [
    policy('["arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0", "arn:aws:ssm:us-east-1:123456789012:managed-instance/mi-0123456789abcdef0"]'),
    policy('["arn:aws:ec2:*:*:instance/*", "arn:aws:ssm:*:*:managed-instance/*", "arn:aws:ssm:*:*:managed-instance-inventory/*"]'),
    policy('["arn:aws:ssm:*:*:document/AWS-*", "arn:aws:ec2:*:*:volume/*", "arn:aws:ssm:*:*:*"]'),
    // Other services are not judged.
    policy('"arn:aws:connect:*:*:instance/*"', 'NotResource'),
    // Actions without resource-level permissions need "*", not an ec2 ARN: resource-type-mismatch reports it.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssmmessages:CreateControlChannel","ssmmessages:OpenControlChannel"],"Resource":"arn:aws:ssm:*:*:instance/*"}]}',
  ],
  invalid: [
    {
      name: 'an EC2 instance under ssm',
      code: policy('"arn:aws:ssm:us-east-1:123456789012:instance/i-0123456789abcdef0"'),
      errors: [
        {
          messageId: 'instanceUnderSsm',
          text: '"arn:aws:ssm:us-east-1:123456789012:instance/i-0123456789abcdef0"',
          data: { suggestion: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0' }, suggestions: [{ messageId: 'changeArn', output: policy('"arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0"') }],
        },
      ],
      output: null,
    },
    {
      name: 'every instance, under ssm',
      code: policy('["arn:aws:ssm:*:*:instance/*"]'),
      errors: [{ messageId: 'instanceUnderSsm', data: { suggestion: 'arn:aws:ec2:*:*:instance/*' }, suggestions: [{ messageId: 'changeArn', output: policy('["arn:aws:ec2:*:*:instance/*"]') }] }],
      output: null,
    },
    {
      name: 'a managed node under ec2',
      code: policy('"arn:aws:ec2:us-east-1:123456789012:managed-instance/mi-0123456789abcdef0"'),
      errors: [{ messageId: 'managedInstanceUnderEc2', data: { suggestion: 'arn:aws:ssm:us-east-1:123456789012:managed-instance/mi-0123456789abcdef0' }, suggestions: [{ messageId: 'changeArn', output: policy('"arn:aws:ssm:us-east-1:123456789012:managed-instance/mi-0123456789abcdef0"') }] }],
      output: null,
    },
    {
      name: 'a managed node written as an instance, under either service',
      code: policy('["arn:aws:ssm:us-east-1:123456789012:instance/mi-0123456789abcdef0", "arn:aws:ec2:*:*:instance/mi-*"]'),
      errors: [
        { messageId: 'managedNodeAsInstance', data: { id: 'mi-0123456789abcdef0', suggestion: 'arn:aws:ssm:us-east-1:123456789012:managed-instance/mi-0123456789abcdef0' }, suggestions: [{ messageId: 'changeArn', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": ["arn:aws:ssm:us-east-1:123456789012:managed-instance/mi-0123456789abcdef0", "arn:aws:ec2:*:*:instance/mi-*"] }
  ]
}` }] },
        { messageId: 'managedNodeAsInstance', data: { suggestion: 'arn:aws:ssm:*:*:managed-instance/mi-*' }, suggestions: [{ messageId: 'changeArn', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": ["arn:aws:ssm:us-east-1:123456789012:instance/mi-0123456789abcdef0", "arn:aws:ssm:*:*:managed-instance/mi-*"] }
  ]
}` }] },
      ],
      output: null,
    },
    {
      name: 'an EC2 instance written as a managed instance',
      code: policy('"arn:aws:ssm:us-east-1:123456789012:managed-instance/i-0123456789abcdef0"', 'NotResource'),
      errors: [{ messageId: 'ec2AsManagedInstance', path: ['Statement', 0, 'NotResource'], data: { suggestion: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0' }, suggestions: [{ messageId: 'changeArn', output: policy('"arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0"', 'NotResource') }] }],
      output: null,
    },
  ],
});
