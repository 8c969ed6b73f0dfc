import { trustActionPrincipal } from '../../../src/core/rules/trust-action-principal';
import { testRule } from '../rule-tester';

const policy = (...statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (principal: unknown, action: unknown, extra: object = {}): object => ({ Effect: 'Allow', Principal: principal, Action: action, ...extra });

const SAML = { Federated: 'arn:aws:iam::111122223333:saml-provider/Okta' };
const OIDC = { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' };
const COGNITO = { Federated: 'cognito-identity.amazonaws.com' };
const SERVICE = { Service: 'ssm.amazonaws.com' };
const ACCOUNT = { AWS: 'arn:aws:iam::111122223333:root' };

testRule(trustActionPrincipal, {
  valid: [
    policy(allow(SERVICE, 'sts:AssumeRole')),
    policy(allow(ACCOUNT, ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity', 'sts:SetContext'])),
    policy(allow(SAML, ['sts:AssumeRoleWithSAML', 'sts:TagSession'], { Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } })),
    policy(allow(OIDC, 'sts:AssumeRoleWithWebIdentity')),
    policy(allow({ Federated: ['accounts.google.com', 'graph.facebook.com', 'www.amazon.com'] }, 'sts:AssumeRoleWithWebIdentity')),
    policy(allow(COGNITO, 'sts:AssumeRoleWithWebIdentity')),
    // IAM action names are case-insensitive.
    policy(allow(SAML, 'STS:assumerolewithsaml')),
    // Wildcards that include the right action are fine.
    policy(allow(SAML, 'sts:AssumeRole*')),
    policy(allow(OIDC, 'sts:*')),
    policy(allow(SERVICE, 'sts:Assume*')),
    policy(allow(ACCOUNT, 'sts:AssumeRole?')),
    // One statement for several kinds of principal: each action fits one of them.
    policy(allow({ ...SAML, ...ACCOUNT }, ['sts:AssumeRoleWithSAML', 'sts:AssumeRole'])),
    policy(allow({ ...SAML, ...ACCOUNT }, 'sts:AssumeRoleWithSAML')),
    // Principals that cannot be judged: "*", "AWS": "*", an unknown provider, a placeholder, wrong types.
    policy(allow('*', 'sts:AssumeRoleWithSAML')),
    policy(allow({ AWS: '*' }, 'sts:AssumeRoleWithWebIdentity')),
    policy(allow({ Federated: 'example.okta.com' }, 'sts:AssumeRole')),
    policy(allow({ Federated: 42 }, 'sts:AssumeRole')),
    policy(allow({ CanonicalUser: 'abc' }, 'sts:AssumeRoleWithSAML')),
    // A Deny statement that cannot match is harmless.
    policy(allow(ACCOUNT, 'sts:AssumeRole'), { Effect: 'Deny', Principal: SAML, Action: 'sts:AssumeRole' }),
    // "*" as the action, a missing prefix (action-missing-prefix) and an unknown sts: action (action-unknown) are other rules'.
    policy(allow(SERVICE, '*')),
    policy(allow(SERVICE, ['sts:AssumeRole', 'AssumeRole'])),
    policy(allow(SERVICE, ['sts:AssumeRole', 'sts:TagSessions'])),
    // Resource policies: no statement grants an STS action, so their own actions are fine.
    policy({ Effect: 'Allow', Principal: ACCOUNT, Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-logs/*' }),
    policy({ Effect: 'Allow', Principal: SERVICE, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }),
    // "trusted" in a file name is not "trust".
    { code: policy({ Effect: 'Allow', Principal: ACCOUNT, Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-logs/*' }), fileName: 'trusted-partners-bucket.json' },
    // Wrong types in Action: element-type reports them.
    policy(allow(SERVICE, ['sts:AssumeRole', 17, null])),
    policy(allow(SERVICE, { 'sts:AssumeRole': true })),
    // Not applied to identity policies and SCPs.
    { code: policy(allow(SAML, 'sts:AssumeRole')), kind: 'identity' },
    { code: policy(allow(SAML, ['sts:AssumeRole', 'ssm:*'])), kind: 'scp' },
  ],
  invalid: [
    {
      name: 'IAM Roles Anywhere without sts:SetSourceIdentity and sts:TagSession',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
      errors: [{ messageId: 'rolesAnywhere', severity: 'error', data: { missing: 'sts:SetSourceIdentity and sts:TagSession' } }],
      output: null,
    },
    {
      name: 'sts:AssumeRole with a SAML provider',
      code: policy(allow(SAML, 'sts:AssumeRole')),
      errors: [
        {
          messageId: 'needsSaml',
          text: '"sts:AssumeRole"',
          path: ['Statement', 0, 'Action'],
          data: { action: 'sts:AssumeRole', suggestion: 'sts:AssumeRoleWithSAML', principals: 'the SAML provider "arn:aws:iam::111122223333:saml-provider/Okta"' },
        },
      ],
      output: null,
    },
    {
      name: 'sts:AssumeRoleWithWebIdentity with a SAML provider, single statement object',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/Okta" },\n    "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]\n  }\n}',
      errors: [{ messageId: 'needsSaml', path: ['Statement', 'Action', 0], data: { suggestion: 'sts:AssumeRoleWithSAML' } }],
      output: null,
    },
    {
      name: 'sts:AssumeRole with an OIDC provider and with Cognito',
      code: policy(allow(OIDC, 'sts:AssumeRole'), allow(COGNITO, ['sts:AssumeRole', 'sts:TagSession'])),
      errors: [
        { messageId: 'needsWebIdentity', path: ['Statement', 0, 'Action'], data: { suggestion: 'sts:AssumeRoleWithWebIdentity' } },
        { messageId: 'needsWebIdentity', path: ['Statement', 1, 'Action', 0], data: { principals: 'the identity provider "cognito-identity.amazonaws.com"' } },
      ],
      output: null,
    },
    {
      name: 'AssumeRoleWithSAML and AssumeRoleWithWebIdentity with AWS and service principals',
      code: policy(allow(ACCOUNT, 'sts:AssumeRoleWithSAML'), allow(SERVICE, 'sts:AssumeRoleWithWebIdentity')),
      errors: [
        { messageId: 'needsAssumeRole', data: { action: 'sts:AssumeRoleWithSAML', suggestion: 'sts:AssumeRole', principals: '"arn:aws:iam::111122223333:root"' } },
        { messageId: 'needsAssumeRole', data: { suggestion: 'sts:AssumeRole', principals: 'the service "ssm.amazonaws.com"' } },
      ],
      output: null,
    },
    {
      name: 'a placeholder in the provider ARN does not hide what kind of provider it is',
      code: policy(allow({ Federated: 'arn:aws:iam::account-id:saml-provider/<provider>' }, 'sts:AssumeRole')),
      errors: [{ messageId: 'needsSaml' }],
      output: null,
    },
    {
      name: 'a wildcard that matches only federated actions, with a service principal',
      code: policy(allow(SERVICE, 'sts:AssumeRoleWith*')),
      errors: [{ messageId: 'needsAssumeRole', data: { action: 'sts:AssumeRoleWith*' } }],
      output: null,
    },
    {
      name: 'an action that fits none of several kinds of principal',
      code: policy(allow({ ...SAML, ...SERVICE }, 'sts:AssumeRoleWithWebIdentity')),
      errors: [{ messageId: 'mismatch', data: { suggestion: '"sts:AssumeRole" or "sts:AssumeRoleWithSAML"' } }],
      output: null,
    },
    {
      name: 'actions copied from a permissions policy into a trust policy',
      code: policy(allow(SERVICE, ['sts:AssumeRole', 'ssm:*', 's3:GetObject'])),
      errors: [
        { messageId: 'notTrustAction', text: '"ssm:*"', data: { action: 'ssm:*', suggestion: 'sts:AssumeRole' } },
        { messageId: 'notTrustAction', text: '"s3:GetObject"' },
      ],
      output: null,
    },
    {
      name: 'a permissions statement pasted as a second statement, Resource and all',
      code: policy(allow(SAML, 'sts:AssumeRoleWithSAML'), allow(SAML, 'ec2:DescribeInstances', { Resource: '*' })),
      errors: [{ messageId: 'notTrustAction', path: ['Statement', 1, 'Action'], data: { suggestion: 'sts:AssumeRoleWithSAML' } }],
      output: null,
    },
    {
      name: 'STS actions that are not role-session actions',
      code: policy(allow(ACCOUNT, ['sts:AssumeRole', 'sts:GetCallerIdentity', 'sts:Get*', 'sts:GetSessionToken'])),
      errors: [
        { messageId: 'notTrustAction', data: { action: 'sts:GetCallerIdentity' } },
        { messageId: 'notTrustAction', data: { action: 'sts:Get*' } },
        { messageId: 'notTrustAction', data: { action: 'sts:GetSessionToken' } },
      ],
      output: null,
    },
    {
      name: 'only permissions actions, in a file named as a trust policy',
      code: policy(allow(SERVICE, 'ssm:*')),
      fileName: 'roles/ssm.trust.json',
      errors: [{ messageId: 'notTrustAction', data: { action: 'ssm:*', suggestion: 'sts:AssumeRole' } }],
      output: null,
    },
    {
      name: 'non-trust actions are reported in Deny statements too',
      code: policy(allow(ACCOUNT, 'sts:AssumeRole'), { Effect: 'Deny', Principal: ACCOUNT, Action: ['sts:AssumeRole', 'iam:PassRole'] }),
      errors: [{ messageId: 'notTrustAction', data: { action: 'iam:PassRole' } }],
      output: null,
    },
  ],
});
