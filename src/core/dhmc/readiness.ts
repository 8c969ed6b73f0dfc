/**
 * "Why isn't my instance managed?": one verdict per EC2 instance of a Region, with its reasons, decided from what was
 * read from the account (pure). The documented causes:
 *   - an instance profile whose role allows `ssm:UpdateInstanceInformation` takes precedence over Default Host
 *     Management Configuration (DHMC); a profile role without the other permissions SSM needs leaves the instance
 *     unmanaged either way;
 *   - DHMC needs IMDSv2 (`HttpTokens: required`) and SSM Agent 3.2.582.0 or later;
 *   - the DHMC role must exist where the setting names it, trust `ssm.amazonaws.com` and grant what
 *     AmazonSSMManagedEC2InstanceDefaultPolicy grants;
 *   - instances may take up to 30 minutes to pick up the role after DHMC is switched on: "pending", not "not managed".
 * What the APIs cannot tell (the network path to the SSM endpoints) is reported as not checked, never guessed.
 */
import { parsePolicy } from '../policy/parse';
import { hasCondition, isDeny, statementCoversAction } from '../policy/query';
import { allowItemGranting } from '../ssm/action-grants';
import { checkDhmcRolePermissions, type DhmcRolePermissions, type RolePolicyDocument } from './role-permissions';
import type { DhmcTrustCheck } from './trust-check';
import { formatMessage, type Localize } from '../language/localize';

/** The oldest SSM Agent that supports DHMC. */
export const DHMC_MIN_AGENT_VERSION = '3.2.582.0';

/** How long instances may take to pick up the DHMC role after the setting changes. */
export const DHMC_PICKUP_MS = 30 * 60 * 1000;

/** The action whose grant makes the agent use an instance profile's credentials instead of DHMC's. */
export const PROFILE_PRECEDENCE_ACTION = 'ssm:UpdateInstanceInformation';

/** What was read about the Region's DHMC setting and role. */
export interface RegionDhmcFacts {
  /** The setting names a role (not `$None`). */
  enabled: boolean;
  /** The setting's value, e.g. `service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole`. */
  roleValue?: string;
  /** When the setting last changed. */
  lastModified?: Date;
  /** The role the setting names, as read; undefined when DHMC is off or the role was not read. */
  role?: {
    exists: boolean;
    /** The role exists, but under another path than the setting names. */
    pathDiffers?: boolean;
    trust?: Pick<DhmcTrustCheck, 'ok' | 'trustsSsm'>;
    permissions?: DhmcRolePermissions;
  };
}

/** What was read about one instance. */
export interface InstanceFacts {
  instanceId: string;
  name?: string;
  /** EC2's state name: pending, running, stopping, stopped … */
  state: string;
  /** `required` (IMDSv2 only) or `optional`; undefined when EC2 did not say. */
  httpTokens?: string;
  /** `disabled` turns the metadata service off: neither DHMC nor a profile can give the agent credentials. */
  httpEndpoint?: string;
  /** The instance profile, when one is associated. */
  profile?: {
    arn: string;
    roleName?: string;
    /** The role's attached and inline policies (undefined when they could not be read). */
    policies?: RolePolicyDocument[];
  };
  /** From DescribeInstanceInformation; undefined when the instance is not registered with Systems Manager. */
  agent?: {
    version?: string;
    /** Online, ConnectionLost, Inactive. */
    pingStatus?: string;
    lastPing?: Date;
  };
}

/** The verdict of one instance. */
export type ReadinessVerdict = 'managed-dhmc' | 'managed-profile' | 'pending' | 'not-managed' | 'not-running';

/** One reason, by code, with what its message names. */
export type ReadinessReason =
  | { code: 'profilePrecedence'; role: string; policy: string }
  | { code: 'profileIncomplete'; role: string; missing: string[] }
  | { code: 'profileUnread'; role: string }
  | { code: 'imdsOptional' }
  | { code: 'imdsDisabled' }
  | { code: 'agentOld'; version: string }
  | { code: 'agentNotReporting'; pingStatus?: string; lastPing?: Date }
  | { code: 'notRegistered' }
  | { code: 'dhmcOff' }
  | { code: 'dhmcRoleMissing'; role: string }
  | { code: 'dhmcRolePath'; role: string }
  | { code: 'dhmcRoleTrust'; role: string }
  | { code: 'dhmcRolePermissions'; role: string; missing: string[] }
  | { code: 'pending'; minutesLeft: number };

