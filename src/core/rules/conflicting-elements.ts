import { propKey } from '../policy/parse';
import type { Finding, PolicyRule } from './rule';

const PAIRS = [
  { first: 'Action', second: 'NotAction', messageId: 'actionAndNotAction' },
  { first: 'Resource', second: 'NotResource', messageId: 'resourceAndNotResource' },
  { first: 'Principal', second: 'NotPrincipal', messageId: 'principalAndNotPrincipal' },
] as const;

/** A statement with both halves of a mutually exclusive pair (Action/NotAction …); reported at the later key. */
export const conflictingElements: PolicyRule = {
  id: 'conflicting-elements',
  meta: {
    description: 'A statement may not combine Action with NotAction, Resource with NotResource, or Principal with NotPrincipal.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      actionAndNotAction:
        'This statement has both "Action" and "NotAction", which IAM rejects. Keep "Action" to list what the statement covers, or "NotAction" to cover everything except the list; split into two statements if you need both.',
      resourceAndNotResource:
        'This statement has both "Resource" and "NotResource", which IAM rejects. Keep "Resource" to list what the statement covers, or "NotResource" to cover everything except the list; split into two statements if you need both.',
      principalAndNotPrincipal:
        'This statement has both "Principal" and "NotPrincipal", which IAM rejects. Keep one; prefer "Principal" with a condition such as aws:PrincipalArn over "NotPrincipal".',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const pair of PAIRS) {
        const a = st.props.get(pair.first);
        const b = st.props.get(pair.second);
        if (!a || !b) continue;
        const later = a.offset > b.offset ? a : b;
        const key = propKey(later);
        if (key) findings.push({ messageId: pair.messageId, node: key });
      }
    }
    return findings;
  },
};
