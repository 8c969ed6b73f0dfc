/**
 * Applying a policy to a role (issue 6): read the role's current documents (decoded), plan the calls from
 * src/core/apply, and run them with a step log, rolling back what the run created when a step fails.
 */
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  SetDefaultPolicyVersionCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  applyErrorMessage,
  decodeIamDocument,
  gate,
  kindForMode,
  mergeGates,
  modesFor,
  openGate,
  planSteps,
  prettyDocument,
  resolvePolicyText,
  sameDocument,
  type ApplyLogEntry,
  type ApplyOutcome,
  type ApplyPlan,
  type ApplyRequest,
  type ApplyState,
  type ApplyStep,
  type PolicyVersionState,
} from '../core/apply';
import { partitionFor } from '../core/aws/region-list';
import type { LintConfig } from '../core/lint';
import type { AwsClientFactory, AwsTarget, CallOptions } from './client-factory';
import { AwsCallError, callAws } from './errors';
import { getRole, managedPolicyArn, type RoleInfo } from './iam';
import { getCallerIdentity } from './sts';

/** A managed policy attached to a role. */
export interface AttachedPolicy {
  name: string;
  arn: string;
}

/** A managed policy's default document (decoded) and its versions. */
export interface ManagedPolicyDocument {
  arn: string;
  text: string;
  defaultVersionId: string;
  versions: PolicyVersionState[];
}

function iam(factory: AwsClientFactory, target: AwsTarget) {
  return factory.client('iam', target);
}

function notFound(message: string): AwsCallError {
  return new AwsCallError({ kind: 'other', reason: 'notFound', code: 'NoSuchEntity', message });
}

function isNotFound(err: unknown): boolean {
  return err instanceof AwsCallError && err.info.reason === 'notFound';
}

/** Every role of the account (ListRoles, all pages), optionally under a path prefix; trust policies decoded. */
export async function listRoles(factory: AwsClientFactory, target: AwsTarget, filter: { pathPrefix?: string } = {}, options: CallOptions = {}): Promise<RoleInfo[]> {
  const roles: RoleInfo[] = [];
  let marker: string | undefined;
  do {
    const out = await callAws({ action: 'iam:ListRoles', ...target }, () =>
      iam(factory, target).send(new ListRolesCommand({ PathPrefix: filter.pathPrefix, Marker: marker }), { abortSignal: options.abortSignal }),
    );
    for (const r of out.Roles ?? []) {
      const role: RoleInfo = { name: r.RoleName ?? '', path: r.Path ?? '/', arn: r.Arn ?? '', trustPolicy: decodeIamDocument(r.AssumeRolePolicyDocument ?? '') };
      if (r.CreateDate) role.createDate = r.CreateDate;
      if (r.Description) role.description = r.Description;
      roles.push(role);
    }
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return roles;
}

/** An inline policy of a role, decoded; undefined when the role has no policy of that name. */
export async function getInlinePolicy(factory: AwsClientFactory, target: AwsTarget, roleName: string, policyName: string, options: CallOptions = {}): Promise<string | undefined> {
  try {
    const out = await callAws({ action: 'iam:GetRolePolicy', ...target }, () =>
      iam(factory, target).send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }), { abortSignal: options.abortSignal }),
    );
    return decodeIamDocument(out.PolicyDocument ?? '');
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** A role's trust policy, decoded; undefined when the role does not exist. */
export async function getTrustPolicy(factory: AwsClientFactory, target: AwsTarget, roleName: string, options: CallOptions = {}): Promise<string | undefined> {
  return (await getRole(factory, target, roleName, options))?.trustPolicy;
}

