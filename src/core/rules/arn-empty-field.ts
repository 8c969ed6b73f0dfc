import type { IamIndex } from '../iam';
import { parseArn, type ArnParts } from '../policy/arn';
import type { ArnProblem } from '../policy/arn-problem';
import { replaceNode } from '../policy/edits';
import { ARN_FIELD, arnCanMatch, hasPolicyVariable, ownResourceTypes, resourceArns, templatesOf, withArnField } from '../policy/resource-arns';
import type { ParsedPolicy } from '../policy/types';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/**
 * AWS-owned resources whose ARNs leave the account empty although the IAM data's template has `${Account}`:
 * the documents AWS shares with every account (arn:aws:ssm:us-east-2::document/AWS-RunShellScript, and their
 * Automation definitions), the public parameters (arn:aws:ssm:us-east-2::parameter/aws/service/…) and the
 * service views of Resource Explorer (CloudWatch's managed policies grant
 * arn:aws:resource-explorer-2:*::view/AWSServiceViewForApplicationSignals/service-view).
 */
const AWS_OWNED_WITHOUT_ACCOUNT: Record<string, RegExp> = {
  ssm: /^(?:document|automation-definition)\/|^parameter\/aws\//,
  'resource-explorer-2': /^view\/AWSServiceView/,
};

/**
 * A Resource or NotResource ARN that leaves the region or account field empty where every resource type of its
 * service that it could name has one (`arn:aws:logs:::log-group:x`): no resource has such an ARN. Judged from the IAM
 * data's ARN templates, so S3 buckets, IAM roles and other ARNs without a region or account stay silent.
 */
export const arnEmptyField: PolicyRule = {
  id: 'arn-empty-field',
  meta: {
    description: "An ARN must not leave the region or account empty where the service's ARNs have one.",
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      region:
        '"{{arn}}" leaves the region empty, but {{service}} ARNs of this kind always name one ({{template}}), so this ARN matches no resource. Write the Region code, or "*" for every Region.',
      account:
        '"{{arn}}" leaves the account empty, but {{service}} ARNs of this kind always name one ({{template}}), so this ARN matches no resource. Write the 12-digit account ID, or "*" for any account.',
      regionAndAccount:
        '"{{arn}}" leaves the region and the account empty, but {{service}} ARNs of this kind always name both ({{template}}), so this ARN matches no resource. Write the Region code and the 12-digit account ID (or "*").',
      regionOrAccount:
        '"{{arn}}" leaves the region and the account empty, but every {{service}} ARN it could name has a region or an account ({{template}}), so this ARN matches no resource. Write the Region code and the 12-digit account ID (or "*").',
      fill: 'Write "{{suggestion}}"',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    const fill = fillValues(policy);
    for (const st of policy.statements) {
      for (const { item, arn } of resourceArns(st)) {
        const problem = emptyFieldProblem(item.value, arn, ctx.iam, fill);
        if (!problem) continue;
        const finding: Finding = { messageId: problem.messageId, node: item.node, data: problem.data };
        if (problem.replacement !== undefined) {
          finding.suggestions = [{ messageId: 'fill', data: { suggestion: problem.replacement }, fix: replaceNode(item.node, problem.replacement) }];
        }
        findings.push(finding);
      }
    }
    return findings;
  },
};

/** What to write into an empty field: the one Region or account the policy's other ARNs name, else "*". */
export interface FieldFill {
  region: string;
  account: string;
}

/**
 * The region or account field left empty where every resource type of the ARN's service that the ARN could name
 * has one; the replacement fills the empty fields from `fill`. Wildcard or variable services, services whose data is
 * not loaded, ARNs that match no type (other rules' findings) and AWS-owned resources without an account are not judged.
 */
