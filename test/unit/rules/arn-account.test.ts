import { arnAccount } from '../../../src/core/rules/arn-account';
import { testRule } from '../rule-tester';

const policy = (resource: string, element = 'Resource'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "ssm:SendCommand", "${element}": ${resource} }\n  ]\n}`;

testRule(arnAccount, {
  valid: [
    policy('["arn:aws:ssm:us-east-1:123456789012:document/MyDoc", "arn:aws:ssm:us-east-1::document/AWS-RunShellScript"]'),
    policy('["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", "arn:aws:s3:::bucket/*"]'),
    // AWS partner managed policies and CloudFront origin access identities name their account.
    policy('["arn:aws:iam::partner:policy/permissions-boundary/vercel.com/Boundary", "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHEXAMPLE"]'),
    policy('["arn:aws:ssm:*:*:*", "arn:aws:ssm:*:12345678901?:*", "arn:aws:ssm:*:${aws:PrincipalAccount}:*"]'),
    // Documentation placeholders are the placeholder rule's job.
    policy('["arn:aws:ssm:*:account-id:*", "arn:aws:ssm:*:ACCOUNT_ID:*", "arn:aws:ssm:*:-123456789012:*", "arn:aws:ssm:*:111122223333-example:*"]'),
    // Leading zeros are part of the ID.
    policy('"arn:aws:ssm:*:012345678901:*"', 'NotResource'),
  ],
  invalid: [
    {
      name: 'eleven digits',
      code: policy('"arn:aws:ssm:us-east-1:12345678901:document/MyDoc"'),
      errors: [{ messageId: 'length', text: '"arn:aws:ssm:us-east-1:12345678901:document/MyDoc"', data: { account: '12345678901', count: '11' } }],
      output: null,
    },
    {
      name: 'written as the console shows it',
      code: policy('["arn:aws:ssm:us-east-1:1234-5678-9012:document/MyDoc"]'),
      errors: [{ messageId: 'separators', data: { suggestion: '123456789012' }, suggestions: [{ messageId: 'changeAccount', output: policy('["arn:aws:ssm:us-east-1:123456789012:document/MyDoc"]') }] }],
      output: null,
    },
    {
      name: 'other characters, in NotResource',
      code: policy('"arn:aws:ssm:us-east-1:#123:document/MyDoc"', 'NotResource'),
      errors: [{ messageId: 'format', path: ['Statement', 0, 'NotResource'] }],
      output: null,
    },
  ],
});
