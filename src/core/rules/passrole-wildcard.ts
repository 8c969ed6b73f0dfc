import { parseArn } from '../policy/arn';
import type { Located, Statement } from '../policy/types';
import { allowItemGranting, describeGrant } from '../ssm/action-grants';
import type { Finding, PolicyRule } from './rule';

const PASSED_TO_SERVICE = 'iam:passedtoservice';

/** An Allow of iam:PassRole on `*` or on every role lets the caller hand any role, however powerful, to a service. */
export const passroleWildcard: PolicyRule = {
  id: 'passrole-wildcard',
  meta: {
    description: 'iam:PassRole should name the roles that may be passed, not every role.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity'],
    messages: {
      anyRole:
        '{{grant}} on "{{resource}}" lets whoever has this policy pass any role of the account to any service, including roles more powerful than their own (a known privilege-escalation path). ' +
        'Some setup roles need this (Quick Setup passes the instance profile role it creates); otherwise list the role ARNs, e.g. arn:aws:iam::111122223333:role/service-role/MyAutomationRole, and add an iam:PassedToService condition.',
      anyRoleToService:
        '{{grant}} on "{{resource}}" lets whoever has this policy pass any role of the account to {{services}}, including roles more powerful than their own, and then act through that service with them. ' +
        'The iam:PassedToService condition limits the service, not the role: list the role ARNs the service needs instead of "{{resource}}".',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      const action = allowItemGranting(st, 'iam:PassRole');
      if (!action) continue;
      const grant = describeGrant(action, 'iam:PassRole');
      const services = passedToServices(st);
      for (const res of st.resource?.items ?? []) {
        if (!namesEveryRole(res.value)) continue;
        findings.push(
          services
            ? { messageId: 'anyRoleToService', node: res.node, data: { grant, resource: res.value, services } }
            : { messageId: 'anyRole', node: res.node, data: { grant, resource: res.value } },
        );
      }
    }
    return findings;
  },
};

/** `*`, or an IAM ARN whose resource part is only wildcards, optionally after `role/` (any account, any path). */
function namesEveryRole(value: string): boolean {
  if (/^\*+$/.test(value)) return true;
  const arn = parseArn(value);
  if (!arn || !/^\*+$|^iam$/i.test(arn.service)) return false;
  return /^(?:role\/?)?\*+$/.test(arn.resource);
}

/** The values of the statement's iam:PassedToService conditions, quoted and joined, or undefined when there is none. */
function passedToServices(st: Statement): string | undefined {
  const values: Located<string | number | boolean | null>[] = [];
  let found = false;
  for (const op of st.condition?.operators ?? []) {
    for (const entry of op.entries) {
      if (entry.key.toLowerCase() !== PASSED_TO_SERVICE) continue;
      found = true;
      values.push(...entry.values);
    }
  }
  if (!found) return undefined;
  const names = [...new Set(values.map((v) => String(v.value)))].slice(0, 5);
  return names.length > 0 ? names.join(', ') : 'the services of its iam:PassedToService condition';
}
