import type { Finding, PolicyRule } from './rule';

/** A comma right before `}` or `]`: the editor's JSONC mode tolerates it, IAM's strict JSON parser rejects the policy. */
export const jsonTrailingComma: PolicyRule = {
  id: 'json-trailing-comma',
  meta: {
    description: 'IAM policies are strict JSON: no comma before a closing brace or bracket.',
    defaultSeverity: 'error',
    fixable: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      trailingComma:
        'Trailing comma before a closing {{closer}}: strict JSON does not allow it, so IAM rejects the policy. Remove the comma.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const offset of policy.trailingCommas) {
      const closer = closerAfter(policy.text, offset + 1);
      // `["a", ]` becomes `["a"]`: blanks between the comma and a closer on the same line go with the comma.
      let end = offset + 1;
      while (policy.text[end] === ' ' || policy.text[end] === '\t') end++;
      if (policy.text[end] !== '}' && policy.text[end] !== ']') end = offset + 1;
      findings.push({
        messageId: 'trailingComma',
        range: { offset, length: 1 },
        data: { closer: closer === ']' ? 'bracket "]"' : 'brace "}"' },
        fix: [{ offset, length: end - offset, content: '' }],
      });
    }
    return findings;
  },
};

/** The first `}` or `]` after `from`, skipping whitespace and comments (which is all the scanner allowed in between). */
function closerAfter(text: string, from: number): string | undefined {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '}' || ch === ']') return ch;
    if (ch === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else {
      i++;
    }
  }
  return undefined;
}
