import { formatMessage, type Localize } from '../language/localize';
import { errorLabel, type AwsError } from '../aws/error';
import type { WriteOutcome } from '../aws/writes';
import { DHMC_SETTING_ID } from '../ssm/dhmc';
import type { DhmcRegionStatus } from './region-status';
import { DEFAULT_DHMC_ROLE, DHMC_NONE, DhmcRoleValueError, validateDhmcRoleValue } from './role-value';
import { compareRegions } from './summary';

/** The setting's short name, as the change lines show it. */
export const DHMC_SETTING_NAME = DHMC_SETTING_ID.slice(DHMC_SETTING_ID.lastIndexOf('/') + 1);

/** The permission models of RegisterDefaultHostManagementConfiguration. */
export type DhmcPermissionModel = 'SERVICE_MANAGED' | 'SELF_MANAGED';

/**
 * Enable through the DHMC API: `SERVICE_MANAGED` lets Systems Manager create and manage the default role;
 * `SELF_MANAGED` registers the caller's role by its ARN.
 */
export interface DhmcApiChoice {
  model: DhmcPermissionModel;
  /** SELF_MANAGED: the ARN of the role the setting value names. */
  roleArn?: string;
}

/** One call the command will make. */
export interface DhmcChange {
  region: string;
  /**
   * `update` sets `value` (UpdateServiceSetting, or RegisterDefaultHostManagementConfiguration with `api`); `reset`
   * goes back to `$None` (ResetServiceSetting, or DeregisterDefaultHostManagementConfiguration with `api`).
   */
  operation: 'update' | 'reset';
  settingId: string;
  /** The new value (for `reset`, `$None`). */
  value: string;
  /** The current value when it is known (undefined when the Region's status could not be read). */
  from?: string;
  /**
   * Made through the DHMC API (falling back to the setting call where the Region does not offer it): for `update`
   * the permission model, the role ARN (SELF_MANAGED) and Overwrite (the Region names another role now).
   */
  api?: { model?: DhmcPermissionModel; roleArn?: string; overwrite?: boolean };
}

/** Why a chosen Region gets no call. */
export type DhmcSkipReason = 'alreadyEnabled' | 'alreadyDisabled' | 'notOptedIn' | 'denied';

export interface DhmcSkip {
  region: string;
  reason: DhmcSkipReason;
  /** For `alreadyEnabled`: the value; for `denied`: the denied action. */
  detail?: string;
}

/** Everything to show before asking: the calls in Region order, and the Regions left alone with the reason. */
export interface DhmcPlan {
  operation: 'enable' | 'disable';
  /** For `enable`: the value every change sets. */
  roleValue?: string;
  /** The changes go through the DHMC API (Register with this choice; Deregister), else through the setting. */
  api?: { model?: DhmcPermissionModel; roleArn?: string };
  changes: DhmcChange[];
  skipped: DhmcSkip[];
}

/** The statuses as a lookup, from an array, a Map or a record (`undefined`: not loaded). */
export type StatusLookup = ReadonlyMap<string, DhmcRegionStatus | undefined> | Readonly<Record<string, DhmcRegionStatus | undefined>> | readonly DhmcRegionStatus[];

function lookup(statuses: StatusLookup, region: string): DhmcRegionStatus | undefined {
  if (Array.isArray(statuses)) return (statuses as readonly DhmcRegionStatus[]).find((s) => s.region === region);
  if (statuses instanceof Map) return statuses.get(region);
  return (statuses as Readonly<Record<string, DhmcRegionStatus | undefined>>)[region];
}

function orderedRegions(regions: readonly string[]): string[] {
  return [...new Set(regions)].sort(compareRegions);
}

/**
 * The calls that turn DHMC on with `roleValue` (the role name with its path, see {@link dhmcSettingValue}) in the
 * chosen Regions. Regions already on with exactly this value, not opted in, or whose setting could not be read
 * for lack of permission are skipped; a Region whose status is unknown (not loaded, error) gets the call.
 * Throws {@link DhmcRoleValueError} when `roleValue` is not a role name with a path (an ARN, `$None` …).
 */
export function planEnable(regions: readonly string[], statuses: StatusLookup, roleValue: string, api?: DhmcApiChoice): DhmcPlan {
  const problem = validateDhmcRoleValue(roleValue);
  if (problem) throw new DhmcRoleValueError(problem, roleValue);
  const plan: DhmcPlan = { operation: 'enable', roleValue, changes: [], skipped: [] };
  if (api) plan.api = { ...api };
  for (const region of orderedRegions(regions)) {
    const status = lookup(statuses, region);
    const skip = skipUnusable(region, status);
    if (skip) plan.skipped.push(skip);
    else if (status?.kind === 'enabled' && status.value === roleValue) plan.skipped.push({ region, reason: 'alreadyEnabled', detail: status.value });
    else {
      const change: DhmcChange = { region, operation: 'update', settingId: DHMC_SETTING_ID, value: roleValue };
      const from = currentValue(status);
      if (from !== undefined) change.from = from;
      if (api) {
        change.api = { model: api.model, ...(api.roleArn ? { roleArn: api.roleArn } : {}) };
        // Registering over another role needs Overwrite; a Region whose status is unknown may have one too.
        if (from !== DHMC_NONE) change.api.overwrite = true;
      }
      plan.changes.push(change);
    }
  }
  return plan;
}