/** The managed policies attached to a role (all pages), names and ARNs. */
export async function listAttachedPolicies(factory: AwsClientFactory, target: AwsTarget, roleName: string, options: CallOptions = {}): Promise<AttachedPolicy[]> {
  const out: AttachedPolicy[] = [];
  let marker: string | undefined;
  do {
    const page = await callAws({ action: 'iam:ListAttachedRolePolicies', ...target }, () =>
      iam(factory, target).send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker }), { abortSignal: options.abortSignal }),
    );
    for (const p of page.AttachedPolicies ?? []) out.push({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' });
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return out;
}

/** The versions of a managed policy. */
export async function listPolicyVersions(factory: AwsClientFactory, target: AwsTarget, policyArn: string, options: CallOptions = {}): Promise<PolicyVersionState[]> {
  const versions: PolicyVersionState[] = [];
  let marker: string | undefined;
  do {
    const out = await callAws({ action: 'iam:ListPolicyVersions', ...target }, () =>
      iam(factory, target).send(new ListPolicyVersionsCommand({ PolicyArn: policyArn, Marker: marker }), { abortSignal: options.abortSignal }),
    );
    for (const v of out.Versions ?? []) {
      const version: PolicyVersionState = { versionId: v.VersionId ?? '', isDefault: v.IsDefaultVersion ?? false };
      if (v.CreateDate) version.createDate = v.CreateDate;
      versions.push(version);
    }
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return versions;
}

/**
 * A managed policy's default version, decoded, and its versions; undefined when the policy does not exist. Works for
 * customer managed and AWS managed policies alike.
 */
export async function getCustomerManagedPolicyDocument(
  factory: AwsClientFactory,
  target: AwsTarget,
  policyArn: string,
  options: CallOptions = {},
): Promise<ManagedPolicyDocument | undefined> {
  let defaultVersionId: string;
  try {
    const out = await callAws({ action: 'iam:GetPolicy', ...target }, () =>
      iam(factory, target).send(new GetPolicyCommand({ PolicyArn: policyArn }), { abortSignal: options.abortSignal }),
    );
    defaultVersionId = out.Policy?.DefaultVersionId ?? 'v1';
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
  const version = await callAws({ action: 'iam:GetPolicyVersion', ...target }, () =>
    iam(factory, target).send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: defaultVersionId }), { abortSignal: options.abortSignal }),
  );
  const versions = await listPolicyVersions(factory, target, policyArn, options);
  return { arn: policyArn, text: decodeIamDocument(version.PolicyVersion?.Document ?? ''), defaultVersionId, versions };
}

