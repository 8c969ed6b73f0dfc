import { arnRegionAccountForbidden } from '../../../src/core/rules/arn-region-account-forbidden';
import { testRule } from '../rule-tester';

const policy = (resource: string, element = 'Resource'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "iam:PassRole", "${element}": ${resource} }\n  ]\n}`;

testRule(arnRegionAccountForbidden, {
  valid: [
    policy('["arn:aws:iam::123456789012:role/SSMRole", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]'),
    // Wildcards match the empty field.
    policy('["arn:aws:iam:*:123456789012:role/x", "arn:aws:s3:*:*:my-bucket/*"]'),
    // Policy variables may resolve to anything: not judged.
    policy('"arn:aws:iam:${aws:RequestedRegion}:123456789012:role/x"'),
    // S3 access points have a region and an account.
    policy('["arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap", "arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap/object/*"]'),
    // Regional services.
    policy('["arn:aws:ssm:us-east-1:123456789012:document/MyDoc", "arn:aws:ec2:us-east-1:123456789012:instance/*"]'),
    // Services without data, and ARNs that match no type either way, are not judged.
    policy('["arn:aws:nosuchservice:us-east-1:123456789012:thing/x", "arn:aws:iam:us-east-1:123456789012:nosuchtype/x"]'),
  ],
  invalid: [
    {
      name: 'IAM has no regions',
      code: policy('"arn:aws:iam:us-east-1:123456789012:role/SSMRole"'),
      errors: [
        {
          messageId: 'region',
          text: '"arn:aws:iam:us-east-1:123456789012:role/SSMRole"',
          data: { region: 'us-east-1', suggestion: 'arn:aws:iam::123456789012:role/SSMRole' }, suggestions: [{ messageId: 'removeRegion', output: policy('"arn:aws:iam::123456789012:role/SSMRole"') }],
        },
      ],
      output: null,
    },
    {
      name: 'S3 bucket ARNs have no account',
      code: policy('["arn:aws:s3::123456789012:my-bucket"]'),
      errors: [{ messageId: 'account', data: { account: '123456789012' }, suggestions: [{ messageId: 'removeAccount', output: policy('["arn:aws:s3:::my-bucket"]') }] }],
      output: null,
    },
    {
      name: 'S3 objects have neither',
      code: policy('["arn:aws:s3:us-east-1:123456789012:my-bucket/*"]'),
      errors: [{ messageId: 'regionAndAccount', data: { suggestion: 'arn:aws:s3:::my-bucket/*' }, suggestions: [{ messageId: 'removeRegionAndAccount', output: policy('["arn:aws:s3:::my-bucket/*"]') }] }],
      output: null,
    },
    {
      name: 'a partial wildcard cannot match an empty region, in NotResource',
      code: policy('"arn:aws:iam:us-*:123456789012:role/*"', 'NotResource'),
      errors: [{ messageId: 'region', path: ['Statement', 0, 'NotResource'], suggestions: [{ messageId: 'removeRegion', output: policy('"arn:aws:iam::123456789012:role/*"', 'NotResource') }] }],
      output: null,
    },
  ],
});