/** The readiness of one instance. */
export interface InstanceReadiness {
  instanceId: string;
  name?: string;
  verdict: ReadinessVerdict;
  /** Why, most important first; for a managed instance, what would stop it later (IMDSv1 left on …). */
  reasons: ReadinessReason[];
  /** What the APIs cannot tell and was not checked. */
  notChecked: 'network'[];
}

/** Compares dotted version numbers (`3.2.582.0`); a part that is not a number counts as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * The policy of a role that grants an action (by the linter's action matching: wildcards, case), unless an
 * unconditional Deny of the role takes it back: the precedence the agent applies.
 */
export function policyGranting(policies: readonly RolePolicyDocument[], action: string): string | undefined {
  let granting: string | undefined;
  for (const p of policies) {
    if (p.text === undefined) continue;
    for (const st of parsePolicy(p.text, { kind: 'identity' }).statements) {
      if (isDeny(st) && !hasCondition(st) && statementCoversAction(st, action) !== undefined) return undefined;
      if (granting === undefined && allowItemGranting(st, action)) granting = p.source;
    }
  }
  return granting;
}

/**
 * What a profile role's policies decide (the policy that takes precedence over DHMC, and the permissions), once per
 * list of policies: the instances of one profile share it, so a Region of 1,000 instances parses each policy once.
 */
const profileVerdicts = new WeakMap<readonly RolePolicyDocument[], { precedence?: string; permissions?: DhmcRolePermissions }>();

function profileVerdict(policies: readonly RolePolicyDocument[]): { precedence?: string; permissions?: DhmcRolePermissions } {
  let v = profileVerdicts.get(policies);
  if (!v) {
    const precedence = policyGranting(policies, PROFILE_PRECEDENCE_ACTION);
    v = precedence === undefined ? {} : { precedence, permissions: checkDhmcRolePermissions(policies) };
    profileVerdicts.set(policies, v);
  }
  return v;
}

/** The role's name for messages: its name, else the last part of the profile's ARN. */
function roleLabel(profile: NonNullable<InstanceFacts['profile']>): string {
  return profile.roleName ?? profile.arn.split('/').pop() ?? profile.arn;
}

/** What stops DHMC from serving instances of the Region at all (the setting and its role). */
function dhmcRegionReasons(region: RegionDhmcFacts): ReadinessReason[] {
  if (!region.enabled) return [{ code: 'dhmcOff' }];
  const role = region.roleValue ?? '';
  const r = region.role;
  if (!r) return [];
  if (!r.exists) return [r.pathDiffers ? { code: 'dhmcRolePath', role } : { code: 'dhmcRoleMissing', role }];
  const out: ReadinessReason[] = [];
  if (r.trust && !r.trust.trustsSsm) out.push({ code: 'dhmcRoleTrust', role });
  if (r.permissions && !r.permissions.ok) out.push({ code: 'dhmcRolePermissions', role, missing: r.permissions.missing });
  return out;
}

