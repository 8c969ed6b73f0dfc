import { removeArrayItem } from '../policy/array-edits';
import type { Located } from '../policy/types';
import { compileWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/** An item of a Resource or NotResource list that another item already matches. */
export const resourceRedundant: PolicyRule = {
  id: 'resource-redundant',
  meta: {
    description: 'Each item of a Resource or NotResource list should add something the other items do not already match.',
    defaultSeverity: 'info',
    fixable: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      duplicate: '"{{value}}" appears twice in this {{element}} list. Remove the repeat.',
      covered: '"{{value}}" is already matched by "{{by}}" in this {{element}} list, so it adds nothing. Remove it, or narrow "{{by}}" if it matches more than you meant.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const [element, list] of [
        ['Resource', st.resource],
        ['NotResource', st.notResource],
      ] as const) {
        const items = list?.items ?? [];
        if (items.length < 2 || items.length > 500) continue;
        const seen = new Set<string>();
        for (const item of items) {
          if (seen.has(item.value)) {
            findings.push({ messageId: 'duplicate', node: item.node, data: { value: item.value, element }, fix: removeArrayItem(item.node) });
            continue;
          }
          seen.add(item.value);
          const by = coveringItem(item, items);
          if (by) findings.push({ messageId: 'covered', node: item.node, data: { value: item.value, by: by.value, element } });
        }
      }
    }
    return findings;
  },
};

/**
 * Another item whose pattern matches every resource this one matches. Sound, not complete: the other item may use
 * only "*" wildcards, and this item's own "*" are read as text that a "*" of the other must absorb (a "?" here is skipped).
 */
function coveringItem(item: Located<string>, items: readonly Located<string>[]): Located<string> | undefined {
  const value = item.value;
  if (value.includes('?') || value.includes('${')) return undefined;
  return items.find((other) => {
    const pattern = other.value;
    if (pattern === value || !pattern.includes('*') || pattern.includes('?') || pattern.includes('${')) return false;
    // ARNs compare case-sensitively, unlike actions; the matcher never backtracks, whatever the pattern.
    return compileWildcard(pattern, { caseSensitive: true }).test(value);
  });
}
