/**
 * Rollback of a failed apply: the calls that put back exactly what was there before the run, read while planning
 * (the previous default version of a customer managed policy, the previous inline document, the previous trust
 * policy, the attachments), not merely undo what the run created. What cannot be put back is named.
 */
import type { ApplyStep } from './types';

/** What was there before the run, as read while planning. Documents are the decoded JSON texts IAM returned. */
export interface RecordedState {
  roleName: string;
  /** The role existed (a new role's steps are undone by deleting it). */
  roleExisted: boolean;
  /** The role's trust policy before the run (trust mode on an existing role). */
  trustPolicy?: string;
  /** Inline mode: the policy's name and its document before the run (undefined: there was none). */
  inlinePolicy?: { name: string; document?: string };
  /** The ARNs of the managed policies attached to the role before the run. */
  attachedArns: readonly string[];
  /** Customer managed mode: the policy before the run. */
  policy?: { arn: string; existed: boolean; defaultVersionId?: string; versionIds?: readonly string[] };
}

/** A step of the run that took effect, with what its call (or the read-back after an ambiguous failure) returned. */
export interface DoneStep {
  step: ApplyStep;
  /** CreatePolicyVersion: the version it made. */
  createdVersionId?: string;
  /** CreatePolicy: the policy's ARN. */
  createdPolicyArn?: string;
}

/** One call of a rollback, with the step it undoes and what it restores, in words. */
export type UndoCall = { undoes: ApplyStep; description: string } & (
  | { action: 'iam:DeleteRole'; roleName: string }
  | { action: 'iam:PutRolePolicy'; roleName: string; policyName: string; document: string }
  | { action: 'iam:DeleteRolePolicy'; roleName: string; policyName: string }
  | { action: 'iam:UpdateAssumeRolePolicy'; roleName: string; document: string }
  | { action: 'iam:DetachRolePolicy'; roleName: string; policyArn: string }
  | { action: 'iam:DeletePolicy'; policyArn: string }
  | { action: 'iam:SetDefaultPolicyVersion'; policyArn: string; versionId: string }
  | { action: 'iam:DeletePolicyVersion'; policyArn: string; versionId: string }
  | { action: 'iam:RemoveRoleFromInstanceProfile'; roleName: string; instanceProfileName: string }
  | { action: 'iam:DeleteInstanceProfile'; instanceProfileName: string }
);

/** A change the rollback cannot put back, and why. */
export interface NotRestorable {
  step: ApplyStep;
  reason: string;
}

/** The rollback of a run: its calls in order, and what they cannot restore. */
export interface RollbackPlan {
  calls: UndoCall[];
  notRestorable: NotRestorable[];
}

/**
 * The calls that restore the recorded state after the `done` steps (in the order they ran), newest first. A role
 * the run created is emptied (its inline policies deleted, its policies detached, its instance profile left) by
 * undoing the steps that filled it, then deleted.
 */
export function rollbackPlan(recorded: RecordedState, done: readonly DoneStep[]): RollbackPlan {
  const calls: UndoCall[] = [];
  const notRestorable: NotRestorable[] = [];
  const roleName = recorded.roleName;
  const createdPolicyArn = done.find((d) => d.step.action === 'CreatePolicy')?.createdPolicyArn;
  for (const d of [...done].reverse()) {
    const step = d.step;
    const undoes = step;
    switch (step.action) {
      case 'CreateRole':
        calls.push({ undoes, action: 'iam:DeleteRole', roleName, description: `delete role ${roleName}, which this run created` });
        break;
      case 'PutRolePolicy': {
        const policyName = step.policyName ?? recorded.inlinePolicy?.name ?? '';
        const previous = recorded.roleExisted && recorded.inlinePolicy?.name === policyName ? recorded.inlinePolicy.document : undefined;
        if (previous !== undefined) {
          calls.push({ undoes, action: 'iam:PutRolePolicy', roleName, policyName, document: previous, description: `put back the previous inline policy ${policyName} of role ${roleName}` });
        } else {
          calls.push({ undoes, action: 'iam:DeleteRolePolicy', roleName, policyName, description: `delete inline policy ${policyName} of role ${roleName}, which this run added` });
        }
        break;
      }
      case 'UpdateAssumeRolePolicy':
        if (recorded.trustPolicy === undefined) {
          notRestorable.push({ step, reason: `the previous trust policy of role ${roleName} was not recorded` });
        } else {
          calls.push({ undoes, action: 'iam:UpdateAssumeRolePolicy', roleName, document: recorded.trustPolicy, description: `put back the previous trust policy of role ${roleName}` });
        }
        break;
      case 'AttachRolePolicy': {
        const policyArn = step.policyArn ?? createdPolicyArn ?? '';
        if (recorded.roleExisted && recorded.attachedArns.includes(policyArn)) break;
        calls.push({ undoes, action: 'iam:DetachRolePolicy', roleName, policyArn, description: `detach ${policyArn} from role ${roleName}` });
        break;
      }
      case 'CreatePolicy': {
        const policyArn = d.createdPolicyArn ?? step.policyArn ?? '';
        calls.push({ undoes, action: 'iam:DeletePolicy', policyArn, description: `delete policy ${policyArn}, which this run created` });
        break;
      }
      case 'CreatePolicyVersion': {
        const policyArn = step.policyArn ?? recorded.policy?.arn ?? '';
        const previous = recorded.policy?.defaultVersionId;
        if (!d.createdVersionId) {
          notRestorable.push({ step, reason: `the id of the version this run created in ${policyArn} is not known` });
          break;
        }
        if (!previous) {
          notRestorable.push({ step, reason: `the default version of ${policyArn} before the run was not recorded` });
          break;
        }
        calls.push({ undoes, action: 'iam:SetDefaultPolicyVersion', policyArn, versionId: previous, description: `make version ${previous} of ${policyArn} the default again` });
        calls.push({ undoes, action: 'iam:DeletePolicyVersion', policyArn, versionId: d.createdVersionId, description: `delete version ${d.createdVersionId} of ${policyArn}, which this run created` });
        break;
      }
      case 'DeletePolicyVersion':
        notRestorable.push({
          step,
          reason: `version ${step.versionId ?? ''} of ${step.policyArn ?? ''} was deleted to stay within IAM's five versions; IAM cannot bring a deleted version back`,
        });
        break;
      case 'CreateInstanceProfile':
        calls.push({
          undoes,
          action: 'iam:DeleteInstanceProfile',
          instanceProfileName: step.instanceProfileName ?? roleName,
          description: `delete instance profile ${step.instanceProfileName ?? roleName}, which this run created`,
        });
        break;
      case 'AddRoleToInstanceProfile':
        calls.push({
          undoes,
          action: 'iam:RemoveRoleFromInstanceProfile',
          roleName,
          instanceProfileName: step.instanceProfileName ?? roleName,
          description: `remove role ${roleName} from instance profile ${step.instanceProfileName ?? roleName}`,
        });
        break;
    }
  }
  return { calls, notRestorable };
}
