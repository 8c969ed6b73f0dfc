import { jsonSyntax } from '../../../src/core/rules/json-syntax';
import { testRule } from '../rule-tester';

testRule(jsonSyntax, {
  valid: [
    '{"Version":"2012-10-17","Statement":[]}',
    '{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } }',
  ],
  invalid: [
    { code: '', errors: [{ messageId: 'empty' }], output: null },
    { code: '   \n', errors: [{ messageId: 'empty' }] },
    { code: '[1, 2]', errors: [{ messageId: 'notObject', text: '[1, 2]' }] },
    { code: '"Statement"', errors: [{ messageId: 'notObject' }] },
    { code: '{"Version": "2012-10-17" "Statement": []}', errors: [{ messageId: 'CommaExpected', text: '"Statement"' }] },
    { code: '{"Version": }', errors: [{ messageId: 'ValueExpected', text: '}' }] },
    { code: '{"Version": "2012-10-17"', errors: [{ messageId: 'CloseBraceExpected' }] },
    { code: '{"Action": ["s3:GetObject"}', errors: [{ messageId: 'CommaExpected', text: '}' }] },
    { code: "{'Version': '2012-10-17'}", errors: [{ messageId: 'InvalidSymbol', text: "'Version'" }] },
    { code: '{"Version": "2012-10-17"} {}', errors: [{ messageId: 'EndOfFileExpected', text: '{' }] },
    { code: '{"Sid": "a\\qb"}', errors: [{ messageId: 'InvalidEscapeCharacter' }] },
    { code: '{"Sid": "abc', errors: [{ messageId: 'UnexpectedEndOfString' }] },
    { code: '{"Condition": {"NumericLessThan": {"s3:max-keys": 01}}}', errors: [{ messageId: 'CommaExpected', text: '1' }] },
  ],
});