/**
 * The calls that turn DHMC off (ResetServiceSetting, or DeregisterDefaultHostManagementConfiguration with `api`) in
 * the chosen Regions; Regions already off are skipped.
 */
export function planDisable(regions: readonly string[], statuses: StatusLookup, api = false): DhmcPlan {
  const plan: DhmcPlan = { operation: 'disable', changes: [], skipped: [] };
  if (api) plan.api = {};
  for (const region of orderedRegions(regions)) {
    const status = lookup(statuses, region);
    const skip = skipUnusable(region, status);
    if (skip) plan.skipped.push(skip);
    else if (status?.kind === 'disabled') plan.skipped.push({ region, reason: 'alreadyDisabled' });
    else {
      const change: DhmcChange = { region, operation: 'reset', settingId: DHMC_SETTING_ID, value: DHMC_NONE };
      const from = currentValue(status);
      if (from !== undefined) change.from = from;
      if (api) change.api = {};
      plan.changes.push(change);
    }
  }
  return plan;
}

function skipUnusable(region: string, status: DhmcRegionStatus | undefined): DhmcSkip | undefined {
  if (status?.kind === 'notOptedIn') return { region, reason: 'notOptedIn' };
  if (status?.kind === 'denied') return { region, reason: 'denied', detail: status.action };
  return undefined;
}

function currentValue(status: DhmcRegionStatus | undefined): string | undefined {
  if (status?.kind === 'enabled') return status.value;
  return status?.kind === 'disabled' ? DHMC_NONE : undefined;
}

/** A setting value as people read it: `off` for `$None`. */
export function humanDhmcValue(value: string, t: Localize = formatMessage): string {
  return value === DHMC_NONE || value === '' ? t('off') : value;
}

/**
 * One call of the plan: `ssm:UpdateServiceSetting default-ec2-instance-management-role = service-role/… in us-east-1
 * (now off)`, or `ssm:ResetServiceSetting default-ec2-instance-management-role in us-east-1 (back to off)`.
 */
export function describeChange(change: DhmcChange, t: Localize = formatMessage): string {
  if (change.api) return describeApiChange(change, change.api, t);
  if (change.operation === 'reset') {
    return change.from !== undefined
      ? t('ssm:ResetServiceSetting {0} in {1} (back to off; now {2})', DHMC_SETTING_NAME, change.region, humanDhmcValue(change.from, t))
      : t('ssm:ResetServiceSetting {0} in {1} (back to off)', DHMC_SETTING_NAME, change.region);
  }
  if (change.from !== undefined) return t('ssm:UpdateServiceSetting {0} = {1} in {2} (now {3})', DHMC_SETTING_NAME, change.value, change.region, humanDhmcValue(change.from, t));
  return t('ssm:UpdateServiceSetting {0} = {1} in {2}', DHMC_SETTING_NAME, change.value, change.region);
}

/**
 * One call of the DHMC API: `ssm:RegisterDefaultHostManagementConfiguration PermissionModel=SELF_MANAGED
 * RoleArn=arn:… in eu-west-1 (now off)`, `ssm:DeregisterDefaultHostManagementConfiguration in us-east-1 (back to
 * off; now service-role/…)`.
 */
function describeApiChange(change: DhmcChange, api: NonNullable<DhmcChange['api']>, t: Localize): string {
  const now = change.from !== undefined ? humanDhmcValue(change.from, t) : undefined;
  if (change.operation === 'reset') {
    return now !== undefined
      ? t('ssm:DeregisterDefaultHostManagementConfiguration in {0} (back to off; now {1})', change.region, now)
      : t('ssm:DeregisterDefaultHostManagementConfiguration in {0} (back to off)', change.region);
  }
  const params = [`PermissionModel=${api.model ?? 'SELF_MANAGED'}`, ...(api.roleArn ? [`RoleArn=${api.roleArn}`] : []), ...(api.overwrite ? ['Overwrite=true'] : [])].join(' ');
  return now !== undefined
    ? t('ssm:RegisterDefaultHostManagementConfiguration {0} in {1} (now {2})', params, change.region, now)
    : t('ssm:RegisterDefaultHostManagementConfiguration {0} in {1}', params, change.region);
}

