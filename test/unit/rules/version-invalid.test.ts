import { versionInvalid } from '../../../src/core/rules/version-invalid';
import { testRule } from '../rule-tester';

const st = '"Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}]';

testRule(versionInvalid, {
  valid: [
    `{"Version":"2012-10-17",${st}}`,
    // The outdated version is valid IAM: version-outdated warns about it.
    `{"Version":"2008-10-17",${st}}`,
    // A missing Version is version-missing's finding.
    `{${st}}`,
    // A misspelled key is unknown-element's; only the top-level Version is checked.
    `{"version":"2021",${st}}`,
    '{"Version":"2012-10-17","Statement":[{"Version":"1","Effect":"Allow","Action":"ssm:*","Resource":"*"}]}',
    // A repeated Version is json-duplicate-key's; the first one is the one read.
    `{"Version":"2012-10-17","Version":"latest",${st}}`,
    // Not a policy object: json-syntax reports it.
    '["Version", 1]',
    '"2012"',
    '',
  ],
  invalid: [
    {
      name: 'a policy variable makes the change a suggestion: which version was meant decides what ${aws:username} is',
      code: '{"Version":"2012-10-18","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"}]}',
      errors: [
        {
          messageId: 'nearMiss',
          suggestions: [
            {
              messageId: 'writeVersion',
              data: { version: '2012-10-17' },
              output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"}]}',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'not a string: unquoted 2012-10-17, read as 2012 followed by stray text',
      code: `{"Version": 2012-10-17, ${st}}`,
      errors: [{ messageId: 'notString', text: '2012', path: ['Version'], data: { type: 'a number' } }],
      output: `{"Version": "2012-10-17", ${st}}`,
    },
    {
      name: 'not a string: unquoted 2008-10-17 is quoted as written',
      code: `{"Version": 2008-10-17, ${st}}`,
      errors: [{ messageId: 'notString', text: '2008' }],
      output: `{"Version": "2008-10-17", ${st}}`,
    },
    {
      name: 'not a string: 20121017 means the current version',
      code: `{\n  "Version": 20121017,\n  ${st}\n}`,
      errors: [{ messageId: 'notString', text: '20121017', data: { type: 'a number' } }],
      output: `{\n  "Version": "2012-10-17",\n  ${st}\n}`,
    },
    {
      name: 'not a string: 2012 in an SCP',
      code: '{"Version":2012,"Statement":{"Effect":"Deny","Action":"ssm:*","Resource":"*"}}',
      kind: 'scp',
      errors: [{ messageId: 'notString', text: '2012' }],
      output: '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"ssm:*","Resource":"*"}}',
    },
    {
      name: 'not a string: unquoted 2012-11-01 is not quoted piecemeal',
      code: `{"Version": 2012-11-01, ${st}}`,
      errors: [{ messageId: 'notString', text: '2012' }],
      output: null,
    },
    {
      name: 'not a string: unquoted 2012-10-17-01 is not quoted piecemeal either',
      code: `{"Version": 2012-10-17-01, ${st}}`,
      errors: [{ messageId: 'notString', text: '2012' }],
      output: null,
    },
    {
      name: 'not a string: 2012 before a line comment',
      code: '{\n  "Statement": [],\n  "Version": 2012 // the current one\n}',
      errors: [{ messageId: 'notString', text: '2012' }],
      output: '{\n  "Statement": [],\n  "Version": "2012-10-17" // the current one\n}',
    },
    {
      name: 'not a string: another number has no fix',
      code: `{"Version": 2.1, ${st}}`,
      errors: [{ messageId: 'notString', text: '2.1', data: { type: 'a number' } }],
      output: null,
    },
    {
      name: 'not a string: an array holding the right value',
      code: `{"Version": ["2012-10-17"], ${st}}`,
      errors: [{ messageId: 'notString', text: '["2012-10-17"]', data: { type: 'an array' } }],
      output: null,
    },
    {
      name: 'not a string: an object',
      code: `{"Version": {"v": "2012-10-17"}, ${st}}`,
      errors: [{ messageId: 'notString', data: { type: 'an object' } }],
      output: null,
    },
    {
      name: 'not a string: a boolean',
      code: `{"Version": true, ${st}}`,
      errors: [{ messageId: 'notString', data: { type: 'the boolean true' } }],
      output: null,
    },
    {
      name: 'not a string: null',
      code: `{"Version": null, ${st}}`,
      errors: [{ messageId: 'notString', text: 'null', data: { type: 'null' } }],
      output: null,
    },
    {
      name: 'near miss: surrounding blanks',
      code: `{"Version":" 2012-10-17 ",${st}}`,
      errors: [{ messageId: 'nearMiss', text: '" 2012-10-17 "', data: { value: ' 2012-10-17 ' } }],
      output: `{"Version":"2012-10-17",${st}}`,
    },
    {
      name: 'near miss: a timestamp',
      code: '{"Version":"2012-10-17T00:00:00Z","Statement":[{"Version":"x","Effect":"Allow","Action":"ssm:*","Resource":"*"}]}',
      errors: [{ messageId: 'nearMiss', data: { value: '2012-10-17T00:00:00Z' } }],
      output: '{"Version":"2012-10-17","Statement":[{"Version":"x","Effect":"Allow","Action":"ssm:*","Resource":"*"}]}',
    },
    {
      name: 'near miss: the date written another way',
      code: `{"Version":"10/17/2012",${st}}`,
      errors: [{ messageId: 'nearMiss', data: { value: '10/17/2012' } }],
      output: `{"Version":"2012-10-17",${st}}`,
    },
    {
      name: 'near miss: day first with dots',
      code: `{"Version":"17.10.2012",${st}}`,
      errors: [{ messageId: 'nearMiss' }],
      output: `{"Version":"2012-10-17",${st}}`,
    },
    {
      name: 'near miss: without separators',
      code: `{"Version":"20121017",${st}}`,
      errors: [{ messageId: 'nearMiss' }],
      output: `{"Version":"2012-10-17",${st}}`,
    },
    {
      name: 'near miss: a wrong day',
      code: '{"Version":"2012-10-18","Statement":[]}',
      errors: [{ messageId: 'nearMiss', data: { value: '2012-10-18' } }],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'near miss: swapped year digits',
      code: '{"Version":"2021-10-17","Statement":[]}',
      errors: [{ messageId: 'nearMiss' }],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'near miss: a missing dash',
      code: '{"Version":"2012-1017","Statement":[]}',
      errors: [{ messageId: 'nearMiss' }],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'near miss: en dashes pasted from a document',
      code: '{"Version":"2012\u201310\u201317","Statement":[]}',
      errors: [{ messageId: 'nearMiss' }],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'near miss: the outdated version padded is fixed to the current one',
      code: '{"Version":"2008-10-17 ","Statement":[]}',
      errors: [{ messageId: 'nearMiss' }],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'invalid: today\'s date is not a version (too far from both)',
      code: '{"Version":"2024-05-01","Statement":[]}',
      errors: [{ messageId: 'invalid', text: '"2024-05-01"', data: { value: '2024-05-01' } }],
      output: null,
    },
    {
      name: 'invalid: a word',
      code: '{"Version":"latest","Statement":[]}',
      errors: [{ messageId: 'invalid', data: { value: 'latest' } }],
      output: null,
    },
    {
      name: 'invalid: "1"',
      code: '{"Version":"1","Statement":[]}',
      errors: [{ messageId: 'invalid', data: { value: '1' } }],
      output: null,
    },
    {
      name: 'invalid: empty string',
      code: '{"Version":"","Statement":[]}',
      errors: [{ messageId: 'invalid', text: '""', data: { value: '' } }],
      output: null,
    },
    {
      name: 'invalid: a huge value is shortened in the message and never treated as a near miss',
      code: `{"Version":"2012-10-17${'x'.repeat(5000)}","Statement":[]}`,
      errors: [{ messageId: 'invalid', data: { value: `2012-10-17${'x'.repeat(47)}...` } }],
      output: null,
    },
    {
      name: 'trust policy',
      code: '{"Version":"2012/10/17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
      errors: [{ messageId: 'nearMiss', data: { value: '2012/10/17' } }],
      output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    },
  ],
});
