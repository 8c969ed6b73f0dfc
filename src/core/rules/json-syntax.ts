import { printParseErrorCode } from 'jsonc-parser';
import type { PolicyRule } from './rule';

/** JSON syntax errors, at the exact offset jsonc-parser reports. */
export const jsonSyntax: PolicyRule = {
  id: 'json-syntax',
  meta: {
    description: 'The document must be valid JSON.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      empty: 'The document is empty. IAM expects a JSON object with "Version" and "Statement".',
      notObject: 'A policy must be a JSON object ({ "Version": ..., "Statement": [...] }), but this is a {{type}}.',
      InvalidSymbol: 'Invalid symbol: IAM cannot parse this JSON. Check for a stray character or an unquoted value.',
      InvalidNumberFormat: 'Invalid number format: IAM cannot parse this JSON. Write the number plainly or quote it.',
      PropertyNameExpected: 'Property name expected: IAM cannot parse this JSON. Quote the key with double quotes.',
      ValueExpected: 'Value expected: IAM cannot parse this JSON. Add a value or remove the extra comma.',
      ColonExpected: 'Colon expected: IAM cannot parse this JSON. Write "key": value.',
      CommaExpected: 'Comma expected: IAM cannot parse this JSON. Separate items and properties with commas.',
      CloseBraceExpected: 'Closing brace "}" expected: IAM cannot parse this JSON.',
      CloseBracketExpected: 'Closing bracket "]" expected: IAM cannot parse this JSON.',
      EndOfFileExpected: 'End of file expected: only one JSON value may appear; remove the text after it.',
      InvalidCommentToken: 'Invalid comment: IAM cannot parse this JSON.',
      UnexpectedEndOfComment: 'Unterminated comment: IAM cannot parse this JSON.',
      UnexpectedEndOfString: 'Unterminated string: IAM cannot parse this JSON. Close the string with a double quote.',
      UnexpectedEndOfNumber: 'Unterminated number: IAM cannot parse this JSON.',
      InvalidUnicode: 'Invalid unicode escape: IAM cannot parse this JSON. Write \\u followed by four hex digits.',
      InvalidEscapeCharacter: 'Invalid escape character: IAM cannot parse this JSON. Only \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u are allowed.',
      InvalidCharacter: 'Invalid character (a control character inside a string): IAM cannot parse this JSON.',
    },
  },
  check(policy) {
    if (!policy.root) {
      if (policy.syntaxErrors.length === 0 || policy.text.trim() === '') {
        return [{ messageId: 'empty', range: { offset: 0, length: 0 } }];
      }
    } else if (policy.root.type !== 'object') {
      return [{ messageId: 'notObject', node: policy.root, data: { type: policy.root.type } }];
    }
    // Only the first error: the ones after it are usually echoes of the same mistake.
    const first = policy.syntaxErrors[0];
    return first ? [{ messageId: printParseErrorCode(first.error), range: { offset: first.offset, length: first.length } }] : [];
  },
};