/** The document as sent to IAM: compact JSON (IAM's size quotas do not count whitespace, but the request is smaller). */
function compact(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

function rolePath(path: string): string {
  const p = path.trim() || '/';
  return `${p.startsWith('/') ? '' : '/'}${p}${p.endsWith('/') ? '' : '/'}`;
}

/** Options of {@link buildPlan}. */
export interface BuildPlanOptions extends CallOptions {
  /** The user's lint configuration for the gate. */
  config?: LintConfig;
}

/**
 * Reads what is there (account id from STS, the role, the current document for the mode) and returns the plan:
 * current and proposed documents pretty-printed, the gate's verdict, whether anything would change, and the calls.
 * Throws an {@link AwsCallError} (reason `notFound`) for a missing existing role or AWS managed policy, (reason
 * `alreadyExists`) for a new role whose name is taken, and an Error for a mode that does not fit the policy.
 */
export async function buildPlan(factory: AwsClientFactory, target: AwsTarget, request: ApplyRequest, options: BuildPlanOptions = {}): Promise<ApplyPlan> {
  const { account: accountId } = await getCallerIdentity(factory, target, options);
  const resolved = resolvePolicyText(request.policy, { accountId, region: target.region });
  const choice = modesFor(resolved.kind, request.policy);
  if (!choice.modes.includes(request.mode)) {
    throw new Error(choice.reason ?? `This policy (${resolved.kind}) cannot be applied as: ${request.mode} (possible: ${choice.modes.join(', ')})`);
  }
  if ((request.mode === 'inline' || request.mode === 'customerManaged') && !request.policyName) {
    throw new Error(`Name the policy to apply as: ${request.mode}`);
  }
  const roleName = request.role.roleName;
  const role = await getRole(factory, target, roleName, options);
  if (request.role.type === 'existing' && !role) throw notFound(`The role does not exist: ${roleName}`);
  if (request.role.type === 'new' && role) {
    throw new AwsCallError({ kind: 'other', reason: 'alreadyExists', code: 'EntityAlreadyExists', message: `A role with this name already exists: ${roleName}` });
  }
  const partition = partitionFor(target.region).id;
  const roleArn = role?.arn ?? `arn:${partition}:iam::${accountId}:role${rolePath(request.role.type === 'new' ? request.role.path : '/')}${roleName}`;

  let current = '';
  let proposed = resolved.text ?? '';
  const state: ApplyState = { roleExists: role !== undefined, sameDocument: false };
  switch (request.mode) {
    case 'inline':
      current = (role && (await getInlinePolicy(factory, target, roleName, request.policyName ?? '', options))) ?? '';
      break;
    case 'trust':
      current = role?.trustPolicy ?? '';
      break;
    case 'attachManaged': {
      const arn = managedPolicyArn(target.region, resolved.managedName ?? '');
      const doc = await getCustomerManagedPolicyDocument(factory, target, arn, options);
      if (!doc) throw notFound(`No AWS managed policy with this name: ${resolved.managedName ?? ''}`);
      state.policyArn = arn;
      state.attached = role ? (await listAttachedPolicies(factory, target, roleName, options)).some((p) => p.arn === arn) : false;
      proposed = doc.text;
      current = state.attached ? doc.text : '';
      break;
    }
    case 'customerManaged': {
      const arn = `arn:${partition}:iam::${accountId}:policy/${request.policyName ?? ''}`;
      const doc = await getCustomerManagedPolicyDocument(factory, target, arn, options);
      state.policyArn = arn;
      state.policyExists = doc !== undefined;
      state.versions = doc?.versions ?? [];
      state.attached = role ? (await listAttachedPolicies(factory, target, roleName, options)).some((p) => p.arn === arn) : false;
      current = doc?.text ?? '';
      break;
    }
  }
  state.sameDocument = current !== '' && sameDocument(current, proposed);

  let policyGate = request.mode === 'attachManaged' ? openGate() : await gate(proposed, kindForMode(request.mode), { config: options.config, placeholders: resolved.unfilled });
  let trustGate;
  if (request.role.type === 'new' && request.mode !== 'trust') {
    trustGate = await gate(request.role.trustPolicyText, 'trust', { config: options.config });
    policyGate = mergeGates(policyGate, trustGate);
  }
  const steps = planSteps(request, state);
  const plan: ApplyPlan = {
    request,
    accountId,
    roleArn,
    currentText: prettyDocument(current),
    proposedText: prettyDocument(proposed),
    gate: policyGate,
    noChange: steps.length === 0,
    steps,
  };
  if (trustGate) plan.trustGate = trustGate;
  return plan;
}

/** Options of {@link applyPlan}. */
export interface ApplyOptions extends CallOptions {
  /** Called with each log entry as it happens (the log channel). */
  onLog?: (entry: ApplyLogEntry) => void;
}

/** Thrown by {@link applyPlan} for a plan the gate blocks: nothing was called. */
export class ApplyBlockedError extends Error {
  override readonly name = 'ApplyBlockedError';
}

function subject(step: ApplyStep): string {
  return [
    step.roleName ? `role ${step.roleName}` : '',
    step.policyName ? `policy ${step.policyName}` : '',
    step.policyArn && !step.policyName ? step.policyArn : '',
    step.versionId ? `version ${step.versionId}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Runs a plan's calls in order. On a failure, undoes what this run created, in reverse order (the inline policies
 * and attachments of a role it created, then the role; a policy version it created; a policy it created) and says
 * precisely what was done, what failed and what was rolled back. A deleted old policy version cannot be restored.
 * A plan with no change makes no call; a blocked plan throws {@link ApplyBlockedError} before any call.
 */
export async function applyPlan(factory: AwsClientFactory, target: AwsTarget, plan: ApplyPlan, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  if (plan.gate.blocked) {
    throw new ApplyBlockedError(`The linter blocks this document: ${plan.gate.errors.map((e) => `${e.ruleId}: ${e.message}`).join('; ')}`);
  }
  const log: ApplyLogEntry[] = [];
  const outcome: ApplyOutcome = { done: [], rolledBack: [], noChange: plan.noChange, log };
  if (plan.noChange) return outcome;
  const client = iam(factory, target);
  const send = { abortSignal: options.abortSignal };
  const request = plan.request;
  const record = (entry: ApplyLogEntry): void => {
    log.push(entry);
    options.onLog?.(entry);
  };
  /** Runs one call, logging it; rethrows the classified error. */
  const call = async <T>(action: string, about: string, rollback: boolean, run: () => Promise<T>): Promise<T> => {
    try {
      const out = await callAws({ action: `iam:${action}`, ...target }, run);
      record({ action: `iam:${action}`, subject: about, ok: true, ...(rollback ? { rollback } : {}) });
      return out;
    } catch (err) {
      const message = err instanceof AwsCallError ? err.message : String(err);
      record({ action: `iam:${action}`, subject: about, ok: false, message, ...(rollback ? { rollback } : {}) });
      throw err;
    }
  };

  const document = compact(plan.proposedText);
  let createdPolicyArn: string | undefined;
  let createdVersionId: string | undefined;
  for (const step of plan.steps) {
    const about = subject(step);
    try {
      switch (step.action) {
        case 'CreateRole': {
          if (request.role.type !== 'new') throw new Error('CreateRole needs a new role target');
          const trust = request.mode === 'trust' ? document : compact(request.role.trustPolicyText);
          const path = rolePath(request.role.path);
          await call(step.action, about, false, () => client.send(new CreateRoleCommand({ RoleName: request.role.roleName, Path: path, AssumeRolePolicyDocument: trust }), send));
          break;
        }
        case 'PutRolePolicy':
          await call(step.action, about, false, () =>
            client.send(new PutRolePolicyCommand({ RoleName: request.role.roleName, PolicyName: request.policyName, PolicyDocument: document }), send),
          );
          break;
        case 'UpdateAssumeRolePolicy':
          await call(step.action, about, false, () => client.send(new UpdateAssumeRolePolicyCommand({ RoleName: request.role.roleName, PolicyDocument: document }), send));
          break;
        case 'AttachRolePolicy':
          await call(step.action, about, false, () =>
            client.send(new AttachRolePolicyCommand({ RoleName: request.role.roleName, PolicyArn: createdPolicyArn ?? step.policyArn }), send),
          );
          break;
        case 'CreatePolicy': {
          const out = await call(step.action, about, false, () => client.send(new CreatePolicyCommand({ PolicyName: request.policyName, PolicyDocument: document }), send));
          createdPolicyArn = out.Policy?.Arn ?? step.policyArn;
          break;
        }
        case 'DeletePolicyVersion':
          await call(step.action, about, false, () => client.send(new DeletePolicyVersionCommand({ PolicyArn: step.policyArn, VersionId: step.versionId }), send));
          break;
        case 'CreatePolicyVersion': {
          const out = await call(step.action, about, false, () =>
            client.send(new CreatePolicyVersionCommand({ PolicyArn: step.policyArn, PolicyDocument: document, SetAsDefault: true }), send),
          );
          createdVersionId = out.PolicyVersion?.VersionId;
          break;
        }
      }
      outcome.done.push(step);
    } catch (err) {
      const message = err instanceof AwsCallError ? applyErrorMessage(step, err.info) : `Could not ${step.description}: ${err instanceof Error ? err.message : String(err)}`;
      outcome.failed = { step, message };
      break;
    }
  }
  if (!outcome.failed) return outcome;

  // Roll back what this run created, newest first.
  const roleCreated = outcome.done.some((s) => s.action === 'CreateRole');
  const roleName = request.role.roleName;
  for (const step of [...outcome.done].reverse()) {
    const about = subject(step);
    try {
      switch (step.action) {
        case 'PutRolePolicy':
          if (!roleCreated) continue;
          await call('DeleteRolePolicy', about, true, () => client.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: request.policyName }), send));
          break;
        case 'AttachRolePolicy':
          if (!roleCreated && !createdPolicyArn) continue;
          await call('DetachRolePolicy', about, true, () => client.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: createdPolicyArn ?? step.policyArn }), send));
          break;
        case 'CreateRole':
          await call('DeleteRole', about, true, () => client.send(new DeleteRoleCommand({ RoleName: roleName }), send));
          break;
        case 'CreatePolicy':
          await call('DeletePolicy', about, true, () => client.send(new DeletePolicyCommand({ PolicyArn: createdPolicyArn ?? step.policyArn }), send));
          break;
        case 'CreatePolicyVersion': {
          if (!createdVersionId || !step.policyArn) continue;
          const policyArn = step.policyArn;
          // The new version is the default: make the newest other version the default again, then delete the new one.
          const others = (await listPolicyVersions(factory, target, policyArn, options)).filter((v) => v.versionId !== createdVersionId);
          const previous = others.sort((a, b) => (b.createDate?.getTime() ?? 0) - (a.createDate?.getTime() ?? 0) || versionNumber(b.versionId) - versionNumber(a.versionId))[0];
          if (previous) {
            await call('SetDefaultPolicyVersion', `${about}, version ${previous.versionId}`, true, () =>
              client.send(new SetDefaultPolicyVersionCommand({ PolicyArn: policyArn, VersionId: previous.versionId }), send),
            );
          }
          const versionId = createdVersionId;
          await call('DeletePolicyVersion', `${about}, version ${versionId}`, true, () => client.send(new DeletePolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }), send));
          break;
        }
        default:
          // UpdateAssumeRolePolicy, DeletePolicyVersion, PutRolePolicy on an existing role: changes, not creations; kept.
          continue;
      }
      outcome.rolledBack.push(step);
    } catch (err) {
      const message = err instanceof AwsCallError ? err.message : String(err);
      (outcome.rollbackFailed ??= []).push({ step, message: `Could not undo: ${step.description}: ${message}` });
    }
  }
  return outcome;
}

function versionNumber(id: string): number {
  const n = Number(/(\d+)$/.exec(id)?.[1]);
  return Number.isFinite(n) ? n : 0;
}
