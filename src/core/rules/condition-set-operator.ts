import { resolveConditionKey } from '../policy/condition-keys';
import { parseOperator, type SetOperator } from '../policy/condition-operators';
import type { Finding, PolicyRule } from './rule';

const SET_CONSEQUENCE: Record<SetOperator, string> = {
  ForAllValues: 'it is also true when the key is absent, so the statement applies to requests without the key',
  ForAnyValue: 'on one value it means the same as the plain operator and only misleads readers',
};

/** ForAllValues/ForAnyValue on a single-valued condition key, or a multivalued key compared without one. */
export const conditionSetOperator: PolicyRule = {
  id: 'condition-set-operator',
  meta: {
    description: 'Set operators (ForAllValues, ForAnyValue) belong on multivalued condition keys, and only there.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      nullWithSet:
        '{{operator}} puts a set prefix on Null, which tests whether the key is present: ForAllValues:Null is always true and ForAnyValue:Null always false. Write "Null" alone.',
      audienceForAnyValue:
        '"{{key}}" is the audience (aud) of the identity token, which holds one value, and ForAnyValue treats it as a set: this is easy to get wrong and Access Analyzer counts it as overly permissive. Write {{plain}}.',
      audienceForAllValues:
        '"{{key}}" is the audience (aud) of the identity token. Most providers send one audience; then ForAllValues is also true when the claim is missing. Unless your provider sends several audiences, write {{plain}}.',
      singleValued:
        '"{{key}}" is single-valued ({{type}}), but {{operator}} treats it as a set: {{consequence}}. Write {{plain}}.',
      multivaluedWithoutSet:
        '"{{key}}" is multivalued ({{type}}): compare it with ForAnyValue:{{operator}} (at least one value matches) or ForAllValues:{{operator}} (every value matches) so the intent is explicit.',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const op of st.condition?.operators ?? []) {
        const parsed = parseOperator(op.operator);
        if (!parsed.known || !parsed.base) continue;
        const plain = op.operator.slice(op.operator.indexOf(':') + 1);
        if (parsed.base === 'Null') {
          if (parsed.set) findings.push({ messageId: 'nullWithSet', node: op.keyNode, severity: 'info', data: { operator: op.operator } });
          continue;
        }
        for (const entry of op.entries) {
          if (entry.key.length > 200) continue;
          // OIDC claims (accounts.google.com:aud, token.actions.githubusercontent.com:aud) are not in the IAM data.
          if (parsed.set && /^[^:]+\.[^:]+:aud$/i.test(entry.key)) {
            const forAny = parsed.set === 'ForAnyValue';
            findings.push({
              messageId: forAny ? 'audienceForAnyValue' : 'audienceForAllValues',
              node: entry.keyNode,
              data: { key: entry.key, plain },
              ...(forAny ? {} : { severity: 'info' as const }),
            });
            continue;
          }
          const info = resolveConditionKey(ctx.iam, entry.key);
          if (!info) continue;
          const multivalued = info.type.startsWith('ArrayOf');
          const data = { key: entry.key, type: info.type, operator: op.operator };
          if (parsed.set && !multivalued) {
            const consequence = SET_CONSEQUENCE[parsed.set];
            findings.push({ messageId: 'singleValued', node: entry.keyNode, data: { ...data, plain, consequence } });
          } else if (!parsed.set && multivalued) {
            findings.push({ messageId: 'multivaluedWithoutSet', node: entry.keyNode, data });
          }
        }
      }
    }
    return findings;
  },
};