/** Decides the readiness of one instance of a Region; `now` for the 30-minute pickup window. */
export function instanceReadiness(instance: InstanceFacts, region: RegionDhmcFacts, now: Date): InstanceReadiness {
  const base = { instanceId: instance.instanceId, ...(instance.name ? { name: instance.name } : {}) };
  if (instance.state !== 'running') return { ...base, verdict: 'not-running', reasons: [], notChecked: [] };

  const reasons: ReadinessReason[] = [];
  // The instance's own blockers, which hold whichever credentials the agent uses.
  if (instance.httpEndpoint === 'disabled') reasons.push({ code: 'imdsDisabled' });
  const agent = instance.agent;
  const online = agent?.pingStatus === 'Online';
  const agentTooOld = agent?.version !== undefined && compareVersions(agent.version, DHMC_MIN_AGENT_VERSION) < 0;

  // An instance profile whose role grants UpdateInstanceInformation takes precedence over DHMC.
  const profile = instance.profile;
  let precedence: string | undefined;
  if (profile) {
    if (profile.policies === undefined) reasons.push({ code: 'profileUnread', role: roleLabel(profile) });
    else {
      const read = profileVerdict(profile.policies);
      precedence = read.precedence;
      if (precedence !== undefined) {
        reasons.push({ code: 'profilePrecedence', role: roleLabel(profile), policy: precedence });
        if (read.permissions && !read.permissions.ok) reasons.push({ code: 'profileIncomplete', role: roleLabel(profile), missing: read.permissions.missing });
      }
    }
  }

  if (precedence !== undefined) {
    // The profile's credentials are used: DHMC's role, IMDS version and agent version do not matter.
    if (online && !reasons.some((r) => r.code === 'profileIncomplete' || r.code === 'imdsDisabled')) {
      return { ...base, verdict: 'managed-profile', reasons: reasons.filter((r) => r.code !== 'profilePrecedence'), notChecked: [] };
    }
    if (!online) reasons.push(agent ? { code: 'agentNotReporting', pingStatus: agent.pingStatus, lastPing: agent.lastPing } : { code: 'notRegistered' });
    return { ...base, verdict: 'not-managed', reasons, notChecked: ['network'] };
  }

  // DHMC's credentials: the Region's setting and role, IMDSv2, a recent agent.
  if (instance.httpTokens === 'optional') reasons.push({ code: 'imdsOptional' });
  if (agentTooOld) reasons.push({ code: 'agentOld', version: agent?.version ?? '' });
  reasons.push(...dhmcRegionReasons(region));
  if (online && reasons.length === 0) return { ...base, verdict: 'managed-dhmc', reasons: [], notChecked: [] };
  if (online) {
    // Reporting through DHMC now (or through credentials we cannot see); the reasons are what will stop it.
    const blocking = reasons.some((r) => r.code === 'dhmcOff' || r.code === 'dhmcRoleMissing' || r.code === 'dhmcRolePath');
    return { ...base, verdict: blocking ? 'not-managed' : 'managed-dhmc', reasons, notChecked: blocking ? ['network'] : [] };
  }
  // Nothing wrong that can be read: recently switched on, the instance may not have picked the role up yet.
  const since = region.lastModified ? now.getTime() - region.lastModified.getTime() : undefined;
  if (reasons.length === 0 && since !== undefined && since >= 0 && since < DHMC_PICKUP_MS) {
    return { ...base, verdict: 'pending', reasons: [{ code: 'pending', minutesLeft: Math.ceil((DHMC_PICKUP_MS - since) / 60_000) }], notChecked: ['network'] };
  }
  reasons.push(agent ? { code: 'agentNotReporting', pingStatus: agent.pingStatus, lastPing: agent.lastPing } : { code: 'notRegistered' });
  return { ...base, verdict: 'not-managed', reasons, notChecked: ['network'] };
}

/** The counts of a Region's verdicts, and how many instances each reason concerns, for its summary line. */
export interface ReadinessSummary {
  total: number;
  managed: number;
  pending: number;
  notManaged: number;
  notRunning: number;
  /** Running instances not managed or pending, by reason code. */
  byReason: Partial<Record<ReadinessReason['code'], number>>;
}

/** Counts the verdicts of a Region. */
export function summarizeReadiness(all: readonly InstanceReadiness[]): ReadinessSummary {
  const s: ReadinessSummary = { total: all.length, managed: 0, pending: 0, notManaged: 0, notRunning: 0, byReason: {} };
  for (const r of all) {
    if (r.verdict === 'managed-dhmc' || r.verdict === 'managed-profile') s.managed++;
    else if (r.verdict === 'pending') s.pending++;
    else if (r.verdict === 'not-running') s.notRunning++;
    else {
      s.notManaged++;
      for (const code of new Set(r.reasons.map((x) => x.code))) s.byReason[code] = (s.byReason[code] ?? 0) + 1;
    }
  }
  return s;
}

/** The label of a verdict. */
export function verdictLabel(verdict: ReadinessVerdict, t: Localize = formatMessage): string {
  switch (verdict) {
    case 'managed-dhmc':
      return t('Managed through Default Host Management Configuration');
    case 'managed-profile':
      return t('Managed through its instance profile');
    case 'pending':
      return t('Pending');
    case 'not-managed':
      return t('Not managed');
    case 'not-running':
      return t('Not running');
  }
}

