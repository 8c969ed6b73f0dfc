import { placeholder } from '../../../src/core/rules/placeholder';
import { testRule } from '../rule-tester';

const allow = (body: string): string => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",${body}}]}`;

testRule(placeholder, {
  valid: [
    // The documented policies once filled in (test/fixtures/seeds/manifest.json).
    allow('"Action":"ssm:UpdateServiceSetting","Resource":"arn:aws:ssm:us-east-2:210987654321:servicesetting/ssm/managed-instance/default-ec2-instance-management-role"'),
    allow('"Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-2:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab"'),
    allow('"Action":"s3:GetObject","Resource":"arn:aws:s3:::patch-baseline-snapshot-us-east-2/*"'),
    allow('"Action":"ssm:SendCommand","Resource":"*","Condition":{"StringLike":{"ssm:resourceTag/Finance":["WebServers"]}}'),
    // AWS-owned documents (empty account), AWS managed policies ("aws"), wildcards.
    allow('"Action":"ssm:SendCommand","Resource":["arn:aws:ssm:us-west-1::document/AWS-*","arn:aws:ssm:*:*:document/*"]'),
    allow('"Action":"iam:AttachRolePolicy","Resource":"*","Condition":{"ArnEquals":{"iam:PolicyARN":"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"}}'),
    // IAM policy variables are substituted, so they are not placeholders.
    allow('"Action":"s3:GetObject","Resource":["arn:aws:s3:::bucket/${aws:username}/*","arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*","arn:aws:s3:::b/${*}${?}${$}"]'),
    allow('"Action":"ec2:StartInstances","Resource":"arn:aws:ec2:${aws:RequestedRegion}:*:instance/*"'),
    allow('"Action":"ssm:GetParameter","Resource":"arn:aws:ssm:*:*:parameter/${aws:PrincipalTag/team, \'shared\'}/*"'),
    // "region" as an ordinary word: in a path, inside a bucket name, as a tag value.
    allow('"Action":"ssm:GetParameter","Resource":["arn:aws:ssm:us-east-1:210987654321:parameter/region/name","arn:aws:s3:::my-region-bucket/*"]'),
    allow('"Action":"ec2:RunInstances","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":["us-east-1","eu-west-3"],"aws:PrincipalTag/scope":"region"}}'),
    // AWS partner managed policies carry "partner" in the account field (AccountManagementFromVercel).
    allow('"Action":"iam:CreateRole","Resource":"*","Condition":{"ArnEquals":{"iam:PermissionsBoundary":"arn:aws:iam::partner:policy/permissions-boundary/vercel.com/Boundary"}}'),
    // A policy variable as a Region condition value (AWSTransformLandingZoneAgentPolicy).
    allow('"Action":"cloudformation:CreateStack","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"${aws:PrincipalTag/TargetRegion}"}}'),
    // CloudFront origin access identities carry "cloudfront" in the account field.
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHEXAMPLE"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::my-site/*"}]}',
      kind: 'trust',
    },
    // A positive 12-digit account is example-account-id's concern at most.
    allow('"Action":"sts:AssumeRole","Resource":"arn:aws:iam::210987654321:role/x","Condition":{"StringEquals":{"aws:SourceAccount":210987654321}}'),
    // Wrong types are element-type's finding; nothing here may throw.
    '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":42,"Condition":[1,2]}}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":{"a":"key-name"},"Principal":7,"Condition":{"StringEquals":null}}]}',
    '{"Version":"2012-10-17","Statement":[null,"x",{"Condition":{"Bool":{"aws:SecureTransport":true}},"Resource":[null,1,["account-id"]]}]}',
    '[]',
    '',
  ],
  invalid: [
    {
      name: 'the DHMC admin policy as documented: region and account-id',
      code: allow('"Action":"ssm:GetServiceSetting","Resource":"arn:aws:ssm:region:account-id:servicesetting/ssm/managed-instance/default-ec2-instance-management-role"},{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::account-id:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole"'),
      errors: [
        { messageId: 'region', path: ['Statement', 0, 'Resource'], data: { token: 'region', fill: 'a Region code such as us-east-2', example: '', fillEnd: ', or * for every Region' } },
        { messageId: 'account', path: ['Statement', 0, 'Resource'], data: { token: 'account-id' } },
        { messageId: 'account', path: ['Statement', 1, 'Resource'], data: { token: 'account-id' } },
      ],
      output: null,
    },
    {
      name: 'key-name as the whole Resource (Session Manager with KMS), single statement object',
      code: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["kms:Decrypt"],"Resource":"key-name"}}',
      errors: [{ messageId: 'kmsKey', text: '"key-name"', data: { token: 'key-name', meaning: 'an AWS KMS key' } }],
      output: null,
    },
    {
      name: 'key-name and alias-name inside KMS ARNs',
      code: allow('"Action":"kms:Decrypt","Resource":["arn:aws:kms:region:account-id:key/key-name","arn:aws:kms:us-east-2:210987654321:alias/alias-name"]'),
      errors: [
        { messageId: 'region', data: { token: 'region' } },
        { messageId: 'account', data: { token: 'account-id' } },
        { messageId: 'kmsKey', text: '"arn:aws:kms:region:account-id:key/key-name"', data: { token: 'key-name' } },
        { messageId: 'kmsKey', data: { token: 'alias-name' } },
      ],
      output: null,
    },
    {
      name: 'patch-baseline-snapshot-region and other per-Region bucket names',
      code: allow('"Action":"s3:GetObject","Resource":["arn:aws:s3:::patch-baseline-snapshot-region/*","arn:aws:s3:::region-birdwatcher-prod/*","arn:aws:s3:::aws-codedeploy-region/*"]'),
      errors: [
        { messageId: 'region', path: ['Statement', 0, 'Resource', 0], data: { token: 'region', meaning: 'the AWS Region of the Systems Manager bucket', fill: 'a Region code such as us-east-2', example: ' (patch-baseline-snapshot-us-east-2)', fillEnd: ', or * for every Region' } },
        { messageId: 'region', path: ['Statement', 0, 'Resource', 1], data: { fill: 'a Region code such as us-east-2', example: ' (us-east-2-birdwatcher-prod)', fillEnd: ', or * for every Region' } },
        { messageId: 'region', path: ['Statement', 0, 'Resource', 2], data: { meaning: 'the AWS Region in the bucket name' } },
      ],
      output: null,
    },
    {
      name: 'tag_key1 / tag_value1 in a condition (Run Command by tags)',
      code: allow('"Action":"ssm:SendCommand","Resource":"*","Condition":{"StringLike":{"ssm:resourceTag/tag_key1":["tag_value1"],"ssm:resourceTag/tag_key2":"tag_value2"}}'),
      errors: [
        { messageId: 'tagKey', text: '"ssm:resourceTag/tag_key1"', data: { token: 'tag_key1', value: 'ssm:resourceTag/tag_key1' } },
        { messageId: 'tagValue', text: '"tag_value1"', path: ['Statement', 0, 'Condition', 'StringLike', 'ssm:resourceTag/tag_key1', 0] },
        { messageId: 'tagKey', data: { token: 'tag_key2' } },
        { messageId: 'tagValue', text: '"tag_value2"' },
      ],
      output: null,
    },
    {
      name: 'a negative account: in an ARN, as a principal, and unquoted in a condition',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"-123456789012"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":-123456789012,"aws:SourceArn":"arn:aws:ssm:us-east-2:-123456789012:servicesetting/x"}}}]}',
      kind: 'trust',
      errors: [
        { messageId: 'negativeAccount', text: '"-123456789012"', data: { token: '-123456789012', why: 'IAM rejects the policy ("Invalid principal in policy").' } },
        { messageId: 'negativeAccount', text: '-123456789012' },
        { messageId: 'negativeAccount', data: { value: 'arn:aws:ssm:us-east-2:-123456789012:servicesetting/x' } },
      ],
      output: null,
    },
    {
      name: 'my-bucket-policy-name and other named placeholders',
      code: allow('"Action":"iam:AttachRolePolicy","Resource":"*","Condition":{"ArnEquals":{"iam:PolicyARN":["arn:aws:iam::account-id:policy/my-bucket-policy-name","arn:aws:iam::210987654321:policy/your_role_name"]}}'),
      errors: [
        { messageId: 'account', data: { token: 'account-id' } },
        { messageId: 'name', data: { token: 'my-bucket-policy-name' } },
        { messageId: 'name', data: { token: 'your_role_name' } },
      ],
      output: null,
    },
    {
      name: 'template variables: angle brackets, double and single braces, non-policy ${…}',
      code: allow('"Action":"ssm:GetParameter","Resource":["arn:aws:ssm:<region>:<account-id>:parameter/x","arn:aws:ssm:us-east-1:{{account-id}}:parameter/x","arn:${Partition}:ssm:${AWS::Region}:${AccountId}:parameter/${aws:username}","arn:aws:ssm:{region}:*:parameter/x"]'),
      errors: [
        { messageId: 'template', data: { token: '<region>', fill: 'a Region code such as us-east-2, or * for every Region' } },
        { messageId: 'template', data: { token: '<account-id>', meaning: 'a template variable, which IAM does not substitute, for the AWS account ID' } },
        { messageId: 'template', data: { token: '{{account-id}}' } },
        { messageId: 'template', data: { token: '${Partition}', fill: 'the partition, such as aws, aws-cn or aws-us-gov' } },
        { messageId: 'template', data: { token: '${AWS::Region}' } },
        { messageId: 'template', data: { token: '${AccountId}' } },
        { messageId: 'template', data: { token: '{region}' } },
      ],
      output: null,
    },
    {
      name: 'documentation example names (DOC-EXAMPLE-, amzn-s3-demo-)',
      code: allow('"Action":"s3:GetObject","Resource":["arn:aws:s3:::DOC-EXAMPLE-BUCKET/*","arn:aws:s3:::amzn-s3-demo-bucket1/*"]},{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::210987654321:role/DOC-EXAMPLE-ROLE"'),
      errors: [
        { messageId: 'bucket', data: { token: 'DOC-EXAMPLE-BUCKET' } },
        { messageId: 'bucket', data: { token: 'amzn-s3-demo-bucket1' } },
        { messageId: 'name', data: { token: 'DOC-EXAMPLE-ROLE', meaning: 'a documentation example name' } },
      ],
      output: null,
    },
    {
      name: 'principals (trust policy): the account of a role ARN, a bare account word; NotPrincipal too',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::account-id:root","your-account-id"]},"Action":"sts:AssumeRole"},{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::<account-id>:role/admin"},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
      errors: [
        { messageId: 'account', path: ['Statement', 0, 'Principal', 'AWS', 0], data: { why: 'IAM rejects the policy ("Invalid principal in policy").' } },
        { messageId: 'account', path: ['Statement', 0, 'Principal', 'AWS', 1], data: { token: 'your-account-id' } },
        { messageId: 'template', path: ['Statement', 1, 'NotPrincipal', 'AWS'] },
      ],
      output: null,
    },
    {
      name: 'a region word as the value of a Region condition key, and placeholders in NotResource (SCP)',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:ssm:region:*:document/*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1","your-region"]}}}]}',
      kind: 'scp',
      errors: [
        { messageId: 'region', path: ['Statement', 0, 'NotResource'], data: { why: 'IAM compares it as literal text, so the statement does not match what the documentation describes.' } },
        { messageId: 'region', text: '"your-region"', data: { token: 'your-region' } },
      ],
      output: null,
    },
    {
      name: 'a long value is shortened in the message',
      code: allow(`"Action":"s3:GetObject","Resource":"arn:aws:s3:::DOC-EXAMPLE-BUCKET/${'a'.repeat(300)}"`),
      errors: [{ messageId: 'bucket', data: { value: `arn:aws:s3:::DOC-EXAMPLE-BUCKET/${'a'.repeat(160 - 32)}…` } }],
      output: null,
    },
  ],
});
