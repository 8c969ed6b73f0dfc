import { parseOperator, SET_OPERATORS, suggestOperator } from '../policy/condition-operators';
import { renameKey } from '../policy/edits';
import type { Finding, PolicyRule } from './rule';

/** A Condition operator that IAM does not accept (wrong case, typo, bad set prefix, NullIfExists); a suggestion renames it. */
export const conditionOperatorUnknown: PolicyRule = {
  id: 'condition-operator-unknown',
  meta: {
    description: 'Condition operators must be IAM operator names, spelled exactly.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      case: 'Condition operator "{{operator}}" has the wrong case: operator names are case-sensitive and IAM rejects the policy. Write "{{suggestion}}".',
      nullIfExists:
        '"{{operator}}" is not an operator: Null already tests whether the key exists, so it takes no IfExists suffix and IAM rejects the policy. Write "{{suggestion}}".',
      setPrefix:
        'The set prefix of "{{operator}}" is misspelled: IAM accepts only "ForAllValues:" and "ForAnyValue:" and rejects the policy. Write "{{suggestion}}".',
      didYouMean: '"{{operator}}" is not an IAM condition operator, so IAM rejects the policy. Did you mean "{{suggestion}}"?',
      unknown:
        '"{{operator}}" is not an IAM condition operator, so IAM rejects the policy. Use a String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress, NotIpAddress, Arn* or Null operator.',
      changeOperator: 'Change the operator to "{{suggestion}}"',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      const operators = st.condition?.operators ?? [];
      for (const op of operators) {
        if (typeof op.operator !== 'string' || parseOperator(op.operator).known) continue;
        const suggestion = suggestOperator(op.operator);
        const data: Record<string, string> = { operator: op.operator };
        if (!suggestion) {
          findings.push({ messageId: 'unknown', node: op.keyNode, data });
          continue;
        }
        data.suggestion = suggestion;
        const taken = operators.some((other) => other !== op && other.operator === suggestion);
        findings.push({
          messageId: messageIdFor(op.operator, suggestion),
          node: op.keyNode,
          data,
          ...(taken ? {} : { suggestions: [{ messageId: 'changeOperator', fix: renameKey(op.keyNode, suggestion) }] }),
        });
      }
    }
    return findings;
  },
};

function messageIdFor(written: string, suggestion: string): string {
  if (written.toLowerCase() === suggestion.toLowerCase()) return 'case';
  const parsed = parseOperator(written);
  if (parsed.base === 'Null' && parsed.ifExists) return 'nullIfExists';
  const colon = written.indexOf(':');
  if (colon >= 0 && !SET_OPERATORS.some((s) => s === written.slice(0, colon))) {
    const rest = written.slice(colon + 1);
    if (suggestion.endsWith(`:${rest}`)) return 'setPrefix';
  }
  return 'didYouMean';
}