/** One reason as a sentence. */
export function reasonText(reason: ReadinessReason, t: Localize = formatMessage): string {
  switch (reason.code) {
    case 'profilePrecedence':
      return t('The instance profile role {0} allows ssm:UpdateInstanceInformation ({1}), so its credentials are used instead of DHMC.', reason.role, reason.policy);
    case 'profileIncomplete':
      return t('The instance profile role {0} lacks {1}: the instance is not managed through the profile, and the profile keeps DHMC from being used.', reason.role, reason.missing.join(', '));
    case 'profileUnread':
      return t('The policies of the instance profile role {0} could not be read.', reason.role);
    case 'imdsOptional':
      return t('IMDSv2 is not required (HttpTokens is optional): DHMC needs IMDSv2.');
    case 'imdsDisabled':
      return t('The instance metadata service is turned off: SSM Agent cannot get credentials.');
    case 'agentOld':
      return t('SSM Agent {0} is older than {1}, the first version that supports DHMC.', reason.version, DHMC_MIN_AGENT_VERSION);
    case 'agentNotReporting':
      return reason.lastPing
        ? t('SSM Agent is not reporting ({0}; last ping {1}).', reason.pingStatus ?? t('no status'), reason.lastPing.toISOString())
        : t('SSM Agent is not reporting ({0}).', reason.pingStatus ?? t('no status'));
    case 'notRegistered':
      return t('The instance has never registered with Systems Manager.');
    case 'dhmcOff':
      return t('Default Host Management Configuration is off in this Region.');
    case 'dhmcRoleMissing':
      return t('The DHMC role {0} does not exist.', reason.role);
    case 'dhmcRolePath':
      return t('The DHMC setting names {0}, but the role has another path.', reason.role);
    case 'dhmcRoleTrust':
      return t('The trust policy of the DHMC role {0} does not trust ssm.amazonaws.com.', reason.role);
    case 'dhmcRolePermissions':
      return t('The DHMC role {0} lacks {1}, which AmazonSSMManagedEC2InstanceDefaultPolicy grants.', reason.role, reason.missing.join(', '));
    case 'pending':
      return t('DHMC was switched on recently: instances may take up to {0} more minutes to pick up the role.', reason.minutesLeft);
  }
}

/** "38 of 41 running instances managed; 3 need IMDSv2": the Region's summary line. */
export function summaryText(s: ReadinessSummary, t: Localize = formatMessage): string {
  const running = s.total - s.notRunning;
  const parts = [t('{0} of {1} running instances managed', s.managed, running)];
  if (s.pending > 0) parts.push(t('{0} pending', s.pending));
  const need: [ReadinessReason['code'], string][] = [
    ['imdsOptional', t('need IMDSv2')],
    ['agentOld', t('need a newer SSM Agent')],
    ['profilePrecedence', t('use their instance profile')],
    ['dhmcOff', t('need DHMC switched on')],
  ];
  for (const [code, what] of need) {
    const n = s.byReason[code];
    if (n) parts.push(`${n} ${what}`);
  }
  return parts.join('; ');
}

/** A Region's readiness as a Markdown table, for the Copy report command: the summary line, then a row per instance. */
export function readinessReport(region: string, instances: readonly InstanceReadiness[], t: Localize = formatMessage): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const lines = [
    `## ${cell(region)}`,
    '',
    summaryText(summarizeReadiness(instances), t),
    '',
    `| ${t('Instance')} | ${t('Name')} | ${t('Verdict')} | ${t('Reasons')} |`,
    '|---|---|---|---|',
  ];
  for (const i of instances) {
    const reasons = i.reasons.map((r) => reasonText(r, t));
    if (i.notChecked.includes('network')) reasons.push(t('Not checked: the network path to the Systems Manager endpoints.'));
    lines.push(`| ${cell(i.instanceId)} | ${cell(i.name ?? '')} | ${cell(verdictLabel(i.verdict, t))} | ${cell(reasons.join(' '))} |`);
  }
  return `${lines.join('\n')}\n`;
}
