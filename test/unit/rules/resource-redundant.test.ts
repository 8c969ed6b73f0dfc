import { resourceRedundant } from '../../../src/core/rules/resource-redundant';
import { testRule } from '../rule-tester';

const policy = (resource: string): string => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":${resource}}]}`;

testRule(resourceRedundant, {
  valid: [
    policy('["arn:aws:iam::111122223333:role/jane-admin","arn:aws:iam::111122223333:role/john*"]'),
    // ARNs are case-sensitive, and a "?" pattern is not judged.
    policy('["arn:aws:iam::111122223333:role/Jane","arn:aws:iam::111122223333:role/jane*","arn:aws:iam::111122223333:role/jane?x"]'),
  ],
  invalid: [
    {
      name: 'the reference\'s jane* example',
      code: policy('["arn:aws:iam::111122223333:role/jane-admin","arn:aws:iam::111122223333:role/jane-s3only","arn:aws:iam::111122223333:role/jane*"]'),
      errors: [
        { messageId: 'covered', data: { by: 'arn:aws:iam::111122223333:role/jane*' } },
        { messageId: 'covered', data: { by: 'arn:aws:iam::111122223333:role/jane*' } },
      ],
      output: null,
    },
    {
      code: policy('["arn:aws:s3:::b/*","arn:aws:s3:::b/*"]'),
      errors: [{ messageId: 'duplicate', path: ['Statement', 0, 'Resource', 1] }],
      output: policy('["arn:aws:s3:::b/*"]'),
    },
  ],
});
