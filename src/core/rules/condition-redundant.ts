import { parseOperator } from '../policy/condition-operators';
import type { Finding, PolicyRule } from './rule';

const LIKE = new Set(['StringLike', 'ArnLike']);
const NOT_LIKE = new Set(['StringNotLike', 'ArnNotLike']);

/** Conditions that test less than they seem to: a "*" pattern that only tests presence, and numeric lists where one bound decides. */
export const conditionRedundant: PolicyRule = {
  id: 'condition-redundant',
  meta: {
    description: 'A "*" pattern in a Like condition only tests whether the key is present (or nothing at all), and several values under a Numeric less/greater operator reduce to one bound.',
    defaultSeverity: 'info',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      nullFalse: '{{operator}} with "*" is true whenever "{{key}}" is in the request, whatever its value: it only tests that the key is present. Write "Null": { "{{key}}": "false" } to say so.',
      nullTrue: '{{operator}} with "*" is true only when "{{key}}" is not in the request: it only tests that the key is absent. Write "Null": { "{{key}}": "true" } to say so.',
      alwaysTrue: '{{operator}} with "*" is true whether or not "{{key}}" is in the request, so this key restricts nothing. Remove it, or compare real values.',
      neverTrue: '{{operator}} with "*" is never true, so the statement never applies. Remove the key, or compare real values.',
      numericValues: '{{operator}} is true when "{{key}}" is {{direction}} any of these values, so only the {{bound}} one, {{value}}, matters. Keep that value alone.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const op of st.condition?.operators ?? []) {
        const parsed = parseOperator(op.operator);
        if (!parsed.known || !parsed.base) continue;
        for (const entry of op.entries) {
          const data = { operator: op.operator, key: entry.key };
          if (entry.values.some((v) => v.value === '*') && (LIKE.has(parsed.base) || NOT_LIKE.has(parsed.base))) {
            const messageId = wildcardMeaning(LIKE.has(parsed.base), parsed.set, parsed.ifExists);
            if (messageId) findings.push({ messageId, node: entry.keyNode, data });
            continue;
          }
          const numeric = numericBound(parsed.base);
          if (!numeric || parsed.set || entry.values.length < 2) continue;
          const numbers = entry.values.map((v) => Number(v.value));
          if (numbers.some((n) => !Number.isFinite(n)) || entry.values.some((v) => typeof v.value === 'boolean' || v.value === '')) continue;
          const best = numeric === 'greatest' ? Math.max(...numbers) : Math.min(...numbers);
          const direction = numeric === 'greatest' ? 'below' : 'above';
          findings.push({ messageId: 'numericValues', node: entry.keyNode, data: { ...data, direction, bound: numeric, value: String(best) } });
        }
      }
    }
    return findings;
  },
};

/** What a "*" pattern amounts to for a Like (positive) or NotLike operator with its set prefix and IfExists. */
function wildcardMeaning(positive: boolean, set: string | undefined, ifExists: boolean): string | undefined {
  if (set === 'ForAllValues') return positive ? 'alwaysTrue' : 'nullTrue';
  if (set === 'ForAnyValue') return positive ? 'nullFalse' : 'neverTrue';
  if (positive) return ifExists ? 'alwaysTrue' : 'nullFalse';
  return 'nullTrue';
}

/** For LessThan operators the greatest value decides, for GreaterThan the least. */
function numericBound(base: string): 'greatest' | 'least' | undefined {
  if (base === 'NumericLessThan' || base === 'NumericLessThanEquals') return 'greatest';
  if (base === 'NumericGreaterThan' || base === 'NumericGreaterThanEquals') return 'least';
  return undefined;
}
