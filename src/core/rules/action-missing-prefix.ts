import type { IamIndex } from '../iam';
import { replaceNode } from '../policy/edits';
import type { Located } from '../policy/types';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/** The services searched for a bare action name: the ones the SSM checks always load. */
const SEARCHED_SERVICES = ['ssm', 'ssmmessages', 'ec2messages', 'iam', 'sts', 'ec2'];

const REJECTED = 'IAM rejects the policy (MalformedPolicyDocument: actions must be prefaced by a vendor).';

/** An Action/NotAction item without a `service:` prefix (other than "*"); a suggestion adds the prefix when one searched service has that action. */
export const actionMissingPrefix: PolicyRule = {
  id: 'action-missing-prefix',
  meta: {
    description: 'Every action except "*" is written service:ActionName.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    needsServices: SEARCHED_SERVICES,
    messages: {
      missingDidYouMean: `"{{action}}" has no service prefix. ${REJECTED} Did you mean "{{suggestion}}"?`,
      missingAmbiguous: `"{{action}}" has no service prefix. ${REJECTED} Several services have this action ({{candidates}}): write the one you mean.`,
      missing: `"{{action}}" has no service prefix. ${REJECTED} Write it as service:ActionName, e.g. "ssm:SendCommand".`,
      changeAction: 'Change the action to "{{suggestion}}"',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const item of [...(st.action?.items ?? []), ...(st.notAction?.items ?? [])]) {
        const value = item.value;
        if (value === '*') continue;
        const colon = value.indexOf(':');
        // ":SendCommand" has a colon but no prefix either.
        if (colon <= 0) findings.push(missing(item, colon === 0 ? value.slice(1) : value, ctx.iam));
      }
    }
    return findings;
  },
};

function missing(item: Located<string>, name: string, iam: IamIndex): Finding {
  const data: Record<string, string> = { action: item.value };
  // A wildcard name ("Get*") matches actions of many services; only a plain name can point at one.
  if (name === '' || name.length > 200 || hasWildcard(name) || name.includes(':')) {
    return { messageId: 'missing', node: item.node, data };
  }
  const services = SEARCHED_SERVICES.filter((s) => iam.action(s, name));
  if (services.length === 1) {
    // Keep the name as written: IAM matches action names case-insensitively.
    const suggestion = `${services[0] as string}:${name}`;
    return { messageId: 'missingDidYouMean', node: item.node, data: { ...data, suggestion }, suggestions: [{ messageId: 'changeAction', fix: replaceNode(item.node, suggestion) }] };
  }
  if (services.length > 1) {
    const candidates = services.map((s) => `${s}:${iam.action(s, name)?.name ?? name}`).join(', ');
    return { messageId: 'missingAmbiguous', node: item.node, data: { ...data, candidates } };
  }
  return { messageId: 'missing', node: item.node, data };
}
