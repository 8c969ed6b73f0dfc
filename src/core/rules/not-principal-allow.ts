import { isRoleTrustStatement } from '../policy/elements';
import { propKey } from '../policy/parse';
import type { Finding, PolicyRule } from './rule';

/** NotPrincipal with "Effect": "Allow" (not supported), or NotPrincipal in a role trust policy (never allowed). */
export const notPrincipalAllow: PolicyRule = {
  id: 'not-principal-allow',
  meta: {
    description: '"NotPrincipal" is only supported with "Effect": "Deny" in resource-based policies, and never in a role trust policy.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['trust', 'resource'],
    messages: {
      allow:
        '"NotPrincipal" with "Effect": "Allow" grants these actions to every principal except the ones listed, anonymous callers included, and AWS no longer supports the combination. Use "Principal" with the principals to allow, or "Principal": "*" with a Condition on "aws:PrincipalArn".',
      roleTrust:
        '"NotPrincipal" cannot be used in a role trust policy: IAM rejects it. Name the principals that may assume the role in "Principal"; to exclude some, add a Deny statement with a Condition on "aws:PrincipalArn".',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    // In a role trust policy every statement is about assuming the role, also one whose Action is not (yet) an STS
    // action or is missing; a statement with a Resource belongs to a resource policy instead.
    const roleTrustDocument = policy.statements.some(isRoleTrustStatement);
    for (const st of policy.statements) {
      const prop = st.props.get('NotPrincipal');
      const key = prop && propKey(prop);
      if (!key) continue;
      const inRoleTrust = isRoleTrustStatement(st) || (roleTrustDocument && !st.props.has('Resource') && !st.props.has('NotResource'));
      if (inRoleTrust) findings.push({ messageId: 'roleTrust', node: key });
      else if (st.effect?.value === 'Allow') findings.push({ messageId: 'allow', node: key });
    }
    return findings;
  },
};
