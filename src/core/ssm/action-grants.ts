import { actionPatternMatches, isAllow } from '../policy/query';
import type { Located, Statement } from '../policy/types';

/** True for `*` and `*:*`-like items: whole-account grants, which the SSM rules leave to the general rules. */
export function isBareWildcardAction(item: string): boolean {
  const colon = item.indexOf(':');
  const service = colon < 0 ? item : item.slice(0, colon);
  return /^\*+$/.test(service);
}

/**
 * The Action item of an Allow statement that grants a concrete action by naming its service
 * (`ssm:SendCommand`, `ssm:Send*`, `ssm:*`); a bare `*` does not count. NotAction statements are ignored.
 */
export function allowItemGranting(st: Statement, action: string): Located<string> | undefined {
  if (!isAllow(st) || !st.action) return undefined;
  // Statements list hundreds of actions and the SSM rules ask about dozens: only the items that name the action's
  // service, or a service with a wildcard, can grant it. The first of either list is the first in the statement.
  const { items } = st.action;
  const index = grantIndexOf(items);
  const colon = action.indexOf(':');
  const grants = (i: number): boolean => actionPatternMatches((items[i] as Located<string>).value, action);
  const own = index.byService.get((colon < 0 ? action : action.slice(0, colon)).toLowerCase())?.find(grants);
  const wild = index.wildcard.find(grants);
  const first = own === undefined ? wild : wild === undefined ? own : Math.min(own, wild);
  return first === undefined ? undefined : items[first];
}

/** Positions of an Action element's items by lower-case service (the text before the first colon), bare wildcards left out. */
interface GrantIndex {
  byService: Map<string, number[]>;
  /** Items whose service holds `*` or `?` (`s*:Get*`), which may name any service. */
  wildcard: number[];
}

const grantIndexes = new WeakMap<readonly Located<string>[], GrantIndex>();

function grantIndexOf(items: readonly Located<string>[]): GrantIndex {
  let index = grantIndexes.get(items);
  if (!index) {
    index = { byService: new Map(), wildcard: [] };
    for (let i = 0; i < items.length; i++) {
      const value = (items[i] as Located<string>).value;
      if (isBareWildcardAction(value)) continue;
      const colon = value.indexOf(':');
      const service = colon < 0 ? value : value.slice(0, colon);
      if (/[*?]/.test(service)) {
        index.wildcard.push(i);
        continue;
      }
      const key = service.toLowerCase();
      const list = index.byService.get(key);
      if (list) list.push(i);
      else index.byService.set(key, [i]);
    }
    grantIndexes.set(items, index);
  }
  return index;
}

/** True when the statement's Condition uses the key (case-insensitive) under any operator. */
export function hasConditionKey(st: Statement, key: string): boolean {
  const lower = key.toLowerCase();
  return (st.condition?.operators ?? []).some((op) => op.entries.some((e) => e.key.toLowerCase() === lower));
}

/** How a message names the grant: `iam:PassRole`, or `iam:PassRole (through "iam:*")` when a wildcard grants it. */
export function describeGrant(item: Located<string>, action: string): string {
  return item.value.toLowerCase() === action.toLowerCase() ? action : `${action} (through "${item.value}")`;
}