/**
 * The line that says what happens where a Region does not offer the DHMC API: the setting call instead. Undefined
 * when the plan does not use the API.
 */
export function fallbackLine(plan: DhmcPlan, t: Localize = formatMessage): string | undefined {
  if (!plan.api || plan.changes.length === 0) return undefined;
  return plan.operation === 'enable'
    ? t('Where a Region does not offer this API: ssm:UpdateServiceSetting {0} = {1} instead (the result says where).', DHMC_SETTING_NAME, plan.roleValue ?? '')
    : t('Where a Region does not offer this API: ssm:ResetServiceSetting {0} instead (the result says where).', DHMC_SETTING_NAME);
}

/** One line for a skipped Region, with the reason. */
export function describeSkip(skip: DhmcSkip, t: Localize = formatMessage): string {
  switch (skip.reason) {
    case 'alreadyEnabled':
      return t('{0}: skipped, already enabled with {1}', skip.region, skip.detail ?? '');
    case 'alreadyDisabled':
      return t('{0}: skipped, already disabled', skip.region);
    case 'notOptedIn':
      return t('{0}: skipped, the Region is not enabled for the account', skip.region);
    default:
      return t('{0}: skipped, access denied ({1})', skip.region, skip.detail ?? 'ssm:GetServiceSetting');
  }
}

/** Every line of the plan: the changes, what falls back where the API is missing, then the skipped Regions. */
export function planLines(plan: DhmcPlan, t: Localize = formatMessage): string[] {
  const fallback = fallbackLine(plan, t);
  return [...plan.changes.map((c) => describeChange(c, t)), ...(fallback ? [fallback] : []), ...plan.skipped.map((s) => describeSkip(s, t))];
}

/** The text of a modal confirmation: `message` is the question, `detail` the lines under it, `confirm` the button. */
export interface Confirmation {
  message: string;
  detail: string;
  confirm: string;
}

function regionList(plan: DhmcPlan): string {
  return plan.changes.map((c) => c.region).join(', ');
}

/** Who the calls run as, and the calls on the role that come first; every confirmation names them. */
export interface ConfirmationContext {
  /** The account id; undefined when the caller could not be identified. */
  account?: string;
  /** The profile's label (`session.profileLabel()`). */
  profile: string;
  /** The role's calls (see roleCallLines), made before the settings change. */
  roleLines?: readonly string[];
}

/** `Account 111122223333 · profile dev` (the first line of every confirmation's detail). */
export function accountLine(context: ConfirmationContext, t: Localize = formatMessage): string {
  return t('Account {0} · profile {1}', context.account ?? t('unknown'), context.profile);
}

/**
 * The confirmation before turning DHMC on; undefined when the plan makes no call (show its skipped lines instead).
 * The detail names the account, the profile, every call (the role's first), and repeats the prerequisites of the
 * documentation: IMDSv2, SSM Agent 3.2.582.0 or later, up to 30 minutes.
 */
export function enableConfirmation(plan: DhmcPlan, t: Localize = formatMessage, context: ConfirmationContext = { profile: t('default credentials') }): Confirmation | undefined {
  const n = plan.changes.length;
  if (n === 0) return undefined;
  const message =
    n === 1
      ? t('Enable Default Host Management Configuration in {0} with the role {1}?', regionList(plan), plan.roleValue ?? '')
      : t('Enable Default Host Management Configuration in {0} Regions ({1}) with the role {2}?', n, regionList(plan), plan.roleValue ?? '');
  const detail = [
    accountLine(context, t),
    '',
    ...(context.roleLines ?? []),
    ...planLines(plan, t),
    '',
    n === 1
      ? t('Systems Manager will manage every EC2 instance in this Region that uses IMDSv2 and runs SSM Agent 3.2.582.0 or later; instances can take up to 30 minutes to use the role.')
      : t('Systems Manager will manage every EC2 instance in these Regions that uses IMDSv2 and runs SSM Agent 3.2.582.0 or later; instances can take up to 30 minutes to use the role.'),
  ].join('\n');
  return { message, detail, confirm: t('Enable') };
}

/**
 * The confirmation before turning DHMC off; it names the account, the profile, the calls, and says that instances
 * without an instance profile stop being managed. Undefined when the plan makes no call.
 */
