import { hasElementOrMisspelling } from '../policy/elements';
import type { Finding, PolicyRule } from './rule';

/** A statement with neither Action nor NotAction: IAM rejects it. Reported at the statement's opening brace. */
export const missingAction: PolicyRule = {
  id: 'missing-action',
  meta: {
    description: 'Every statement must have an "Action" or a "NotAction" element.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      missing:
        'This statement has neither "Action" nor "NotAction", so IAM rejects the policy ("Policy statement must contain actions"). Add the actions it covers, e.g. "Action": ["ssm:StartSession"].',
      missingTrust:
        'This statement has neither "Action" nor "NotAction", so IAM rejects the policy. In a role trust policy write "Action": "sts:AssumeRole".',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      // A misspelled "action" key is reported (and renamed) by unknown-element.
      if (hasElementOrMisspelling(st, 'Action') || hasElementOrMisspelling(st, 'NotAction')) continue;
      const trust = policy.kind === 'trust' && (st.principal !== undefined || st.notPrincipal !== undefined);
      findings.push({ messageId: trust ? 'missingTrust' : 'missing', range: { offset: st.node.offset, length: 1 } });
    }
    return findings;
  },
};
