import { isNamedAccount, type ArnParts } from '../policy/arn';
import type { ArnProblem } from '../policy/arn-problem';
import { replaceNode } from '../policy/edits';
import { ARN_FIELD, hasPolicyVariable, resourceArns, withArnField } from '../policy/resource-arns';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/** An ARN whose account field is not empty, not 12 digits, not "aws" and not a wildcard or variable (placeholders excepted). */
export const arnAccount: PolicyRule = {
  id: 'arn-account',
  meta: {
    description: 'The account field of an ARN should be a 12-digit account ID (or empty, "aws", a wildcard or a policy variable).',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      separators:
        '"{{account}}" is written with separators: the account field of an ARN is the 12 digits alone, so this ARN matches no resource. Write "{{suggestion}}".',
      length:
        '"{{account}}" has {{count}} digits; an AWS account ID has exactly 12 (keep leading zeros), so this ARN matches no resource. Check the account ID.',
      format:
        '"{{account}}" is not an AWS account ID: the account field of an ARN is 12 digits, empty (S3 buckets, AWS-owned SSM documents), "aws" (AWS managed policies) or a wildcard. This ARN matches no resource.',
      changeAccount: 'Change the account to "{{suggestion}}"',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const { item, arn } of resourceArns(st)) {
        const problem = accountProblem(item.value, arn);
        if (!problem) continue;
        const finding: Finding = { messageId: problem.messageId, node: item.node, data: problem.data };
        if (problem.replacement !== undefined) {
          finding.suggestions = [{ messageId: 'changeAccount', fix: replaceNode(item.node, problem.replacement) }];
        }
        findings.push(finding);
      }
    }
    return findings;
  },
};

/**
 * The account field of an ARN that is no account: separators (with the digits-only ARN), the wrong number of digits,
 * or other text. Empty, named accounts, wildcards, variables and placeholders (the placeholder rule's) are not judged.
 */
export function accountProblem(value: string, arn: ArnParts): ArnProblem | undefined {
  const account = arn.account;
  if (account === '' || isNamedAccount(arn.service, account) || /^\d{12}$/.test(account) || account.length > 64) return undefined;
  if (hasWildcard(account) || hasPolicyVariable(account)) return undefined;
  // Letters ("account-id", "ACCOUNT_ID", "111122223333-example") or a leading '-' are documentation placeholders: the placeholder rule reports them.
  if (/[a-z]/i.test(account) || account.startsWith('-')) return undefined;
  const digits = account.replace(/[\s.-]/g, '');
  if (/^\d{12}$/.test(digits)) {
    return { messageId: 'separators', data: { account, suggestion: digits }, replacement: withArnField(value, ARN_FIELD.account, digits) };
  }
  if (/^\d+$/.test(account)) return { messageId: 'length', data: { account, count: String(account.length) } };
  return { messageId: 'format', data: { account } };
}
