/**
 * The {@link AwsBackend} of the extension, over src/aws. src/aws is loaded on the first call (a dynamic import,
 * which esbuild keeps lazy), so opening a JSON file never evaluates the AWS SDK.
 */
import type { ServiceSettingRaw } from '../../core/settings';
import { DHMC_ROLE_NAME } from '../../core/ssm/dhmc';
import type { AwsBackend, BackendRole, ProfileName } from './backend';

type AwsModules = {
  factory: import('../../aws/client-factory').AwsClientFactory;
  errors: typeof import('../../aws/errors');
  iam: typeof import('../../aws/iam');
  profiles: typeof import('../../aws/profiles');
  regions: typeof import('../../aws/regions');
  ssm: typeof import('../../aws/ssm');
  sts: typeof import('../../aws/sts');
};

/** Options of {@link createAwsBackend}. */
export interface AwsBackendOptions {
  /** Receives one line per failed call: action, Region, profile, kind and the classified (secret-free) message. */
  log?: (line: string) => void;
}

/** The backend, plus `dispose()` to destroy the cached clients. */
export type DisposableAwsBackend = AwsBackend & { dispose(): void };

function toRaw(s: import('../../aws/ssm').ServiceSetting): ServiceSettingRaw {
  const raw: ServiceSettingRaw = { SettingId: s.id, SettingValue: s.value, Status: s.status };
  if (s.lastModifiedDate) raw.LastModifiedDate = s.lastModifiedDate;
  if (s.lastModifiedUser) raw.LastModifiedUser = s.lastModifiedUser;
  if (s.arn) raw.ARN = s.arn;
  return raw;
}

function toRole(r: import('../../aws/iam').RoleInfo): BackendRole {
  return { name: r.name, path: r.path, arn: r.arn, trustPolicy: r.trustPolicy };
}

/** The backend over src/aws: one client factory (clients cached per service, Region and profile). */
export function createAwsBackend(options: AwsBackendOptions = {}): DisposableAwsBackend {
  let modules: Promise<AwsModules> | undefined;
  const load = (): Promise<AwsModules> =>
    // One module, which esbuild.mjs keeps out of the extension bundle (dist/aws.js, loaded here on first use).
    (modules ??= import('../../aws').then((aws) => ({
      factory: new aws.clientFactory.AwsClientFactory(),
      errors: aws.errors,
      iam: aws.iam,
      profiles: aws.profiles,
      regions: aws.regions,
      ssm: aws.ssm,
      sts: aws.sts,
    })));

  /** Runs a call; logs a failure (classified: no secret) and rethrows it. */
  const logged = async <T>(what: string, region: string | undefined, profile: ProfileName, call: (m: AwsModules) => Promise<T>): Promise<T> => {
    const m = await load();
    try {
      return await call(m);
    } catch (err) {
      if (options.log && !(err instanceof Error && err.name === 'AbortError')) {
        const info = err instanceof m.errors.AwsCallError ? err.info : undefined;
        const where = [region, profile ? `profile ${profile}` : undefined].filter(Boolean).join(', ');
        options.log(`${what}${where ? ` (${where})` : ''} failed: ${info ? `${info.kind}/${info.reason}: ${info.message}` : err instanceof Error ? err.message : String(err)}`);
      }
      throw err;
    }
  };

  return {
    async listProfiles() {
      const m = await load();
      return (await m.profiles.listProfiles()).map((p) => p.name);
    },
    callerIdentity(profile, signal) {
      return logged('sts:GetCallerIdentity', undefined, profile, async (m) => {
        const region = await m.profiles.homeRegion(profile);
        const id = await m.sts.getCallerIdentity(m.factory, { region, profile }, { abortSignal: signal });
        return { account: id.account, arn: id.arn };
      });
    },
    regions(profile, signal) {
      return logged('regions', undefined, profile, async (m) => {
        const region = await m.profiles.homeRegion(profile);
        const list = await m.regions.listSsmRegions(m.factory, { region, profile }, { abortSignal: signal });
        for (const e of list.errors) options.log?.(`regions: ${e.kind}/${e.reason}: ${e.message} (using ${list.ssmSource} Region list)`);
        return list.regions.map((r) => ({ name: r.name, enabled: r.enabled }));
      });
    },
    getSetting(profile, region, settingId, signal) {
      return logged(`ssm:GetServiceSetting ${settingId}`, region, profile, async (m) => toRaw(await m.ssm.getServiceSetting(m.factory, { region, profile }, settingId, { abortSignal: signal })));
    },
    updateSetting(profile, region, settingId, value, signal) {
      return logged(`ssm:UpdateServiceSetting ${settingId}`, region, profile, (m) => m.ssm.updateServiceSetting(m.factory, { region, profile }, settingId, value, { abortSignal: signal }));
    },
    resetSetting(profile, region, settingId, signal) {
      return logged(`ssm:ResetServiceSetting ${settingId}`, region, profile, async (m) => {
        await m.ssm.resetServiceSetting(m.factory, { region, profile }, settingId, { abortSignal: signal });
      });
    },
    ensureDefaultDhmcRole(profile) {
      return logged('iam:CreateRole (default DHMC role)', undefined, profile, async (m) => {
        const target = { region: await m.profiles.homeRegion(profile), profile };
        const existing = await m.iam.getRole(m.factory, target, DHMC_ROLE_NAME);
        if (existing) return { created: false, role: toRole(existing) };
        try {
          return { created: true, role: toRole(await m.iam.createDhmcRole(m.factory, target)) };
        } catch (err) {
          // Created by someone else in the meantime: use it.
          if (err instanceof m.errors.AwsCallError && err.info.reason === 'alreadyExists') {
            const role = await m.iam.getRole(m.factory, target, DHMC_ROLE_NAME);
            if (role) return { created: false, role: toRole(role) };
          }
          throw err;
        }
      });
    },
    getRole(profile, roleName) {
      return logged('iam:GetRole', undefined, profile, async (m) => {
        const role = await m.iam.getRole(m.factory, { region: await m.profiles.homeRegion(profile), profile }, roleName);
        return role ? toRole(role) : undefined;
      });
    },
    dispose() {
      void modules?.then((m) => m.factory.dispose());
    },
  };
}
