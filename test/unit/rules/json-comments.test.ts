import { jsonComments } from '../../../src/core/rules/json-comments';
import { testRule } from '../rule-tester';

testRule(jsonComments, {
  valid: [
    '{"Version":"2012-10-17","Statement":[]}',
    // Comment-like text inside strings is data, not a comment.
    '{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket//*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"arn:aws:ssm:*:*:parameter/app/* /* not a comment */"}]}',
    '',
    // A key that looks like a comment is still a key.
    '{"Version":"2012-10-17","Statement":[],"//":"x"}',
  ],
  invalid: [
    {
      name: 'line comment alone on its line: the whole line goes',
      code: '{\n  // allow Session Manager\n  "Version": "2012-10-17",\n  "Statement": []\n}',
      errors: [{ messageId: 'comment', text: '// allow Session Manager' }],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
    },
    {
      name: 'trailing line comment: the blanks before it go too',
      code: '{\n  "Version": "2012-10-17", // current\n  "Statement": []\n}',
      errors: [{ messageId: 'comment', text: '// current' }],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
    },
    {
      name: 'block comment between tokens on one line',
      code: '{ /* policy */ "Version": "2012-10-17", "Statement": [] }',
      errors: [{ messageId: 'comment', text: '/* policy */' }],
      output: '{ "Version": "2012-10-17", "Statement": [] }',
    },
    {
      name: 'block comment glued to tokens',
      code: '{"Version":/*v*/"2012-10-17","Statement":[]}',
      errors: [{ messageId: 'comment', text: '/*v*/' }],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'multi-line block comment alone on its lines, CRLF line ends',
      code: '{\r\n  /*\r\n   * notes\r\n   */\r\n  "Version": "2012-10-17",\r\n  "Statement": []\r\n}',
      errors: [{ messageId: 'comment', text: '/*\r\n   * notes\r\n   */' }],
      output: '{\r\n  "Version": "2012-10-17",\r\n  "Statement": []\r\n}',
    },
    {
      name: 'comment on the last line of the text',
      code: '{"Version":"2012-10-17","Statement":[]}\n// end',
      errors: [{ messageId: 'comment', text: '// end' }],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'two comments, both reported and removed',
      code: '{\n  "Version": "2012-10-17", // a\n  // b\n  "Statement": []\n}',
      errors: [
        { messageId: 'comment', text: '// a' },
        { messageId: 'comment', text: '// b' },
      ],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
    },
    {
      name: 'multi-line block comment after code: it goes with the blanks before it, the line break stays',
      code: '{\n  "Version": "2012-10-17", /* keep the\n     current version */\n  "Statement": []\n}',
      errors: [{ messageId: 'comment', text: '/* keep the\n     current version */' }],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
    },
    {
      name: 'comment on the last line of a CRLF text, with blanks around it',
      code: '{"Version":"2012-10-17","Statement":[]}\r\n  // end  ',
      errors: [{ messageId: 'comment', text: '// end  ' }],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'comment on the first line, CRLF',
      code: '// SSM read-only\r\n{"Version":"2012-10-17","Statement":[]}',
      errors: [{ messageId: 'comment', text: '// SSM read-only' }],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'tab-indented comment alone on its line',
      code: '{\n\t// notes\n\t"Version": "2012-10-17",\n\t"Statement": []\n}',
      errors: [{ messageId: 'comment', text: '// notes' }],
      output: '{\n\t"Version": "2012-10-17",\n\t"Statement": []\n}',
    },
    {
      name: 'inline comment before a comma or a closer: the blanks on both sides go',
      code: '{"Version": "2012-10-17" /* v */ , "Statement": [ /* none yet */ ]}',
      errors: [
        { messageId: 'comment', text: '/* v */' },
        { messageId: 'comment', text: '/* none yet */' },
      ],
      output: '{"Version": "2012-10-17", "Statement": []}',
    },
    {
      name: 'two comments on one line after code: one pass, no trailing blank',
      code: '{\n  "Version": "2012-10-17", /* a */\t// b\n  "Statement": []\n}',
      errors: [
        { messageId: 'comment', text: '/* a */' },
        { messageId: 'comment', text: '// b' },
      ],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
    },
    {
      name: 'two comments alone on one line',
      code: '{\n  /* a */ /* b */\n  "Version": "2012-10-17",\n  "Statement": []\n}',
      errors: [
        { messageId: 'comment', text: '/* a */' },
        { messageId: 'comment', text: '/* b */' },
      ],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
    },
    {
      name: 'comment lines that end the text: removed in one pass',
      code: '{"Version":"2012-10-17","Statement":[]}\n// a\n// b',
      errors: [
        { messageId: 'comment', text: '// a' },
        { messageId: 'comment', text: '// b' },
      ],
      output: '{"Version":"2012-10-17","Statement":[]}\n',
    },
    {
      name: 'unterminated block comment (json-syntax reports the syntax error)',
      code: '{"Version":"2012-10-17","Statement":[]} /* unfinished',
      errors: [{ messageId: 'comment', text: '/* unfinished' }],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'comment inside a statement array',
      code: '{"Version":"2012-10-17","Statement":[\n  // TODO: scope down\n  {"Effect":"Allow","Action":"ssm:*","Resource":"*"}\n]}',
      errors: [{ messageId: 'comment', text: '// TODO: scope down' }],
      output: '{"Version":"2012-10-17","Statement":[\n  {"Effect":"Allow","Action":"ssm:*","Resource":"*"}\n]}',
    },
  ],
});
