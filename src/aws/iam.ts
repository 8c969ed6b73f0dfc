/**
 * IAM roles for Default Host Management Configuration: read a role (its trust policy decoded), create the documented
 * role (path /service-role/, the catalog's trust policy, the AWS managed policy attached), and check an existing
 * role's trust policy before DHMC is pointed at it.
 */
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  type Role,
} from '@aws-sdk/client-iam';
import { partitionFor } from '../core/aws/region-list';
import { catalogEntry } from '../core/catalog';
import { checkDhmcTrustPolicy, type DhmcTrustCheck } from '../core/dhmc/trust-check';
import { DHMC_MANAGED_POLICY, DHMC_ROLE_NAME, DHMC_ROLE_PATH } from '../core/ssm/dhmc';
import type { AwsClientFactory, AwsTarget, CallOptions } from './client-factory';
import { AwsCallError, callAws } from './errors';

/** A role, its trust policy decoded. */
export interface RoleInfo {
  name: string;
  /** `/service-role/` for the documented DHMC role; `/` by default. */
  path: string;
  arn: string;
  /** The trust policy text, URL-decoded (IAM returns it URL-encoded). */
  trustPolicy: string;
  createDate?: Date;
  description?: string;
}

/** IAM returns policy documents URL-encoded (RFC 3986); a text that does not decode is returned as is. */
export function decodePolicyDocument(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** The ARN of an AWS managed policy in the target Region's partition. */
export function managedPolicyArn(region: string, name: string): string {
  return `arn:${partitionFor(region).id}:iam::aws:policy/${name}`;
}

function toRole(role: Role | undefined): RoleInfo {
  const out: RoleInfo = {
    name: role?.RoleName ?? '',
    path: role?.Path ?? '/',
    arn: role?.Arn ?? '',
    trustPolicy: decodePolicyDocument(role?.AssumeRolePolicyDocument ?? ''),
  };
  if (role?.CreateDate) out.createDate = role.CreateDate;
  if (role?.Description) out.description = role.Description;
  return out;
}

/** GetRole; undefined when the role does not exist. */
export async function getRole(factory: AwsClientFactory, target: AwsTarget, roleName: string, options: CallOptions = {}): Promise<RoleInfo | undefined> {
  try {
    const out = await callAws({ action: 'iam:GetRole', ...target }, () =>
      factory.client('iam', target).send(new GetRoleCommand({ RoleName: roleName }), { abortSignal: options.abortSignal }),
    );
    return toRole(out.Role);
  } catch (err) {
    if (err instanceof AwsCallError && err.info.reason === 'notFound') return undefined;
    throw err;
  }
}

/** CreateRole with a path and a trust policy (IAM wants the path to start and end with `/`). */
export async function createRole(
  factory: AwsClientFactory,
  target: AwsTarget,
  role: { name: string; path: string; trustPolicy: string; description?: string },
  options: CallOptions = {},
): Promise<RoleInfo> {
  const out = await callAws({ action: 'iam:CreateRole', ...target }, () =>
    factory.client('iam', target).send(
      new CreateRoleCommand({ RoleName: role.name, Path: role.path, AssumeRolePolicyDocument: role.trustPolicy, Description: role.description }),
      { abortSignal: options.abortSignal },
    ),
  );
  return toRole(out.Role);
}

/** AttachRolePolicy with a managed policy ARN. */
export async function attachRolePolicy(factory: AwsClientFactory, target: AwsTarget, roleName: string, policyArn: string, options: CallOptions = {}): Promise<void> {
  await callAws({ action: 'iam:AttachRolePolicy', ...target }, () =>
    factory.client('iam', target).send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }), { abortSignal: options.abortSignal }),
  );
}

/** The names of the managed policies attached to a role. */
export async function listAttachedRolePolicies(factory: AwsClientFactory, target: AwsTarget, roleName: string, options: CallOptions = {}): Promise<string[]> {
  const names: string[] = [];
  let marker: string | undefined;
  do {
    const out = await callAws({ action: 'iam:ListAttachedRolePolicies', ...target }, () =>
      factory.client('iam', target).send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker }), { abortSignal: options.abortSignal }),
    );
    for (const p of out.AttachedPolicies ?? []) if (p.PolicyName) names.push(p.PolicyName);
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return names;
}

/**
 * Creates the DHMC role exactly as the documentation does: CreateRole with the path /service-role/ and the trust policy
 * of the catalog entry `ssm-dhmc-trust`, then AttachRolePolicy AmazonSSMManagedEC2InstanceDefaultPolicy.
 */
export async function createDhmcRole(
  factory: AwsClientFactory,
  target: AwsTarget,
  role: { name?: string; path?: string } = {},
  options: CallOptions = {},
): Promise<RoleInfo> {
  const trust = catalogEntry('ssm-dhmc-trust');
  if (!trust) throw new Error('The catalog has no entry ssm-dhmc-trust');
  const name = role.name ?? DHMC_ROLE_NAME;
  const created = await createRole(
    factory,
    target,
    { name, path: role.path ?? DHMC_ROLE_PATH, trustPolicy: trust.text, description: 'Lets Systems Manager manage EC2 instances (Default Host Management Configuration).' },
    options,
  );
  await attachRolePolicy(factory, target, name, managedPolicyArn(target.region, DHMC_MANAGED_POLICY), options);
  return created;
}

/** A role and what its trust policy allows, for "use an existing role". */
export interface RoleTrustCheck {
  role: RoleInfo;
  check: DhmcTrustCheck;
}

/** Reads a role and checks its trust policy (linter + trusts ssm.amazonaws.com for sts:AssumeRole); undefined when it does not exist. */
export async function checkRoleTrust(factory: AwsClientFactory, target: AwsTarget, roleName: string, options: CallOptions = {}): Promise<RoleTrustCheck | undefined> {
  const role = await getRole(factory, target, roleName, options);
  if (!role) return undefined;
  return { role, check: await checkDhmcTrustPolicy(role.trustPolicy) };
}
