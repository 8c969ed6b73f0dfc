/** Which IAM calls an apply makes, in which order, from the request and the role's current state. */
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

/** The calls that bring the role to the request, in order; none when nothing would change. */
export function planSteps(request: ApplyRequest, state: ApplyState): ApplyStep[] {
  const roleName = request.role.roleName;
  const policyName = request.policyName;
  const steps: ApplyStep[] = [];
  if (request.role.type === 'new' && !state.roleExists) {
    steps.push({ action: 'CreateRole', description: `create role ${roleName} with the path ${request.role.path}`, roleName });
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
