import { ssmDocumentAccount } from '../../../src/core/rules/ssm-document-account';
import { testRule } from '../rule-tester';

const policy = (resource: string, element = 'Resource'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "ssm:SendCommand", "${element}": ${resource} }\n  ]\n}`;

testRule(ssmDocumentAccount, {
  valid: [
    policy('["arn:aws:ssm:us-east-2::document/AWS-RunShellScript", "arn:aws:ssm:*:*:document/AWS-RunPatchBaseline", "arn:aws:ssm:*:**:document/AWSSupport-*"]'),
    // Customer documents, including Quick Setup's AWSQuickSetup-… documents, live in an account.
    policy('["arn:aws:ssm:us-east-1:123456789012:document/MyDocument", "arn:aws:ssm:*:123456789012:document/AWSQuickSetup-CreateAndAttachIAMToInstance"]'),
    // A pattern whose literal start is no AWS-owned prefix may name customer documents.
    policy('["arn:aws:ssm:*:123456789012:document/AWS*", "arn:aws:ssm:*:123456789012:document/*"]'),
    // Document names are case-sensitive; other resource types and services are not judged.
    policy('["arn:aws:ssm:*:123456789012:document/aws-mine", "arn:aws:ssm:*:123456789012:parameter/AWS-x", "arn:aws:ec2:*:123456789012:document/AWS-x"]'),
  ],
  invalid: [
    {
      name: 'an AWS-owned document with an account',
      code: policy('"arn:aws:ssm:us-east-2:123456789012:document/AWS-RunShellScript"'),
      errors: [
        {
          messageId: 'ownedByAws',
          text: '"arn:aws:ssm:us-east-2:123456789012:document/AWS-RunShellScript"',
          data: { name: 'AWS-RunShellScript', account: '123456789012', prefix: 'AWS-', suggestion: 'arn:aws:ssm:us-east-2::document/AWS-RunShellScript' }, suggestions: [{ messageId: 'removeAccount', output: policy('"arn:aws:ssm:us-east-2::document/AWS-RunShellScript"') }],
        },
      ],
      output: null,
    },
    {
      name: 'other AWS owners, patterns and Automation definitions',
      code: policy(
        '["arn:aws:ssm:*:${aws:PrincipalAccount}:document/AmazonCloudWatch-ManageAgent", "arn:aws:ssm:*:123456789012:document/AWSSupport-*", "arn:aws:ssm:*:123456789012:automation-definition/AWS-RestartEC2Instance:$DEFAULT"]',
      ),
      errors: [
        { messageId: 'ownedByAws', data: { prefix: 'AmazonCloudWatch-' }, suggestions: [{ messageId: 'removeAccount', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": ["arn:aws:ssm:*::document/AmazonCloudWatch-ManageAgent", "arn:aws:ssm:*:123456789012:document/AWSSupport-*", "arn:aws:ssm:*:123456789012:automation-definition/AWS-RestartEC2Instance:$DEFAULT"] }
  ]
}` }] },
        { messageId: 'ownedByAws', data: { name: 'AWSSupport-*' }, suggestions: [{ messageId: 'removeAccount', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": ["arn:aws:ssm:*:\${aws:PrincipalAccount}:document/AmazonCloudWatch-ManageAgent", "arn:aws:ssm:*::document/AWSSupport-*", "arn:aws:ssm:*:123456789012:automation-definition/AWS-RestartEC2Instance:$DEFAULT"] }
  ]
}` }] },
        { messageId: 'ownedByAws', data: { name: 'AWS-RestartEC2Instance:$DEFAULT' }, suggestions: [{ messageId: 'removeAccount', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": ["arn:aws:ssm:*:\${aws:PrincipalAccount}:document/AmazonCloudWatch-ManageAgent", "arn:aws:ssm:*:123456789012:document/AWSSupport-*", "arn:aws:ssm:*::automation-definition/AWS-RestartEC2Instance:$DEFAULT"] }
  ]
}` }] },
      ],
      output: null,
    },
    {
      name: 'in NotResource',
      code: policy('"arn:aws:ssm:*:123456789012:document/AWS-StartPortForwardingSession"', 'NotResource'),
      errors: [{ messageId: 'ownedByAws', path: ['Statement', 0, 'NotResource'], suggestions: [{ messageId: 'removeAccount', output: policy('"arn:aws:ssm:*::document/AWS-StartPortForwardingSession"', 'NotResource') }] }],
      output: null,
    },
  ],
});
