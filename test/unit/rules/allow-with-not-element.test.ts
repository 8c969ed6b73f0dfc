import { allowWithNotElement } from '../../../src/core/rules/allow-with-not-element';
import { testRule } from '../rule-tester';

testRule(allowWithNotElement, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}]}',
    // Deny with NotAction / NotResource is the intended use (e.g. a Region guardrail).
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"us-east-2"}}}]}',
    { code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::logs","arn:aws:s3:::logs/*"]}]}', kind: 'scp' },
    '{"Statement":[{"Effect":"allow","NotAction":"iam:*"}]}',
  ],
  invalid: [
    {
      name: 'NotAction (as in PowerUserAccess)',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"}]}',
      errors: [{ messageId: 'notAction', path: ['Statement', 0, 'NotAction'], text: '"NotAction"' }],
      output: null,
    },
    {
      name: 'NotResource',
      code: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secrets/*"}}',
      errors: [{ messageId: 'notResource', text: '"NotResource"' }],
      output: null,
    },
    {
      name: 'both in one statement of a trust policy',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"NotAction":"sts:TagSession","NotResource":"arn:aws:iam::111122223333:role/x"}]}',
      errors: [{ messageId: 'notAction' }, { messageId: 'notResource' }],
      output: null,
    },
  ],
});
