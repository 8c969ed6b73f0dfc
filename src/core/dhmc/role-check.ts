/**
 * What Enable DHMC does with the role it is given, decided from what was read (pure): use it, create the default
 * role, repair the default role left without its policy (an earlier AttachRolePolicy failed), or refuse a role
 * whose trust or permissions would leave instances unmanaged. Also the confirmation lines of the role's calls.
 */
import type { AttachedPolicy, Role } from '../aws/port';
import { formatMessage, type Localize } from '../language/localize';
import { DHMC_MANAGED_POLICY } from '../ssm/dhmc';
import { isDhmcManagedPolicyArn, type DhmcRolePermissions } from './role-permissions';
import type { DhmcRole } from './role-value';
import type { DhmcTrustCheck } from './trust-check';

/** What was read about the role (`role` undefined: it does not exist). */
export interface DhmcRoleFacts {
  wanted: DhmcRole;
  /** True for `service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole`, the role Enable may create and repair. */
  isDefault: boolean;
  role?: Role;
  trust?: DhmcTrustCheck;
  permissions?: DhmcRolePermissions;
  attached?: AttachedPolicy[];
}

/** Why a role is refused. */
export type DhmcRoleRefusal = 'notFound' | 'path' | 'noTrustPolicy' | 'trust' | 'trustErrors' | 'permissions';

/** The decision: the calls to make on the role before the settings change, or why not to go on. */
export type DhmcRoleDecision =
  | { action: 'use'; role: Role; trust: DhmcTrustCheck; permissions: DhmcRolePermissions }
  | { action: 'create'; wanted: DhmcRole; policyArn: string }
  | { action: 'repair'; role: Role; trust: DhmcTrustCheck; permissions: DhmcRolePermissions; policyArn: string }
  | { action: 'refuse'; reason: DhmcRoleRefusal; wanted: DhmcRole; role?: Role; trust?: DhmcTrustCheck; permissions?: DhmcRolePermissions };

/**
 * Decides what to do with the role. A missing default role is created; the default role without the essential
 * permissions gets the managed policy attached, unless that policy is already attached (then something else, a
 * Deny, takes them back: refused). Any other role without them is refused, naming the missing actions.
 */
export function decideDhmcRole(facts: DhmcRoleFacts, policyArn: string): DhmcRoleDecision {
  const { wanted, role, trust, permissions } = facts;
  if (!role) return facts.isDefault ? { action: 'create', wanted, policyArn } : { action: 'refuse', reason: 'notFound', wanted };
  const refuse = (reason: DhmcRoleRefusal): DhmcRoleDecision => ({
    action: 'refuse',
    reason,
    wanted,
    role,
    ...(trust ? { trust } : {}),
    ...(permissions ? { permissions } : {}),
  });
  if (role.path !== wanted.path) return refuse('path');
  if (!role.trustPolicy || !trust) return refuse('noTrustPolicy');
  if (!trust.trustsSsm) return refuse('trust');
  if (trust.errors.length > 0) return refuse('trustErrors');
  if (!permissions) return refuse('permissions');
  if (permissions.ok) return { action: 'use', role, trust, permissions };
  const hasPolicy = (facts.attached ?? []).some((p) => isDhmcManagedPolicyArn(p.arn));
  if (facts.isDefault && !hasPolicy) return { action: 'repair', role, trust, permissions, policyArn };
  return refuse('permissions');
}

/** The message of a refusal (plain text). */
export function refusalMessage(decision: Extract<DhmcRoleDecision, { action: 'refuse' }>, t: Localize = formatMessage): string {
  const { wanted, role } = decision;
  switch (decision.reason) {
    case 'notFound':
      return t('There is no IAM role named {0} in the account.', wanted.name);
    case 'path':
      return t('The role {0} is at path {1}, not {2}: Systems Manager would not find it.', wanted.name, role?.path ?? '/', wanted.path);
    case 'noTrustPolicy':
      return t('Could not read the trust policy of the role {0}.', wanted.value);
    case 'trust':
      return t('The trust policy of the role {0} does not let ssm.amazonaws.com call sts:AssumeRole.', wanted.value);
    case 'trustErrors':
      return t('The trust policy of the role {0} has errors: {1}', wanted.value, (decision.trust?.errors ?? []).map((f) => f.message).join('; '));
    default: {
      const missing = decision.permissions?.missing ?? [];
      const unread = decision.permissions?.unread ?? [];
      const base = t(
        'The role {0} does not allow what the SSM Agent needs ({1}): instances would not be managed. Attach {2} (or a policy that allows these actions) and try again.',
        wanted.value,
        missing.join(', '),
        DHMC_MANAGED_POLICY,
      );
      return unread.length > 0 ? `${base} ${t('Could not read: {0}', unread.join(', '))}` : base;
    }
  }
}

/** The lines of the confirmation that name the role's calls (empty for `use`), with the trust policy for a creation. */
export function roleCallLines(decision: DhmcRoleDecision, trustPolicy: string, t: Localize = formatMessage): string[] {
  if (decision.action === 'create') {
    return [
      t('iam:CreateRole {0} (path {1}) with this trust policy:', decision.wanted.name, decision.wanted.path),
      trustPolicy,
      t('iam:AttachRolePolicy {0} to {1}', decision.policyArn, decision.wanted.name),
    ];
  }
  if (decision.action === 'repair') {
    return [
      t('The role {0} lacks the permissions the SSM Agent needs ({1}); it is repaired first:', decision.role.name, decision.permissions.missing.join(', ')),
      t('iam:AttachRolePolicy {0} to {1}', decision.policyArn, decision.role.name),
    ];
  }
  return [];
}

/** The notes on a role used as it is, for the confirmation. */
export function roleUseNotes(decision: Extract<DhmcRoleDecision, { action: 'use' }>, value: string, t: Localize = formatMessage): string[] {
  const notes = [t('The role {0} exists, its trust policy lets ssm.amazonaws.com assume it, and its policies allow what the SSM Agent needs.', value)];
  if (decision.trust.conditional) notes.push(t('Its trust policy has conditions: make sure Systems Manager meets them.'));
  if (decision.permissions.conditional.length > 0) notes.push(t('Its policies allow these actions only under conditions: {0}', decision.permissions.conditional.join(', ')));
  for (const w of decision.trust.warnings) notes.push(t('Trust policy: {0}', w.message));
  return notes;
}
