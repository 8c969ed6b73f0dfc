/**
 * The DHMC role through the port: create it as the documentation does, make sure the default one exists, and check
 * an existing role's trust policy before DHMC is pointed at it.
 */
import { managedPolicyArn } from '../aws/arn';
import { isAwsError } from '../aws/error';
import type { AwsPort, AwsTarget, CallOptions, Role } from '../aws/port';
import { catalogEntry } from '../catalog';
import { DHMC_MANAGED_POLICY, DHMC_ROLE_NAME, DHMC_ROLE_PATH } from '../ssm/dhmc';
import { checkDhmcTrustPolicy, type DhmcTrustCheck } from './trust-check';

/**
 * Creates the DHMC role exactly as the documentation does: CreateRole with the path /service-role/ and the trust policy
 * of the catalog entry `ssm-dhmc-trust`, then AttachRolePolicy AmazonSSMManagedEC2InstanceDefaultPolicy.
 */
export async function createDhmcRole(port: AwsPort, target: AwsTarget, role: { name?: string; path?: string } = {}, options: CallOptions = {}): Promise<Role> {
  const trust = catalogEntry('ssm-dhmc-trust');
  if (!trust) throw new Error('The catalog has no entry ssm-dhmc-trust');
  const name = role.name ?? DHMC_ROLE_NAME;
  const created = await port.createRole(
    target,
    { name, path: role.path ?? DHMC_ROLE_PATH, trustPolicy: trust.text, description: 'Lets Systems Manager manage EC2 instances (Default Host Management Configuration).' },
    options,
  );
  await port.attachRolePolicy(target, name, managedPolicyArn(target.region, DHMC_MANAGED_POLICY), options);
  return created;
}

/** What making sure the default DHMC role exists did. */
export interface EnsureRoleResult {
  /** True when the role was created now (CreateRole + AttachRolePolicy); false when it already existed. */
  created: boolean;
  role: Role;
}

/**
 * Makes sure `service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole` exists, exactly as the docs create it
 * ({@link createDhmcRole}); a role created by someone else in the meantime is used as it is.
 */
export async function ensureDefaultDhmcRole(port: AwsPort, target: AwsTarget, options: CallOptions = {}): Promise<EnsureRoleResult> {
  const existing = await port.getRole(target, DHMC_ROLE_NAME, options);
  if (existing) return { created: false, role: existing };
  try {
    return { created: true, role: await createDhmcRole(port, target, {}, options) };
  } catch (err) {
    if (isAwsError(err) && err.reason === 'alreadyExists') {
      const role = await port.getRole(target, DHMC_ROLE_NAME, options);
      if (role) return { created: false, role };
    }
    throw err;
  }
}

/** A role and what its trust policy allows, for "use an existing role". */
export interface RoleTrustCheck {
  role: Role;
  check: DhmcTrustCheck;
}

/** Reads a role and checks its trust policy (linter + trusts ssm.amazonaws.com for sts:AssumeRole); undefined when it does not exist. */
export async function checkRoleTrust(port: AwsPort, target: AwsTarget, roleName: string, options: CallOptions = {}): Promise<RoleTrustCheck | undefined> {
  const role = await port.getRole(target, roleName, options);
  if (!role) return undefined;
  return { role, check: await checkDhmcTrustPolicy(role.trustPolicy) };
}
