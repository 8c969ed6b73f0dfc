import type { IamConditionKey, IamIndex } from '../iam';
import { hasVariableSpan } from '../util/variables';
import { ANY_CHAR, ANY_RUN, compileWildcardParts, templateParts, type WildcardMatcher } from '../util/wildcard';

const templateCache = new Map<string, WildcardMatcher | null>();

/**
 * A case-insensitive matcher for a templated condition key from the IAM data, or null when the key has no
 * placeholder. The data spells placeholders several ways: `${TagKey}`, and a trailing `/tag-key`, `/<key>` or `/`.
 * It never backtracks, whatever key from a policy it is given.
 */
export function conditionKeyTemplate(template: string): WildcardMatcher | null {
  let matcher = templateCache.get(template);
  if (matcher === undefined) {
    const trailing = /\/(tag-key|<key>|)$/i.exec(template);
    const hasVariable = hasVariableSpan(template);
    if (!trailing && !hasVariable) {
      matcher = null;
    } else {
      const head = trailing ? template.slice(0, trailing.index + 1) : template;
      const parts = templateParts(head);
      if (trailing) parts.push(ANY_CHAR, ANY_RUN);
      matcher = compileWildcardParts(parts);
    }
    if (templateCache.size > 5000) templateCache.clear();
    templateCache.set(template, matcher);
  }
  return matcher;
}

/** True when a condition key from a policy is the data's key or fits its template (`ssm:resourceTag/Env` fits `ssm:resourceTag/${TagKey}`). */
export function conditionKeyMatches(key: string, dataKey: string): boolean {
  if (key.toLowerCase() === dataKey.toLowerCase()) return true;
  return conditionKeyTemplate(dataKey)?.test(key) ?? false;
}

/**
 * Resolves a condition key to its IAM data: {@link IamIndex.conditionKey} first, then the cross-service global keys
 * (`ssm:SourceInstanceArn`, `ec2:SourceInstanceArn`) and the templated keys of the key's service
 * (`secretsmanager:ResourceTag/tag-key`), which the data's own lookup does not always cover.
 */
export function resolveConditionKey(iam: IamIndex, key: string): IamConditionKey | undefined {
  const found = iam.conditionKey(key);
  // The index consults the data's plain-object table of global keys too: drop what `__proto__` or `constructor` finds there.
  if (found && typeof found.key === 'string' && typeof found.type === 'string') return found;
  const global = iam.globalConditionKey(key);
  if (global) return { key: global.key, description: global.description, type: global.type };
  const colon = key.indexOf(':');
  if (colon <= 0) return undefined;
  const service = key.slice(0, colon).toLowerCase();
  if (service === 'aws' || !iam.isLoaded(service)) return undefined;
  return iam.serviceConditionKeys(service).find((candidate) => conditionKeyTemplate(candidate.key)?.test(key));
}
