import { arnMatchesTemplate } from '../policy/arn';
import type { Statement } from '../policy/types';
import { allowItemGranting } from '../ssm/action-grants';
import { untaggedDenyingKey } from '../ssm/document-tags';
import type { Finding, PolicyRule } from './rule';

/** AWS-owned documents have ARNs without an account (`arn:aws:ssm:us-east-2::document/AWS-RunShellScript`). */
const AWS_OWNED_DOCUMENT = 'arn:${Partition}:ssm:${Region}::document/${DocumentName}';

/**
 * When every Allow of ssm:SendCommand that reaches AWS-owned documents requires a resource tag,
 * those untagged documents are denied and no command that uses them can run.
 */
export const ssmSendcommandDocumentTag: PolicyRule = {
  id: 'ssm-sendcommand-document-tag',
  meta: {
    description: 'Tag conditions on ssm:SendCommand should not also apply to the (untagged) AWS-owned documents.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity'],
    messages: {
      untaggedDocuments:
        'ssm:SendCommand is allowed on documents only when the resource has the tag in "{{key}}". IAM checks ssm:SendCommand against the document as well as the node, ' +
        'and AWS-owned documents such as AWS-RunShellScript carry no tags, so every command that uses them is denied. ' +
        'Keep the tag condition for the nodes and grant the documents in a separate statement without it, e.g. ' +
        '{ "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": "arn:aws:ssm:*::document/AWS-RunShellScript" }.',
    },
  },
  check(policy) {
    const documentGrants = policy.statements.filter((st) => allowItemGranting(st, 'ssm:SendCommand') && reachesAwsOwnedDocuments(st));
    const tagKeys = documentGrants.map(untaggedDenyingKey);
    if (documentGrants.length === 0 || tagKeys.some((k) => !k)) return [];
    const findings: Finding[] = [];
    for (const entry of tagKeys) if (entry) findings.push({ messageId: 'untaggedDocuments', node: entry.keyNode, data: { key: entry.key } });
    return findings;
  },
};

function reachesAwsOwnedDocuments(st: Statement): boolean {
  if (st.resource) return st.resource.items.some((r) => /^\*+$/.test(r.value) || arnMatchesTemplate(r.value, AWS_OWNED_DOCUMENT));
  if (st.notResource) return !st.notResource.items.some((r) => /^\*+$/.test(r.value) || arnMatchesTemplate(r.value, AWS_OWNED_DOCUMENT));
  return false;
}
