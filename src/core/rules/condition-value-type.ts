import type { Node } from 'jsonc-parser';
import { operatorAllowsVariables, parseOperator, type ConditionValueType } from '../policy/condition-operators';
import { hasVariableSpan } from '../util/variables';
import type { Finding, PolicyRule } from './rule';

/** A Condition value that its operator can never match: not a boolean, number, date, IP range or base64 text, or not a scalar. */
export const conditionValueType: PolicyRule = {
  id: 'condition-value-type',
  meta: {
    description: 'Condition values must have the type their operator compares (boolean, number, date, IP address, base64).',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      bool: '{{operator}} compares "true" or "false", so {{value}} can never match "{{key}}". Write true or false.',
      null: 'Null tests whether "{{key}}" is absent: its value must be true (the key is absent) or false (the key is present), not {{value}}.',
      numeric: '{{operator}} compares numbers, so {{value}} can never match "{{key}}". Write an integer or decimal number such as 10 or "3600".',
      date:
        '{{operator}} compares dates, so {{value}} can never match "{{key}}". Write an ISO 8601 date or date-time such as "2025-01-31T23:59:59Z", or epoch seconds such as 1738367999.',
      ipAddress:
        '{{operator}} compares IP addresses, so {{value}} can never match "{{key}}". Write an IPv4 or IPv6 address or CIDR range such as "203.0.113.0/24" or "2001:db8::/32" (each IPv4 part 0-255, prefix at most /32 for IPv4 and /128 for IPv6).',
      binary: 'BinaryEquals compares base64-encoded bytes, so {{value}} can never match "{{key}}". Write the value base64-encoded, e.g. "QmluYXJ5".',
      policyVariable:
        'IAM does not substitute policy variables in {{operator}} values, so {{value}} is compared as literal text and can never match "{{key}}". Use a String or Arn operator for values built from variables, or write a fixed value.',
      nullValue: 'A condition value cannot be null. Write a string, number or boolean for "{{key}}", or remove the key.',
      multipleBoolean:
        '{{operator}} on "{{key}}" lists {{count}} values, but a Boolean key holds one value and IAM accepts a single true or false here. Keep the one you mean.',
      mixedTypes:
        'The values of "{{key}}" mix {{types}}; IAM requires the values of one condition key to share a JSON type. Write them all as strings, e.g. "{{example}}".',
      notScalar:
        'Condition values must be strings, numbers or booleans, or one array of them; this {{type}} under "{{key}}" is not accepted by IAM. Flatten it into a single array of values.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const op of st.condition?.operators ?? []) {
        const parsed = parseOperator(op.operator);
        if (!parsed.known || !parsed.valueType || !parsed.base) continue;
        const variables = operatorAllowsVariables(parsed.base);
        for (const entry of op.entries) {
          const values = entry.valueNode.type === 'array' ? (entry.valueNode.children ?? []) : [entry.valueNode];
          const shape = listProblem(entry.valueNode, values, parsed.base, parsed.set !== undefined);
          if (shape) {
            findings.push({ messageId: shape.messageId, node: entry.valueNode, data: { operator: op.operator, key: entry.key, ...shape.data } });
          }
          for (const node of values) {
            const messageId = problemOf(node, parsed.valueType, variables);
            if (!messageId) continue;
            findings.push({
              messageId,
              node,
              data: { operator: op.operator, key: entry.key, value: preview(node), type: node.type },
            });
          }
        }
      }
    }
    return findings;
  },
};

/** A problem of the value list as a whole: several values for one Boolean, or values of different JSON types. */
function listProblem(list: Node, values: Node[], base: string, set: boolean): { messageId: string; data: Record<string, string> } | undefined {
  if (list.type !== 'array' || values.length < 2) return undefined;
  if (base === 'Bool' && !set) return { messageId: 'multipleBoolean', data: { count: String(values.length) } };
  const scalars = values.filter((v) => v.type === 'string' || v.type === 'number' || v.type === 'boolean');
  const types = [...new Set(scalars.map((v) => v.type))];
  if (types.length < 2) return undefined;
  const example = String((scalars.find((v) => v.type !== 'string') ?? scalars[0])?.value);
  return { messageId: 'mixedTypes', data: { types: types.map((t) => `${t}s`).join(' and '), example } };
}

/** The messageId for a value node that cannot fit the operator, or undefined when it fits. */
function problemOf(node: Node, type: ConditionValueType, variables: boolean): string | undefined {
  if (node.type === 'object' || node.type === 'array') return 'notScalar';
  if (node.type === 'null') return 'nullValue';
  const value = node.value as unknown;
  if (type === 'String' || type === 'ARN') return undefined;
  if (typeof value === 'string' && hasVariableSpan(value)) return variables ? undefined : 'policyVariable';
  switch (type) {
    case 'Bool':
      return isBoolean(value) ? undefined : 'bool';
    case 'Null':
      return isBoolean(value) ? undefined : 'null';
    case 'Numeric':
      return isNumeric(value) ? undefined : 'numeric';
    case 'Date':
      return isDate(value) ? undefined : 'date';
    case 'IPAddress':
      return typeof value === 'string' && isIpOrCidr(value) ? undefined : 'ipAddress';
    case 'Binary':
      return typeof value === 'string' && BASE64.test(value) ? undefined : 'binary';
    default:
      return undefined;
  }
}

// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: two adjacent digit runs backtrack quadratically on a long run of digits.
const NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const EPOCH = /^-?\d+$/;
// W3C profile of ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, then THH:MM, :SS and fractions, with an optional zone.
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?)?)?$/;
// Standard or URL-safe alphabet; only the padding layout is checked, so unpadded text passes.
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

function isBoolean(value: unknown): boolean {
  return typeof value === 'boolean' || (typeof value === 'string' && /^(true|false)$/i.test(value));
}

function isNumeric(value: unknown): boolean {
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && NUMBER.test(value));
}

function isDate(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'string') return false;
  if (EPOCH.test(value)) return true;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const inRange = (part: string | undefined, min: number, max: number): boolean =>
    part === undefined || (Number(part) >= min && Number(part) <= max);
  return inRange(m[2], 1, 12) && inRange(m[3], 1, 31) && inRange(m[4], 0, 24) && inRange(m[5], 0, 59) && inRange(m[6], 0, 60);
}

/** True for an IPv4 or IPv6 address, optionally with a CIDR prefix length. */
export function isIpOrCidr(text: string): boolean {
  const slash = text.indexOf('/');
  const address = slash >= 0 ? text.slice(0, slash) : text;
  const prefix = slash >= 0 ? text.slice(slash + 1) : undefined;
  if (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) return false;
  if (isIpv4(address)) return prefix === undefined || Number(prefix) <= 32;
  if (isIpv6(address)) return prefix === undefined || Number(prefix) <= 128;
  return false;
}

function isIpv4(text: string): boolean {
  const m = IPV4.exec(text);
  return !!m && m.slice(1).every((part) => Number(part) <= 255);
}

function isIpv6(text: string): boolean {
  if (!text.includes(':') || text.length > 45) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  const all = groups.flat();
  let count = all.length;
  // An embedded IPv4 address (::ffff:192.0.2.1) may end the address and counts as two groups.
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIpv4(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((g) => HEX_GROUP.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

function preview(node: Node): string {
  const text = JSON.stringify(node.value);
  if (text === undefined) return node.type;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
