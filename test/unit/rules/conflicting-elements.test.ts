import { conflictingElements } from '../../../src/core/rules/conflicting-elements';
import { testRule } from '../rule-tester';

testRule(conflictingElements, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:s3:::b/*"}]}',
    // Different statements may use different halves of a pair.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Deny","NotAction":"s3:GetObject","Resource":"*"}]}',
    // Case variants are not the element (unknown-element reports them).
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","notAction":"s3:GetObject","Resource":"*"}]}',
  ],
  invalid: [
    {
      name: 'Action with NotAction',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","NotAction":"s3:DeleteObject","Resource":"*"}]}',
      errors: [{ messageId: 'actionAndNotAction', text: '"NotAction"', path: ['Statement', 0, 'NotAction'] }],
      output: null,
    },
    {
      name: 'NotResource first, Resource second: the later key is reported',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::a/*","Resource":"*"}]}',
      errors: [{ messageId: 'resourceAndNotResource', text: '"Resource"', path: ['Statement', 0, 'Resource'] }],
    },
    {
      name: 'Principal with NotPrincipal, and all three pairs at once',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:*","NotAction":"s3:Get*","Resource":"*","NotResource":"arn:aws:s3:::a"}]}',
      kind: 'trust',
      errors: [
        { messageId: 'principalAndNotPrincipal', text: '"NotPrincipal"' },
        { messageId: 'actionAndNotAction', text: '"NotAction"' },
        { messageId: 'resourceAndNotResource', text: '"NotResource"' },
      ],
    },
  ],
});
