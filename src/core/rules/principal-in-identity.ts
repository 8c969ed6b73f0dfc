import { propKey } from '../policy/parse';
import type { Finding, PolicyRule } from './rule';

/** Principal or NotPrincipal in an identity policy or SCP, where IAM and Organizations reject them. */
export const principalInIdentity: PolicyRule = {
  id: 'principal-in-identity',
  meta: {
    description: 'Identity policies and SCPs must not contain "Principal" or "NotPrincipal".',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'scp'],
    messages: {
      identity:
        '"{{element}}" is not allowed in an identity policy: the policy applies to the user, group or role it is attached to, and IAM rejects the element. Remove it, or lint this file as a trust/resource policy if that is what it is.',
      scp: '"{{element}}" is not allowed in a service control policy, and AWS Organizations rejects it. Remove it; to target principals use a condition such as "aws:PrincipalArn".',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    const messageId = policy.kind === 'scp' ? 'scp' : 'identity';
    for (const st of policy.statements) {
      for (const element of ['Principal', 'NotPrincipal']) {
        const prop = st.props.get(element);
        const key = prop && propKey(prop);
        if (key) findings.push({ messageId, node: key, data: { element } });
      }
    }
    return findings;
  },
};
