import { isRoleTrustStatement } from '../policy/elements';
import {
  INLINE_POLICY_QUOTAS,
  MANAGED_POLICY_QUOTA,
  measurePolicySize,
  SCP_QUOTA,
  TRUST_POLICY_QUOTA,
  TRUST_POLICY_QUOTA_MAX,
} from '../policy/size';
import type { Finding, PolicyRule } from './rule';

function fmt(n: number): string {
  // Not toLocaleString('en-US'): its first call loads ICU data, which costs a cold CLI run more than the lint.
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A policy larger than its IAM or Organizations size quota, counted the way AWS counts it; reported on the root. */
export const policySize: PolicyRule = {
  id: 'policy-size',
  meta: {
    description: 'A policy must fit its size quota: 6,144 characters for a managed policy (a warning), 2,048 for a role trust policy, 5,120 for an SCP.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      managed:
        `This policy is {{size}} characters long without white space, over the {{limit}}-character quota of a customer managed policy, so IAM rejects it as one ("Cannot exceed quota for PolicySize"). It fits only as an inline policy of a role (${fmt(INLINE_POLICY_QUOTAS.role)} characters in total across the role's inline policies; ${fmt(INLINE_POLICY_QUOTAS.user)} for a user, ${fmt(INLINE_POLICY_QUOTAS.group)} for a group). Split the statements into several managed policies, or shorten them (an action wildcard such as "ssm:Describe*" for a long list, no Sid).`,
      tooLargeForAny:
        `This policy is {{size}} characters long without white space: larger than any policy you can create, a customer managed policy ({{limit}} characters) or all the inline policies of a role together (${fmt(INLINE_POLICY_QUOTAS.role)}). Only AWS managed policies, which have no such quota, are this large. Split the statements into several managed policies, or shorten them (action wildcards for long lists, no Sid).`,
      trust:
        'This role trust policy is {{size}} characters long without white space, over the default {{limit}}-character quota for role trust policies, so IAM rejects it (LimitExceeded). Ask for more through Service Quotas ("Role trust policy length", up to 4,096 characters), or shorten it: merge statements that grant the same action and list fewer principals.',
      trustMax:
        'This role trust policy is {{size}} characters long without white space, over even the {{limit}}-character maximum that Service Quotas can raise the role trust policy quota to (the default is 2,048), so IAM rejects it. Shorten it: merge statements that grant the same action, list fewer principals, or trust an account and narrow it with an "aws:PrincipalArn" condition.',
      scp: 'This SCP is {{size}} characters long even without white space, over the {{limit}}-character maximum of AWS Organizations, which rejects it. Split it into several SCPs (up to 5 can be attached to a root, OU or account) or shorten it: action wildcards, no Sid, one statement per effect and resource.',
      scpWhitespace:
        'This SCP is {{raw}} characters as written, over the {{limit}}-character maximum of AWS Organizations: saved through the API or CLI, every character counts, white space included, and Organizations rejects it. Without the white space between JSON elements it is {{size}} characters and fits: minify it before saving (the console does this for you).',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    const root = policy.root;
    // Counting never adds characters: a text no longer than its kind's quota fits, and need not be scanned.
    const quota = policy.kind === 'identity' ? MANAGED_POLICY_QUOTA : policy.kind === 'trust' ? TRUST_POLICY_QUOTA : SCP_QUOTA;
    if (!root || policy.text.length <= quota) return findings;
    const { minified, raw } = measurePolicySize(policy.text);
    const report = (messageId: string, limit: number, severity?: 'warning'): void => {
      findings.push({ messageId, node: root, data: { size: fmt(minified), raw: fmt(raw), limit: fmt(limit) }, ...(severity ? { severity } : {}) });
    };
    switch (policy.kind) {
      case 'identity':
        // A warning: the text does not say who owns the policy, and AWS managed policies are exempt (the largest
        // has over 100,000 characters); trust policies and SCPs have no such exemption.
        if (minified > INLINE_POLICY_QUOTAS.role) report('tooLargeForAny', MANAGED_POLICY_QUOTA, 'warning');
        else if (minified > MANAGED_POLICY_QUOTA) report('managed', MANAGED_POLICY_QUOTA, 'warning');
        break;
      case 'trust':
        // Resource policies (S3 buckets, KMS keys …) have their services' own quotas; only role trust policies are checked.
        if (minified <= TRUST_POLICY_QUOTA || !policy.statements.some(isRoleTrustStatement)) break;
        if (minified > TRUST_POLICY_QUOTA_MAX) report('trustMax', TRUST_POLICY_QUOTA_MAX);
        else report('trust', TRUST_POLICY_QUOTA);
        break;
      case 'scp':
        if (minified > SCP_QUOTA) report('scp', SCP_QUOTA);
        else if (raw > SCP_QUOTA) report('scpWhitespace', SCP_QUOTA);
        break;
    }
    return findings;
  },
};
