/** The AWS profiles of the shared config and credentials files, read with the SDK's own loader (same files, same rules). */
import { loadSharedConfigFiles } from '@smithy/core/config';
import type { AwsProfile, AwsProfileKind } from '../core/aws/port';

export type { AwsProfile, AwsProfileKind } from '../core/aws/port';

type Section = Record<string, string | undefined>;

function kindOf(section: Section): AwsProfileKind {
  if (section.sso_session || section.sso_start_url) return 'sso';
  if (section.role_arn && section.web_identity_token_file) return 'webIdentity';
  if (section.role_arn) return 'assumeRole';
  if (section.credential_process) return 'process';
  if (section.aws_access_key_id) return 'static';
  return 'other';
}

/** Profile sections only: the loader also returns `sso-session.x` and `services.x` sections under prefixed keys. */
function isProfileKey(key: string): boolean {
  return !/^(sso-session|services)\./.test(key);
}

/**
 * Every profile of the config file (`AWS_CONFIG_FILE`, default ~/.aws/config) and the credentials file
 * (`AWS_SHARED_CREDENTIALS_FILE`, default ~/.aws/credentials), sorted by name; empty when neither exists.
 */
export async function listProfiles(): Promise<AwsProfile[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const byName = new Map<string, { config?: Section; credentials?: Section }>();
  for (const [name, section] of Object.entries(configFile)) if (isProfileKey(name)) byName.set(name, { config: section });
  for (const [name, section] of Object.entries(credentialsFile)) byName.set(name, { ...byName.get(name), credentials: section });
  const out: AwsProfile[] = [];
  for (const [name, { config, credentials }] of byName) {
    const merged: Section = { ...config, ...credentials };
    const profile: AwsProfile = { name, kind: kindOf(merged), sources: [...(config ? ['config' as const] : []), ...(credentials ? ['credentials' as const] : [])] };
    if (merged.region) profile.region = merged.region;
    if (merged.sso_session) profile.ssoSession = merged.sso_session;
    out.push(profile);
  }
  return out.sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

/** True when the profile gets its credentials from IAM Identity Center (SSO). */
export async function isSsoProfile(name: string): Promise<boolean> {
  return (await listProfiles()).some((p) => p.name === name && p.kind === 'sso');
}

/**
 * The Region for global calls (STS, IAM) and calls without a Region of their own: AWS_REGION or
 * AWS_DEFAULT_REGION, else the profile's configured region, else us-east-1.
 */
export async function homeRegion(profile: string | undefined): Promise<string> {
  const fromEnv = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION;
  if (fromEnv) return fromEnv;
  const name = profile ?? process.env.AWS_PROFILE ?? 'default';
  const found = await listProfiles().then(
    (all) => all.find((p) => p.name === name)?.region,
    () => undefined,
  );
  return found ?? 'us-east-1';
}
