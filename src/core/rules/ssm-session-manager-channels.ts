import { appendValues } from '../policy/edits';
import { isAllow, isDeny, statementCoversAction } from '../policy/query';
import { allowItemGranting } from '../ssm/action-grants';
import { SESSION_CHANNEL_ACTIONS, SESSION_CLIENT_CHANNEL_ACTION } from '../ssm/session-manager';
import type { Finding, PolicyRule } from './rule';

/** SSM Agent needs all four ssmmessages channel actions; a policy that grants only some of them breaks Session Manager. */
export const ssmSessionManagerChannels: PolicyRule = {
  id: 'ssm-session-manager-channels',
  meta: {
    description: 'A policy that grants Session Manager channel actions to SSM Agent should grant all four of them.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity'],
    messages: {
      incomplete:
        'This policy grants {{granted}} but not {{missing}}. SSM Agent needs all four ssmmessages channel actions ' +
        '(CreateControlChannel, CreateDataChannel, OpenControlChannel, OpenDataChannel) to open Session Manager sessions; with only some of them, sessions to the instance fail. ' +
        'Add {{missing}} to this statement.',
      addActions: 'Add {{missing}} to this statement',
    },
  },
  check(policy) {
    const granted = SESSION_CHANNEL_ACTIONS.filter((a) => policy.statements.some((st) => isAllow(st) && statementCoversAction(st, a) !== undefined));
    if (granted.length === 0 || granted.length === SESSION_CHANNEL_ACTIONS.length) return [];
    // A client that starts or resumes sessions needs only OpenDataChannel (on its session ARNs).
    if (granted.length === 1 && granted[0] === SESSION_CLIENT_CHANNEL_ACTION) return [];
    // A channel action that a Deny statement covers is left out on purpose.
    const missing = SESSION_CHANNEL_ACTIONS.filter(
      (a) => !granted.includes(a) && !policy.statements.some((st) => isDeny(st) && statementCoversAction(st, a) !== undefined),
    );
    if (missing.length === 0) return [];
    const st = policy.statements.find((s) => SESSION_CHANNEL_ACTIONS.some((a) => allowItemGranting(s, a)));
    const node = st?.action?.node;
    if (!st || !node) return [];
    const finding: Finding = { messageId: 'incomplete', node, data: { granted: granted.join(', '), missing: missing.join(', ') } };
    // Adding actions grants more: the author chooses (an AWS managed policy may leave them out on purpose).
    if (node.type === 'string' || node.type === 'array') finding.suggestions = [{ messageId: 'addActions', fix: appendValues(policy.text, node, missing) }];
    return [finding];
  },
};
