import { isNamedAccount } from '../policy/arn';
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
    appliesTo: ['identity', 'trust', 'scp'],
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
        const account = arn.account;
        if (account === '' || isNamedAccount(arn.service, account) || /^\d{12}$/.test(account) || account.length > 64) continue;
        if (hasWildcard(account) || hasPolicyVariable(account)) continue;
        // Letters ("account-id", "ACCOUNT_ID", "111122223333-example") or a leading '-' are documentation placeholders: the placeholder rule reports them.
        if (/[a-z]/i.test(account) || account.startsWith('-')) continue;
        const data: Record<string, string> = { account };
        const digits = account.replace(/[\s.-]/g, '');
        if (/^\d{12}$/.test(digits)) {
          const fix = replaceNode(item.node, withArnField(item.value, ARN_FIELD.account, digits));
          findings.push({ messageId: 'separators', node: item.node, data: { ...data, suggestion: digits }, suggestions: [{ messageId: 'changeAccount', fix }] });
        } else if (/^\d+$/.test(account)) {
          findings.push({ messageId: 'length', node: item.node, data: { ...data, count: String(account.length) } });
        } else {
          findings.push({ messageId: 'format', node: item.node, data });
        }
      }
    }
    return findings;
  },
};
