import { isRoleTrustStatement, removeProperty } from '../policy/elements';
import { propKey } from '../policy/parse';
import type { Finding, PolicyRule } from './rule';

/**
 * Resource or NotResource in a role trust statement (a principal, sts: assume/tag actions only): IAM rejects it; a
 * suggestion removes it. Not a fix: were the element accepted, it would limit the statement, so removing it widens
 * what the author wrote, and a resource policy that only looks like a trust policy needs its Resource.
 */
export const trustPolicyResource: PolicyRule = {
  id: 'trust-policy-resource',
  meta: {
    description: 'A role trust policy must not contain "Resource" or "NotResource".',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['trust'],
    messages: {
      prohibited:
        '"{{element}}" is not allowed in a role trust policy: the role itself is the resource, and IAM rejects the policy ("Has prohibited field {{element}}"). Remove it; grant access to resources in the role\'s permissions policy instead.',
      remove: 'Remove "{{element}}" from the statement',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      if (!isRoleTrustStatement(st)) continue;
      for (const element of ['Resource', 'NotResource']) {
        const prop = st.props.get(element);
        const key = prop ? propKey(prop) : undefined;
        if (!prop || !key) continue;
        findings.push({ messageId: 'prohibited', node: key, data: { element }, suggestions: [{ messageId: 'remove', fix: removeProperty(policy.text, prop) }] });
      }
    }
    return findings;
  },
};
