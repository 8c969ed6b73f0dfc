import { actionPatternMatches, isAllow } from '../policy/query';
import type { Located, Statement } from '../policy/types';
import { isBareWildcardAction } from '../ssm/action-grants';
import type { Finding, PolicyRule } from './rule';

const PASS_ROLE = 'iam:PassRole';
const CREATE_SLR = 'iam:CreateServiceLinkedRole';

/**
 * iam:PassRole and iam:CreateServiceLinkedRole granted through "Action": "*", NotAction or NotResource, which
 * passrole-wildcard (a named action on every role) does not see. Administrators hold such grants by design.
 */
export const roleGrantBroad: PolicyRule = {
  id: 'role-grant-broad',
  meta: {
    description: 'iam:PassRole and iam:CreateServiceLinkedRole should not be granted on every resource through "Action": "*", NotAction or NotResource.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity'],
    messages: {
      passRoleAnyAction:
        '"{{item}}" on "*" includes iam:PassRole on every role: whoever has this policy can hand any role of the account, however powerful, to any service. If this is not an administrator policy, list the actions, and grant iam:PassRole on the role ARNs needed, with iam:PassedToService.',
      passRoleNotAction:
        'NotAction does not exclude iam:PassRole, so this statement allows it on every role: whoever has this policy can hand any role of the account to any service. Add "iam:PassRole" to NotAction and grant it separately on the role ARNs needed.',
      passRoleNotResource:
        'This statement allows {{grant}} on every resource except those in NotResource, so on every role not listed there, including roles created later. Name the roles that may be passed in "Resource" instead.',
      createSlrAnyResource:
        'This statement allows {{grant}} on "*", so whoever has this policy can create the service-linked role of any AWS service, letting that service act in the account. Name the roles (arn:aws:iam::*:role/aws-service-role/<service>.amazonaws.com/*) or add an iam:AWSServiceName condition.',
      createSlrNotResource:
        'This statement allows {{grant}} on every resource except those in NotResource, so service-linked roles of any service not listed there can be created. Name the roles in "Resource" instead.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      if (!isAllow(st)) continue;
      const pass = grantOf(st, PASS_ROLE);
      const slr = grantOf(st, CREATE_SLR);
      const star = st.resource?.items.find((r) => r.value === '*');
      const notResource = st.notResource;
      if (pass) {
        if (notResource) findings.push({ messageId: 'passRoleNotResource', node: notResource.prop, data: { grant: pass.label } });
        else if (star && pass.kind === 'bare') findings.push({ messageId: 'passRoleAnyAction', node: pass.node, data: { item: pass.item } });
        else if (star && pass.kind === 'notAction') findings.push({ messageId: 'passRoleNotAction', node: pass.node });
      }
      if (slr && !hasKey(st, 'iam:awsservicename')) {
        if (notResource) findings.push({ messageId: 'createSlrNotResource', node: notResource.prop, data: { grant: slr.label } });
        else if (star) findings.push({ messageId: 'createSlrAnyResource', node: star.node, data: { grant: slr.label } });
      }
    }
    return findings;
  },
};

interface Grant {
  kind: 'named' | 'bare' | 'notAction';
  label: string;
  item: string;
  node: Located<string>['node'];
}

/** How the statement grants the action: by an item that names it, by a bare "*", or by leaving it out of NotAction. */
function grantOf(st: Statement, action: string): Grant | undefined {
  if (st.action) {
    const named = st.action.items.find((i) => !isBareWildcardAction(i.value) && actionPatternMatches(i.value, action));
    if (named) return { kind: 'named', item: named.value, node: named.node, label: named.value.toLowerCase() === action.toLowerCase() ? action : `${action} (through "${named.value}")` };
    const bare = st.action.items.find((i) => isBareWildcardAction(i.value));
    if (bare) return { kind: 'bare', item: bare.value, node: bare.node, label: `${action} (through "${bare.value}")` };
    return undefined;
  }
  if (st.notAction && st.notAction.items.length > 0 && !st.notAction.items.some((i) => actionPatternMatches(i.value, action))) {
    return { kind: 'notAction', item: '', node: st.notAction.prop, label: `${action} (NotAction does not exclude it)` };
  }
  return undefined;
}

function hasKey(st: Statement, key: string): boolean {
  return (st.condition?.operators ?? []).some((op) => op.entries.some((e) => e.key.toLowerCase() === key));
}
