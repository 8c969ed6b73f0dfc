import { versionMissing } from '../../../src/core/rules/version-missing';
import { testRule } from '../rule-tester';

testRule(versionMissing, {
  valid: [
    '{"Version":"2012-10-17","Statement":[]}',
    '[]',
    '',
    // A Version in the wrong case is unknown-element's finding; adding another one would duplicate the key.
    '{"version":"2012-10-17","Statement":[]}',
  ],
  invalid: [
    {
      code: '{\n  "Statement": []\n}',
      errors: [{ messageId: 'missing', text: '{' }],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
    },
    {
      code: '{\n    "Statement": []\n}',
      kind: 'trust',
      errors: [{ messageId: 'missing' }],
      output: '{\n    "Version": "2012-10-17",\n    "Statement": []\n}',
    },
    {
      name: 'a policy variable: without Version it is literal text, so adding one changes the meaning (a suggestion)',
      code: '{\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*" }]\n}',
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'addVersion',
              output: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*" }]\n}',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a policy variable written with JSON escapes counts too',
      code: '{\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/\\u0024{aws:username}/*" }]\n}',
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'addVersion',
              output: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/\\u0024{aws:username}/*" }]\n}',
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
