import { principalInIdentity } from '../../../src/core/rules/principal-in-identity';
import { testRule } from '../rule-tester';

testRule(principalInIdentity, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    // A principal makes the document a trust/resource policy when the kind is detected.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    { code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}', kind: 'trust' },
    // Principal-looking keys elsewhere are not the element.
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/admin"}}}]}',
      kind: 'scp',
    },
  ],
  invalid: [
    {
      name: 'identity policy forced',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:GetObject","Resource":"*"}]}',
      kind: 'identity',
      errors: [{ messageId: 'identity', text: '"Principal"', path: ['Statement', 0, 'Principal'], data: { element: 'Principal' } }],
      output: null,
    },
    {
      name: 'SCP with NotPrincipal',
      code: '{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:role/admin"},"Action":"*","Resource":"*"}}',
      kind: 'scp',
      errors: [{ messageId: 'scp', text: '"NotPrincipal"', data: { element: 'NotPrincipal' } }],
    },
  ],
});
