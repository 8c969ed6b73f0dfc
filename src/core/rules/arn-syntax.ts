import { parseArn } from '../policy/arn';
import type { ArnProblem } from '../policy/arn-problem';
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
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
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
        if (item.value === '*') continue;
        const problem = arnSyntaxProblem(item.value, 'resource');
        if (!problem) continue;
        const finding: Finding = { messageId: problem.messageId, node: item.node, data: problem.data };
        if (problem.replacement !== undefined) {
          finding.suggestions = [{ messageId: 'lowerCasePrefix', data: { suggestion: problem.replacement }, fix: replaceNode(item.node, problem.replacement) }];
        }
        findings.push(finding);
      }
    }
    return findings;
  },
};

/**
 * What keeps a string from being an ARN (too few fields, the prefix's case, an instance ID or document name where
 * the ARN belongs …); undefined for ARNs, overlong strings and strings holding a documentation placeholder (the
 * placeholder rule's, except a prefix in the wrong case). Only the prefix's case has a replacement: it cannot change
 * what the author meant.
 */
export function arnSyntaxProblem(value: string, role: 'resource' | 'conditionValue'): ArnProblem | undefined {
  if (value.length > MAX_ARN_LENGTH) return undefined;
  const finding = diagnose(value);
  if (!finding) return undefined;
  // A placeholder from the docs ("key-name", "<bucket-arn>") is the placeholder rule's finding, with how to fill it.
  if (finding.messageId !== 'prefixCase' && findPlaceholders(value, role).length > 0) return undefined;
  const data = { value, ...finding.data };
  return finding.messageId === 'prefixCase' ? { messageId: finding.messageId, data, replacement: `arn:${value.slice(4)}` } : { messageId: finding.messageId, data };
}

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
