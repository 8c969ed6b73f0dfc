import { resolveConditionKey } from '../policy/condition-keys';
import { parseOperator, type ConditionValueType } from '../policy/condition-operators';
import type { Finding, PolicyRule } from './rule';

/** The operator family for each type the IAM data gives a condition key (ArrayOf… stripped). */
const FAMILY: Record<string, ConditionValueType> = {
  string: 'String',
  arn: 'ARN',
  bool: 'Bool',
  boolean: 'Bool',
  numeric: 'Numeric',
  long: 'Numeric',
  integer: 'Numeric',
  date: 'Date',
  ipaddress: 'IPAddress',
  binary: 'Binary',
};

const EXAMPLE: Record<ConditionValueType, string> = {
  String: 'StringEquals or StringLike',
  ARN: 'ArnEquals or ArnLike',
  Bool: 'Bool',
  Numeric: 'NumericEquals, NumericLessThan …',
  Date: 'DateEquals, DateLessThan …',
  IPAddress: 'IpAddress or NotIpAddress',
  Binary: 'BinaryEquals',
  Null: 'Null',
};

/** A condition operator of another type than its key (StringEquals on a Bool key, DateLessThan on an IP address). */
export const conditionOperatorKeyType: PolicyRule = {
  id: 'condition-operator-key-type',
  meta: {
    description: 'The condition operator must compare the type of its key: Bool keys with Bool, numbers with Numeric…, dates with Date…, IP addresses with IpAddress, ARNs with Arn… operators.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      mismatch: '"{{key}}" holds a {{keyType}} value, but {{operator}} compares it as {{operatorType}}, which {{consequence}}. Use {{expected}}.',
      stringLikeOnArn:
        '"{{key}}" is an ARN, and {{operator}} matches it as plain text: a "*" then also spans the colons between ARN fields, so the pattern can match ARNs of other Regions, accounts or resource types than it seems to. Use {{arnOperator}}, which matches each ARN field separately.',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const op of st.condition?.operators ?? []) {
        const parsed = parseOperator(op.operator);
        const opType = parsed.valueType;
        if (!parsed.known || !opType || opType === 'Null' || !parsed.base) continue;
        for (const entry of op.entries) {
          if (entry.key.length > 200) continue;
          const info = resolveConditionKey(ctx.iam, entry.key);
          const keyType = info ? FAMILY[info.type.replace(/^ArrayOf/, '').toLowerCase()] : undefined;
          if (!keyType || keyType === opType) continue;
          const data = { key: entry.key, operator: op.operator, keyType: info?.type ?? keyType, operatorType: opType };
          if (keyType === 'ARN' && opType === 'String') {
            if (parsed.base === 'StringLike' || parsed.base === 'StringNotLike') {
              const arnOperator = op.operator.replace('StringNotLike', 'ArnNotLike').replace('StringLike', 'ArnLike');
              findings.push({ messageId: 'stringLikeOnArn', node: entry.keyNode, data: { ...data, arnOperator } });
            }
            continue;
          }
          // An ARN operator on a key the data types as String: many such keys hold ARNs (iam:PolicyARN, lambda:FunctionArn).
          if (opType === 'ARN' && keyType === 'String') continue;
          // Date operators compare epoch seconds too (aws:EpochTime is typed Numeric).
          if (opType === 'Date' && keyType === 'Numeric' && /epoch/i.test(entry.key)) continue;
          const consequence = opType === 'String' ? 'compares the text of the value, not its meaning ("TRUE", "01" or "1.0" never equal "true" or "1")' : 'never matches a value of that type';
          findings.push({ messageId: 'mismatch', node: entry.keyNode, data: { ...data, consequence, expected: EXAMPLE[keyType] } });
        }
      }
    }
    return findings;
  },
};
