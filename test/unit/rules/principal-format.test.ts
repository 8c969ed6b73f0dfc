import { principalFormat } from '../../../src/core/rules/principal-format';
import { testRule } from '../rule-tester';

const trust = (principal: string, action = '"sts:AssumeRole"'): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":${principal},"Action":${action}}]}`;
const trustKind = (principal: string, action?: string): { code: string; kind: 'trust' } => ({ code: trust(principal, action), kind: 'trust' });

testRule(principalFormat, {
  valid: [
    trustKind('{"AWS":["arn:aws:iam::111122223333:role/Admin","111122223333"],"Service":"ssm.amazonaws.com"}'),
    trustKind('{"Federated":"arn:aws:iam::111122223333:saml-provider/Okta"}', '"sts:AssumeRoleWithSAML"'),
    trustKind('{"Federated":["cognito-identity.amazonaws.com","arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]}', '"sts:AssumeRoleWithWebIdentity"'),
    trustKind('{"CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}'),
    // "*" in a resource-based policy statement (not an STS action) is principal-wildcard's business.
    { code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}', kind: 'trust' },
  ],
  invalid: [
    {
      name: 'an unknown principal key',
      ...trustKind('{"IAM":"arn:aws:iam::111122223333:root"}'),
      errors: [{ messageId: 'invalidKey', data: { key: 'IAM' } }],
      output: null,
    },
    {
      ...trustKind('{"service":"ssm.amazonaws.com"}'),
      errors: [{ messageId: 'keyCase', data: { suggestion: 'Service' } }],
      output: trust('{"Service":"ssm.amazonaws.com"}'),
    },
    {
      name: 'a type in the wrong case beside the right one: renaming would make a duplicate key, so no fix',
      ...trustKind('{"Service":"ec2.amazonaws.com","service":"ssm.amazonaws.com"}'),
      errors: [{ messageId: 'keyCase', data: { key: 'service', suggestion: 'Service' } }],
      output: null,
    },
    {
      name: '"Principal": "*" in a role trust policy',
      ...trustKind('"*"'),
      errors: [{ messageId: 'trustWildcard', path: ['Statement', 0, 'Principal'] }],
    },
    {
      ...trustKind('{"Federated":["*","arn:aws:iam::111122223333:role/NotAProvider","not a domain"]}', '"sts:AssumeRoleWithWebIdentity"'),
      errors: [{ messageId: 'federatedFormat' }, { messageId: 'federatedFormat' }, { messageId: 'federatedFormat' }],
    },
    {
      name: 'unique IDs instead of ARNs',
      ...trustKind('{"AWS":["AROA1234567890EXAMPLE","AIDA1234567890EXAMPLE"]}'),
      errors: [
        { messageId: 'roleId', severity: 'warning' },
        { messageId: 'userId', severity: 'warning' },
      ],
    },
    {
      ...trustKind('{"AWS":["arn:aws:iam::111122223333:role/rolename","arn:aws:sts::111122223333:assumed-role/rolename/session"]}'),
      errors: [{ messageId: 'redundantSession', severity: 'info', path: ['Statement', 0, 'Principal', 'AWS', 1] }],
    },
  ],
});
