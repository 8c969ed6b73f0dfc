import { likeOperatorFor, parseOperator } from '../policy/condition-operators';
import { replaceNode } from '../policy/edits';
import type { Finding, PolicyRule, Suggestion } from './rule';

/** A role's unique ID: AROA and 17 (older roles: 16 or more) upper-case letters and digits. */
const ROLE_ID = /^AROA[A-Z0-9]{12,}$/;

/**
 * aws:userid compared with a bare role unique ID (AROA…): for a role session the value is "AROA…:session-name", so
 * the comparison never matches. Silent when the same entry also holds the ID with a suffix pattern ("AROA…:*").
 */
export const conditionUseridUniqueId: PolicyRule = {
  id: 'condition-userid-unique-id',
  meta: {
    description: 'aws:userid of a role session is "AROA…:session-name"; compare role unique IDs as "AROA…:*" with StringLike.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      bareRoleId:
        '"{{value}}" is a role\'s unique ID, but aws:userid of a role session is "{{value}}:<session name>" (for an instance role, "{{value}}:<instance ID>"), so {{operator}} never matches it and {{outcome}}. ' +
        'Write "{{value}}:*" under StringLike (StringNotLike for a negated condition).',
      usePattern: 'Write "{{value}}:*" under {{like}}',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      const operators = st.condition?.operators ?? [];
      for (const op of operators) {
        const parsed = parseOperator(op.operator);
        const like = likeOperatorFor(parsed);
        if (!like) continue;
        for (const entry of op.entries) {
          if (entry.key.toLowerCase() !== 'aws:userid') continue;
          const values = entry.values.map((v) => (typeof v.value === 'string' ? v.value : ''));
          for (const item of entry.values) {
            if (typeof item.value !== 'string' || !ROLE_ID.test(item.value)) continue;
            const id = item.value;
            // "AROA…:*" or "AROA…*" beside it (under a Like operator) already matches the sessions.
            if (like === op.operator && values.some((v) => v !== id && v.startsWith(id) && /^:?\*/.test(v.slice(id.length)))) continue;
            const outcome = parsed.negated ? 'the condition holds for every session of the role, which it was meant to exclude' : 'the statement never applies to the role';
            findings.push({
              messageId: 'bareRoleId',
              node: item.node,
              data: { value: id, operator: op.operator, outcome },
              suggestions: suggest(op.operator, like, op.keyNode, operators.map((o) => o.operator), item.node, id, values),
            });
          }
        }
      }
    }
    return findings;
  },
};

/** Appends ":*" and, for an Equals operator, renames it to its Like form when that changes no other value's meaning. */
function suggest(
  operator: string,
  like: string,
  keyNode: Finding['node'],
  siblings: string[],
  valueNode: NonNullable<Finding['node']>,
  id: string,
  values: string[],
): Suggestion[] {
  const fix = replaceNode(valueNode, `${id}:*`);
  if (operator !== like) {
    // Renaming is safe when no other value holds * or ? (literal under Equals) and no sibling block has the name.
    if (!keyNode || siblings.includes(like) || values.some((v) => /[*?]/.test(v))) return [];
    fix.push(...replaceNode(keyNode, like));
  }
  return [{ messageId: 'usePattern', data: { value: id, like }, fix }];
}
