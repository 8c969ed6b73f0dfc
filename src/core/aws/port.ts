/**
 * The port of the AWS wing: {@link AwsPort}, the one interface the features and the pure flows of src/core call for
 * AWS, and the core types it returns. src/aws implements it over the AWS SDK (one method, one SDK call; the SDK's
 * paginators for lists); tests may implement it with a fake. Every method rejects with an {@link AwsError}.
 */
import type { AwsError } from './error';
import type { SsmRegion } from './region-list';

export type { RegionOptInStatus, SsmRegion } from './region-list';

/** Where a call goes: a Region, and the profile whose credentials sign it (undefined: the default chain). */
export interface AwsTarget {
  region: string;
  profile?: string;
}

/** Options every call takes: an abort signal for cancellation and per-Region timeouts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** The account and principal behind the credentials (STS GetCallerIdentity). */
export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** How a profile gets its credentials. */
export type AwsProfileKind = 'sso' | 'assumeRole' | 'webIdentity' | 'process' | 'static' | 'other';

/** One profile of the shared config and credentials files, without any secret. */
export interface AwsProfile {
  name: string;
  kind: AwsProfileKind;
  /** The profile's default Region, when it sets one. */
  region?: string;
  /** The files that define it. */
  sources: ('config' | 'credentials')[];
  /** For SSO profiles: the sso-session it uses, if any. */
  ssoSession?: string;
}

/** The Regions to show, and where the two inputs came from. */
export interface SsmRegionList {
  regions: SsmRegion[];
  /** `aws`: from the public parameters; `builtin`: the built-in list of the partition. */
  ssmSource: 'aws' | 'builtin';
  /** `aws`: opt-in status from DescribeRegions; `unknown`: DescribeRegions failed. */
  optInSource: 'aws' | 'unknown';
  /** Why an input is missing, for the log (classified, secret-free). */
  errors: AwsError[];
}

/** A service setting as GetServiceSetting reports it: the one shape from the SDK to the screen. */
export interface ServiceSetting {
  id: string;
  /** `$None` while DHMC is off. */
  value: string;
  /** `Default`, `Customized`, `PendingUpdate` (or what AWS adds later). */
  status: string;
  lastModifiedDate?: Date;
  /** The ARN of who last changed it, or `System`. */
  lastModifiedUser?: string;
  arn?: string;
}

/** An IAM role, its trust policy decoded (IAM returns it URL-encoded). */
export interface Role {
  name: string;
  /** `/service-role/` for the documented DHMC role; `/` by default. */
  path: string;
  arn: string;
  /** The trust policy JSON text, decoded; empty when IAM returned none. */
  trustPolicy: string;
  createDate?: Date;
  description?: string;
}

/** The fields of CreateRole. */
export interface NewRole {
  name: string;
  /** Starts and ends with `/`. */
  path: string;
  trustPolicy: string;
  description?: string;
}

/** A managed policy attached to a role. */
export interface AttachedPolicy {
  name: string;
  arn: string;
}

/** A managed policy (GetPolicy, CreatePolicy). */
export interface ManagedPolicy {
  arn: string;
  name: string;
  defaultVersionId: string;
}

/** A version of a managed policy; `document` (decoded) only from GetPolicyVersion. */
export interface PolicyVersion {
  versionId: string;
  isDefault: boolean;
  createDate?: Date;
  document?: string;
}

/** An instance profile and the roles in it. */
export interface InstanceProfile {
  name: string;
  path: string;
  arn: string;
  roleNames: string[];
}

/** An EC2 instance as the readiness of managed nodes reads it (DescribeInstances). */
export interface Ec2Instance {
  instanceId: string;
  /** Its `Name` tag. */
  name?: string;
  /** pending, running, stopping, stopped, shutting-down, terminated. */
  state: string;
  /** `required` (IMDSv2) or `optional`. */
  httpTokens?: string;
  /** `enabled` or `disabled`. */
  httpEndpoint?: string;
  /** The ARN of the associated instance profile. */
  instanceProfileArn?: string;
}

/** What Systems Manager knows of a node (DescribeInstanceInformation). */
export interface ManagedNodeInfo {
  instanceId: string;
  agentVersion?: string;
  /** Online, ConnectionLost, Inactive. */
  pingStatus?: string;
  lastPing?: Date;
}

/**
 * Every AWS call the extension makes, one method per call, plus the shared config files. Methods named `get…`
 * resolve to undefined when the entity does not exist (NoSuchEntity); every other failure rejects with an
 * {@link AwsError} naming the action, Region and profile.
 */
export interface AwsPort {
  /** The profiles of the shared config and credentials files, sorted by name (`default` first). */
  listProfiles(): Promise<AwsProfile[]>;
  /** The Region for global calls (STS, IAM): AWS_REGION or AWS_DEFAULT_REGION, else the profile's, else us-east-1. */
  homeRegion(profile: string | undefined): Promise<string>;

  getCallerIdentity(target: AwsTarget, options?: CallOptions): Promise<CallerIdentity>;
  /**
   * The Regions to show, asked in the target (home) Region: SSM GetParametersByPath (the public Regions list)
   * and EC2 DescribeRegions. Never rejects: what cannot be fetched comes from the built-in list, the reason in `errors`.
   */
  listSsmRegions(target: AwsTarget, options?: CallOptions): Promise<SsmRegionList>;

