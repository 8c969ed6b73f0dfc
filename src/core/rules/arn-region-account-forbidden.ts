import type { IamIndex, IamResourceType } from '../iam';
import type { ArnParts } from '../policy/arn';
import type { ArnProblem } from '../policy/arn-problem';
import { replaceNode } from '../policy/edits';
import {
  ARN_FIELD,
  arnCanMatchType,
  hasPolicyVariable,
  matchesEmpty,
  ownResourceTypes,
  resourceArns,
  templatesOf,
  withArnField,
} from '../policy/resource-arns';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/**
 * A region or account in an ARN that keeps it from matching any resource type of its service, while the same ARN
 * with that field empty matches one (IAM roles, S3 buckets, Route 53 …); judged from the IAM data's ARN templates.
 */
export const arnRegionAccountForbidden: PolicyRule = {
  id: 'arn-region-account-forbidden',
  meta: {
    description: "An ARN must leave the region (or account) empty where the service's ARNs have none.",
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      region:
        '{{service}} ARNs of this kind have no region ({{template}}), so with region "{{region}}" this ARN can never match a resource. Leave the region empty: "{{suggestion}}".',
      account:
        '{{service}} ARNs of this kind have no account ({{template}}), so with account "{{account}}" this ARN can never match a resource. Leave the account empty: "{{suggestion}}".',
      regionAndAccount:
        '{{service}} ARNs of this kind have neither region nor account ({{template}}), so with "{{region}}" and "{{account}}" this ARN can never match a resource. Leave both empty: "{{suggestion}}".',
      removeRegion: 'Remove the Region from the ARN',
      removeAccount: 'Remove the account from the ARN',
      removeRegionAndAccount: 'Remove the Region and the account from the ARN',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const { item, arn } of resourceArns(st)) {
        const problem = forbiddenFieldProblem(item.value, arn, ctx.iam);
        if (!problem) continue;
        const suggestionId = problem.messageId === 'region' ? 'removeRegion' : problem.messageId === 'account' ? 'removeAccount' : 'removeRegionAndAccount';
        findings.push({
          messageId: problem.messageId,
          node: item.node,
          data: problem.data,
          suggestions: [{ messageId: suggestionId, fix: replaceNode(item.node, problem.replacement) }],
        });
      }
    }
    return findings;
  },
};

/**
 * A region or account that keeps the ARN from matching any resource type of its service while the ARN without it
 * matches one; the replacement is that ARN (the smallest change: region, then account, then both).
 */
export function forbiddenFieldProblem(value: string, arn: ArnParts, iam: IamIndex): (ArnProblem & { replacement: string }) | undefined {
  const region = candidate(arn.region);
  const account = candidate(arn.account);
  if (!region && !account) return undefined;
  if (hasWildcard(arn.service) || hasPolicyVariable(arn.service) || !iam.isLoaded(arn.service)) return undefined;
  const types = ownResourceTypes(iam, arn.service);
  if (types.length === 0 || types.some((t) => arnCanMatchType(value, t))) return undefined;
  // The smallest change that makes the ARN match a type tells which field is wrong.
  const tries: [string, boolean, boolean][] = [];
  if (region) tries.push(['region', true, false]);
  if (account) tries.push(['account', false, true]);
  if (region && account) tries.push(['regionAndAccount', true, true]);
  for (const [messageId, dropRegion, dropAccount] of tries) {
    let fixed = value;
    if (dropAccount) fixed = withArnField(fixed, ARN_FIELD.account, '');
    if (dropRegion) fixed = withArnField(fixed, ARN_FIELD.region, '');
    const match = types.find((t) => arnCanMatchType(fixed, t));
    if (!match) continue;
    return {
      messageId,
      data: {
        service: iam.serviceName(arn.service) ?? arn.service,
        template: exampleTemplate(match, fixed),
        region: arn.region,
        account: arn.account,
        suggestion: fixed,
      },
      replacement: fixed,
    };
  }
  return undefined;
}

/** A field value that cannot match an empty field: not empty, not all `*`, no policy variable (which may resolve to anything). */
function candidate(field: string): boolean {
  return !matchesEmpty(field) && !hasPolicyVariable(field);
}

function exampleTemplate(type: IamResourceType, fixed: string): string {
  const forms = templatesOf(type);
  const form = forms.find((f) => arnCanMatchType(fixed, { arn: f })) ?? forms[0] ?? type.arn;
  return form.replace('${Partition}', 'aws');
}