export function emptyFieldProblem(value: string, arn: ArnParts, iam: IamIndex, fill: FieldFill = { region: '*', account: '*' }): ArnProblem | undefined {
  const regionEmpty = arn.region === '';
  const accountEmpty = arn.account === '';
  if (!regionEmpty && !accountEmpty) return undefined;
  const service = arn.service.toLowerCase();
  if (service === '' || hasWildcard(service) || hasPolicyVariable(service) || !iam.isLoaded(service)) return undefined;
  const ownedWithoutAccount = AWS_OWNED_WITHOUT_ACCOUNT[service]?.test(arn.resource) ?? false;
  const needsAccount = accountEmpty && !ownedWithoutAccount;
  if (!regionEmpty && !needsAccount) return undefined;
  // Silent when one template the ARN can name leaves the empty fields empty too, or when it can name none. Matching an
  // ARN against a template is the costly part: templates that cannot want a field are tried first and stop at the first
  // match, and a service none of whose templates wants one (IAM, S3 buckets) is not matched at all.
  const { wanting: candidates, others } = templatesWanting(iam, service, regionEmpty, needsAccount);
  if (candidates.length === 0 || others.some((tpl) => arnCanMatch(value, tpl))) return undefined;
  const wanting = candidates.filter((tpl) => arnCanMatch(value, tpl));
  if (wanting.length === 0) return undefined;
  const templates = wanting.map((tpl) => parseArn(tpl) as ArnParts);
  const wantsRegion = regionEmpty && templates.every((t) => t.region.includes('${'));
  const wantsAccount = needsAccount && templates.every((t) => t.account.includes('${'));
  const messageId = wantsRegion && wantsAccount ? 'regionAndAccount' : wantsRegion ? 'region' : wantsAccount ? 'account' : 'regionOrAccount';
  let replacement = value;
  if (needsAccount && (wantsAccount || !wantsRegion)) replacement = withArnField(replacement, ARN_FIELD.account, fill.account);
  if (regionEmpty && (wantsRegion || !wantsAccount)) replacement = withArnField(replacement, ARN_FIELD.region, fill.region);
  return {
    messageId,
    data: { arn: value, service: iam.serviceName(service) ?? service, template: (wanting[0] as string).replace('${Partition}', arn.partition || 'aws') },
    replacement,
  };
}

/** A service's own templates split by whether they name the empty fields (region, account), in the data's order. */
function templatesWanting(iam: IamIndex, service: string, regionEmpty: boolean, needsAccount: boolean): { wanting: string[]; others: string[] } {
  let byKey = splitTemplates.get(iam);
  if (!byKey) {
    byKey = new Map();
    splitTemplates.set(iam, byKey);
  }
  const key = `${regionEmpty ? 'r' : ''}${needsAccount ? 'a' : ''}:${service}`;
  let split = byKey.get(key);
  if (!split) {
    split = { wanting: [], others: [] };
    for (const tpl of ownResourceTypes(iam, service).flatMap((t) => templatesOf(t))) {
      const t = parseArn(tpl);
      const wants = t !== undefined && ((regionEmpty && t.region.includes('${')) || (needsAccount && t.account.includes('${')));
      (wants ? split.wanting : split.others).push(tpl);
    }
    byKey.set(key, split);
  }
  return split;
}

/** Per index (a service's templates never change once loaded): templatesWanting by fields and service. */
const splitTemplates = new WeakMap<IamIndex, Map<string, { wanting: string[]; others: string[] }>>();

/** The Region and account to suggest for empty fields: the single one the policy's other Resource ARNs name, else "*". */
export function fillValues(policy: ParsedPolicy): FieldFill {
  const regions = new Set<string>();
  const accounts = new Set<string>();
  for (const st of policy.statements) {
    for (const { arn } of resourceArns(st)) {
      if (/^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(arn.region)) regions.add(arn.region);
      if (/^\d{12}$/.test(arn.account)) accounts.add(arn.account);
    }
  }
  return { region: regions.size === 1 ? [...regions][0] as string : '*', account: accounts.size === 1 ? [...accounts][0] as string : '*' };
}
