import type { IamIndex } from '../iam';
import { conditionKeyTemplate, resolveConditionKey } from '../policy/condition-keys';
import { renameKey } from '../policy/edits';
import type { ConditionOperatorBlock } from '../policy/types';
import { didYouMean } from '../util/did-you-mean';
import type { Finding, PolicyRule } from './rule';

/**
 * Keys that AWS's own managed policies use but the Service Authorization Reference does not list;
 * reporting them would flag AWS-maintained policies for keys AWS evaluates.
 */
const UNDOCUMENTED_KEYS = new Set(['aws:principalorgmasteraccountid', 'lakeformation:gluearn']);

/** A condition key the IAM data does not know: a misspelled global or service key, or a key without a prefix; a suggestion applies the did-you-mean. */
export const conditionKeyUnknown: PolicyRule = {
  id: 'condition-key-unknown',
  meta: {
    description: 'Condition keys must be global (aws:) keys or keys of the service they name.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      globalDidYouMean:
        '"{{key}}" is not an AWS global condition key. A key that is never in the request context makes the condition never match (or, with a negated operator or IfExists, always match). Did you mean "{{suggestion}}"?',
      global:
        '"{{key}}" is not an AWS global condition key. A key that is never in the request context makes the condition never match (or, with a negated operator or IfExists, always match). Check the spelling against the global condition keys.',
      serviceDidYouMean:
        '"{{key}}" is not a condition key of {{serviceName}} ({{service}}), so it is never in the request context and the condition does not do what it says. Did you mean "{{suggestion}}"?',
      service:
        '"{{key}}" is not a condition key of {{serviceName}} ({{service}}), so it is never in the request context and the condition does not do what it says. Check the service\'s condition keys in the Service Authorization Reference.',
      noPrefixDidYouMean:
        '"{{key}}" has no prefix: condition keys are written prefix:name, and a key without one is never in the request context. Did you mean "{{suggestion}}"?',
      noPrefix:
        '"{{key}}" has no prefix: condition keys are written prefix:name (aws:SourceIp, ssm:resourceTag/Env), and a key without one is never in the request context.',
      changeKey: 'Change the condition key to "{{suggestion}}"',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const op of st.condition?.operators ?? []) {
        for (const entry of op.entries) {
          const key = entry.key;
          if (typeof key !== 'string' || key.length > 200) continue;
          const colon = key.indexOf(':');
          if (colon <= 0) {
            const suggestion = ctx.iam.globalConditionKeyNames().find((g) => g.toLowerCase() === `aws:${key.toLowerCase()}`);
            findings.push(withFix(op, entry.keyNode, key, suggestion, suggestion ? 'noPrefixDidYouMean' : 'noPrefix', {}));
            continue;
          }
          if (UNDOCUMENTED_KEYS.has(key.toLowerCase()) || resolveConditionKey(ctx.iam, key)) continue;
          const service = key.slice(0, colon).toLowerCase();
          if (service === 'aws') {
            // Tag-style keys (aws:PrincipalTag/x) are only known once loaded; an unchecked key may be valid.
            if (!ctx.iam.conditionKeyChecked(key)) continue;
            const suggestion = suggestKey(key, globalAwsKeys(ctx.iam));
            findings.push(withFix(op, entry.keyNode, key, suggestion, suggestion ? 'globalDidYouMean' : 'global', {}));
          } else if (ctx.iam.isLoaded(service) && ctx.iam.serviceConditionKeys(service).length > 0) {
            const own = ctx.iam.serviceConditionKeys(service).filter((k) => k.key.toLowerCase().startsWith(`${service}:`));
            const suggestion = suggestKey(key, own.map((k) => k.key));
            const extra = { service, serviceName: ctx.iam.serviceName(service) ?? service };
            findings.push(withFix(op, entry.keyNode, key, suggestion, suggestion ? 'serviceDidYouMean' : 'service', extra));
          }
          // Prefixes that are no service in the data (identity providers such as accounts.google.com, retired services) are not judged.
        }
      }
    }
    return findings;
  },
};

function withFix(
  op: ConditionOperatorBlock,
  keyNode: Finding['node'],
  key: string,
  suggestion: string | undefined,
  messageId: string,
  extra: Record<string, string>,
): Finding {
  const data: Record<string, string> = { key, ...extra };
  if (!suggestion) return { messageId, node: keyNode, data };
  data.suggestion = suggestion;
  const taken = op.entries.some((e) => e.key.toLowerCase() === suggestion.toLowerCase());
  // Renaming onto a key the operator already has would make a duplicate key.
  if (taken || !keyNode) return { messageId, node: keyNode, data };
  return { messageId, node: keyNode, data, suggestions: [{ messageId: 'changeKey', fix: renameKey(keyNode, suggestion) }] };
}

const globalCache = new WeakMap<IamIndex, string[]>();
function globalAwsKeys(iam: IamIndex): string[] {
  let keys = globalCache.get(iam);
  if (!keys) {
    keys = iam.globalConditionKeyNames().filter((k) => k.toLowerCase().startsWith('aws:'));
    globalCache.set(iam, keys);
  }
  return keys;
}

/**
 * The closest known key. A key with a `/` (a tag-style key) is matched on the part before it against the
 * templated keys, keeping the author's tag name: `aws:PrincipleTag/team` → `aws:PrincipalTag/team`.
 */
function suggestKey(key: string, known: string[]): string | undefined {
  const slash = key.indexOf('/');
  if (slash > 0) {
    const heads = new Map<string, string>();
    for (const k of known) {
      const kSlash = k.indexOf('/');
      if (kSlash > 0 && conditionKeyTemplate(k)) heads.set(k.slice(0, kSlash).toLowerCase(), k.slice(0, kSlash));
    }
    const head = didYouMean(key.slice(0, slash), heads.values());
    if (head) return head + key.slice(slash);
  }
  return didYouMean(key, known.filter((k) => !conditionKeyTemplate(k)));
}
