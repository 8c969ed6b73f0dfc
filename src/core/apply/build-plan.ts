/**
 * Building the plan of an apply (issue 6) through the port: read what is there (the account, the role, the current
 * document for the mode), then let the pure parts decide (placeholders, the gate, the calls). No write.
 */
import { managedPolicyArn } from '../aws/arn';
import { AwsError } from '../aws/error';
import type { AwsPort, AwsTarget, CallOptions } from '../aws/port';
import { partitionFor } from '../aws/region-list';
import type { LintConfig } from '../lint';
import { iamPath, prettyDocument, sameDocument } from './document';
import { gate, mergeGates, openGate } from './gate';
import { planSteps, type ApplyState, type PolicyVersionState } from './plan';
import type { RecordedState } from './rollback';
import { kindForMode, modesFor, resolvePolicyText } from './resolve';
import type { ApplyPlan, ApplyRequest } from './types';

/** A managed policy's default document (decoded) and its versions. */
export interface ManagedPolicyDocument {
  arn: string;
  text: string;
  defaultVersionId: string;
  versions: PolicyVersionState[];
}

function notFound(message: string): AwsError {
  return new AwsError({ kind: 'other', reason: 'notFound', code: 'NoSuchEntity', message });
}

/**
 * A managed policy's default version, decoded, and its versions (GetPolicy, GetPolicyVersion, ListPolicyVersions);
 * undefined when the policy does not exist. Works for customer managed and AWS managed policies alike.
 */
export async function getManagedPolicyDocument(port: AwsPort, target: AwsTarget, policyArn: string, options: CallOptions = {}): Promise<ManagedPolicyDocument | undefined> {
  const policy = await port.getPolicy(target, policyArn, options);
  if (!policy) return undefined;
  const version = await port.getPolicyVersion(target, policyArn, policy.defaultVersionId, options);
  const versions = await port.listPolicyVersions(target, policyArn, options);
  return { arn: policyArn, text: version.document ?? '', defaultVersionId: policy.defaultVersionId, versions };
}

/** Options of {@link buildPlan}. */
export interface BuildPlanOptions extends CallOptions {
  /** The user's lint configuration for the gate. */
  config?: LintConfig;
}

/**
 * Reads what is there (account id from STS, the role, the current document for the mode) and returns the plan:
 * current and proposed documents pretty-printed, the gate's verdict, whether anything would change, and the calls.
 * Throws an {@link AwsError} (reason `notFound`) for a missing existing role or AWS managed policy, (reason
 * `alreadyExists`) for a new role whose name is taken, and an Error for a mode that does not fit the policy.
 */
export async function buildPlan(port: AwsPort, target: AwsTarget, request: ApplyRequest, options: BuildPlanOptions = {}): Promise<ApplyPlan> {
  const { account: accountId } = await port.getCallerIdentity(target, options);
  const resolved = resolvePolicyText(request.policy, { accountId, region: target.region });
  const choice = modesFor(resolved.kind, request.policy);
  if (!choice.modes.includes(request.mode)) {
    throw new Error(choice.reason ?? `This policy (${resolved.kind}) cannot be applied as: ${request.mode} (possible: ${choice.modes.join(', ')})`);
  }
  if ((request.mode === 'inline' || request.mode === 'customerManaged') && !request.policyName) {
    throw new Error(`Name the policy to apply as: ${request.mode}`);
  }
  const roleName = request.role.roleName;
  const role = await port.getRole(target, roleName, options);
  if (request.role.type === 'existing' && !role) throw notFound(`The role does not exist: ${roleName}`);
  if (request.role.type === 'new' && role) {
    throw new AwsError({ kind: 'other', reason: 'alreadyExists', code: 'EntityAlreadyExists', message: `A role with this name already exists: ${roleName}` });
  }
  const partition = partitionFor(target.region).id;
  const roleArn = role?.arn ?? `arn:${partition}:iam::${accountId}:role${iamPath(request.role.type === 'new' ? request.role.path : '/')}${roleName}`;
  // What a rollback restores: the role's trust policy and attachments as they are now, and below the mode's document.
  const attachedArns = role ? (await port.listAttachedRolePolicies(target, roleName, options)).map((p) => p.arn) : [];
  const recorded: RecordedState = { roleName, roleExisted: role !== undefined, attachedArns };
  if (role) recorded.trustPolicy = role.trustPolicy;
  const isAttached = async (arn: string): Promise<boolean> => attachedArns.includes(arn);

  let current = '';
  let proposed = resolved.text ?? '';
  const state: ApplyState = { roleExists: role !== undefined, sameDocument: false };
  switch (request.mode) {
    case 'inline': {
      const existing = role ? await port.getRolePolicy(target, roleName, request.policyName ?? '', options) : undefined;
      recorded.inlinePolicy = { name: request.policyName ?? '', ...(existing !== undefined ? { document: existing } : {}) };
      current = existing ?? '';
      break;
    }
    case 'trust':
      current = role?.trustPolicy ?? '';
      break;
    case 'attachManaged': {
      const arn = managedPolicyArn(target.region, resolved.managedName ?? '');
      const doc = await getManagedPolicyDocument(port, target, arn, options);
      if (!doc) throw notFound(`No AWS managed policy with this name: ${resolved.managedName ?? ''}`);
      state.policyArn = arn;
      state.attached = await isAttached(arn);
      proposed = doc.text;
      current = state.attached ? doc.text : '';
      break;
    }
    case 'customerManaged': {
      const arn = `arn:${partition}:iam::${accountId}:policy/${request.policyName ?? ''}`;
      const doc = await getManagedPolicyDocument(port, target, arn, options);
      state.policyArn = arn;
      state.policyExists = doc !== undefined;
      state.versions = doc?.versions ?? [];
      state.attached = await isAttached(arn);
      recorded.policy = { arn, existed: doc !== undefined, versionIds: (doc?.versions ?? []).map((v) => v.versionId), ...(doc ? { defaultVersionId: doc.defaultVersionId } : {}) };
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
    recorded,
  };
  if (trustGate) plan.trustGate = trustGate;
  return plan;
}
