import { hasElementOrMisspelling } from '../policy/elements';
import type { Finding, PolicyRule } from './rule';

/**
 * An identity-policy or SCP statement with neither Resource nor NotResource: IAM and Organizations reject it.
 * Role trust policies are the one kind that must not have a Resource, so trust documents are not checked.
 */
export const missingResource: PolicyRule = {
  id: 'missing-resource',
  meta: {
    description: 'Every statement of an identity policy or SCP must have a "Resource" or "NotResource" element.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'resource', 'scp'],
    messages: {
      missing:
        'This statement has neither "Resource" nor "NotResource", so IAM rejects the policy ("Policy statement must contain resources"). Add the resources the actions apply to, e.g. "Resource": "arn:aws:ssm:*:*:document/*", or "*" for actions without resource-level permissions.',
      missingScp:
        'This SCP statement has neither "Resource" nor "NotResource", so AWS Organizations rejects the policy. Add "Resource": "*" (or the ARNs the statement limits).',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      // A misspelled "resource" key is reported (and renamed) by unknown-element.
      if (hasElementOrMisspelling(st, 'Resource') || hasElementOrMisspelling(st, 'NotResource')) continue;
      findings.push({ messageId: policy.kind === 'scp' ? 'missingScp' : 'missing', range: { offset: st.node.offset, length: 1 } });
    }
    return findings;
  },
};
