import type { IamAction, IamIndex } from '../iam';
import { parseArn, type ArnParts } from '../policy/arn';
import { expandActions } from '../policy/query';
import { arnCanMatchType, hasPolicyVariable, MAX_ARN_LENGTH, ownResourceTypes, templatesOf } from '../policy/resource-arns';
import { diagnoseArnMixup } from '../ssm/arn-mixups';
import { editDistance } from '../util/did-you-mean';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/** How many names a message lists before it says "…". */
const LIST_LIMIT = 8;
/** Statements that expand to more actions than this are not judged (cost, and little to learn). */
const MAX_ACTIONS = 5000;

/**
 * Resource types the Service Authorization Reference does not list for an action although AWS scopes the action to
 * them in its own managed policies, so IAM evaluates it against them: ECS Exec (AmazonECSServiceRolePolicy) and
 * Cloud9 grant ssmmessages:OpenDataChannel on arn:aws:ssm:*:*:session/*.
 */
const UNLISTED_RESOURCE_TYPES: Record<string, { service: string; type: string }[]> = {
  'ssmmessages:opendatachannel': [{ service: 'ssm', type: 'session' }],
};
/** The services of those actions, lower case: the actions of every other service have no unlisted type. */
const UNLISTED_SERVICES = new Set(Object.keys(UNLISTED_RESOURCE_TYPES).map((k) => k.slice(0, k.indexOf(':'))));
const NONE: Accepted[] = [];

interface Accepted {
  name: string;
  arn: string;
}

/**
 * In a statement with Action (not NotAction) whose actions are all known, a Resource ARN that none of those
 * actions applies to, judged from the IAM data and only where data gaps cannot explain it.
 */
export const resourceTypeMismatch: PolicyRule = {
  id: 'resource-type-mismatch',
  meta: {
    description: "Each Resource ARN should be a resource type that at least one of the statement's actions applies to.",
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      noActionAccepts:
        'None of this statement\'s actions applies to "{{arn}}", so this Resource entry matches nothing they do. The actions accept: {{accepts}}. Check the service, resource type and spelling of the ARN, or move it to a statement with the actions it is for.',
      wildcardOnly:
        'None of this statement\'s actions ({{actions}}) supports resource-level permissions: IAM only authorizes them with "Resource": "*", so "{{arn}}" grants nothing. Put these actions in a statement with "Resource": "*" (narrow them with conditions if needed).',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      if (!st.action || !st.resource) continue;
      const arns = st.resource.items.flatMap((item) => {
        const arn = item.value !== '*' && item.value.length <= MAX_ARN_LENGTH ? parseArn(item.value) : undefined;
        return arn ? [{ item, arn }] : [];
      });
      if (arns.length === 0) continue;
      const { actions, complete } = expandActions(st, ctx.iam);
      if (!complete || actions.length === 0 || actions.length > MAX_ACTIONS) continue;
      const listed = acceptedTypes(actions, ctx.iam, false);
      const unlisted = acceptedTypes(actions, ctx.iam, true);
      // An action whose resource types the data cannot resolve may accept anything: stay silent.
      if (!listed || !unlisted) continue;
      const accepted = unlisted.length === 0 ? listed : [...listed, ...unlisted];
      for (const { item, arn } of arns) {
        if (accepted.some((t) => arnCanMatchType(item.value, t))) continue;
        const service = arn.service.toLowerCase();
        if (hasWildcard(service) || hasPolicyVariable(service) || !ctx.iam.isLoaded(service)) continue;
        if (listed.length === 0) {
          if (!wildcardOnlyJudgeable(arn, actions)) continue;
          findings.push({ messageId: 'wildcardOnly', node: item.node, data: { arn: item.value, actions: list(actions.map((a) => `${a.service}:${a.name}`)) } });
        } else if (!diagnoseArnMixup(item.value, arn, ctx.iam) && namesNoTypeOfRelatedService(item.value, arn, actions, listed, ctx.iam)) {
          // (An instance / managed-instance mix-up is ssm-arn-mixup's finding, with the corrected ARN.)
          findings.push({ messageId: 'noActionAccepts', node: item.node, data: { arn: item.value, accepts: list(listed.map((t) => t.name)) } });
        }
      }
    }
    return findings;
  },
};

/**
 * The distinct resource types the actions apply to, as the data lists them or (`unlisted`) as AWS's own policies
 * show; undefined when one cannot be resolved.
 */
function acceptedTypes(actions: readonly IamAction[], iam: IamIndex, unlisted: boolean): Accepted[] | undefined {
  const byArn = new Map<string, Accepted>();
  for (const action of actions) {
    const types = actionTypes(action, iam, unlisted);
    if (!types) return undefined;
    for (const type of types) if (!byArn.has(type.arn)) byArn.set(type.arn, type);
  }
  return [...byArn.values()];
}

const typesCache = new WeakMap<IamIndex, { listed: WeakMap<IamAction, Accepted[]>; unlisted: WeakMap<IamAction, Accepted[]> }>();

