import { principalAwsFormat } from '../../../src/core/rules/principal-aws-format';
import { testRule } from '../rule-tester';

/** A role trust policy trusting the given "AWS" value(s). */
const trust = (aws: unknown): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: aws }, Action: 'sts:AssumeRole' }] });
/** The same with the trusted value written into a single-line document, for fix outputs. */
const out = (aws: string): string => trust(aws);

testRule(principalAwsFormat, {
  valid: [
    trust('*'),
    trust('111122223333'),
    trust('012345678901'),
    trust([
      'arn:aws:iam::111122223333:root',
      'arn:aws:iam::111122223333:user/alice',
      'arn:aws:iam::111122223333:user/division/team/bob',
      'arn:aws:iam::111122223333:role/ssm-automation',
      'arn:aws:iam::111122223333:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM',
      'arn:aws:iam::111122223333:role/name+with=allowed,chars.@-_',
      'arn:aws:sts::111122223333:assumed-role/ssm-automation/session-1',
      'arn:aws:sts::111122223333:federated-user/carol',
    ]),
    trust('arn:aws-cn:iam::111122223333:root'),
    trust('arn:aws-us-gov:iam::111122223333:role/x'),
    // S3 bucket policies: a CloudFront origin access identity.
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
        },
      ],
    }),
    // The unique ID IAM shows for a deleted role.
    trust('AROADBQP57FF2AEXAMPLE'),
    // Placeholders are the placeholder rule's; empty strings empty-value's; non-strings element-type's.
    trust('arn:aws:iam::account-id:root'),
    trust('arn:aws:iam::<ACCOUNT_ID>:role/x'),
    trust('{{AccountId}}'),
    trust('ACCOUNT_ID'),
    trust('arn:aws:iam::${AWS::AccountId}:root'),
    trust(''),
    trust(111122223333),
    trust(['111122223333', 42, null]),
    // Other principal types are not this rule's (principal-service, trust-action-principal).
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'arn:aws:iam::1:root' }, Action: 'sts:AssumeRole' }] }),
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }] }),
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { aws: 'MyRole' }, Action: 'sts:AssumeRole' }] }),
    // Identity policies and SCPs have no principals to check (principal-in-identity).
    { code: trust('MyRole'), kind: 'identity' },
    { code: trust('MyRole'), kind: 'scp' },
  ],
  invalid: [
    {
      name: 'an 11-digit account ID',
      code: trust('11112222333'),
      errors: [{ messageId: 'accountLength', text: '"11112222333"', path: ['Statement', 0, 'Principal', 'AWS'], data: { count: '11' } }],
      output: null,
    },
    {
      name: 'an account ID with dashes',
      code: trust(['1111-2222-3333']),
      errors: [{ messageId: 'accountSeparators', path: ['Statement', 0, 'Principal', 'AWS', 0], data: { suggestion: '111122223333' }, suggestions: [{ messageId: 'changePrincipal', output: trust(['111122223333']) }] }],
      output: null,
    },
    {
      name: 'white space around an ARN',
      code: trust(' arn:aws:iam::111122223333:root '),
      errors: [{ messageId: 'whitespace', data: { suggestion: 'arn:aws:iam::111122223333:root' }, suggestions: [{ messageId: 'changePrincipal', output: out('arn:aws:iam::111122223333:root') }] }],
      output: null,
    },
    {
      name: 'a role name without its ARN',
      code: trust(['MyRole', 'role/ops/Deployer', 'user/alice']),
      errors: [
        { messageId: 'bareName', data: { suggestion: 'arn:aws:iam::<account ID>:role/MyRole' } },
        { messageId: 'bareName', data: { suggestion: 'arn:aws:iam::<account ID>:role/ops/Deployer' } },
        { messageId: 'bareName', data: { suggestion: 'arn:aws:iam::<account ID>:user/alice' } },
      ],
      output: null,
    },
    {
      name: 'a service principal and identity providers under AWS',
      code: trust(['ec2.amazonaws.com', 'accounts.google.com', 'arn:aws:iam::111122223333:saml-provider/Okta', 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com']),
      errors: [
        { messageId: 'serviceInAws', text: '"ec2.amazonaws.com"' },
        { messageId: 'federatedInAws', data: { action: 'sts:AssumeRoleWithWebIdentity' } },
        { messageId: 'federatedInAws', data: { action: 'sts:AssumeRoleWithSAML' } },
        { messageId: 'federatedInAws', data: { action: 'sts:AssumeRoleWithWebIdentity' } },
      ],
      output: null,
    },
    {
      name: 'the ARN of an S3 bucket under AWS',
      code: trust(['arn:aws:s3:::example-logs', 'arn:aws:s3:::example-logs/*']),
      errors: [
        { messageId: 'otherService', data: { service: 's3' } },
        { messageId: 'otherService', data: { service: 's3' } },
      ],
      output: null,
    },
    {
      name: 'an IAM group',
      code: trust('arn:aws:iam::111122223333:group/Admins'),
      errors: [{ messageId: 'group' }],
      output: null,
    },
    {
      name: 'wildcards inside principals',
      code: trust(['arn:aws:iam::111122223333:role/*', 'arn:aws:iam::*:root', '11112222333?', 'arn:aws:sts::111122223333:assumed-role/ops/*']),
      errors: [
        { messageId: 'wildcard', data: { condition: '"ArnLike": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/*" }' } },
        { messageId: 'wildcard' },
        { messageId: 'wildcard', data: { condition: '"StringLike": { "aws:PrincipalAccount": "11112222333?" }' } },
        { messageId: 'wildcard' },
      ],
      output: null,
    },
    {
      name: 'session and user ARNs in the wrong namespace',
      code: trust(['arn:aws:iam::111122223333:assumed-role/ops/s1', 'arn:aws:sts::111122223333:role/ops']),
      errors: [
        { messageId: 'wrongNamespace', data: { expected: 'sts', suggestion: 'arn:aws:sts::111122223333:assumed-role/ops/s1' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:sts::111122223333:assumed-role/ops/s1","arn:aws:sts::111122223333:role/ops"]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'wrongNamespace', data: { expected: 'iam', suggestion: 'arn:aws:iam::111122223333:role/ops' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:assumed-role/ops/s1","arn:aws:iam::111122223333:role/ops"]},"Action":"sts:AssumeRole"}]}' }] },
      ],
      output: null,
    },
    {
      name: 'an assumed role without a session',
      code: trust('arn:aws:sts::111122223333:assumed-role/ops'),
      errors: [{ messageId: 'sessionMissing', data: { suggestion: 'arn:aws:iam::111122223333:role/ops' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/ops"},"Action":"sts:AssumeRole"}]}' }] }],
      output: null,
    },
    {
      name: 'a wrong account field in an ARN',
      code: trust(['arn:aws:iam::11112222333:root', 'arn:aws:iam:::role/x']),
      errors: [
        { messageId: 'arnAccount', data: { account: '11112222333' } },
        { messageId: 'arnAccount', data: { account: '' } },
      ],
      output: null,
    },
    {
      name: 'malformed ARNs',
      code: trust([
        'arn:aws:iam::111122223333',
        'arn:aws-gov:iam::111122223333:root',
        'arn:aws:iam:us-east-1:111122223333:role/x',
        'arn:aws:iam::111122223333:root/x',
        'arn:aws:iam::111122223333:role/',
        'arn:aws:iam::111122223333:user/John Smith',
        'arn:aws:iam::111122223333:policy/ReadOnly',
        'arn:aws:sts::111122223333:assumed-role/a/b/c',
        'arn:aws:sts::111122223333:federated-user/a/b',
        'AWS:111122223333',
      ]),
      errors: Array.from({ length: 10 }, () => ({ messageId: 'malformed' })),
      output: null,
    },
    {
      name: 'NotPrincipal values are checked too, in a single statement object',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Deny",\n    "NotPrincipal": { "AWS": ["arn:aws:iam::111122223333:root", "Admins"] },\n    "Action": "s3:*",\n    "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"\n  }\n}',
      errors: [{ messageId: 'bareName', text: '"Admins"', path: ['Statement', 'NotPrincipal', 'AWS', 1] }],
      output: null,
    },
  ],
});
