/**
 * Running a plan through the port (issue 6): its calls in order with a step log and, when a step fails, the rollback
 * of what the run created. What to undo for each step is decided by {@link rollbackAction} and
 * {@link restoredDefaultVersion}, pure functions kept apart so the rollback rules can be replaced on their own.
 */
import { isAwsError } from '../aws/error';
import type { AwsPort, AwsTarget, CallOptions, PolicyVersion } from '../aws/port';
import { compactDocument, iamPath } from './document';
import { applyErrorMessage } from './messages';
import type { ApplyLogEntry, ApplyOutcome, ApplyPlan, ApplyStep } from './types';

/** Options of {@link applyPlan}. */
export interface ApplyOptions extends CallOptions {
  /** Called with each log entry as it happens (the log channel). */
  onLog?: (entry: ApplyLogEntry) => void;
}

/** Thrown by {@link applyPlan} for a plan the gate blocks: nothing was called. */
export class ApplyBlockedError extends Error {
  override readonly name = 'ApplyBlockedError';
}

/** The role, policy and version a step is about, for the log. */
export function stepSubject(step: ApplyStep): string {
  return [
    step.roleName ? `role ${step.roleName}` : '',
    step.policyName ? `policy ${step.policyName}` : '',
    step.policyArn && !step.policyName ? step.policyArn : '',
    step.versionId ? `version ${step.versionId}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** What the run created, which the rollback may undo. */
export interface CreatedByRun {
  /** True when the run created the role (CreateRole succeeded). */
  role: boolean;
  /** The ARN of the policy the run created (CreatePolicy). */
  policyArn?: string;
  /** The id of the policy version the run created (CreatePolicyVersion). */
  versionId?: string;
}

/** How to undo one done step; undefined when the step is kept. */
export type RollbackAction =
  | { action: 'DeleteRolePolicy' }
  | { action: 'DetachRolePolicy'; policyArn: string | undefined }
  | { action: 'DeleteRole' }
  | { action: 'DeletePolicy'; policyArn: string | undefined }
  | { action: 'RevertPolicyVersion'; policyArn: string; versionId: string };

/**
 * The rollback rule: undo what this run created (the inline policies and attachments of a role it created, the
 * role; an attachment of a policy it created, the policy; a policy version it created). Changes to what existed
 * before (UpdateAssumeRolePolicy, DeletePolicyVersion, PutRolePolicy on an existing role) are kept.
 */
export function rollbackAction(step: ApplyStep, created: CreatedByRun): RollbackAction | undefined {
  switch (step.action) {
    case 'PutRolePolicy':
      return created.role ? { action: 'DeleteRolePolicy' } : undefined;
    case 'AttachRolePolicy':
      return created.role || created.policyArn ? { action: 'DetachRolePolicy', policyArn: created.policyArn ?? step.policyArn } : undefined;
    case 'CreateRole':
      return { action: 'DeleteRole' };
    case 'CreatePolicy':
      return { action: 'DeletePolicy', policyArn: created.policyArn ?? step.policyArn };
    case 'CreatePolicyVersion':
      return created.versionId && step.policyArn ? { action: 'RevertPolicyVersion', policyArn: step.policyArn, versionId: created.versionId } : undefined;
    default:
      return undefined;
  }
}

function versionNumber(id: string): number {
  const n = Number(/(\d+)$/.exec(id)?.[1]);
  return Number.isFinite(n) ? n : 0;
}

/**
 * The version made the default again when a created version is rolled back: today the newest other version (by
 * creation date, then version number), which is not necessarily the one that was the default before the run.
 */
export function restoredDefaultVersion(versions: readonly PolicyVersion[], createdVersionId: string): PolicyVersion | undefined {
  const others = versions.filter((v) => v.versionId !== createdVersionId);
  return others.sort((a, b) => (b.createDate?.getTime() ?? 0) - (a.createDate?.getTime() ?? 0) || versionNumber(b.versionId) - versionNumber(a.versionId))[0];
}

/**
 * Runs a plan's calls in order. On a failure, undoes what this run created, in reverse order ({@link rollbackAction})
 * and says precisely what was done, what failed and what was rolled back. A deleted old policy version cannot be
 * restored. A plan with no change makes no call; a blocked plan throws {@link ApplyBlockedError} before any call.
 */
export async function applyPlan(port: AwsPort, target: AwsTarget, plan: ApplyPlan, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  if (plan.gate.blocked) {
    throw new ApplyBlockedError(`The linter blocks this document: ${plan.gate.errors.map((e) => `${e.ruleId}: ${e.message}`).join('; ')}`);
  }
  const log: ApplyLogEntry[] = [];
  const outcome: ApplyOutcome = { done: [], rolledBack: [], noChange: plan.noChange, log };
  if (plan.noChange) return outcome;
  const callOptions: CallOptions = { signal: options.signal };
  const request = plan.request;
  const roleName = request.role.roleName;
  const record = (entry: ApplyLogEntry): void => {
    log.push(entry);
    options.onLog?.(entry);
  };
  /** Runs one call, logging it; rethrows its error. */
  const call = async <T>(action: string, about: string, rollback: boolean, run: () => Promise<T>): Promise<T> => {
    try {
      const out = await run();
      record({ action: `iam:${action}`, subject: about, ok: true, ...(rollback ? { rollback } : {}) });
      return out;
    } catch (err) {
      const message = isAwsError(err) ? err.message : String(err);
      record({ action: `iam:${action}`, subject: about, ok: false, message, ...(rollback ? { rollback } : {}) });
      throw err;
    }
  };

  const document = compactDocument(plan.proposedText);
  const created: CreatedByRun = { role: false };
  for (const step of plan.steps) {
    const about = stepSubject(step);
    try {
      switch (step.action) {
        case 'CreateRole': {
          if (request.role.type !== 'new') throw new Error('CreateRole needs a new role target');
          const trustPolicy = request.mode === 'trust' ? document : compactDocument(request.role.trustPolicyText);
          await call(step.action, about, false, () => port.createRole(target, { name: roleName, path: iamPath(request.role.type === 'new' ? request.role.path : '/'), trustPolicy }, callOptions));
          created.role = true;
          break;
        }
        case 'PutRolePolicy':
          await call(step.action, about, false, () => port.putRolePolicy(target, roleName, request.policyName ?? '', document, callOptions));
          break;
        case 'UpdateAssumeRolePolicy':
          await call(step.action, about, false, () => port.updateAssumeRolePolicy(target, roleName, document, callOptions));
          break;
        case 'AttachRolePolicy':
          await call(step.action, about, false, () => port.attachRolePolicy(target, roleName, created.policyArn ?? step.policyArn ?? '', callOptions));
          break;
        case 'CreatePolicy': {
          const policy = await call(step.action, about, false, () => port.createPolicy(target, request.policyName ?? '', document, callOptions));
          created.policyArn = policy.arn || step.policyArn;
          break;
        }
        case 'DeletePolicyVersion':
          await call(step.action, about, false, () => port.deletePolicyVersion(target, step.policyArn ?? '', step.versionId ?? '', callOptions));
          break;
        case 'CreatePolicyVersion': {
          const version = await call(step.action, about, false, () => port.createPolicyVersion(target, step.policyArn ?? '', document, true, callOptions));
          created.versionId = version.versionId || undefined;
          break;
        }
      }
      outcome.done.push(step);
    } catch (err) {
      const message = isAwsError(err) ? applyErrorMessage(step, err) : `Could not ${step.description}: ${err instanceof Error ? err.message : String(err)}`;
      outcome.failed = { step, message };
      break;
    }
  }
  if (!outcome.failed) return outcome;

  // Roll back what this run created, newest first.
  for (const step of [...outcome.done].reverse()) {
    const undo = rollbackAction(step, created);
    if (!undo) continue;
    const about = stepSubject(step);
    try {
      switch (undo.action) {
        case 'DeleteRolePolicy':
          await call(undo.action, about, true, () => port.deleteRolePolicy(target, roleName, request.policyName ?? '', callOptions));
          break;
        case 'DetachRolePolicy':
          await call(undo.action, about, true, () => port.detachRolePolicy(target, roleName, undo.policyArn ?? '', callOptions));
          break;
        case 'DeleteRole':
          await call(undo.action, about, true, () => port.deleteRole(target, roleName, callOptions));
          break;
        case 'DeletePolicy':
          await call(undo.action, about, true, () => port.deletePolicy(target, undo.policyArn ?? '', callOptions));
          break;
        case 'RevertPolicyVersion': {
          // The new version is the default: make another version the default again, then delete the new one.
          const previous = restoredDefaultVersion(await port.listPolicyVersions(target, undo.policyArn, callOptions), undo.versionId);
          if (previous) {
            await call('SetDefaultPolicyVersion', `${about}, version ${previous.versionId}`, true, () =>
              port.setDefaultPolicyVersion(target, undo.policyArn, previous.versionId, callOptions),
            );
          }
          await call('DeletePolicyVersion', `${about}, version ${undo.versionId}`, true, () => port.deletePolicyVersion(target, undo.policyArn, undo.versionId, callOptions));
          break;
        }
      }
      outcome.rolledBack.push(step);
    } catch (err) {
      const message = isAwsError(err) ? err.message : String(err);
      (outcome.rollbackFailed ??= []).push({ step, message: `Could not undo: ${step.description}: ${message}` });
    }
  }
  return outcome;
}
