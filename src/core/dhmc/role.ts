/**
 * The DHMC role through the port: check a role's trust policy and permissions before DHMC is pointed at it, and
 * create the default role as the documentation does (or repair it) with writes that settle ambiguous failures.
 */
import { managedPolicyArn } from '../aws/arn';
import type { AwsError } from '../aws/error';
import type { AttachedPolicy, AwsPort, AwsTarget, CallOptions } from '../aws/port';
import { sendAndSettle, type SettledWrite, type WriteOutcome } from '../aws/writes';
import { catalogEntry } from '../catalog';
import { formatMessage, type Localize } from '../language/localize';
import { DHMC_MANAGED_POLICY } from '../ssm/dhmc';
import { decideDhmcRole, type DhmcRoleDecision } from './role-check';
import { checkDhmcRolePermissions, knownManagedPolicyText, type RolePolicyDocument } from './role-permissions';
import { DEFAULT_DHMC_ROLE, parseDhmcRoleValue } from './role-value';
import { checkDhmcTrustPolicy } from './trust-check';

/** The trust policy the default role is created with (the catalog entry `ssm-dhmc-trust`). */
export function dhmcTrustPolicy(): string {
  const trust = catalogEntry('ssm-dhmc-trust');
  if (!trust) throw new Error('The catalog has no entry ssm-dhmc-trust');
  return trust.text;
}

/**
 * The documents of a role's policies: the attached policies given (AWS managed from the catalog's copies
 * {@link knownManagedPolicyText}; customer managed from their default version (GetPolicy, GetPolicyVersion)),
 * inline ones (ListRolePolicies, GetRolePolicy). A document that cannot be known has `text` undefined.
 */
