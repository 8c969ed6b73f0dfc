/**
 * Running a plan through the port: its calls in order with a step log. A call that fails ambiguously (a lost
 * response, a timeout, a 5xx: the error's `outcomeUnknown`) is settled by reading the state back
 * (src/core/aws/writes.ts): applied, the run goes on; not applied or unknown, it stops. Then the rollback puts back
 * the state recorded while planning (./rollback.ts), reading back its own ambiguous calls the same way, and the
 * outcome names what it could not restore.
 */
import type { AwsError } from '../aws/error';
import type { AwsPort, AwsTarget, CallOptions } from '../aws/port';
import { sendAndSettle, type WriteAction, type WriteOutcome } from '../aws/writes';
import { compactDocument, iamPath, sameDocument } from './document';
import { applyErrorMessage } from './messages';
import { rollbackPlan, type DoneStep, type RecordedState, type UndoCall } from './rollback';
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
    step.instanceProfileName ? `instance profile ${step.instanceProfileName}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** What a read-back found, and what it learnt on the way (the id of a version the lost call created). */
interface ReadBackResult {
  changed: boolean;
  createdVersionId?: string;
}

/** One IAM write: how to send it, how to tell afterwards whether it happened, and what to check by hand. */
interface IamWrite {
  action: WriteAction;
  subject: string;
  send(): Promise<{ createdVersionId?: string; createdPolicyArn?: string } | void>;
  readBack(): Promise<ReadBackResult>;
  /** The CLI call that shows whether it happened, for an unknown outcome. */
  check: string;
}

/** Undo calls whose NoSuchEntity means the state is already the recorded one. */
const GONE_WHEN_NOT_FOUND: ReadonlySet<WriteAction> = new Set<WriteAction>([
  'iam:DeleteRole',
  'iam:DeleteRolePolicy',
  'iam:DetachRolePolicy',
  'iam:DeletePolicy',
  'iam:DeletePolicyVersion',
  'iam:DeleteInstanceProfile',
  'iam:RemoveRoleFromInstanceProfile',
]);

/** What one write ended as. */
type WriteResult =
  | { outcome: 'applied'; createdVersionId?: string; createdPolicyArn?: string; settledAfter?: string }
  | { outcome: Exclude<WriteOutcome, 'applied'>; error: AwsError; message: string };

/** The ARN a CreatePolicy call gives a policy (no path): what the plan recorded as the step's policyArn. */
function createdPolicyArnOf(step: ApplyStep): string {
  return step.policyArn ?? '';
}

/**
 * Runs a plan's calls in order and, when one fails, rolls back to the recorded state. A plan with no change makes
 * no call; a blocked plan throws {@link ApplyBlockedError} before any call.
 */
export async function applyPlan(port: AwsPort, target: AwsTarget, plan: ApplyPlan, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  if (plan.gate.blocked) {
    throw new ApplyBlockedError(`The linter blocks this document: ${plan.gate.errors.map((e) => `${e.ruleId}: ${e.message}`).join('; ')}`);
  }
  const log: ApplyLogEntry[] = [];
  const outcome: ApplyOutcome = { done: [], rolledBack: [], noChange: plan.noChange, log };
  if (plan.noChange) return outcome;
  const o: CallOptions = { signal: options.signal };
  const request = plan.request;
  const roleName = request.role.roleName;
  const document = compactDocument(plan.proposedText);
  const recorded: RecordedState = plan.recorded ?? { roleName, roleExisted: request.role.type === 'existing', attachedArns: [] };
  const record = (entry: ApplyLogEntry): void => {
    log.push(entry);
    options.onLog?.(entry);
  };

  /** Sends a write; after an ambiguous failure reads the state back and settles what happened. Never throws. */
  const run = async (w: IamWrite, rollback: boolean): Promise<WriteResult> => {
    const entry = { action: w.action, subject: w.subject, ...(rollback ? { rollback } : {}) };
    const r = await sendAndSettle(w.send, w.readBack, (found) => found.changed);
    if (!r.error) {
      record({ ...entry, ok: true });
      return { outcome: 'applied', ...(r.value ?? {}) };
    }
    const error = r.error;
    if (rollback && error.reason === 'notFound' && GONE_WHEN_NOT_FOUND.has(w.action)) {
      // Undoing what may never have happened: the thing to delete is not there, which is the state wanted.
      record({ ...entry, ok: true, message: error.message });
      return { outcome: 'applied' };
    }
    const settled = error.outcomeUnknown ? { readBack: r.outcome } : {};
    record({ ...entry, ok: r.outcome === 'applied', message: error.message, ...settled });
    if (r.outcome === 'applied') return { outcome: 'applied', settledAfter: error.message, ...(r.readBack?.createdVersionId ? { createdVersionId: r.readBack.createdVersionId } : {}) };
    return { outcome: r.outcome, error, message: error.message };
  };

  const roleExists = async (): Promise<ReadBackResult> => ({ changed: (await port.getRole(target, roleName, o)) !== undefined });
  const attached = async (arn: string): Promise<boolean> => (await port.listAttachedRolePolicies(target, roleName, o)).some((p) => p.arn === arn);
  const profileRoles = async (name: string): Promise<string[] | undefined> => (await port.getInstanceProfile(target, name, o))?.roleNames;

  /** The write of a plan step. */
  const forward = (step: ApplyStep, created: { policyArn?: string }): IamWrite => {
    const subject = stepSubject(step);
    const policyName = request.policyName ?? '';
    switch (step.action) {
      case 'CreateRole': {
        const trustPolicy = request.mode === 'trust' || request.role.type !== 'new' ? document : compactDocument(request.role.trustPolicyText);
        const path = iamPath(request.role.type === 'new' ? request.role.path : '/');
        return {
          action: 'iam:CreateRole',
          subject,
          send: async () => void (await port.createRole(target, { name: roleName, path, trustPolicy }, o)),
          readBack: roleExists,
          check: `aws iam get-role --role-name ${roleName}`,
        };
      }
      case 'PutRolePolicy':
        return {
          action: 'iam:PutRolePolicy',
          subject,
          send: () => port.putRolePolicy(target, roleName, policyName, document, o),
          readBack: async () => {
            const now = await port.getRolePolicy(target, roleName, policyName, o);
            return { changed: now !== undefined && sameDocument(now, document) };
          },
          check: `aws iam get-role-policy --role-name ${roleName} --policy-name ${policyName}`,
        };
      case 'UpdateAssumeRolePolicy':
        return {
          action: 'iam:UpdateAssumeRolePolicy',
          subject,
          send: () => port.updateAssumeRolePolicy(target, roleName, document, o),
          readBack: async () => {
            const role = await port.getRole(target, roleName, o);
            return { changed: role !== undefined && sameDocument(role.trustPolicy, document) };
          },
          check: `aws iam get-role --role-name ${roleName}`,
        };
      case 'AttachRolePolicy': {
        const arn = created.policyArn ?? step.policyArn ?? '';
        return {
          action: 'iam:AttachRolePolicy',
          subject,
          send: () => port.attachRolePolicy(target, roleName, arn, o),
          readBack: async () => ({ changed: await attached(arn) }),
          check: `aws iam list-attached-role-policies --role-name ${roleName}`,
        };
      }
      case 'CreatePolicy': {
        const arn = createdPolicyArnOf(step);
        return {
          action: 'iam:CreatePolicy',
          subject,
          send: async () => ({ createdPolicyArn: (await port.createPolicy(target, policyName, document, o)).arn || arn }),
          readBack: async () => ({ changed: (await port.getPolicy(target, arn, o)) !== undefined }),
          check: `aws iam get-policy --policy-arn ${arn}`,
        };
      }
      case 'CreatePolicyVersion': {
        const arn = step.policyArn ?? '';
        const before = new Set(recorded.policy?.versionIds ?? []);
        return {
          action: 'iam:CreatePolicyVersion',
          subject,
          send: async () => ({ createdVersionId: (await port.createPolicyVersion(target, arn, document, true, o)).versionId || undefined }),
          readBack: async () => {
            // A version that was not there before the run, and is not the one a DeletePolicyVersion step removed.
            const made = (await port.listPolicyVersions(target, arn, o)).find((v) => !before.has(v.versionId));
            return made ? { changed: true, createdVersionId: made.versionId } : { changed: false };
          },
          check: `aws iam list-policy-versions --policy-arn ${arn}`,
        };
      }
      case 'DeletePolicyVersion': {
        const arn = step.policyArn ?? '';
        const versionId = step.versionId ?? '';
        return {
          action: 'iam:DeletePolicyVersion',
          subject,
          send: () => port.deletePolicyVersion(target, arn, versionId, o),
          readBack: async () => ({ changed: !(await port.listPolicyVersions(target, arn, o)).some((v) => v.versionId === versionId) }),
          check: `aws iam list-policy-versions --policy-arn ${arn}`,
        };
      }
      case 'CreateInstanceProfile': {
        const name = step.instanceProfileName ?? roleName;
        const path = iamPath(request.role.type === 'new' ? request.role.path : '/');
        return {
          action: 'iam:CreateInstanceProfile',
          subject,
          send: async () => void (await port.createInstanceProfile(target, name, path, o)),
          readBack: async () => ({ changed: (await profileRoles(name)) !== undefined }),
          check: `aws iam get-instance-profile --instance-profile-name ${name}`,
        };
      }
      case 'AddRoleToInstanceProfile': {
        const name = step.instanceProfileName ?? roleName;
        return {
          action: 'iam:AddRoleToInstanceProfile',
          subject,
          send: () => port.addRoleToInstanceProfile(target, name, roleName, o),
          readBack: async () => ({ changed: (await profileRoles(name))?.includes(roleName) ?? false }),
          check: `aws iam get-instance-profile --instance-profile-name ${name}`,
        };
      }
    }
  };

  /** The write of a rollback call. */
  const undo = (call: UndoCall): IamWrite => {
    const subject = stepSubject(call.undoes);
    switch (call.action) {
      case 'iam:DeleteRole':
        return { action: call.action, subject, send: () => port.deleteRole(target, call.roleName, o), readBack: async () => ({ changed: !(await roleExists()).changed }), check: `aws iam get-role --role-name ${call.roleName}` };
      case 'iam:PutRolePolicy':
        return {
          action: call.action,
          subject,
          send: () => port.putRolePolicy(target, call.roleName, call.policyName, compactDocument(call.document), o),
          readBack: async () => {
            const now = await port.getRolePolicy(target, call.roleName, call.policyName, o);
            return { changed: now !== undefined && sameDocument(now, call.document) };
          },
          check: `aws iam get-role-policy --role-name ${call.roleName} --policy-name ${call.policyName}`,
        };
      case 'iam:DeleteRolePolicy':
        return {
          action: call.action,
          subject,
          send: () => port.deleteRolePolicy(target, call.roleName, call.policyName, o),
          readBack: async () => ({ changed: (await port.getRolePolicy(target, call.roleName, call.policyName, o)) === undefined }),
          check: `aws iam list-role-policies --role-name ${call.roleName}`,
        };
      case 'iam:UpdateAssumeRolePolicy':
        return {
          action: call.action,
          subject,
          send: () => port.updateAssumeRolePolicy(target, call.roleName, compactDocument(call.document), o),
          readBack: async () => {
            const role = await port.getRole(target, call.roleName, o);
            return { changed: role !== undefined && sameDocument(role.trustPolicy, call.document) };
          },
          check: `aws iam get-role --role-name ${call.roleName}`,
        };
      case 'iam:DetachRolePolicy':
        return {
          action: call.action,
          subject,
          send: () => port.detachRolePolicy(target, call.roleName, call.policyArn, o),
          readBack: async () => ({ changed: !(await attached(call.policyArn)) }),
          check: `aws iam list-attached-role-policies --role-name ${call.roleName}`,
        };
      case 'iam:DeletePolicy':
        return {
          action: call.action,
          subject,
          send: () => port.deletePolicy(target, call.policyArn, o),
          readBack: async () => ({ changed: (await port.getPolicy(target, call.policyArn, o)) === undefined }),
          check: `aws iam get-policy --policy-arn ${call.policyArn}`,
        };
      case 'iam:SetDefaultPolicyVersion':
        return {
          action: call.action,
          subject: `${subject}, version ${call.versionId}`,
          send: () => port.setDefaultPolicyVersion(target, call.policyArn, call.versionId, o),
          readBack: async () => ({ changed: (await port.getPolicy(target, call.policyArn, o))?.defaultVersionId === call.versionId }),
          check: `aws iam get-policy --policy-arn ${call.policyArn}`,
        };
      case 'iam:DeletePolicyVersion':
        return {
          action: call.action,
          subject: `${subject}, version ${call.versionId}`,
          send: () => port.deletePolicyVersion(target, call.policyArn, call.versionId, o),
          readBack: async () => ({ changed: !(await port.listPolicyVersions(target, call.policyArn, o)).some((v) => v.versionId === call.versionId) }),
          check: `aws iam list-policy-versions --policy-arn ${call.policyArn}`,
        };
      case 'iam:RemoveRoleFromInstanceProfile':
        return {
          action: call.action,
          subject,
          send: () => port.removeRoleFromInstanceProfile(target, call.instanceProfileName, call.roleName, o),
          readBack: async () => ({ changed: !((await profileRoles(call.instanceProfileName)) ?? []).includes(call.roleName) }),
          check: `aws iam get-instance-profile --instance-profile-name ${call.instanceProfileName}`,
        };
      case 'iam:DeleteInstanceProfile':
        return {
          action: call.action,
          subject,
          send: () => port.deleteInstanceProfile(target, call.instanceProfileName, o),
          readBack: async () => ({ changed: (await profileRoles(call.instanceProfileName)) === undefined }),
          check: `aws iam get-instance-profile --instance-profile-name ${call.instanceProfileName}`,
        };
    }
  };

  const done: DoneStep[] = [];
  const created: { policyArn?: string } = {};
  for (const step of plan.steps) {
    const w = forward(step, created);
    const result = await run(w, false);
    if (result.outcome === 'applied') {
      if (result.createdPolicyArn) created.policyArn = result.createdPolicyArn;
      done.push({ step, ...(result.createdVersionId ? { createdVersionId: result.createdVersionId } : {}), ...(step.action === 'CreatePolicy' ? { createdPolicyArn: created.policyArn ?? createdPolicyArnOf(step) } : {}) });
      outcome.done.push(step);
      if (result.settledAfter) {
        (outcome.settled ??= []).push({ step, message: `${step.action} failed (${result.settledAfter}), but reading the state back shows it was applied` });
      }
      continue;
    }
    let message = applyErrorMessage(step, result.error);
    if (result.outcome === 'notApplied' && result.error.outcomeUnknown) message += ' (reading the state back shows it did not happen)';
    outcome.failed =
      result.outcome === 'unknown'
        ? { step, outcome: 'unknown', check: w.check, message: `${message}. Whether it happened is unknown: check with ${w.check}` }
        : { step, outcome: 'notApplied', message };
    break;
  }
  if (!outcome.failed) return outcome;

  // Roll back to the recorded state, newest first; a call that fails leaves its step behind, named. A step whose
  // outcome is unknown is rolled back too: putting back what was there is harmless if it never happened.
  const maybeDone = outcome.failed.outcome === 'unknown' ? [...done, { step: outcome.failed.step }] : done;
  const rollback = rollbackPlan(recorded, maybeDone);
  if (rollback.notRestorable.length > 0) outcome.notRestorable = rollback.notRestorable;
  const failedUndo = new Set<ApplyStep>();
  for (const call of rollback.calls) {
    if (failedUndo.has(call.undoes)) continue;
    const w = undo(call);
    const result = await run(w, true);
    if (result.outcome !== 'applied') {
      failedUndo.add(call.undoes);
      const why = result.outcome === 'unknown' ? `${result.message}; whether it happened is unknown: check with ${w.check}` : result.message;
      (outcome.rollbackFailed ??= []).push({ step: call.undoes, message: `Could not ${call.description}: ${why}` });
    }
  }
  const undone = new Set(rollback.calls.map((c) => c.undoes));
  for (const d of [...maybeDone].reverse()) if (undone.has(d.step) && !failedUndo.has(d.step)) outcome.rolledBack.push(d.step);
  return outcome;
}
