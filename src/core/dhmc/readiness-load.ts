/**
 * Reads what the readiness of a Region's instances needs (./readiness.ts decides): the DHMC setting and the role it
 * names, every instance (DescribeInstances, every page), what Systems Manager knows of them (DescribeInstanceInformation,
 * every page), and the policies of each instance profile's role, each profile read once. A profile whose role cannot
 * be read gives `profileUnread` for its instances rather than failing the Region; the other reads reject with their
 * AwsError, so one Region's failure stays that Region's.
 */
import type { AwsPort, AwsTarget, CallOptions, Ec2Instance, ManagedNodeInfo } from '../aws/port';
import { DHMC_SETTING_ID } from '../ssm/dhmc';
import { instanceReadiness, summarizeReadiness, type InstanceFacts, type InstanceReadiness, type ReadinessSummary, type RegionDhmcFacts } from './readiness';
import type { RolePolicyDocument } from './role-permissions';
import { inspectDhmcRole, readRolePolicies } from './role';
import { DHMC_NONE } from './role-value';

/** The readiness of one Region. */
export interface RegionReadiness {
  region: string;
  dhmc: RegionDhmcFacts;
  instances: InstanceReadiness[];
  summary: ReadinessSummary;
}

/** The DHMC facts of a Region, from its setting and the role it names. */
export async function readDhmcFacts(port: AwsPort, target: AwsTarget, options: CallOptions = {}): Promise<RegionDhmcFacts> {
  const setting = await port.getServiceSetting(target, DHMC_SETTING_ID, options);
  const base = { ...(setting.lastModifiedDate ? { lastModified: setting.lastModifiedDate } : {}) };
  if (!setting.value || setting.value === DHMC_NONE) return { enabled: false, ...base };
  let decision;
  try {
    decision = await inspectDhmcRole(port, target, setting.value, options);
  } catch (err) {
    // A value that names no role (an ARN, a typo): the setting is on, and no role can be found.
    if (err instanceof Error && /^Not a role for the DHMC setting/.test(err.message)) return { enabled: true, roleValue: setting.value, ...base, role: { exists: false } };
    throw err;
  }
  const facts: RegionDhmcFacts = { enabled: true, roleValue: setting.value, ...base };
  switch (decision.action) {
    case 'use':
      facts.role = { exists: true, trust: decision.trust, permissions: decision.permissions };
      break;
    case 'repair':
      facts.role = { exists: true, trust: decision.trust, permissions: decision.permissions };
      break;
    case 'create':
      facts.role = { exists: false };
      break;
    case 'refuse':
      facts.role =
        decision.reason === 'notFound'
          ? { exists: false }
          : decision.reason === 'path'
            ? { exists: false, pathDiffers: true }
            : { exists: true, ...(decision.trust ? { trust: decision.trust } : { trust: { ok: false, trustsSsm: false } }), ...(decision.permissions ? { permissions: decision.permissions } : {}) };
      break;
  }
  return facts;
}

/** The role and policies of an instance profile, by its ARN; undefined policies when they could not be read. */
async function readProfile(port: AwsPort, target: AwsTarget, arn: string, options: CallOptions): Promise<NonNullable<InstanceFacts['profile']>> {
  const name = arn.split('/').pop() ?? arn;
  try {
    const profile = await port.getInstanceProfile(target, name, options);
    const roleName = profile?.roleNames[0];
    if (!roleName) return { arn, policies: [] };
    const attached = await port.listAttachedRolePolicies(target, roleName, options);
    const policies: RolePolicyDocument[] = await readRolePolicies(port, target, roleName, attached, options);
    return { arn, roleName, policies };
  } catch {
    return { arn };
  }
}

/** The facts of one instance, from EC2, Systems Manager and its profile. */
function factsOf(i: Ec2Instance, info: ManagedNodeInfo | undefined, profile: InstanceFacts['profile']): InstanceFacts {
  return {
    instanceId: i.instanceId,
    ...(i.name ? { name: i.name } : {}),
    state: i.state,
    ...(i.httpTokens ? { httpTokens: i.httpTokens } : {}),
    ...(i.httpEndpoint ? { httpEndpoint: i.httpEndpoint } : {}),
    ...(profile ? { profile } : {}),
    ...(info ? { agent: { ...(info.agentVersion ? { version: info.agentVersion } : {}), ...(info.pingStatus ? { pingStatus: info.pingStatus } : {}), ...(info.lastPing ? { lastPing: info.lastPing } : {}) } } : {}),
  };
}

/** Reads a Region and decides the readiness of each of its instances. Rejects with the first read's AwsError. */
export async function loadRegionReadiness(port: AwsPort, target: AwsTarget, options: CallOptions = {}, now: Date = new Date()): Promise<RegionReadiness> {
  const [dhmc, instances, infos] = await Promise.all([
    readDhmcFacts(port, target, options),
    port.describeInstances(target, options),
    port.describeInstanceInformation(target, options),
  ]);
  const byId = new Map(infos.map((i) => [i.instanceId, i]));
  const profiles = new Map<string, Promise<NonNullable<InstanceFacts['profile']>>>();
  for (const i of instances) {
    if (i.instanceProfileArn && !profiles.has(i.instanceProfileArn)) profiles.set(i.instanceProfileArn, readProfile(port, target, i.instanceProfileArn, options));
  }
  const readiness = await Promise.all(
    instances.map(async (i) => {
      const profile = i.instanceProfileArn ? await profiles.get(i.instanceProfileArn) : undefined;
      return instanceReadiness(factsOf(i, byId.get(i.instanceId), profile), dhmc, now);
    }),
  );
  readiness.sort((a, b) => (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0));
  return { region: target.region, dhmc, instances: readiness, summary: summarizeReadiness(readiness) };
}