export function disableConfirmation(plan: DhmcPlan, t: Localize = formatMessage, context: ConfirmationContext = { profile: t('default credentials') }): Confirmation | undefined {
  const n = plan.changes.length;
  if (n === 0) return undefined;
  const message =
    n === 1
      ? t('Disable Default Host Management Configuration in {0}?', regionList(plan))
      : t('Disable Default Host Management Configuration in {0} Regions ({1})?', n, regionList(plan));
  const detail = [
    n === 1
      ? t('EC2 instances in this Region that have no instance profile granting Systems Manager access stop being managed by Systems Manager.')
      : t('EC2 instances in these Regions that have no instance profile granting Systems Manager access stop being managed by Systems Manager.'),
    n === 1 ? t('Disabling it in one Region does not disable it in the others.') : t('Disabling it in these Regions does not disable it in the others.'),
    ...(serviceManagedMayGo(plan)
      ? [t('Where Systems Manager created and manages the role {0} (registered with "Let Systems Manager create the role"), deregistering deletes that role once no Region uses it.', DEFAULT_DHMC_ROLE.value)]
      : []),
    '',
    accountLine(context, t),
    ...planLines(plan, t),
  ].join('\n');
  return { message, detail, confirm: t('Disable') };
}

/** True when a Deregister of the plan may concern the role Systems Manager manages (the default role, or unknown). */
function serviceManagedMayGo(plan: DhmcPlan): boolean {
  return plan.api !== undefined && plan.changes.some((c) => c.from === undefined || c.from === DEFAULT_DHMC_ROLE.value);
}

/** What the command shows when the plan makes no call: why every chosen Region was skipped. */
export function nothingToDo(plan: DhmcPlan, t: Localize = formatMessage): string {
  const lines = plan.skipped.map((s) => describeSkip(s, t));
  return lines.length > 0 ? `${t('Nothing to change:')} ${lines.join('; ')}` : t('Nothing to change: no Region chosen.');
}

/**
 * The result of one change: `outcome` as settled after a failure (a lost response whose change shows is
 * `applied`), `ok` when applied; `message` says what happened (see changeSetting).
 */
export interface DhmcChangeResult {
  region: string;
  ok: boolean;
  outcome: WriteOutcome;
  error?: AwsError;
  message?: string;
  /** For a plan through the DHMC API: `api`, or `setting` where the Region did not offer it and the setting call was made. */
  via?: 'api' | 'setting';
}

/** The report after the calls: "Enabled in 3 Regions." plus one line per Region where something else happened. */
export function describeResults(operation: DhmcPlan['operation'], results: readonly DhmcChangeResult[], t: Localize = formatMessage): string {
  const done = results.filter((r) => r.outcome === 'applied').map((r) => r.region);
  const parts: string[] = [];
  if (done.length > 0) {
    if (operation === 'enable') parts.push(done.length === 1 ? t('Enabled in {0}.', done[0] as string) : t('Enabled in {0} Regions: {1}.', done.length, done.join(', ')));
    else parts.push(done.length === 1 ? t('Disabled in {0}.', done[0] as string) : t('Disabled in {0} Regions: {1}.', done.length, done.join(', ')));
  }
  for (const r of results) {
    if (r.outcome === 'applied' && !r.error && r.via !== 'setting') continue;
    if (r.message) parts.push(t('{0}: {1}', r.region, r.message));
    else if (r.error) parts.push(t('Failed in {0}: {1} ({2})', r.region, errorLabel(r.error, t), r.error.message));
  }
  return parts.join('\n');
}

/** The Regions a picker offers for Enable or Disable, and those left out by reason (with how many). */
export interface PickableRegions {
  offered: string[];
  leftOut: { reason: DhmcSkipReason; regions: string[] }[];
}

/**
 * The Regions where the plan (made for every Region of the view) changes something; the others (not opted in,
 * denied, already in that state) are counted by reason, for the picker's title (see {@link leftOutNote}).
 */
export function pickableRegions(plan: DhmcPlan): PickableRegions {
  const offered = plan.changes.map((c) => c.region);
  const order: DhmcSkipReason[] = ['alreadyEnabled', 'alreadyDisabled', 'denied', 'notOptedIn'];
  const leftOut = order
    .map((reason) => ({ reason, regions: plan.skipped.filter((s) => s.reason === reason).map((s) => s.region) }))
    .filter((g) => g.regions.length > 0);
  return { offered, leftOut };
}

/** "3 left out: 2 already enabled, 1 not enabled in this account"; undefined when none was left out. */
export function leftOutNote(leftOut: PickableRegions['leftOut'], t: Localize = formatMessage): string | undefined {
  const total = leftOut.reduce((n, g) => n + g.regions.length, 0);
  if (total === 0) return undefined;
  const parts = leftOut.map((g) => {
    const n = g.regions.length;
    switch (g.reason) {
      case 'alreadyEnabled':
        return t('{0} already enabled with this role', n);
      case 'alreadyDisabled':
        return t('{0} already off', n);
      case 'denied':
        return t('{0} access denied', n);
      default:
        return t('{0} not enabled in this account', n);
    }
  });
  return total === 1 ? t('1 Region left out: {0}', parts.join(', ')) : t('{0} Regions left out: {1}', total, parts.join(', '));
}
