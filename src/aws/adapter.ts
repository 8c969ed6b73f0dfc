/**
 * The adapter of the AWS wing: {@link AwsPort} over the AWS SDK. Each method is one SDK call (a list: the SDK's
 * paginator, every page) that returns the core types of src/core/aws/port.ts; every failure becomes an
 * {@link AwsError} for the call's action, Region and profile, and is logged (classified: no secret). Reads retry
 * as the SDK does; a write is sent by a client that makes one attempt, and sent again only when
 * src/core/aws/writes.ts says a second attempt cannot do harm (throttled, never sent, or an idempotent write).
 */
import { DescribeRegionsCommand, ModifyInstanceMetadataOptionsCommand, paginateDescribeInstances, type Instance as SdkInstance } from '@aws-sdk/client-ec2';
import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetInstanceProfileCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  SetDefaultPolicyVersionCommand,
  UpdateAssumeRolePolicyCommand,
  paginateListAttachedRolePolicies,
  paginateListInstanceProfilesForRole,
  paginateListPolicyVersions,
  paginateListRolePolicies,
  paginateListRoles,
  type InstanceProfile as SdkInstanceProfile,
  type Policy as SdkPolicy,
  type PolicyVersion as SdkPolicyVersion,
  type Role as SdkRole,
} from '@aws-sdk/client-iam';
import {
  DeregisterDefaultHostManagementConfigurationCommand,
  GetServiceSettingCommand,
  RegisterDefaultHostManagementConfigurationCommand,
  ResetServiceSettingCommand,
  UpdateServiceSettingCommand,
  paginateDescribeInstanceInformation,
  paginateGetParametersByPath,
  type ServiceSetting as SdkServiceSetting,
} from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { decodeIamDocument } from '../core/apply/document';
import { AwsError, classifyAwsError, type AwsCallContext } from '../core/aws/error';
import { mayRetryWrite, type WriteAction } from '../core/aws/writes';
import type { AwsPort, AwsTarget, CallOptions, Ec2Instance, InstanceProfile, ManagedPolicy, PolicyVersion, Role, ServiceSetting } from '../core/aws/port';
import { ssmRegionsFrom, type Ec2RegionInfo } from '../core/aws/region-list';
import { AwsClientFactory, type ClientFactoryOptions } from './client-factory';
import { homeRegion, listProfiles } from './profiles';

/** The public parameters that list the Regions where Systems Manager is offered. */
export const SSM_REGIONS_PATH = '/aws/service/global-infrastructure/services/ssm/regions';

/** Options of {@link createAwsAdapter}. */
export interface AwsAdapterOptions extends ClientFactoryOptions {
  /** DescribeInstances' page size (5 to 1000; 1000 by default): the tests page through a few instances with a small one. */
  instancePageSize?: number;
  /** The client factory to use (tests pass one that records calls); by default one of its own. */
  factory?: AwsClientFactory;
  /** Receives one line per failed call: action, Region, profile, kind and the classified (secret-free) message. */
  log?: (line: string) => void;
  /** Attempts per write when a retry is safe (default: maxAttempts, else 3), and the first back-off in ms (default 200, doubled each time). */
  writeAttempts?: number;
  writeBackoffMs?: number;
}

/** The adapter, plus `dispose()` to destroy the cached clients. */
export type AwsAdapter = AwsPort & { dispose(): void };

/** Classifies anything thrown by an AWS call (an AwsError passes through); credential errors look at the profile files. */
export async function toCallError(err: unknown, ctx: AwsCallContext = {}): Promise<AwsError> {
  if (!ctx.profile) return classifyAwsError(err, ctx);
  // The provider chain says only "Could not load credentials from any providers"; the files tell which case it is.
  const profile = await listProfiles().then(
    (all) => all.find((p) => p.name === ctx.profile),
    () => undefined,
  );
  return classifyAwsError(err, { ...ctx, ssoProfile: ctx.ssoProfile ?? profile?.kind === 'sso', profileMissing: ctx.profileMissing ?? !profile });
}

