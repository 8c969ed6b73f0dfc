import type { Statement } from '../policy/types';
import type { Finding, PolicyRule } from './rule';

/** An Allow statement whose Principal is "*" (or {"AWS": "*"}) with no Condition: anyone may use what it grants. */
export const principalWildcard: PolicyRule = {
  id: 'principal-wildcard',
  meta: {
    description: 'An Allow statement with "Principal": "*" and no Condition grants access to everyone.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['trust', 'resource'],
    messages: {
      bare: '"Principal": "*" with "Effect": "Allow" and no Condition grants these actions to every principal in every AWS account (for some resources, to anonymous callers too). Name the principals, or add a Condition such as "aws:PrincipalOrgID" or "aws:SourceAccount".',
      aws: '"AWS": "*" with "Effect": "Allow" and no Condition grants these actions to every IAM principal in every AWS account. Name the accounts or roles, or add a Condition such as "aws:PrincipalOrgID".',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      if (st.effect?.value !== 'Allow' || !st.principal || restricts(st)) continue;
      if (st.principal.bare?.value === '*') {
        findings.push({ messageId: 'bare', node: st.principal.bare.node });
        continue;
      }
      for (const entry of st.principal.entries) {
        if (entry.type !== 'AWS') continue;
        for (const item of entry.values) {
          if (item.value === '*') findings.push({ messageId: 'aws', node: item.node });
        }
      }
    }
    return findings;
  },
};

/**
 * True when the statement has a Condition with at least one condition key. An empty Condition object, or operator
 * blocks without keys ({ "StringEquals": {} }), restrict nothing, so they do not make a "*" principal safe.
 */
function restricts(st: Statement): boolean {
  return st.condition?.node.type === 'object' && st.condition.operators.some((op) => op.entries.length > 0);
}
