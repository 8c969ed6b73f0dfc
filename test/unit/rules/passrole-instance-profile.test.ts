import { passroleInstanceProfile } from '../../../src/core/rules/passrole-instance-profile';
import { testRule } from '../rule-tester';

const policy = (...statements: string[]): string => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}`;

testRule(passroleInstanceProfile, {
  valid: [
    policy('{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/SSMInstanceRole" }'),
    // Profile actions on profiles are right; PassRole on the role of the same name covers the profile entry.
    policy('{ "Effect": "Allow", "Action": ["iam:GetInstanceProfile", "iam:AddRoleToInstanceProfile"], "Resource": "arn:aws:iam::123456789012:instance-profile/SSMInstanceRole" }'),
    policy(
      '{ "Effect": "Allow", "Action": ["iam:PassRole", "iam:GetInstanceProfile"], "Resource": ["arn:aws:iam::123456789012:role/SSMInstanceRole", "arn:aws:iam::123456789012:instance-profile/SSMInstanceRole"] }',
    ),
    policy(
      '{ "Effect": "Allow", "Action": "iam:GetInstanceProfile", "Resource": "arn:aws:iam::123456789012:instance-profile/*" }',
      '{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" }',
    ),
    policy('{ "Effect": "Allow", "Action": "iam:*", "Resource": ["arn:aws:iam::123456789012:role/app-*", "arn:aws:iam::123456789012:instance-profile/app-*"] }'),
    // A Deny, and a bare "*" action, are not judged.
    policy('{ "Effect": "Deny", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:instance-profile/Admin" }'),
    policy('{ "Effect": "Allow", "Action": "*", "Resource": "arn:aws:iam::123456789012:instance-profile/Admin" }'),
  ],
  invalid: [
    {
      name: 'PassRole on the instance profile only',
      code: policy('{ "Effect": "Allow", "Action": ["ec2:RunInstances", "iam:PassRole"], "Resource": ["arn:aws:ec2:*:*:*", "arn:aws:iam::123456789012:instance-profile/SSMInstanceProfile"] }'),
      errors: [
        {
          messageId: 'instanceProfile',
          text: '"arn:aws:iam::123456789012:instance-profile/SSMInstanceProfile"',
          data: { roleArn: 'arn:aws:iam::123456789012:role/SSMInstanceProfile' },
          suggestions: [
            {
              messageId: 'useRole',
              data: { roleArn: 'arn:aws:iam::123456789012:role/SSMInstanceProfile' },
              output: policy('{ "Effect": "Allow", "Action": ["ec2:RunInstances", "iam:PassRole"], "Resource": ["arn:aws:ec2:*:*:*", "arn:aws:iam::123456789012:role/SSMInstanceProfile"] }'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'through iam:Pass*, with a path and a role of another name',
      code: policy(
        '{ "Effect": "Allow", "Action": "iam:Pass*", "Resource": "arn:aws:iam::123456789012:instance-profile/ops/Web" }',
        '{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/ops/Db" }',
      ),
      errors: [
        {
          messageId: 'instanceProfile',
          data: { grant: 'iam:PassRole (through "iam:Pass*")', roleArn: 'arn:aws:iam::123456789012:role/ops/Web' },
          suggestions: [
            {
              messageId: 'useRole',
              output: policy(
                '{ "Effect": "Allow", "Action": "iam:Pass*", "Resource": "arn:aws:iam::123456789012:role/ops/Web" }',
                '{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/ops/Db" }',
              ),
            },
          ],
        },
      ],
    },
  ],
});