/** One action's resource types, resolved once per action (statements such as "ec2:*" expand to hundreds). */
function actionTypes(action: IamAction, iam: IamIndex, unlisted: boolean): Accepted[] | undefined {
  if (unlisted && !UNLISTED_SERVICES.has(action.service.toLowerCase())) return NONE;
  let caches = typesCache.get(iam);
  if (!caches) {
    caches = { listed: new WeakMap(), unlisted: new WeakMap() };
    typesCache.set(iam, caches);
  }
  const cache = unlisted ? caches.unlisted : caches.listed;
  const cached = cache.get(action);
  if (cached) return cached;
  const refs = unlisted
    ? (UNLISTED_RESOURCE_TYPES[`${action.service}:${action.name}`.toLowerCase()] ?? [])
    : action.resourceTypes.map((rt) => ({ service: action.service, type: rt.name }));
  let types: Accepted[] | null = [];
  for (const ref of refs) {
    const type = iam.resourceType(ref.service, ref.type);
    if (!type) {
      types = null;
      break;
    }
    types.push({ name: ref.type, arn: type.arn });
  }
  // Unresolved types are not remembered: the service holding them may load later.
  if (types) cache.set(action, types);
  return types ?? undefined;
}

/**
 * For actions without resource types: IAM may evaluate them against a service-specific ARN of their own service
 * (logs:DescribeLogGroups with "log-group::log-stream:"), so only ARNs of another service that name a kind of
 * resource (not all wildcards) are judged, e.g. ssmmessages actions on an instance ARN.
 */
function wildcardOnlyJudgeable(arn: ArnParts, actions: IamAction[]): boolean {
  const service = arn.service.toLowerCase();
  return !/^[*?]+$/.test(arn.resource) && !actions.some((a) => a.service.toLowerCase() === service);
}

/**
 * The Service Authorization Reference does not list every resource type an action is authorized against (ec2:CreateFleet
 * on network interfaces, ssm:StartSession on EKS clusters, cloudformation:CreateChangeSet on transforms), so only
 * an ARN that is wrong whatever the data misses is judged. It belongs to a service of the statement's actions or of
 * their resource types, names no resource type of its own service, and its resource part
 * - has no resource type word at all, or
 * - starts with a type word of its own service in the wrong shape ("stack/name" without the stack ID), or
 * - starts with a near miss of such a word ("endpointconfig/" for "endpoint-config/"), or
 * - starts with the type word of another service's type ("ssm:…:instance/*": ssm's `instance` type is an ec2 ARN).
 * Path-style resource parts ("/workspaces", ":*") are not judged: some services authorize such pseudo-ARNs.
 */
function namesNoTypeOfRelatedService(text: string, arn: ArnParts, actions: IamAction[], accepted: Accepted[], iam: IamIndex): boolean {
  const service = arn.service.toLowerCase();
  const acceptedTemplates = accepted.flatMap((t) => templatesOf(t).map((tpl) => parseArn(tpl))).filter((t) => t !== undefined);
  const related = actions.some((a) => a.service.toLowerCase() === service) || acceptedTemplates.some((t) => t.service.toLowerCase() === service);
  if (!related || /^[*?]+$/.test(arn.resource) || /^[/:]/.test(arn.resource)) return false;
  const own = ownResourceTypes(iam, service);
  if (own.length === 0 || own.some((t) => arnCanMatchType(text, t))) return false;
  const word = typeWord(arn.resource);
  if (word === undefined) return !/[/:]/.test(arn.resource);
  const ownWords = own.flatMap((t) => templatesOf(t).map((tpl) => typeWord(parseArn(tpl)?.resource ?? ''))).filter((w) => w !== undefined);
  if (ownWords.some((w) => w.toLowerCase() === word.toLowerCase()) || nearMiss(word, ownWords)) return true;
  const foreign = [...acceptedTemplates, ...iam.resourceTypes(service).flatMap((t) => templatesOf(t).map((tpl) => parseArn(tpl)))]
    .filter((t) => t !== undefined && t.service.toLowerCase() !== service)
    .map((t) => typeWord(t?.resource ?? ''));
  return foreign.some((w) => w?.toLowerCase() === word.toLowerCase());
}

/** The literal word a resource part starts with before its first "/" or ":" ("document" in "document/${DocumentName}"). */
function typeWord(resource: string): string | undefined {
  const m = /^([A-Za-z][A-Za-z0-9_.-]*)[/:]/.exec(resource);
  return m?.[1];
}

/** A word that differs from a known one only by hyphens and case, or by one or two letters in a long word. */
function nearMiss(word: string, known: string[]): boolean {
  const squash = (w: string): string => w.toLowerCase().replace(/[^a-z0-9]/g, '');
  return known.some((k) => squash(k) === squash(word) || (word.length >= 8 && editDistance(word, k, 2) <= 2));
}

function list(names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length > LIST_LIMIT ? `${unique.slice(0, LIST_LIMIT).join(', ')}, …` : unique.join(', ');
}
