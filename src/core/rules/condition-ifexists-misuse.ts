import { parseOperator } from '../policy/condition-operators';
import { isAllow } from '../policy/query';
import type { PolicyKind, Statement } from '../policy/types';
import type { Finding, PolicyRule } from './rule';

/** Global keys that IAM puts in every request context, anonymous requests included (IAM global condition keys, "Availability"). */
const ALWAYS_PRESENT = ['aws:CurrentTime', 'aws:EpochTime', 'aws:SecureTransport', 'aws:RequestedRegion', 'aws:PrincipalType'];

/** Keys present in every signed request; policies attached to principals (identity, SCP) only ever see signed requests. */
const PRESENT_WHEN_SIGNED = ['aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:userid', 'aws:PrincipalIsAWSService'];

const alwaysPresent: Record<PolicyKind, Map<string, string>> = {
  identity: byLowerCase([...ALWAYS_PRESENT, ...PRESENT_WHEN_SIGNED]),
  scp: byLowerCase([...ALWAYS_PRESENT, ...PRESENT_WHEN_SIGNED]),
  // Resource and trust policies can be evaluated for anonymous requests, which lack the principal keys.
  trust: byLowerCase(ALWAYS_PRESENT),
  resource: byLowerCase(ALWAYS_PRESENT),
};

function byLowerCase(keys: string[]): Map<string, string> {
  return new Map(keys.map((k) => [k.toLowerCase(), k]));
}

/** IfExists where it does nothing useful: on a key every request has, or on a negated operator in an Allow that never requires the key. */
export const conditionIfExistsMisuse: PolicyRule = {
  id: 'condition-ifexists-misuse',
  meta: {
    description: 'IfExists only matters for keys that can be missing, and in an Allow it lets requests without the key through.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      alwaysPresent:
        '"{{key}}" is in every request context, so IfExists in {{operator}} never applies and only suggests the key may be missing. Compare it under {{plain}}.',
      negatedInAllow:
        '{{operator}} is true when "{{key}}" is missing, so this Allow applies to every request that lacks the key (IfExists changes nothing for a negated operator). If the key must be present, add "Null": { "{{key}}": "false" }; otherwise state the allowed values with a positive operator.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    const always = alwaysPresent[policy.kind] ?? alwaysPresent.trust;
    for (const st of policy.statements) {
      for (const op of st.condition?.operators ?? []) {
        const parsed = parseOperator(op.operator);
        if (!parsed.known || !parsed.ifExists) continue;
        for (const entry of op.entries) {
          if (typeof entry.key !== 'string') continue;
          const known = always.get(entry.key.toLowerCase());
          if (known) {
            const plain = op.operator.slice(0, -'IfExists'.length);
            findings.push({ messageId: 'alwaysPresent', node: entry.keyNode, data: { key: entry.key, operator: op.operator, plain } });
          } else if (parsed.negated && isAllow(st) && !requiresKey(st, entry.key)) {
            findings.push({ messageId: 'negatedInAllow', node: entry.keyNode, data: { key: entry.key, operator: op.operator } });
          }
        }
      }
    }
    return findings;
  },
};

/** True when another condition of the statement fails for requests without the key (a Null false check, or a positive test of it). */
function requiresKey(st: Statement, key: string): boolean {
  const lower = key.toLowerCase();
  for (const op of st.condition?.operators ?? []) {
    const parsed = parseOperator(op.operator);
    if (!parsed.known) continue;
    for (const entry of op.entries) {
      if (entry.key.toLowerCase() !== lower) continue;
      if (parsed.base === 'Null') {
        if (entry.values.some((v) => String(v.value).toLowerCase() === 'false')) return true;
      } else if (!parsed.ifExists && !parsed.negated && parsed.set !== 'ForAllValues') {
        return true;
      }
    }
  }
  return false;
}
