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
    appliesTo: ['identity', 'trust', 'scp'],
    messages: {
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
        if (!parsed.known || !parsed.base || parsed.base === 'Null') continue;
        for (const entry of op.entries) {
          if (entry.key.length > 200) continue;
          const info = resolveConditionKey(ctx.iam, entry.key);
          if (!info) continue;
          const multivalued = info.type.startsWith('ArrayOf');
          const data = { key: entry.key, type: info.type, operator: op.operator };
          if (parsed.set && !multivalued) {
            const plain = op.operator.slice(op.operator.indexOf(':') + 1);
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
