import { isRoleTrustStatement } from '../policy/elements';
import type { Finding, PolicyRule } from './rule';

/**
 * Two statements with the same non-empty Sid: IAM rejects the policy ("The Statement Ids in the policy are not
 * unique"). Reports the later Sid. As in sid-format, a trust-kind document is checked only when it is a role trust
 * policy, since other services' resource policies have their own Sid rules.
 */
export const sidDuplicate: PolicyRule = {
  id: 'sid-duplicate',
  meta: {
    description: 'Each Sid must be unique within the policy.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      duplicate:
        'Sid "{{sid}}" is already used by statement {{firstStatement}}: IAM requires Sids to be unique within a policy and rejects it. Give this statement its own Sid, or merge the two statements.',
    },
  },
  check(policy) {
    if (policy.kind === 'trust' && !(policy.statements.length > 0 && policy.statements.every(isRoleTrustStatement))) return [];
    const findings: Finding[] = [];
    const first = new Map<string, number>();
    for (const st of policy.statements) {
      const sid = st.sid;
      if (!sid || sid.value === '') continue;
      const earlier = first.get(sid.value);
      if (earlier === undefined) {
        first.set(sid.value, st.index);
        continue;
      }
      const shown = sid.value.length > 60 ? `${sid.value.slice(0, 57)}...` : sid.value;
      findings.push({ messageId: 'duplicate', node: sid.node, data: { sid: shown, firstStatement: String(earlier + 1), firstIndex: String(earlier) } });
    }
    return findings;
  },
};
