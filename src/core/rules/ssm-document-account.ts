import { replaceNode } from '../policy/edits';
import { ARN_FIELD, matchesEmpty, resourceArns, withArnField } from '../policy/resource-arns';
import { awsOwnedDocumentPrefix } from '../ssm/aws-owned-documents';
import type { Finding, PolicyRule } from './rule';

/** The resource parts that name a document: the document itself and its Automation definition. */
const DOCUMENT_RESOURCE = /^(document|automation-definition)\/(.*)$/;

/** An ARN of an AWS-owned SSM document (AWS-*, AWSSupport-*, AmazonCloudWatch-* …) with an account in it; a suggestion empties the account. */
export const ssmDocumentAccount: PolicyRule = {
  id: 'ssm-document-account',
  meta: {
    description: 'ARNs of AWS-owned SSM documents have an empty account field.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      ownedByAws:
        '"{{name}}" is an SSM document owned by AWS, and its ARN has no account ("{{suggestion}}"). With account "{{account}}" this ARN names a document of that account that cannot exist (names starting with "{{prefix}}" are reserved), so it grants nothing. Leave the account empty (or "*").',
      removeAccount: 'Remove the account from the ARN of the AWS-owned document {{name}}',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const { item, arn } of resourceArns(st)) {
        if (arn.service.toLowerCase() !== 'ssm' || matchesEmpty(arn.account)) continue;
        const m = DOCUMENT_RESOURCE.exec(arn.resource);
        const name = m?.[2] ?? '';
        const prefix = awsOwnedDocumentPrefix(name);
        if (!prefix) continue;
        const suggestion = withArnField(item.value, ARN_FIELD.account, '');
        findings.push({
          messageId: 'ownedByAws',
          node: item.node,
          data: { name, account: arn.account, prefix, suggestion },
          suggestions: [{ messageId: 'removeAccount', fix: replaceNode(item.node, suggestion) }],
        });
      }
    }
    return findings;
  },
};