export async function readRolePolicies(
  port: AwsPort,
  target: AwsTarget,
  roleName: string,
  attached: readonly AttachedPolicy[],
  options: CallOptions = {},
): Promise<RolePolicyDocument[]> {
  const inline = await port.listRolePolicies(target, roleName, options);
  const managed = attached.map(async (p): Promise<RolePolicyDocument> => {
    if (/^arn:[a-z-]+:iam::aws:policy\//.test(p.arn)) return { source: p.arn, text: knownManagedPolicyText(p.arn) };
    const policy = await port.getPolicy(target, p.arn, options);
    if (!policy) return { source: p.arn, text: undefined };
    const version = await port.getPolicyVersion(target, p.arn, policy.defaultVersionId, options);
    return { source: p.arn, text: version.document };
  });
  const inlineDocs = inline.map(async (name): Promise<RolePolicyDocument> => ({ source: `inline:${name}`, text: await port.getRolePolicy(target, roleName, name, options) }));
  return Promise.all([...managed, ...inlineDocs]);
}

/**
 * Reads the role a DHMC setting value names (GetRole; if it exists, its trust policy, attached and inline policies)
 * and decides what Enable does with it ({@link decideDhmcRole}). Rejects with the read's AwsError.
 */
export async function inspectDhmcRole(port: AwsPort, target: AwsTarget, value: string, options: CallOptions = {}): Promise<DhmcRoleDecision> {
  const wanted = parseDhmcRoleValue(value);
  if (!wanted) throw new Error(`Not a role for the DHMC setting: ${value}`);
  const isDefault = wanted.value === DEFAULT_DHMC_ROLE.value;
  const policyArn = managedPolicyArn(target.region, DHMC_MANAGED_POLICY);
  const role = await port.getRole(target, wanted.name, options);
  if (!role) return decideDhmcRole({ wanted, isDefault }, policyArn);
  // The attachments are listed once: the decision reads them, and so does reading the policies' documents.
  const listed = port.listAttachedRolePolicies(target, wanted.name, options);
  const [trust, attached, documents] = await Promise.all([
    checkDhmcTrustPolicy(role.trustPolicy),
    listed,
    listed.then((a) => readRolePolicies(port, target, wanted.name, a, options)),
  ]);
  return decideDhmcRole({ wanted, isDefault, role, trust, attached, permissions: checkDhmcRolePermissions(documents) }, policyArn);
}

/** One write on the role, and how it ended. */
export interface RoleStep {
  call: 'iam:CreateRole' | 'iam:AttachRolePolicy' | 'iam:DeleteRole';
  outcome: WriteOutcome;
  error?: AwsError;
}

/** What setting up the role did: `ok` when the role is ready and the settings may change. */
export interface RoleSetupResult {
  ok: boolean;
  created: boolean;
  repaired: boolean;
  steps: RoleStep[];
  /** After a failed AttachRolePolicy on a role created now: `deleted` (back to no role), or `failed`. */
  rollback?: 'deleted' | 'failed';
  /** What happened, when `ok` is false (plain text). */
  message?: string;
}

/** Runs a write; after an ambiguous failure asks `readBack` whether the state shows it, and settles. */
function settledWrite(run: () => Promise<unknown>, readBack: () => Promise<boolean>): Promise<SettledWrite<unknown, boolean>> {
  return sendAndSettle(run, readBack, (shows) => shows);
}

/**
 * Makes the role calls a decision asks for: `create` (CreateRole, then AttachRolePolicy) or `repair`
 * (AttachRolePolicy). An ambiguous failure is settled by reading back (GetRole, ListAttachedRolePolicies). When
 * AttachRolePolicy fails on a role created now, the role is deleted (it did not exist before); if that fails too,
 * the message says the role is left without permissions and that the next Enable repairs it. Never rejects.
 */
export async function setUpDhmcRole(port: AwsPort, target: AwsTarget, decision: DhmcRoleDecision, options: CallOptions = {}, t: Localize = formatMessage): Promise<RoleSetupResult> {
  const result: RoleSetupResult = { ok: false, created: false, repaired: false, steps: [] };
  if (decision.action === 'use') return { ...result, ok: true };
  if (decision.action === 'refuse') return result;
  const name = decision.action === 'create' ? decision.wanted.name : decision.role.name;
  const policyArn = decision.policyArn;
  const record = (call: RoleStep['call'], r: { outcome: WriteOutcome; error?: AwsError }): void => {
    result.steps.push(r.error ? { call, outcome: r.outcome, error: r.error } : { call, outcome: r.outcome });
  };
  let createdNow = false;
  if (decision.action === 'create') {
    const created = await settledWrite(
      () => port.createRole(target, { name, path: decision.wanted.path, trustPolicy: dhmcTrustPolicy(), description: 'Lets Systems Manager manage EC2 instances (Default Host Management Configuration).' }, options),
      async () => (await port.getRole(target, name, options)) !== undefined,
    );
    const existed = created.error?.reason === 'alreadyExists';
    record('iam:CreateRole', created);
    if (created.outcome === 'unknown') {
      result.message = t(
        'Outcome unknown: iam:CreateRole {0} did not answer in time and the role does not exist yet; it may appear in a moment. No setting was changed; run Enable again, which checks the role and repairs it. ({1})',
        name,
        created.error?.message ?? '',
      );
      return result;
    }
    if (created.outcome === 'notApplied' && !existed) {
      result.message = t('Could not create the role {0}; no setting was changed: {1}', name, created.error?.message ?? '');
      return result;
    }
    // Created by someone else in the meantime: attach (harmless if attached), but never delete it.
    createdNow = !existed;
    result.created = createdNow;
  }
  const attached = await settledWrite(
    () => port.attachRolePolicy(target, name, policyArn, options),
    async () => (await port.listAttachedRolePolicies(target, name, options)).some((p) => p.arn === policyArn),
  );
  record('iam:AttachRolePolicy', attached);
  if (attached.outcome === 'applied') {
    result.ok = true;
    result.repaired = decision.action === 'repair';
    return result;
  }
  const why = attached.error?.message ?? '';
  if (attached.outcome === 'unknown') {
    result.message = t(
      'Outcome unknown: iam:AttachRolePolicy {0} to {1} did not answer in time and the policy is not attached yet; it may be in a moment. No setting was changed; run Enable again, which checks the role and repairs it. ({2})',
      policyArn,
      name,
      why,
    );
    return result;
  }
  if (!createdNow) {
    result.message = t('Could not attach {0} to the role {1}; no setting was changed: {2}', policyArn, name, why);
    return result;
  }
  const deleted = await settledWrite(
    () => port.deleteRole(target, name, options),
    async () => (await port.getRole(target, name, options)) === undefined,
  );
  record('iam:DeleteRole', deleted);
  if (deleted.outcome === 'applied') {
    result.rollback = 'deleted';
    result.message = t('Could not attach {0} to the new role {1}: {2} Rolled back: the role was deleted, as it did not exist before. No setting was changed.', policyArn, name, why);
  } else {
    result.rollback = 'failed';
    result.message = t(
      'Could not attach {0} to the new role {1}: {2} The rollback failed too ({3}): the role is left without permissions. No setting was changed; the next Enable DHMC repairs the role.',
      policyArn,
      name,
      why,
      deleted.error?.message ?? '',
    );
  }
  return result;
}
