import { versionMissing } from '../../../src/core/rules/version-missing';
import { testRule } from '../rule-tester';

testRule(versionMissing, {
  valid: ['{"Version":"2012-10-17","Statement":[]}', '[]', ''],
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
  ],
});
