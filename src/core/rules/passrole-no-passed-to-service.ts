import { getNodePath } from 'jsonc-parser';
import { setAtPath } from '../policy/edits';
import type { Statement } from '../policy/types';
import { allowItemGranting, describeGrant, hasConditionKey } from '../ssm/action-grants';
import type { Finding, PolicyRule } from './rule';

/** The service the suggestion names: this tool is about Systems Manager; the message asks the user to adjust it. */
const DEFAULT_SERVICE = 'ssm.amazonaws.com';

/** An Allow of iam:PassRole without an iam:PassedToService condition lets the role go to any service that accepts roles. */
export const passroleNoPassedToService: PolicyRule = {
  id: 'passrole-no-passed-to-service',
  meta: {
    description: 'iam:PassRole grants should say which service the role may be passed to (iam:PassedToService).',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity'],
    messages: {
      missing:
        'This statement allows {{grant}} without an iam:PassedToService condition, so the role may be passed to any AWS service that accepts a role, not only the one it is meant for. ' +
        'Add "Condition": { "StringEquals": { "iam:PassedToService": "ssm.amazonaws.com" } }, naming the service that needs the role (the suggestion writes ssm.amazonaws.com; change it if the role is for another service).',
      missingMixed:
        'This statement allows {{grant}} without an iam:PassedToService condition, so the role may be passed to any AWS service that accepts a role. ' +
        'Move iam:PassRole to its own statement and add "Condition": { "StringEquals": { "iam:PassedToService": "ssm.amazonaws.com" } } there, naming the service that needs the role; ' +
        'the other actions of this statement do not carry that key, so the condition cannot go on this statement.',
      addCondition: 'Add an iam:PassedToService condition for {{service}}',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      const action = allowItemGranting(st, 'iam:PassRole');
      if (!action || hasConditionKey(st, 'iam:PassedToService')) continue;
      const grant = describeGrant(action, 'iam:PassRole');
      if (!onlyPassRole(st)) {
        findings.push({ messageId: 'missingMixed', node: action.node, data: { grant } });
        continue;
      }
      // Adding the condition narrows the grant to one service: only the author knows which, so it is a suggestion.
      const finding: Finding = { messageId: 'missing', node: action.node, data: { grant } };
      if (!st.props.has('Condition')) {
        const fix = setAtPath(policy.text, [...getNodePath(st.node), 'Condition'], { StringEquals: { 'iam:PassedToService': DEFAULT_SERVICE } });
        finding.suggestions = [{ messageId: 'addCondition', data: { service: DEFAULT_SERVICE }, fix }];
      }
      findings.push(finding);
    }
    return findings;
  },
};

/** True when every Action item is exactly iam:PassRole: a condition on iam:PassedToService would deny any other action. */
function onlyPassRole(st: Statement): boolean {
  const items = st.action?.items ?? [];
  const count = st.action?.node.type === 'array' ? (st.action.node.children?.length ?? 0) : 1;
  return items.length === count && items.every((i) => i.value.toLowerCase() === 'iam:passrole');
}
