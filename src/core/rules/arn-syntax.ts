import { parseArn } from '../policy/arn';
import { replaceNode } from '../policy/edits';
import { findPlaceholders } from '../policy/placeholders';
import { MAX_ARN_LENGTH, resourceItems } from '../policy/resource-arns';
import { awsOwnedDocumentPrefix } from '../ssm/aws-owned-documents';
import type { Finding, PolicyRule } from './rule';

const REJECTED = 'IAM rejects the policy (MalformedPolicyDocument: a resource must be in ARN format or "*").';

/** A Resource/NotResource string that is neither "*" nor an ARN with six fields (policy variables inside an ARN are fine). */
export const arnSyntax: PolicyRule = {
  id: 'arn-syntax',
  meta: {
    description: 'Resource and NotResource values are "*" or ARNs: arn:partition:service:region:account:resource.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'scp'],
    messages: {
      instanceId: `"{{value}}" is an instance ID, not an ARN. ${REJECTED} Write the instance's ARN: "{{example}}".`,
      documentName: `"{{value}}" looks like an SSM document name, not an ARN. ${REJECTED} Write the document's ARN: "{{example}}".`,
      missingArnPrefix: `"{{value}}" does not start with "arn:". ${REJECTED} Did you mean "{{example}}"?`,
      prefixCase: `"{{value}}" starts with "{{prefix}}": the ARN prefix is lower-case "arn:". ${REJECTED}`,
      tooFewFields:
        `"{{value}}" has {{count}} colon-separated fields; an ARN has six (arn:partition:service:region:account:resource, region and account may be empty). ${REJECTED}`,
      notArn: `"{{value}}" is not an ARN. ${REJECTED} Write "*" or an ARN such as "arn:aws:ssm:us-east-1:123456789012:document/MyDocument".`,
      lowerCasePrefix: 'Write the ARN prefix in lower case: "{{suggestion}}"',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const { item } of resourceItems(st)) {
        const value = item.value;
        if (value === '*' || value.length > MAX_ARN_LENGTH) continue;
        const finding = diagnose(value);
        // A placeholder from the docs ("key-name", "<bucket-arn>") is the placeholder rule's finding, with how to fill it.
        if (finding && finding.messageId !== 'prefixCase' && findPlaceholders(value, 'resource').length > 0) continue;
        if (!finding) continue;
        const result: Finding = { node: item.node, messageId: finding.messageId, data: { value, ...finding.data } };
        // Only the prefix's case has one obvious repair; the examples of the other messages hold made-up Regions and accounts.
        if (finding.messageId === 'prefixCase') {
          const suggestion = `arn:${value.slice(4)}`;
          result.data = { ...result.data, suggestion: suggestion.length > 80 ? `${suggestion.slice(0, 80)}…` : suggestion };
          result.suggestions = [{ messageId: 'lowerCasePrefix', fix: replaceNode(item.node, suggestion) }];
        }
        findings.push(result);
      }
    }
    return findings;
  },
};

function diagnose(value: string): { messageId: string; data?: Record<string, string> } | undefined {
  if (value.startsWith('arn:')) {
    if (parseArn(value)) return undefined;
    return { messageId: 'tooFewFields', data: { count: String(fieldCount(value)) } };
  }
  if (/^arn:/i.test(value)) return { messageId: 'prefixCase', data: { prefix: value.slice(0, 4) } };
  if (/^(i|mi)-[0-9a-f*?]+$/i.test(value)) {
    const example = /^mi-/i.test(value)
      ? `arn:aws:ssm:us-east-1:123456789012:managed-instance/${value}`
      : `arn:aws:ec2:us-east-1:123456789012:instance/${value}`;
    return { messageId: 'instanceId', data: { example } };
  }
  // "ssm:document/AWS-RunShellScript", "s3:::bucket": a service prefix where the ARN starts.
  const service = /^([a-z0-9-]+):(.*)$/i.exec(value);
  if (service) {
    const rest = service[2] ?? '';
    const account = awsOwnedDocumentPrefix(rest.replace(/^document\//, '')) && rest.startsWith('document/') ? '' : '123456789012';
    const example = rest.split(':').length >= 3 ? `arn:aws:${value}` : `arn:aws:${service[1] ?? ''}:us-east-1:${account}:${rest}`;
    return { messageId: 'missingArnPrefix', data: { example } };
  }
  if (/^[A-Za-z0-9_.-]{3,128}$/.test(value) && awsOwnedDocumentPrefix(value)) {
    return { messageId: 'documentName', data: { example: `arn:aws:ssm:us-east-1::document/${value}` } };
  }
  return { messageId: 'notArn' };
}

function fieldCount(value: string): number {
  let depth = 0;
  let count = 1;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '$' && value[i + 1] === '{') depth++;
    else if (value[i] === '}' && depth > 0) depth--;
    else if (value[i] === ':' && depth === 0) count++;
  }
  return count;
}