  /** GetServiceSetting for a setting id (or its ARN); rejects with code `ServiceSettingNotFound` for an unknown id. */
  getServiceSetting(target: AwsTarget, settingId: string, options?: CallOptions): Promise<ServiceSetting>;
  /** UpdateServiceSetting; for DHMC the value is the role name with its path (`service-role/Name`), not an ARN. */
  updateServiceSetting(target: AwsTarget, settingId: string, value: string, options?: CallOptions): Promise<void>;
  /** ResetServiceSetting: back to the default; the setting after the reset. */
  resetServiceSetting(target: AwsTarget, settingId: string, options?: CallOptions): Promise<ServiceSetting>;

  getRole(target: AwsTarget, roleName: string, options?: CallOptions): Promise<Role | undefined>;
  /** ListRoles, every page, optionally under a path prefix. */
  listRoles(target: AwsTarget, filter?: { pathPrefix?: string }, options?: CallOptions): Promise<Role[]>;
  createRole(target: AwsTarget, role: NewRole, options?: CallOptions): Promise<Role>;
  deleteRole(target: AwsTarget, roleName: string, options?: CallOptions): Promise<void>;
  updateAssumeRolePolicy(target: AwsTarget, roleName: string, document: string, options?: CallOptions): Promise<void>;

  /** GetRolePolicy: the inline policy, decoded. */
  getRolePolicy(target: AwsTarget, roleName: string, policyName: string, options?: CallOptions): Promise<string | undefined>;
  /** ListRolePolicies, every page: the inline policy names. */
  listRolePolicies(target: AwsTarget, roleName: string, options?: CallOptions): Promise<string[]>;
  putRolePolicy(target: AwsTarget, roleName: string, policyName: string, document: string, options?: CallOptions): Promise<void>;
  deleteRolePolicy(target: AwsTarget, roleName: string, policyName: string, options?: CallOptions): Promise<void>;

  /** ListAttachedRolePolicies, every page. */
  listAttachedRolePolicies(target: AwsTarget, roleName: string, options?: CallOptions): Promise<AttachedPolicy[]>;
  attachRolePolicy(target: AwsTarget, roleName: string, policyArn: string, options?: CallOptions): Promise<void>;
  detachRolePolicy(target: AwsTarget, roleName: string, policyArn: string, options?: CallOptions): Promise<void>;

  getPolicy(target: AwsTarget, policyArn: string, options?: CallOptions): Promise<ManagedPolicy | undefined>;
  createPolicy(target: AwsTarget, policyName: string, document: string, options?: CallOptions): Promise<ManagedPolicy>;
  deletePolicy(target: AwsTarget, policyArn: string, options?: CallOptions): Promise<void>;
  /** GetPolicyVersion, with its document decoded. */
  getPolicyVersion(target: AwsTarget, policyArn: string, versionId: string, options?: CallOptions): Promise<PolicyVersion>;
  /** ListPolicyVersions, every page. */
  listPolicyVersions(target: AwsTarget, policyArn: string, options?: CallOptions): Promise<PolicyVersion[]>;
  createPolicyVersion(target: AwsTarget, policyArn: string, document: string, setAsDefault: boolean, options?: CallOptions): Promise<PolicyVersion>;
  deletePolicyVersion(target: AwsTarget, policyArn: string, versionId: string, options?: CallOptions): Promise<void>;
  setDefaultPolicyVersion(target: AwsTarget, policyArn: string, versionId: string, options?: CallOptions): Promise<void>;

  getInstanceProfile(target: AwsTarget, name: string, options?: CallOptions): Promise<InstanceProfile | undefined>;
  /** ListInstanceProfilesForRole, every page. */
  listInstanceProfilesForRole(target: AwsTarget, roleName: string, options?: CallOptions): Promise<InstanceProfile[]>;
  createInstanceProfile(target: AwsTarget, name: string, path?: string, options?: CallOptions): Promise<InstanceProfile>;
  deleteInstanceProfile(target: AwsTarget, name: string, options?: CallOptions): Promise<void>;
  addRoleToInstanceProfile(target: AwsTarget, name: string, roleName: string, options?: CallOptions): Promise<void>;
  removeRoleFromInstanceProfile(target: AwsTarget, name: string, roleName: string, options?: CallOptions): Promise<void>;
  /** ec2:DescribeInstances, every page. */
  describeInstances(target: AwsTarget, options?: CallOptions): Promise<Ec2Instance[]>;
  /** ssm:DescribeInstanceInformation, every page. */
  describeInstanceInformation(target: AwsTarget, options?: CallOptions): Promise<ManagedNodeInfo[]>;
  /**
   * ssm:RegisterDefaultHostManagementConfiguration: `SERVICE_MANAGED` lets Systems Manager create and manage the role;
   * `SELF_MANAGED` takes `roleArn`. Resolves to the role's ARN.
   */
  registerDefaultHostManagement(target: AwsTarget, request: { permissionModel: 'SERVICE_MANAGED' | 'SELF_MANAGED'; roleArn?: string; overwrite?: boolean }, options?: CallOptions): Promise<string>;
  /** ssm:DeregisterDefaultHostManagementConfiguration (Systems Manager deletes a role it manages). */
  deregisterDefaultHostManagement(target: AwsTarget, options?: CallOptions): Promise<void>;
  /** ec2:ModifyInstanceMetadataOptions with HttpTokens required: IMDSv2 only. */
  requireImdsV2(target: AwsTarget, instanceId: string, options?: CallOptions): Promise<void>;
}
