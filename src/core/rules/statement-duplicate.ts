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
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      duplicate: 'This statement says the same as statement {{first}} (only the Sid may differ), so it adds nothing, and an edit to one of them later will not reach the other. Remove it.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    if (policy.statements.length < 2 || policy.statements.length > 1000) return findings;
    // Statements by a cheap size that equal statements share; the canonical text is built only for those whose size
    // an earlier statement has (most policies have none), then compared in statement order.
    const bySize = new Map<number, { index: number; rest: Record<string, unknown>; key?: string }[]>();
    for (const st of policy.statements) {
      const value = getNodeValue(st.node) as Record<string, unknown>;
      if (!value || typeof value !== 'object') continue;
      const { Sid: _sid, ...rest } = value;
      const size = sizeOf(rest);
      const earlier = bySize.get(size);
      if (!earlier) {
        bySize.set(size, [{ index: st.index, rest }]);
        continue;
      }
      const key = canonical(rest);
      const first = earlier.find((e) => (e.key ??= canonical(e.rest)) === key);
      if (!first) {
        earlier.push({ index: st.index, rest, key });
        continue;
      }
      findings.push({ messageId: 'duplicate', node: st.node, data: { first: String(first.index + 1) }, fix: removeArrayItem(st.node) });
    }
    return findings;
  },
};

/**
 * A number that two values with the same {@link canonical} text always share: the count of their keys, elements and
 * values plus the length of every key and string (other values count alike, so different ones may share it).
 */
function sizeOf(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 1;
    for (let i = 0; i < value.length; i++) n += sizeOf(value[i]);
    return n;
  }
  if (value && typeof value === 'object') {
    let n = 1;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      n += k.length + sizeOf((value as Record<string, unknown>)[k]);
    }
    return n;
  }
  return typeof value === 'string' ? value.length + 1 : 1;
}

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
