import type { IamAction, IamIndex } from '../iam';
import { parseArn } from '../policy/arn';
import { replaceNode } from '../policy/edits';
import { expandActions, isAllow, isDeny, splitAction, statementCoversAction } from '../policy/query';
import { hasPolicyVariable, MAX_ARN_LENGTH } from '../policy/resource-arns';
import { moveToNewStatement } from '../policy/statement-edits';
import type { Located, ParsedPolicy, Statement } from '../policy/types';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule, Suggestion } from './rule';

/**
 * A named action without resource-level permissions (ssm:DescribeParameters, ssm:DescribeInstanceInformation) in a
 * statement whose Resource lists only ARNs that cannot stand for what IAM checks such an action against ("*", or
 * the service-wide "arn:aws:ssm:us-east-1:111122223333:*"): for that action the statement does nothing.
 */
export const resourceLevelUnsupported: PolicyRule = {
  id: 'resource-level-unsupported',
  meta: {
    description: 'Actions without resource-level permissions need "Resource": "*"; listed ARNs grant (or deny) them nothing.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'resource', 'scp'],
    messages: {
      allow:
        '{{action}} supports no resource-level permissions: IAM authorizes it only with "Resource": "*", and this statement lists only ARNs ({{arns}}), so it grants nothing for {{action}}. ' +
        'Move {{action}} to a statement with "Resource": "*".',
      deny:
        '{{action}} supports no resource-level permissions: IAM checks it only against "*", and this statement lists only ARNs ({{arns}}), so this Deny never applies to {{action}}. ' +
        'Deny {{action}} in a statement with "Resource": "*".',
      moveAction: 'Move {{action}} to a new statement with "Resource": "*"',
      wildcardResource: 'Use "Resource": "*" for this statement',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      const allow = isAllow(st);
      if ((!allow && !isDeny(st)) || !st.action || !st.resource || st.resource.items.length === 0) continue;
      const arns = st.resource.items.map((item) => ({ item, arn: item.value.length <= MAX_ARN_LENGTH ? parseArn(item.value) : undefined }));
      if (arns.some(({ arn }) => !arn)) continue;
      const named = st.action.items.flatMap((item) => {
        const action = namedWildcardOnly(item, ctx.iam);
        return action ? [{ item, action }] : [];
      });
      if (named.length === 0) continue;
      const { actions, complete } = expandActions(st, ctx.iam);
      if (!complete) continue;
      const allWildcardOnly = actions.every((a) => a.isWildcardOnly);
      // resource-type-mismatch reports the ARNs of other services when no action of the statement has resource types.
      if (allWildcardOnly && arns.some(({ arn }) => arn && foreignTyped(arn, actions))) continue;
      for (const { item, action } of named) {
        if (arns.some(({ arn }) => arn && mayMatchPseudoResource(arn, action))) continue;
        const name = `${action.service}:${action.name}`;
        // Another statement with the same effect that reaches the action on "*" makes this entry redundant, not broken.
        if (policy.statements.some((other) => other !== st && other.effect?.value === st.effect?.value && coversOnWildcard(other, name, action))) continue;
        const shown = arns.slice(0, 3).map(({ item: r }) => `"${r.value}"`).join(', ') + (arns.length > 3 ? ', …' : '');
        findings.push({
          messageId: allow ? 'allow' : 'deny',
          node: item.node,
          data: { action: name, arns: shown },
          suggestions: suggest(policy, st, item, name, named.length === st.action.items.length),
        });
      }
    }
    return findings;
  },
};

/**
 * The actions judged: the Describe and List actions of Systems Manager and the Describe actions of EC2 that the IAM
 * data lists without resource types. The data lags for other services and actions (AWS's own managed policies scope
 * sagemaker:List*, iam:ListRoles or ssm:CreateOpsItem to ARNs, and IAM's List actions are checked against paths), so
 * they are not judged.
 */
const JUDGED: Record<string, RegExp> = { ssm: /^(?:Describe|List)/, ec2: /^Describe/ };

/** Judged actions whose IAM data lags: AWS's own service role scopes ssm:ListCloudConnectors to cloud-connector ARNs. */
const NOT_JUDGED = new Set(['ssm:listcloudconnectors']);

/** The action an Action item names without a wildcard, when it is judged and has no resource-level permissions. */
function namedWildcardOnly(item: Located<string>, iam: IamIndex): IamAction | undefined {
  if (hasWildcard(item.value)) return undefined;
  const parts = splitAction(item.value);
  if (!parts || NOT_JUDGED.has(item.value.toLowerCase())) return undefined;
  const action = iam.action(parts.service, parts.name);
  if (!action?.isWildcardOnly || action.resourceTypes.length > 0) return undefined;
  return JUDGED[action.service.toLowerCase()]?.test(action.name) ? action : undefined;
}

/** An ARN of a service none of the actions belongs to, naming a kind of resource (resource-type-mismatch's case). */
function foreignTyped(arn: NonNullable<ReturnType<typeof parseArn>>, actions: readonly IamAction[]): boolean {
  const service = arn.service.toLowerCase();
  if (hasWildcard(service) || hasPolicyVariable(service)) return false;
  return !/^[*?]+$/.test(arn.resource) && !actions.some((a) => a.service.toLowerCase() === service);
}

/**
 * Can the ARN pattern match what IAM checks a wildcard-only action against: "*" or a service-wide pseudo-ARN such as
 * "arn:aws:ssm:us-east-1:111122223333:*"? Only when its service may be the action's and its resource part does not
 * start with a literal type word.
 */
function mayMatchPseudoResource(arn: NonNullable<ReturnType<typeof parseArn>>, action: IamAction): boolean {
  const service = arn.service.toLowerCase();
  const own = service === action.service.toLowerCase();
  if (!own && !hasWildcard(service) && !hasPolicyVariable(service)) return false;
  return /^(?:[*?]|\$\{)/.test(arn.resource) || arn.resource === '';
}

function coversOnWildcard(st: Statement, name: string, action: IamAction): boolean {
  if (statementCoversAction(st, name) === undefined) return false;
  if (st.notResource) return true;
  return (st.resource?.items ?? []).some((r) => {
    const arn = r.value.length <= MAX_ARN_LENGTH ? parseArn(r.value) : undefined;
    return /^\*+$/.test(r.value) || (arn !== undefined && mayMatchPseudoResource(arn, action));
  });
}

/** Move the action to a new "*" statement (keeping Effect and Condition), or make the whole statement "*". */
function suggest(policy: ParsedPolicy, st: Statement, item: Located<string>, action: string, all: boolean): Suggestion[] {
  const resourceNode = st.resource?.node;
  if (all && resourceNode) return [{ messageId: 'wildcardResource', data: { action }, fix: replaceNode(resourceNode, '*') }];
  const fix = moveToNewStatement(policy, st, item, 'Action', '*');
  if (fix.length === 0) return [];
  return [{ messageId: 'moveAction', data: { action }, fix }];
}
