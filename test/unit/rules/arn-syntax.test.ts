import { arnSyntax } from '../../../src/core/rules/arn-syntax';
import { testRule } from '../rule-tester';

const policy = (resource: string, element = 'Resource'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "ssm:SendCommand", "${element}": ${resource} }\n  ]\n}`;

testRule(arnSyntax, {
  valid: [
    policy('"*"'),
    policy('["arn:aws:ssm:us-east-2::document/AWS-RunShellScript", "arn:aws:ec2:*:*:instance/*"]'),
    policy('"arn:aws:s3:::my-bucket"'),
    // Placeholders left from the docs are the placeholder rule's finding.
    policy('["key-name", "<bucket-arn>"]'),
    // Colons inside policy variables do not count as fields.
    policy('"arn:aws:s3:::home/${aws:userid}/*"'),
    policy('"arn:aws:logs:us-east-1:123456789012:log-group:/aws/ssm:*"'),
    policy('"arn:aws:ssm:*:*:*"', 'NotResource'),
    // Not strings: other rules report the shape.
    policy('[42, null]'),
  ],
  invalid: [
    {
      name: 'an ARN without "arn:"',
      code: policy('"ssm:document/AWS-RunShellScript"'),
      errors: [
        {
          messageId: 'missingArnPrefix',
          text: '"ssm:document/AWS-RunShellScript"',
          data: { example: 'arn:aws:ssm:us-east-1::document/AWS-RunShellScript' },
        },
      ],
      output: null,
    },
    {
      name: 'an S3 ARN without "arn:aws:"',
      code: policy('["s3:::my-bucket/*"]'),
      errors: [{ messageId: 'missingArnPrefix', data: { example: 'arn:aws:s3:::my-bucket/*' } }],
    },
    {
      name: 'an instance ID',
      code: policy('["i-0123456789abcdef0", "mi-0123456789abcdef0"]'),
      errors: [
        { messageId: 'instanceId', text: '"i-0123456789abcdef0"', data: { example: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0' } },
        { messageId: 'instanceId', text: '"mi-0123456789abcdef0"', data: { example: 'arn:aws:ssm:us-east-1:123456789012:managed-instance/mi-0123456789abcdef0' } },
      ],
    },
    {
      name: 'a document name',
      code: policy('"AWS-RunShellScript"'),
      errors: [{ messageId: 'documentName', data: { example: 'arn:aws:ssm:us-east-1::document/AWS-RunShellScript' } }],
    },
    {
      name: 'fewer than six fields',
      code: policy('"arn:aws:ssm:us-east-1:document/MyDoc"'),
      errors: [{ messageId: 'tooFewFields', data: { count: '5' } }],
      output: null,
    },
    {
      name: 'an upper-case prefix is fixed',
      code: policy('"ARN:aws:ssm:us-east-1:123456789012:document/MyDoc"'),
      errors: [{ messageId: 'prefixCase', data: { prefix: 'ARN:' }, suggestions: [{ messageId: 'lowerCasePrefix', output: policy('"arn:aws:ssm:us-east-1:123456789012:document/MyDoc"') }] }],
      output: null,
    },
    {
      name: 'anything else, in NotResource too',
      code: policy('["", "${aws:username}"]', 'NotResource'),
      errors: [
        { messageId: 'notArn', path: ['Statement', 0, 'NotResource', 0] },
        { messageId: 'notArn', path: ['Statement', 0, 'NotResource', 1] },
      ],
    },
  ],
});
