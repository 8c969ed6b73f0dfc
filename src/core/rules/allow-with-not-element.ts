import { isAllow } from '../policy/query';
import type { Finding, PolicyRule } from './rule';

/** Allow with NotAction or NotResource grants everything not listed, including what AWS adds later. */
export const allowWithNotElement: PolicyRule = {
  id: 'allow-with-not-element',
  meta: {
    description: 'Allow statements should list what they grant (Action, Resource) instead of what they exclude.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      notAction:
        '"Effect": "Allow" with "NotAction" grants every action that is not listed, in every service, including actions and services AWS adds later. ' +
        'List the actions to allow in "Action" instead; NotAction is meant for Deny statements.',
      notResource:
        '"Effect": "Allow" with "NotResource" grants the actions on every resource that is not listed, including resources created later. ' +
        'List the resources to allow in "Resource" instead; NotResource is meant for Deny statements.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      if (!isAllow(st)) continue;
      const notActionKey = st.notAction?.prop.children?.[0];
      if (notActionKey) findings.push({ messageId: 'notAction', node: notActionKey });
      const notResourceKey = st.notResource?.prop.children?.[0];
      if (notResourceKey) findings.push({ messageId: 'notResource', node: notResourceKey });
    }
    return findings;
  },
};
