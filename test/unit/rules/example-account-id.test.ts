import { exampleAccountId } from '../../../src/core/rules/example-account-id';
import { testRule } from '../rule-tester';

const allow = (body: string): string => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",${body}}]}`;

testRule(exampleAccountId, {
  valid: [
    // Real-looking accounts (the seeds' fill uses 210987654321), AWS-owned and empty accounts, wildcards.
    allow('"Action":"ssm:GetServiceSetting","Resource":["arn:aws:ssm:us-east-2:210987654321:servicesetting/x","arn:aws:ssm:us-east-2::document/AWS-*","arn:aws:ssm:*:*:document/*"]'),
    allow('"Action":"iam:AttachRolePolicy","Resource":"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"'),
    // An example ID outside the account field of an ARN is just text.
    allow('"Action":"ssm:GetParameter","Resource":"arn:aws:ssm:us-east-1:210987654321:parameter/build/123456789012"'),
    // Only account keys compare account IDs; the same digits elsewhere are a number like any other.
    allow('"Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/cost-center":"123456789012","s3:prefix":"111122223333"},"NumericLessThan":{"aws:MultiFactorAuthAge":999999999999}}'),
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::210987654321:root","210987654321"],"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"210987654321"}}}]}',
      kind: 'trust',
    },
    // Placeholders are the placeholder rule's; near misses are not example IDs.
    allow('"Action":"ssm:GetParameter","Resource":["arn:aws:ssm:us-east-1:account-id:parameter/x","arn:aws:ssm:us-east-1:-123456789012:parameter/x","arn:aws:ssm:us-east-1:1234567890123:parameter/x"]'),
    // Wrong types: nothing to report, nothing may throw.
    '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":123456789012,"Principal":123456789012,"Condition":{"StringEquals":{"aws:SourceAccount":[null,true,{"x":"123456789012"}]}}}}',
    '{"Version":"2012-10-17","Statement":[null,{"Principal":{"AWS":[1,null]},"Condition":[]}]}',
  ],
  invalid: [
    {
      name: 'the documentation accounts in Resource ARNs',
      code: allow('"Action":"ssm:SendCommand","Resource":["arn:aws:ec2:us-east-1:123456789012:instance/*","arn:aws:ssm:us-east-1:111122223333:document/Run"]'),
      errors: [
        { messageId: 'arn', path: ['Statement', 0, 'Resource', 0], data: { account: '123456789012', value: 'arn:aws:ec2:us-east-1:123456789012:instance/*' } },
        { messageId: 'arn', text: '"arn:aws:ssm:us-east-1:111122223333:document/Run"', data: { account: '111122223333' } },
      ],
      output: null,
    },
    {
      name: 'NotResource in a single statement object (SCP)',
      code: '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"iam:*","NotResource":"arn:aws:iam::444455556666:role/admin"}}',
      kind: 'scp',
      errors: [{ messageId: 'arn', path: ['Statement', 'NotResource'], data: { account: '444455556666' } }],
      output: null,
    },
    {
      name: 'principals: bare account, root ARN, role ARN, NotPrincipal',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["123456789012","arn:aws:iam::777788889999:root"],"Federated":"arn:aws:iam::111122223333:saml-provider/idp"},"Action":"sts:AssumeRole"},{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:role/x"},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
      errors: [
        { messageId: 'principal', text: '"123456789012"', data: { account: '123456789012' } },
        { messageId: 'principal', text: '"arn:aws:iam::777788889999:root"', data: { account: '777788889999' } },
        { messageId: 'principal', path: ['Statement', 0, 'Principal', 'Federated'] },
        { messageId: 'principal', path: ['Statement', 1, 'NotPrincipal', 'AWS'] },
      ],
      output: null,
    },
    {
      name: 'a bare string Principal',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"arn:aws:iam::123456789012:root","Action":"sts:AssumeRole"}]}',
      kind: 'trust',
      errors: [{ messageId: 'principal', path: ['Statement', 0, 'Principal'] }],
      output: null,
    },
    {
      name: 'account condition keys (string and number) and ARNs in any condition',
      code: allow('"Action":"sns:Publish","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":["111122223333"],"aws:PrincipalAccount":123456789012,"kms:CallerAccount":"000000000000","ec2:Owner":"123456789012"},"ArnLike":{"aws:SourceArn":"arn:aws:s3:::bucket","aws:PrincipalArn":"arn:aws:iam::123456789012:role/*"}}'),
      errors: [
        { messageId: 'conditionValue', text: '"111122223333"', data: { key: 'aws:SourceAccount', value: '111122223333' } },
        { messageId: 'conditionValue', text: '123456789012', data: { key: 'aws:PrincipalAccount' } },
        { messageId: 'conditionValue', data: { key: 'kms:CallerAccount', value: '000000000000' } },
        { messageId: 'conditionValue', data: { key: 'ec2:Owner' } },
        { messageId: 'arn', text: '"arn:aws:iam::123456789012:role/*"', data: { account: '123456789012' } },
      ],
      output: null,
    },
  ],
});
