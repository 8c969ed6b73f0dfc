import { trustFederatedConditions } from '../../../src/core/rules/trust-federated-conditions';
import { testRule } from '../rule-tester';

const GH = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
const trust = (federated: string, condition?: string): { code: string; kind: 'trust' } => ({
  code: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"${federated}"},"Action":"sts:AssumeRoleWithWebIdentity"${condition ? `,"Condition":${condition}` : ''}}]}`,
  kind: 'trust',
});

testRule(trustFederatedConditions, {
  valid: [
    trust(GH, '{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}'),
    trust(GH, '{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:*"},"StringEquals":{"token.actions.githubusercontent.com:ref":"refs/heads/main"}}'),
    trust('cognito-identity.amazonaws.com', '{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:12345678-abcd-abcd-abcd-123456789012"}}'),
    trust('arn:aws:iam::111122223333:saml-provider/Okta'),
  ],
  invalid: [
    {
      name: 'an OIDC provider without a condition on its keys',
      ...trust('arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE'),
      errors: [{ messageId: 'oidcNoCondition', data: { provider: 'oidc.eks.us-east-1.amazonaws.com/id/exampled539d4633e53de1b71example' } }],
      output: null,
    },
    {
      name: 'GitHub without a sub condition',
      ...trust(GH, '{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}'),
      errors: [{ messageId: 'githubNoSub' }],
    },
    {
      name: 'GitHub sub with a wildcard and no ref condition',
      ...trust(GH, '{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/*"}}'),
      errors: [{ messageId: 'githubSubWildcard', data: { value: 'repo:octo-org/*' } }],
    },
  ],
});
