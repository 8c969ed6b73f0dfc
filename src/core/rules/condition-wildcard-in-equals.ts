import { likeOperatorFor, parseOperator } from '../policy/condition-operators';
import { renameKey } from '../policy/edits';
import { withoutVariableSpans } from '../util/variables';
import type { Finding, PolicyRule } from './rule';

/** The operators under which `*` and `?` are literal: the Like form of the first two is the suggestion. */
const EQUALS_OPERATORS = new Set(['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase']);

// Policy variables (`${aws:username}`) and the escapes `${*}`, `${?}`, `${$}` are not wildcards.

/** A `*` or `?` in a value of a StringEquals-family operator, where it is literal; a suggestion switches to StringLike/StringNotLike. */
export const conditionWildcardInEquals: PolicyRule = {
  id: 'condition-wildcard-in-equals',
  meta: {
    description: 'Wildcards in StringEquals values match only a literal * or ?; use StringLike.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      useLike:
        '{{operator}} compares exactly, so the "{{wildcard}}" in {{value}} matches only a literal "{{wildcard}}" character. To match a pattern, use {{suggestion}}.',
      noLikeForm:
        '{{operator}} compares exactly, so the "{{wildcard}}" in {{value}} matches only a literal "{{wildcard}}" character. There is no case-insensitive Like operator: use StringLike/StringNotLike with the exact case, or list the values.',
      useLikeOperator: 'Change {{operator}} to {{suggestion}}',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      const operators = st.condition?.operators ?? [];
      for (const op of operators) {
        const parsed = parseOperator(op.operator);
        if (!parsed.known || !parsed.base || !EQUALS_OPERATORS.has(parsed.base)) continue;
        const suggestion = likeOperatorFor(parsed);
        const taken = suggestion !== undefined && operators.some((other) => other.operator === suggestion);
        for (const entry of op.entries) {
          for (const item of entry.values) {
            if (typeof item.value !== 'string') continue;
            const wildcard = /[*?]/.exec(withoutVariableSpans(item.value))?.[0];
            if (!wildcard) continue;
            const data = { operator: op.operator, value: JSON.stringify(item.value), wildcard };
            findings.push(
              suggestion
                ? {
                    messageId: 'useLike',
                    node: item.node,
                    data: { ...data, suggestion },
                    ...(taken ? {} : { suggestions: [{ messageId: 'useLikeOperator', fix: renameKey(op.keyNode, suggestion) }] }),
                  }
                : { messageId: 'noLikeForm', node: item.node, data },
            );
          }
        }
      }
    }
    return findings;
  },
};
