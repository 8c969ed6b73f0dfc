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
  return st.action.items.find((item) => !isBareWildcardAction(item.value) && actionPatternMatches(item.value, action));
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
