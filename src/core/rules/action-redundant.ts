import { removeArrayItem } from '../policy/array-edits';
import type { Located, ValueList } from '../policy/types';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/** Patterns longer than this are compared for duplicates only. */
const MAX_PATTERN = 256;
/** Bounds the pairwise comparisons per item, so a huge list stays cheap. */
const MAX_CANDIDATES = 200;
/** Items whose case-insensitive comparison is plain ASCII case folding. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * An Action/NotAction item already matched by another item of the same list (or repeated). The fix removes it: the
 * list matches the same actions without it, because {@link covers} only answers true when every action the item can
 * match is matched by the item that stays (from the text alone, not from the IAM data).
 */
export const actionRedundant: PolicyRule = {
  id: 'action-redundant',
  meta: {
    description: 'Each item of an Action or NotAction list should add something the other items do not already match.',
    defaultSeverity: 'warning',
    fixable: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      duplicate: '"{{action}}" appears twice in this {{element}} list (IAM compares actions case-insensitively). Remove the repeat.',
      covered:
        '"{{action}}" is already matched by "{{by}}" in this {{element}} list, so it adds nothing. Remove it, or narrow "{{by}}" if it matches more than you meant.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      if (st.action) findings.push(...redundantItems(st.action, 'Action'));
      if (st.notAction) findings.push(...redundantItems(st.notAction, 'NotAction'));
    }
    return findings;
  },
};

function redundantItems(list: ValueList, element: string): Finding[] {
  const items = list.items;
  if (items.length < 2) return [];
  const findings: Finding[] = [];
  const firstByText = new Map<string, number>();
  // Wildcard items that may cover others: by their service prefix, or global when the prefix has a wildcard.
  const byService = new Map<string, number[]>();
  const global: number[] = [];
  items.forEach((item, i) => {
    if (!hasWildcard(item.value) || item.value.length > MAX_PATTERN) return;
    const service = servicePart(item.value);
    if (hasWildcard(service)) global.push(i);
    else {
      const sameService = byService.get(service);
      if (sameService) sameService.push(i);
      else byService.set(service, [i]);
    }
  });
  items.forEach((item, i) => {
    const lower = item.value.toLowerCase();
    const first = firstByText.get(lower);
    if (first === undefined) firstByText.set(lower, i);
    else {
      findings.push(report(item, items[first] as Located<string>, 'duplicate', element));
      return;
    }
    if (item.value.length > MAX_PATTERN) return;
    const candidates = [...global.slice(0, MAX_CANDIDATES), ...(byService.get(servicePart(item.value)) ?? []).slice(0, MAX_CANDIDATES)];
    for (const j of candidates) {
      const other = items[j] as Located<string>;
      if (j === i || other.value.toLowerCase() === lower || !covers(other.value, item.value)) continue;
      // Two patterns that match the same actions ("ssm:Get*", "ssm:Get**"): the first one stays.
      if (j > i && covers(item.value, other.value)) continue;
      findings.push(report(item, other, 'covered', element));
      return;
    }
  });
  return findings;
}

function report(item: Located<string>, by: Located<string>, messageId: string, element: string): Finding {
  const finding: Finding = { messageId, node: item.node, data: { action: item.value, by: by.value, element } };
  // Case folding beyond ASCII (the Kelvin sign lower-cases to "k") may differ from IAM's: such items are reported, not removed.
  if (PRINTABLE_ASCII.test(item.value) && PRINTABLE_ASCII.test(by.value)) finding.fix = removeArrayItem(item.node);
  return finding;
}

function servicePart(action: string): string {
  const colon = action.indexOf(':');
  return (colon < 0 ? action : action.slice(0, colon)).toLowerCase();
}

/**
 * True when every action the pattern `inner` can match is matched by `outer` (IAM wildcards, case-insensitive).
 * `outer`'s `*` may absorb any text of `inner`, wildcards included; its `?` one character that is not `*`.
 */
export function covers(outer: string, inner: string): boolean {
  const o = outer.toLowerCase();
  const n = inner.toLowerCase();
  // The usual shapes answer without the table: no wildcard ("ssm:GetDocument"), one trailing "*" ("ssm:Get*").
  const firstWildcard = o.search(/[*?]/);
  if (firstWildcard < 0) return o === n && !/[*?]/.test(n);
  if (firstWildcard === o.length - 1 && o.endsWith('*')) return n.startsWith(o.slice(0, -1));
  // reach[j]: outer's prefix read so far can produce inner's first j characters.
  let reach: boolean[] = Array.from({ length: n.length + 1 }, (_, j) => j === 0);
  for (const ch of o) {
    const next: boolean[] = new Array<boolean>(n.length + 1).fill(false);
    if (ch === '*') {
      let any = false;
      for (let j = 0; j <= n.length; j++) {
        any = any || (reach[j] as boolean);
        next[j] = any;
      }
    } else {
      for (let j = 1; j <= n.length; j++) {
        if (!reach[j - 1]) continue;
        const c = n[j - 1] as string;
        next[j] = ch === '?' ? c !== '*' : c === ch && c !== '*' && c !== '?';
      }
    }
    reach = next;
  }
  return reach[n.length] as boolean;
}
