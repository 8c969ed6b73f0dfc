import type { IamAction, IamIndex } from '../iam';
import { conditionKeyTemplate, resolveConditionKey } from '../policy/condition-keys';
import { expandActions } from '../policy/query';
import type { WildcardMatcher } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/** A service-specific condition key that none of the statement's (fully known) actions supports, so it is never in their request context. */
export const conditionKeyUnsupported: PolicyRule = {
  id: 'condition-key-unsupported',
  meta: {
    description: 'Service condition keys only work with actions that support them.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      unsupported:
        'None of the actions in this statement ({{actions}}) supports "{{key}}", so the key is never in their request context: the condition never matches (or, with a negated operator or IfExists, always does). Use a key those actions support, or move the condition to a statement with actions that support it.',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      const entries = (st.condition?.operators ?? []).flatMap((op) => op.entries);
      const candidates = entries.filter((e) => isServiceKey(ctx.iam, e.key));
      if (candidates.length === 0) continue;
      const { actions, complete } = expandActions(st, ctx.iam);
      if (!complete || actions.length === 0) continue;
      const supported = supportedKeys(ctx.iam, actions);
      for (const entry of candidates) {
        if (supports(supported, entry.key)) continue;
        // An action of the key's own service whose reference entry lists no condition keys at all says nothing
        // about them: AWS's own policies use aws-marketplace:ProductId with aws-marketplace:Subscribe, which lists none.
        const service = entry.key.slice(0, entry.key.indexOf(':')).toLowerCase();
        if (actions.some((a) => a.service.toLowerCase() === service && !listsAnyKey(ctx.iam, a))) continue;
        findings.push({ messageId: 'unsupported', node: entry.keyNode, data: { key: entry.key, actions: describe(actions) } });
      }
    }
    return findings;
  },
};

/** A key this rule can judge: service-specific, not a cross-service global key, and known to the loaded data. */
function isServiceKey(iam: IamIndex, key: string): boolean {
  if (typeof key !== 'string' || key.length > 200) return false;
  const colon = key.indexOf(':');
  if (colon <= 0) return false;
  const service = key.slice(0, colon).toLowerCase();
  if (service === 'aws' || !iam.isLoaded(service)) return false;
  // Keys such as ec2:SourceInstanceArn describe the caller's session and apply to every action.
  if (iam.globalConditionKey(key)) return false;
  return resolveConditionKey(iam, key) !== undefined && attachedSomewhere(iam, service, key);
}

const attachedCache = new WeakMap<IamIndex, Map<string, Supported>>();

/**
 * True when some action or resource type of the key's own service lists the key. The data has keys that no
 * action lists (iottwinmaker:linkedServices, a4b:amazonId, used by AWS managed policies); for those it cannot
 * say which actions support them, so the rule stays silent.
 */
function attachedSomewhere(iam: IamIndex, service: string, key: string): boolean {
  let cache = attachedCache.get(iam);
  if (!cache) {
    cache = new Map();
    attachedCache.set(iam, cache);
  }
  // Every key of a service, listed in the index at build time and matched once per service (not once per key).
  let all = cache.get(service);
  if (!all) {
    all = { exact: new Set(), templates: new Map() };
    for (const k of iam.attachedConditionKeys(service)) addTo(all, k);
    cache.set(service, all);
  }
  return supports(all, key);
}

function listsAnyKey(iam: IamIndex, action: IamAction): boolean {
  if (action.conditionKeys.length > 0) return true;
  return action.resourceTypes.some(
    (rt) => rt.conditionKeys.length > 0 || (iam.resourceType(action.service, rt.name)?.conditionKeys.length ?? 0) > 0,
  );
}

interface Supported {
  exact: Set<string>;
  templates: Map<string, WildcardMatcher>;
}

function addTo(supported: Supported, key: string): void {
  const re = conditionKeyTemplate(key);
  if (re) supported.templates.set(key, re);
  else supported.exact.add(key.toLowerCase());
}

/** The keys the actions support: their own keys and the keys of the resource types they act on. */
function supportedKeys(iam: IamIndex, actions: IamAction[]): Supported {
  const supported: Supported = { exact: new Set(), templates: new Map() };
  for (const action of actions) {
    for (const k of action.conditionKeys) addTo(supported, k);
    for (const rt of action.resourceTypes) {
      for (const k of rt.conditionKeys) addTo(supported, k);
      for (const k of iam.resourceType(action.service, rt.name)?.conditionKeys ?? []) addTo(supported, k);
    }
  }
  return supported;
}

function supports(supported: Supported, key: string): boolean {
  if (supported.exact.has(key.toLowerCase())) return true;
  for (const re of supported.templates.values()) if (re.test(key)) return true;
  return false;
}

function describe(actions: IamAction[]): string {
  const names = actions.slice(0, 3).map((a) => `${a.service}:${a.name}`);
  return actions.length > 3 ? `${names.join(', ')} and ${actions.length - 3} more` : names.join(', ');
}
