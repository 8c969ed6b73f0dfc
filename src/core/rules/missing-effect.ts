import { hasElementOrMisspelling } from '../policy/elements';
import type { Finding, PolicyRule } from './rule';

/** A statement without an Effect element: IAM rejects it. Reported at the statement's opening brace. */
export const missingEffect: PolicyRule = {
  id: 'missing-effect',
  meta: {
    description: 'Every statement must have an "Effect" element.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      missing:
        'This statement has no "Effect", so IAM rejects the policy. Add "Effect": "Allow" to grant the actions or "Effect": "Deny" to forbid them.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      // A misspelled "effect" key is reported (and renamed) by unknown-element.
      if (hasElementOrMisspelling(st, 'Effect')) continue;
      findings.push({ messageId: 'missing', range: { offset: st.node.offset, length: 1 } });
    }
    return findings;
  },
};
