import { hasElementOrMisspelling } from '../policy/elements';
import type { Finding, PolicyRule } from './rule';

/** In a trust or resource policy, a statement with neither Principal nor NotPrincipal: IAM rejects it. */
export const missingPrincipal: PolicyRule = {
  id: 'missing-principal',
  meta: {
    description: 'Every statement of a role trust policy or resource policy must have a "Principal" or "NotPrincipal" element.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['trust', 'resource'],
    messages: {
      missing:
        'This statement has no "Principal", but a role trust policy or resource policy must say who it applies to, so IAM rejects it. Add e.g. "Principal": { "Service": "ssm.amazonaws.com" } or "Principal": { "AWS": "arn:aws:iam::123456789012:root" }.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      // A misspelled "principal" key is reported (and renamed) by unknown-element.
      if (hasElementOrMisspelling(st, 'Principal') || hasElementOrMisspelling(st, 'NotPrincipal')) continue;
      findings.push({ messageId: 'missing', range: { offset: st.node.offset, length: 1 } });
    }
    return findings;
  },
};