function toRole(r: SdkRole | undefined): Role {
  const role: Role = { name: r?.RoleName ?? '', path: r?.Path ?? '/', arn: r?.Arn ?? '', trustPolicy: decodeIamDocument(r?.AssumeRolePolicyDocument ?? '') };
  if (r?.CreateDate) role.createDate = r.CreateDate;
  if (r?.Description) role.description = r.Description;
  return role;
}

function toSetting(s: SdkServiceSetting | undefined, id: string): ServiceSetting {
  const out: ServiceSetting = { id: s?.SettingId ?? id, value: s?.SettingValue ?? '', status: s?.Status ?? '' };
  if (s?.LastModifiedDate) out.lastModifiedDate = s.LastModifiedDate;
  if (s?.LastModifiedUser) out.lastModifiedUser = s.LastModifiedUser;
  if (s?.ARN) out.arn = s.ARN;
  return out;
}

function toPolicy(p: SdkPolicy | undefined, arn: string): ManagedPolicy {
  return { arn: p?.Arn ?? arn, name: p?.PolicyName ?? '', defaultVersionId: p?.DefaultVersionId ?? 'v1' };
}

function toVersion(v: SdkPolicyVersion | undefined): PolicyVersion {
  const version: PolicyVersion = { versionId: v?.VersionId ?? '', isDefault: v?.IsDefaultVersion ?? false };
  if (v?.CreateDate) version.createDate = v.CreateDate;
  if (v?.Document !== undefined) version.document = decodeIamDocument(v.Document);
  return version;
}

function toInstanceProfile(p: SdkInstanceProfile | undefined): InstanceProfile {
  return { name: p?.InstanceProfileName ?? '', path: p?.Path ?? '/', arn: p?.Arn ?? '', roleNames: (p?.Roles ?? []).map((r) => r.RoleName ?? '') };
}

/** Runs one SDK call; a failure is rethrown as an {@link AwsError} for the call's action, Region and profile. */
async function classified<T>(action: string, target: AwsTarget, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (thrown) {
    throw await toCallError(thrown, { action, ...target });
  }
}

