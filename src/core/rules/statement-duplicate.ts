import { getNodeValue } from 'jsonc-parser';
import { removeArrayItem } from '../policy/array-edits';
import type { Finding, PolicyRule } from './rule';

/** A statement that repeats an earlier one (apart from its Sid), so removing it changes nothing. */
export const statementDuplicate: PolicyRule = {
  id: 'statement-duplicate',
  meta: {
    description: 'A statement should not repeat another statement of the policy.',
    defaultSeverity: 'info',
    fixable: true,
    appliesTo: ['identity', 'trust', 'scp'],
    messages: {
      duplicate: 'This statement says the same as statement {{first}} (only the Sid may differ), so it adds nothing, and an edit to one of them later will not reach the other. Remove it.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    if (policy.statements.length < 2 || policy.statements.length > 1000) return findings;
    const seen = new Map<string, number>();
    for (const st of policy.statements) {
      const value = getNodeValue(st.node) as Record<string, unknown>;
      if (!value || typeof value !== 'object') continue;
      const { Sid: _sid, ...rest } = value;
      const key = canonical(rest);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, st.index);
        continue;
      }
      findings.push({ messageId: 'duplicate', node: st.node, data: { first: String(first + 1) }, fix: removeArrayItem(st.node) });
    }
    return findings;
  },
};

/** JSON with object keys sorted, so key order does not hide a repeat; array order matters and is kept. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
