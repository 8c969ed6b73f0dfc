/** Which IAM calls an apply makes, in which order, from the request and the role's current state. */
import { catalogEntry } from '../catalog';
import { parsePolicy } from '../policy/parse';
import { wildcardMatches } from '../util/wildcard';
import type { ApplyRequest, ApplyStep } from './types';

/** A version of a customer managed policy. */
export interface PolicyVersionState {
  versionId: string;
  isDefault: boolean;
  createDate?: Date;
}

/** What is there now, as read by the AWS layer. */
export interface ApplyState {
  /** The role exists (a `new` target whose role exists is refused before planning). */
  roleExists: boolean;
  /** The current document for the mode equals the proposed one (inline, trust, customer managed default version). */
  sameDocument: boolean;
  /** attachManaged, customerManaged: the managed policy's ARN. */
  policyArn?: string;
  /** attachManaged, customerManaged: the policy is attached to the role. */
  attached?: boolean;
  /** customerManaged: the policy exists. */
  policyExists?: boolean;
  /** customerManaged: its versions. */
  versions?: PolicyVersionState[];
}

/** IAM keeps at most five versions of a customer managed policy. */
export const MAX_POLICY_VERSIONS = 5;

function versionNumber(id: string): number {
  const n = Number(/(\d+)$/.exec(id)?.[1]);
  return Number.isFinite(n) ? n : 0;
}

/** The version to delete before a new one can be created: the oldest non-default one (by date, then version number). */
export function oldestDeletableVersion(versions: readonly PolicyVersionState[]): PolicyVersionState | undefined {
  return [...versions]
    .filter((v) => !v.isDefault)
    .sort((a, b) => (a.createDate?.getTime() ?? 0) - (b.createDate?.getTime() ?? 0) || versionNumber(a.versionId) - versionNumber(b.versionId))[0];
}

/** The service principals of Amazon EC2 (the China Regions have their own). */
const EC2_SERVICE_PRINCIPALS: readonly string[] = ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn'];

/**
 * True when a trust policy lets Amazon EC2 assume the role: an Allow statement whose Principal names the EC2
 * service and whose Action covers `sts:AssumeRole` (wildcards included). Such a role is only usable by an instance
 * through an instance profile.
 */
export function trustLetsEc2Assume(trustPolicyText: string): boolean {
  const policy = parsePolicy(trustPolicyText, { kind: 'trust' });
  return policy.statements.some(
    (s) =>
      s.effect?.value === 'Allow' &&
      (s.principal?.entries ?? []).some((e) => e.type === 'Service' && e.values.some((v) => EC2_SERVICE_PRINCIPALS.includes(v.value.toLowerCase()))) &&
      (s.action?.items ?? []).some((a) => wildcardMatches(a.value, 'sts:AssumeRole')),
  );
}

/** The trust policy a new role is created with: the policy itself in trust mode, else the role's own. */
function newRoleTrustText(request: ApplyRequest): string | undefined {
  if (request.role.type !== 'new') return undefined;
  if (request.mode !== 'trust') return request.role.trustPolicyText;
  if (request.policy.type === 'text') return request.policy.text;
  if (request.policy.type === 'catalog') return catalogEntry(request.policy.entryId)?.text;
  return undefined;
}

/** True when the role the request creates gets an instance profile: its trust policy lets EC2 assume it. */
export function wantsInstanceProfile(request: ApplyRequest): boolean {
  const trust = newRoleTrustText(request);
  return trust !== undefined && trustLetsEc2Assume(trust);
}

/**
 * The calls that bring the role to the request, in order; none when nothing would change. A new role that EC2 may
 * assume also gets an instance profile named like the role, with the same path (CreateInstanceProfile,
 * AddRoleToInstanceProfile right after CreateRole).
 */
export function planSteps(request: ApplyRequest, state: ApplyState): ApplyStep[] {
  const roleName = request.role.roleName;
  const policyName = request.policyName;
  const steps: ApplyStep[] = [];
  if (request.role.type === 'new' && !state.roleExists) {
    steps.push({ action: 'CreateRole', description: `create role ${roleName} with the path ${request.role.path}`, roleName });
    if (wantsInstanceProfile(request)) {
      steps.push(
        { action: 'CreateInstanceProfile', description: `create instance profile ${roleName} with the path ${request.role.path}`, instanceProfileName: roleName },
        { action: 'AddRoleToInstanceProfile', description: `add role ${roleName} to instance profile ${roleName}`, roleName, instanceProfileName: roleName },
      );
    }
  }
  const created = request.role.type === 'new' && !state.roleExists;
  switch (request.mode) {
    case 'inline':
      if (created || !state.sameDocument) {
        steps.push({ action: 'PutRolePolicy', description: `put inline policy ${policyName ?? ''} on role ${roleName}`, roleName, policyName });
      }
      break;
    case 'trust':
      // A new role is created with the proposed trust policy: nothing to update.
      if (!created && !state.sameDocument) {
        steps.push({ action: 'UpdateAssumeRolePolicy', description: `replace the trust policy of role ${roleName}`, roleName });
      }
      break;
    case 'attachManaged':
      if (created || !state.attached) {
        steps.push({ action: 'AttachRolePolicy', description: `attach managed policy ${state.policyArn ?? ''} to role ${roleName}`, roleName, policyArn: state.policyArn });
      }
      break;
    case 'customerManaged': {
      const policyArn = state.policyArn;
      if (!state.policyExists) {
        steps.push({ action: 'CreatePolicy', description: `create customer managed policy ${policyName ?? ''}`, policyName, policyArn });
      } else if (!state.sameDocument) {
        const versions = state.versions ?? [];
        if (versions.length >= MAX_POLICY_VERSIONS) {
          const oldest = oldestDeletableVersion(versions);
          if (oldest) {
            steps.push({
              action: 'DeletePolicyVersion',
              description: `delete version ${oldest.versionId} of policy ${policyName ?? ''}, the oldest (IAM keeps five versions)`,
              policyName,
              policyArn,
              versionId: oldest.versionId,
            });
          }
        }
        steps.push({ action: 'CreatePolicyVersion', description: `create a new default version of policy ${policyName ?? ''}`, policyName, policyArn });
      }
      if (created || !state.attached) {
        steps.push({ action: 'AttachRolePolicy', description: `attach policy ${policyName ?? ''} to role ${roleName}`, roleName, policyName, policyArn });
      }
      break;
    }
  }
  return steps;
}