/** Every item of every page of a paginator. */
async function all<P, I>(pages: AsyncIterable<P>, items: (page: P) => readonly I[] | undefined): Promise<I[]> {
  const out: I[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/** The names of the Regions where Systems Manager is offered: the public parameters, read in the target Region. */
export function ssmServiceRegions(factory: AwsClientFactory, t: AwsTarget, o?: CallOptions): Promise<string[]> {
  return classified('ssm:GetParametersByPath', t, async () =>
    (await all(paginateGetParametersByPath({ client: factory.client('ssm', t) }, { Path: SSM_REGIONS_PATH }, { abortSignal: o?.signal }), (p) => p.Parameters)).flatMap((p) =>
      p.Value ? [p.Value] : [],
    ),
  );
}

/** Every Region of the account's partition with its opt-in status (EC2 DescribeRegions with AllRegions). */
export function accountRegions(factory: AwsClientFactory, t: AwsTarget, o?: CallOptions): Promise<Ec2RegionInfo[]> {
  return classified('ec2:DescribeRegions', t, async () => {
    const out = await factory.client('ec2', t).send(new DescribeRegionsCommand({ AllRegions: true }), { abortSignal: o?.signal });
    return (out.Regions ?? []).filter((r) => r.RegionName).map((r) => ({ name: r.RegionName as string, optInStatus: r.OptInStatus }));
  });
}

/** The port over the SDK: one client factory (clients cached per service, Region and profile). */
export function createAwsAdapter(options: AwsAdapterOptions = {}): AwsAdapter {
  const factory = options.factory ?? new AwsClientFactory(options);
  const send = (o: CallOptions | undefined) => ({ abortSignal: o?.signal });
  const iam = (t: AwsTarget) => factory.client('iam', t);
  const ssm = (t: AwsTarget) => factory.client('ssm', t);
  const iamWrite = (t: AwsTarget) => factory.client('iam', t, { retries: false });
  const ssmWrite = (t: AwsTarget) => factory.client('ssm', t, { retries: false });
  const attempts = Math.max(1, options.writeAttempts ?? options.maxAttempts ?? 3);
  const backoff = options.writeBackoffMs ?? 200;

  const logFailure = (action: string, target: AwsTarget, err: AwsError): void => {
    if (!options.log || err.reason === 'aborted') return;
    const where = [target.region, target.profile ? `profile ${target.profile}` : undefined].filter(Boolean).join(', ');
    options.log(`${action} (${where}) failed: ${err.kind}/${err.reason}: ${err.message}`);
  };
  /** Runs one SDK call; a failure is rethrown as an AwsError and logged. */
  const call = async <T>(action: string, target: AwsTarget, run: () => Promise<T>): Promise<T> => {
    try {
      return await classified(action, target, run);
    } catch (err) {
      logFailure(action, target, err as AwsError);
      throw err;
    }
  };
  /**
   * Runs one write with the single-attempt client; tries again only when {@link mayRetryWrite} allows it (waiting
   * 200 ms, then 400 ms …), never after the call was cancelled. The error says how many attempts were made.
   */
  const write = async <T>(action: WriteAction, target: AwsTarget, o: CallOptions | undefined, run: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await classified(action, target, run);
      } catch (thrown) {
        const err = thrown as AwsError;
        if (attempt >= attempts || o?.signal?.aborted || !mayRetryWrite(action, err)) {
          logFailure(action, target, err);
          throw attempt > 1 ? new AwsError({ ...err, message: err.message, attempts: attempt }) : err;
        }
        await new Promise((resolve) => setTimeout(resolve, backoff * 2 ** (attempt - 1)));
      }
    }
  };
  /** The same for a read whose entity may not exist: NoSuchEntity is undefined, not a failure. */
  const find = async <T>(action: string, target: AwsTarget, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await classified(action, target, run);
    } catch (err) {
      if ((err as AwsError).reason === 'notFound') return undefined;
      logFailure(action, target, err as AwsError);
      throw err;
    }
  };

  return {
    listProfiles,
    homeRegion,

    getCallerIdentity: (t, o) =>
      call('sts:GetCallerIdentity', t, async () => {
        const out = await factory.client('sts', t).send(new GetCallerIdentityCommand({}), send(o));
        return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
      }),

    async listSsmRegions(t, o) {
      const [names, ec2] = await Promise.allSettled([ssmServiceRegions(factory, t, o), accountRegions(factory, t, o)]);
      const errors: AwsError[] = [];
      for (const r of [names, ec2]) if (r.status === 'rejected') errors.push(await toCallError(r.reason, t));
      const ssmNames = names.status === 'fulfilled' && names.value.length > 0 ? names.value : undefined;
      const ec2Regions = ec2.status === 'fulfilled' && ec2.value.length > 0 ? ec2.value : undefined;
      const ssmSource = ssmNames ? 'aws' : 'builtin';
      for (const e of errors) options.log?.(`regions: ${e.kind}/${e.reason}: ${e.message} (using ${ssmSource} Region list)`);
      return { regions: ssmRegionsFrom(ssmNames, ec2Regions, t.region), ssmSource, optInSource: ec2Regions ? 'aws' : 'unknown', errors };
    },

    getServiceSetting: (t, id, o) =>
      call('ssm:GetServiceSetting', t, async () => toSetting((await ssm(t).send(new GetServiceSettingCommand({ SettingId: id }), send(o))).ServiceSetting, id)),
    updateServiceSetting: (t, id, value, o) =>
      write('ssm:UpdateServiceSetting', t, o, async () => void (await ssmWrite(t).send(new UpdateServiceSettingCommand({ SettingId: id, SettingValue: value }), send(o)))),
    resetServiceSetting: (t, id, o) =>
      write('ssm:ResetServiceSetting', t, o, async () => toSetting((await ssmWrite(t).send(new ResetServiceSettingCommand({ SettingId: id }), send(o))).ServiceSetting, id)),

    getRole: (t, roleName, o) => find('iam:GetRole', t, async () => toRole((await iam(t).send(new GetRoleCommand({ RoleName: roleName }), send(o))).Role)),
    listRoles: (t, filter = {}, o) =>
      call('iam:ListRoles', t, async () => (await all(paginateListRoles({ client: iam(t) }, { PathPrefix: filter.pathPrefix }, send(o)), (p) => p.Roles)).map(toRole)),
    createRole: (t, role, o) =>
      write('iam:CreateRole', t, o, async () =>
        toRole((await iamWrite(t).send(new CreateRoleCommand({ RoleName: role.name, Path: role.path, AssumeRolePolicyDocument: role.trustPolicy, Description: role.description }), send(o))).Role),
      ),
    deleteRole: (t, roleName, o) => write('iam:DeleteRole', t, o, async () => void (await iamWrite(t).send(new DeleteRoleCommand({ RoleName: roleName }), send(o)))),
    updateAssumeRolePolicy: (t, roleName, document, o) =>
      write('iam:UpdateAssumeRolePolicy', t, o, async () => void (await iamWrite(t).send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: document }), send(o)))),

    getRolePolicy: (t, roleName, policyName, o) =>
      find('iam:GetRolePolicy', t, async () =>
        decodeIamDocument((await iam(t).send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }), send(o))).PolicyDocument ?? ''),
      ),
    listRolePolicies: (t, roleName, o) =>
      call('iam:ListRolePolicies', t, () => all(paginateListRolePolicies({ client: iam(t) }, { RoleName: roleName }, send(o)), (p) => p.PolicyNames)),
    putRolePolicy: (t, roleName, policyName, document, o) =>
      write('iam:PutRolePolicy', t, o, async () => void (await iamWrite(t).send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: document }), send(o)))),
    deleteRolePolicy: (t, roleName, policyName, o) =>
      write('iam:DeleteRolePolicy', t, o, async () => void (await iamWrite(t).send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }), send(o)))),

    listAttachedRolePolicies: (t, roleName, o) =>
      call('iam:ListAttachedRolePolicies', t, async () =>
        (await all(paginateListAttachedRolePolicies({ client: iam(t) }, { RoleName: roleName }, send(o)), (p) => p.AttachedPolicies)).map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' })),
      ),
    attachRolePolicy: (t, roleName, policyArn, o) =>
      write('iam:AttachRolePolicy', t, o, async () => void (await iamWrite(t).send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }), send(o)))),
    detachRolePolicy: (t, roleName, policyArn, o) =>
      write('iam:DetachRolePolicy', t, o, async () => void (await iamWrite(t).send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }), send(o)))),

    getPolicy: (t, policyArn, o) => find('iam:GetPolicy', t, async () => toPolicy((await iam(t).send(new GetPolicyCommand({ PolicyArn: policyArn }), send(o))).Policy, policyArn)),
    createPolicy: (t, policyName, document, o) =>
      write('iam:CreatePolicy', t, o, async () => toPolicy((await iamWrite(t).send(new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: document }), send(o))).Policy, '')),
    deletePolicy: (t, policyArn, o) => write('iam:DeletePolicy', t, o, async () => void (await iamWrite(t).send(new DeletePolicyCommand({ PolicyArn: policyArn }), send(o)))),
    getPolicyVersion: (t, policyArn, versionId, o) =>
      call('iam:GetPolicyVersion', t, async () => toVersion((await iam(t).send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }), send(o))).PolicyVersion)),
    listPolicyVersions: (t, policyArn, o) =>
      call('iam:ListPolicyVersions', t, async () => (await all(paginateListPolicyVersions({ client: iam(t) }, { PolicyArn: policyArn }, send(o)), (p) => p.Versions)).map(toVersion)),
    createPolicyVersion: (t, policyArn, document, setAsDefault, o) =>
      write('iam:CreatePolicyVersion', t, o, async () =>
        toVersion((await iamWrite(t).send(new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: document, SetAsDefault: setAsDefault }), send(o))).PolicyVersion),
      ),
    deletePolicyVersion: (t, policyArn, versionId, o) =>
      write('iam:DeletePolicyVersion', t, o, async () => void (await iamWrite(t).send(new DeletePolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }), send(o)))),
    setDefaultPolicyVersion: (t, policyArn, versionId, o) =>
      write('iam:SetDefaultPolicyVersion', t, o, async () => void (await iamWrite(t).send(new SetDefaultPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }), send(o)))),

    getInstanceProfile: (t, name, o) =>
      find('iam:GetInstanceProfile', t, async () => toInstanceProfile((await iam(t).send(new GetInstanceProfileCommand({ InstanceProfileName: name }), send(o))).InstanceProfile)),
    listInstanceProfilesForRole: (t, roleName, o) =>
      call('iam:ListInstanceProfilesForRole', t, async () =>
        (await all(paginateListInstanceProfilesForRole({ client: iam(t) }, { RoleName: roleName }, send(o)), (p) => p.InstanceProfiles)).map(toInstanceProfile),
      ),
    createInstanceProfile: (t, name, path, o) =>
      write('iam:CreateInstanceProfile', t, o, async () =>
        toInstanceProfile((await iamWrite(t).send(new CreateInstanceProfileCommand({ InstanceProfileName: name, Path: path }), send(o))).InstanceProfile),
      ),
    deleteInstanceProfile: (t, name, o) =>
      write('iam:DeleteInstanceProfile', t, o, async () => void (await iamWrite(t).send(new DeleteInstanceProfileCommand({ InstanceProfileName: name }), send(o)))),
    addRoleToInstanceProfile: (t, name, roleName, o) =>
      write('iam:AddRoleToInstanceProfile', t, o, async () => void (await iamWrite(t).send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: roleName }), send(o)))),
    removeRoleFromInstanceProfile: (t, name, roleName, o) =>
      write('iam:RemoveRoleFromInstanceProfile', t, o, async () => void (await iamWrite(t).send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: name, RoleName: roleName }), send(o)))),

    describeInstances: (t, o) =>
      call('ec2:DescribeInstances', t, async () =>
        (await all(paginateDescribeInstances({ client: factory.client('ec2', t), pageSize: options.instancePageSize ?? 1000 }, {}, send(o)), (p) => p.Reservations)).flatMap((r) => (r.Instances ?? []).map(toInstance)),
      ),
    describeInstanceInformation: (t, o) =>
      call('ssm:DescribeInstanceInformation', t, async () =>
        (await all(paginateDescribeInstanceInformation({ client: factory.client('ssm', t), pageSize: 50 }, {}, send(o)), (p) => p.InstanceInformationList)).map((i) => ({
          instanceId: i.InstanceId ?? '',
          ...(i.AgentVersion ? { agentVersion: i.AgentVersion } : {}),
          ...(i.PingStatus ? { pingStatus: i.PingStatus } : {}),
          ...(i.LastPingDateTime ? { lastPing: i.LastPingDateTime } : {}),
        })),
      ),

    registerDefaultHostManagement: (t, request, o) =>
      write('ssm:RegisterDefaultHostManagementConfiguration', t, o, async () => {
        const out = await ssmWrite(t).send(
          new RegisterDefaultHostManagementConfigurationCommand({
            PermissionModel: request.permissionModel,
            ...(request.roleArn ? { RoleArn: request.roleArn } : {}),
            ...(request.overwrite !== undefined ? { Overwrite: request.overwrite } : {}),
          }),
          send(o),
        );
        return out.RoleArn ?? request.roleArn ?? '';
      }),
    deregisterDefaultHostManagement: (t, o) =>
      write('ssm:DeregisterDefaultHostManagementConfiguration', t, o, async () => void (await ssmWrite(t).send(new DeregisterDefaultHostManagementConfigurationCommand({}), send(o)))),
    requireImdsV2: (t, instanceId, o) =>
      write('ec2:ModifyInstanceMetadataOptions', t, o, async () =>
        void (await factory.client('ec2', t, { retries: false }).send(new ModifyInstanceMetadataOptionsCommand({ InstanceId: instanceId, HttpTokens: 'required' }), send(o))),
      ),

    dispose: () => factory.dispose(),
  };
}

function toInstance(i: SdkInstance): Ec2Instance {
  const name = i.Tags?.find((t) => t.Key === 'Name')?.Value;
  return {
    instanceId: i.InstanceId ?? '',
    ...(name ? { name } : {}),
    state: i.State?.Name ?? 'unknown',
    ...(i.MetadataOptions?.HttpTokens ? { httpTokens: i.MetadataOptions.HttpTokens } : {}),
    ...(i.MetadataOptions?.HttpEndpoint ? { httpEndpoint: i.MetadataOptions.HttpEndpoint } : {}),
    ...(i.IamInstanceProfile?.Arn ? { instanceProfileArn: i.IamInstanceProfile.Arn } : {}),
  };
}
