import type { IamAction, IamIndex } from '../iam';
import { wildcardToRegExp } from '../util/wildcard';
import type { Located, Statement } from './types';

/** An action string split at its first colon, e.g. `ssm:SendCommand` → { service: 'ssm', name: 'SendCommand' }. */
export function splitAction(value: string): { service: string; name: string } | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0) return undefined;
  return { service: value.slice(0, colon), name: value.slice(colon + 1) };
}

/** True when an action pattern from a policy (`*`, `ssm:*`, `ssm:Get*`) matches a concrete action (`ssm:GetDocument`). */
export function actionPatternMatches(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  // Most items have no wildcard, or a literal prefix that already rules the action out: answer those
  // without building a RegExp (large policies hold thousands of distinct action strings).
  const star = firstWildcard(pattern);
  if (star < 0) return pattern.length === action.length && pattern.toLowerCase() === action.toLowerCase();
  if (action.length < star || pattern.slice(0, star).toLowerCase() !== action.slice(0, star).toLowerCase()) return false;
  return wildcardToRegExp(pattern).test(action);
}

function firstWildcard(text: string): number {
  const star = text.indexOf('*');
  const question = text.indexOf('?');
  return star < 0 ? question : question < 0 ? star : Math.min(star, question);
}

/** True when the statement's Effect is exactly `Allow`. */
export function isAllow(st: Statement): boolean {
  return st.effect?.value === 'Allow';
}

/** True when the statement's Effect is exactly `Deny`. */
export function isDeny(st: Statement): boolean {
  return st.effect?.value === 'Deny';
}

/**
 * The Action item that grants (or, under NotAction, does not exclude) a concrete action, e.g. `ssm:SendCommand`.
 * Returns the matching item for Action; for NotAction returns the NotAction node's first item or a synthetic
 * answer `true` when the action is not excluded. Undefined when the statement does not cover the action.
 */
export function statementCoversAction(st: Statement, action: string): Located<string> | true | undefined {
  if (st.action) return st.action.items.find((item) => actionPatternMatches(item.value, action));
  if (st.notAction) return st.notAction.items.some((item) => actionPatternMatches(item.value, action)) ? undefined : true;
  return undefined;
}

/** True when the statement's Resource (not NotResource) is `*` or contains `*`. */
export function hasWildcardResource(st: Statement): boolean {
  return st.resource?.items.some((r) => r.value === '*') ?? false;
}

/** True when the statement has a Condition with at least one operator. */
export function hasCondition(st: Statement): boolean {
  return (st.condition?.operators.length ?? 0) > 0;
}

/**
 * The concrete IAM actions a statement's Action element names, after expanding wildcards.
 * `complete` is false when some item could not be resolved (unknown service, `*`, no prefix),
 * so callers that reason about "none of the actions" must stay silent.
 */
export function expandActions(st: Statement, iam: IamIndex): ExpandedActions {
  // Several rules ask for the same statement: expand it once per statement and index.
  const cached = expandedCache.get(st);
  if (cached?.iam === iam) return cached.result;
  const result = expandUncached(st, iam);
  expandedCache.set(st, { iam, result });
  return result;
}

/** The result of {@link expandActions}; shared between rules, so callers must not modify it. */
export interface ExpandedActions {
  actions: IamAction[];
  complete: boolean;
}

const expandedCache = new WeakMap<Statement, { iam: IamIndex; result: ExpandedActions }>();

function expandUncached(st: Statement, iam: IamIndex): ExpandedActions {
  let complete = !!st.action && st.action.items.length > 0 && st.action.node.type !== 'object';
  // One item (the usual statement) needs no set: the index lists each action of a service once.
  const only = st.action?.items.length === 1 ? st.action.items[0] : undefined;
  if (only) {
    const matched = only.value === '*' ? undefined : iam.matchActions(only.value);
    return { actions: matched ? matched.slice() : [], complete: complete && !!matched && matched.length > 0 };
  }
  const actions: IamAction[] = [];
  const seen = new Set<IamAction>();
  for (const item of st.action?.items ?? []) {
    const matched = item.value === '*' ? undefined : iam.matchActions(item.value);
    if (!matched) {
      complete = false;
      continue;
    }
    if (matched.length === 0) complete = false;
    // The index returns one object per action, so identity is enough to drop repeats.
    for (const a of matched) {
      if (!seen.has(a)) {
        seen.add(a);
        actions.push(a);
      }
    }
  }
  return { actions, complete };
}
