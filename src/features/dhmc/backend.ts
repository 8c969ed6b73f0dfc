/**
 * The port between the AWS views and AWS: what the DHMC and service-settings views need, nothing more. The views
 * and commands depend only on this interface; ./aws-backend.ts implements it with src/aws, tests with a fake.
 *
 * Every method rejects with a ClassifiedError-shaped object (`{ kind, message, action?, code? }`, see
 * src/core/settings/aws-error.ts) when it can; anything else is shown as an `other` error.
 */
import type { ServiceSettingRaw } from '../../core/settings';

/** The profile to use; `undefined` for the SDK's default credential chain. */
export type ProfileName = string | undefined;

/** STS GetCallerIdentity. */
export interface CallerIdentity {
  account: string;
  arn: string;
}

/** A Region where Systems Manager is offered; `enabled` is false when the account has not opted in. */
export interface BackendRegion {
  name: string;
  enabled: boolean;
}

/** An IAM role, with its trust policy decoded (IAM returns it URL-encoded). */
export interface BackendRole {
  name: string;
  /** With both slashes: `/service-role/`. */
  path: string;
  arn: string;
  /** The trust policy JSON text, when IAM returned one. */
  trustPolicy?: string;
}

/** What making sure the default DHMC role exists did. */
export interface EnsureRoleResult {
  /** True when the role was created now (CreateRole + AttachRolePolicy); false when it already existed. */
  created: boolean;
  role: BackendRole;
}

/** Everything the AWS views call. */
export interface AwsBackend {
  /** The profiles of the shared config and credentials files. */
  listProfiles(): Promise<string[]>;
  callerIdentity(profile: ProfileName, signal?: AbortSignal): Promise<CallerIdentity>;
  /** The Regions to show: SSM Regions intersected with the account's, or a built-in list offline. */
  regions(profile: ProfileName, signal?: AbortSignal): Promise<BackendRegion[]>;
  /** GetServiceSetting; rejects with a ClassifiedError (code `ServiceSettingNotFound` for a setting never set). */
  getSetting(profile: ProfileName, region: string, settingId: string, signal?: AbortSignal): Promise<ServiceSettingRaw>;
  /** UpdateServiceSetting. */
  updateSetting(profile: ProfileName, region: string, settingId: string, value: string, signal?: AbortSignal): Promise<void>;
  /** ResetServiceSetting. */
  resetSetting(profile: ProfileName, region: string, settingId: string, signal?: AbortSignal): Promise<void>;
  /**
   * Makes sure `service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole` exists, exactly as the docs create
   * it: CreateRole with path `/service-role/` and a trust policy for `ssm.amazonaws.com`, then AttachRolePolicy
   * AmazonSSMManagedEC2InstanceDefaultPolicy.
   */
  ensureDefaultDhmcRole(profile: ProfileName): Promise<EnsureRoleResult>;
  /** GetRole by name (no path); `undefined` when there is no such role (NoSuchEntity). */
  getRole(profile: ProfileName, roleName: string): Promise<BackendRole | undefined>;
}
