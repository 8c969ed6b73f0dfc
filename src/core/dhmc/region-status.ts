import type { Localize } from '../language/localize';
import { formatMessage } from '../language/localize';
import { errorLabel, errorMarkdown, type AwsError } from '../aws/error';
import { lastModifiedLine, readSettingState, type LastModified, type SettingRead } from '../service-settings/setting-state';
import { code, escapeMarkdown } from '../util/markdown';
import { DHMC_ROLE_NAME, DHMC_ROLE_PATH } from '../ssm/dhmc';
import { DHMC_NONE, parseDhmcRoleValue, parseRoleArn, type DhmcRole } from './role-value';

/** Something about an enabled value that may stop instances from getting the role's credentials. */
export interface DhmcWarning {
  /**
   * - `valueIsArn`: the value is an ARN; Systems Manager expects the role name with its path.
   * - `invalidValue`: the value is not an IAM role name with a path (a leading slash, spaces …).
   * - `defaultRoleOutsideServiceRole`: the default role's name without the `/service-role/` path the docs create it under.
   * - `outsideServiceRole`: another role outside `/service-role/`: fine if a role exists at exactly that path.
   */
  code: 'valueIsArn' | 'invalidValue' | 'defaultRoleOutsideServiceRole' | 'outsideServiceRole';
  /** `warning` changes the item's icon; `info` shows in the tooltip only. */
  severity: 'warning' | 'info';
}

interface StatusBase {
  region: string;
}

/** DHMC on: the setting names a role. */
export interface DhmcEnabled extends StatusBase {
  kind: 'enabled';
  /** The setting value as returned. */
  value: string;
  /** The role the value names; undefined when the value names none (see `warnings`). */
  role?: DhmcRole;
  /** `Customized` or `PendingUpdate` (or whatever the API returned). */
  settingStatus: string;
  pending: boolean;
  lastModified: LastModified;
  warnings: DhmcWarning[];
}

/** DHMC off: `$None`, status `Default` (or `PendingUpdate` while a reset is applied). */
export interface DhmcDisabled extends StatusBase {
  kind: 'disabled';
  settingStatus: string;
  pending: boolean;
  lastModified: LastModified;
}

/** The Region is an opt-in Region the account has not enabled. */
export interface DhmcNotOptedIn extends StatusBase {
  kind: 'notOptedIn';
  message: string;
}

/** GetServiceSetting was denied. */
export interface DhmcDenied extends StatusBase {
  kind: 'denied';
  /** The denied action, `ssm:GetServiceSetting` unless the error named another. */
  action: string;
  message: string;
}

/** Any other failure: throttling, expired SSO token, no credentials, network, timeout, cancelled … */
export interface DhmcError extends StatusBase {
  kind: 'error';
  error: AwsError;
}

/** The DHMC state of one Region. */
export type DhmcRegionStatus = DhmcEnabled | DhmcDisabled | DhmcNotOptedIn | DhmcDenied | DhmcError;

/** The kinds, in the order the summary counts them. */
export const DHMC_STATUS_KINDS: readonly DhmcRegionStatus['kind'][] = ['enabled', 'disabled', 'notOptedIn', 'denied', 'error'];

/** The action whose denial makes a Region unreadable. */
export const GET_SERVICE_SETTING_ACTION = 'ssm:GetServiceSetting';

/** The DHMC state of a Region from what reading its setting gave. */
export function dhmcRegionStatus(region: string, read: SettingRead): DhmcRegionStatus {
  if ('error' in read) return dhmcStatusFromError(region, read.error);
  const state = readSettingState(read.setting);
  const { status: settingStatus, pending, lastModified } = state;
  if (state.value === '' || state.value === DHMC_NONE) return { kind: 'disabled', region, settingStatus, pending, lastModified };
  const { role, warnings } = inspectValue(state.value);
  const enabled: DhmcEnabled = { kind: 'enabled', region, value: state.value, settingStatus, pending, lastModified, warnings };
  if (role) enabled.role = role;
  return enabled;
}

/** The DHMC state of a Region whose read failed. */
export function dhmcStatusFromError(region: string, error: AwsError): DhmcRegionStatus {
  if (error.kind === 'regionNotEnabled') return { kind: 'notOptedIn', region, message: error.message };
  if (error.kind === 'accessDenied') return { kind: 'denied', region, action: error.action ?? GET_SERVICE_SETTING_ACTION, message: error.message };
  return { kind: 'error', region, error };
}

/** The role an enabled value names, and what looks wrong with it. */
export function inspectValue(value: string): { role?: DhmcRole; warnings: DhmcWarning[] } {
  if (/^arn:/i.test(value)) {
    const role = parseRoleArn(value);
    return { ...(role ? { role } : {}), warnings: [{ code: 'valueIsArn', severity: 'warning' }] };
  }
  const role = parseDhmcRoleValue(value);
  if (!role) return { warnings: [{ code: 'invalidValue', severity: 'warning' }] };
  if (role.path === DHMC_ROLE_PATH) return { role, warnings: [] };
  // The value names the role the agent assumes: the default role exists only under /service-role/ unless someone made another.
  const warning: DhmcWarning =
    role.name === DHMC_ROLE_NAME ? { code: 'defaultRoleOutsideServiceRole', severity: 'warning' } : { code: 'outsideServiceRole', severity: 'info' };
  return { role, warnings: [warning] };
}

/** What a tree item shows for a Region. Icons are codicon ids; `contextValue` drives the view's menus. */
export interface DhmcRegionItem {
  region: string;
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  icon: string;
  contextValue: DhmcContextValue;
}

/** The `contextValue` of a Region item, used in `when` clauses (`viewItem == dhmcEnabled`). */
export type DhmcContextValue = 'dhmcEnabled' | 'dhmcDisabled' | 'dhmcNotOptedIn' | 'dhmcDenied' | 'dhmcError';

/** The `contextValue` of each status kind. */
export const DHMC_CONTEXT_VALUES: Readonly<Record<DhmcRegionStatus['kind'], DhmcContextValue>> = {
  enabled: 'dhmcEnabled',
  disabled: 'dhmcDisabled',
  notOptedIn: 'dhmcNotOptedIn',
  denied: 'dhmcDenied',
  error: 'dhmcError',
};

/** The codicon of each status kind; an enabled Region with a `warning` shows `warning` instead. */
export const DHMC_ICONS: Readonly<Record<DhmcRegionStatus['kind'], string>> = {
  enabled: 'pass-filled',
  disabled: 'circle-slash',
  notOptedIn: 'cloud-download',
  denied: 'lock',
  error: 'error',
};

/** The tree item of a Region: label (the Region code), description, Markdown tooltip, icon and contextValue. */
export function dhmcRegionItem(status: DhmcRegionStatus, t: Localize = formatMessage): DhmcRegionItem {
  const warned = status.kind === 'enabled' && status.warnings.some((w) => w.severity === 'warning');
  return {
    region: status.region,
    label: status.region,
    description: describeStatus(status, t),
    tooltip: statusTooltip(status, t),
    icon: warned ? 'warning' : DHMC_ICONS[status.kind],
    contextValue: DHMC_CONTEXT_VALUES[status.kind],
  };
}

/** The one-line description of a Region's status. */
export function describeStatus(status: DhmcRegionStatus, t: Localize = formatMessage): string {
  switch (status.kind) {
    case 'enabled':
      return status.pending ? t('Enabled (update pending): {0}', status.value) : t('Enabled: {0}', status.value);
    case 'disabled':
      return status.pending ? t('Disabled (reset pending)') : t('Disabled');
    case 'notOptedIn':
      return t('Region not enabled for the account');
    case 'denied':
      return t('Access denied: {0}', status.action);
    default:
      return errorLabel(status.error, t);
  }
}

/** The sentence of a warning, Markdown. */
export function warningText(warning: DhmcWarning, status: DhmcEnabled, t: Localize = formatMessage): string {
  const standard = code(`${DHMC_ROLE_PATH.slice(1)}${DHMC_ROLE_NAME}`);
  switch (warning.code) {
    case 'valueIsArn':
      return t('The value is an ARN. Systems Manager expects the role name with its path, such as {0}; instances may not get the role.', standard);
    case 'invalidValue':
      return t('The value is not an IAM role name with a path, such as {0}; instances may not get a role.', standard);
    case 'defaultRoleOutsideServiceRole':
      return t(
        'The value names {0} at path {1}, but the documentation creates that role under {2}. Unless a role exists at that path, instances get no credentials; the documented value is {3}.',
        code(DHMC_ROLE_NAME),
        code(status.role?.path ?? '/'),
        code(DHMC_ROLE_PATH),
        standard,
      );
    default:
      return t('The role is at path {0}, not under {1} as in the documentation; Systems Manager assumes exactly {2}, so make sure that role exists.', code(status.role?.path ?? '/'), code(DHMC_ROLE_PATH), code(status.value));
  }
}

/** The Markdown tooltip of a Region. */
export function statusTooltip(status: DhmcRegionStatus, t: Localize = formatMessage): string {
  const region = code(status.region);
  switch (status.kind) {
    case 'enabled': {
      const parts = [t('**Default Host Management Configuration is on** in {0}', region)];
      parts.push(
        status.role
          ? t('Role: {0} (path {1}, name {2})', code(status.value), code(status.role.path), code(status.role.name))
          : t('Value: {0}', code(status.value)),
      );
      parts.push(
        status.pending
          ? t('Setting status: {0}. The change is still being applied; instances can take up to 30 minutes to use the role.', code(status.settingStatus))
          : t('Setting status: {0}', code(status.settingStatus)),
      );
      const modified = lastModifiedLine(status.lastModified, t);
      if (modified) parts.push(modified);
      for (const w of status.warnings) parts.push(`**${w.severity === 'warning' ? t('Warning:') : t('Note:')}** ${warningText(w, status, t)}`);
      return parts.join('\n\n');
    }
    case 'disabled': {
      const parts = [
        t('**Default Host Management Configuration is off** in {0}', region),
        t('No role (off), setting status {0}. EC2 instances here are managed only when an instance profile grants Systems Manager access.', code(status.settingStatus)),
      ];
      const modified = lastModifiedLine(status.lastModified, t);
      if (modified) parts.push(modified);
      return parts.join('\n\n');
    }
    case 'notOptedIn':
      return [
        t('**Region not enabled** {0}', region),
        t('The account has not opted in to this Region, so Systems Manager cannot be used there.'),
        ...(status.message ? [escapeMarkdown(status.message)] : []),
      ].join('\n\n');
    case 'denied':
      return [
        t('**Access denied** in {0}', region),
        t('The current credentials may not call {0} here, so the state of the setting is unknown.', code(status.action)),
        ...(status.message ? [escapeMarkdown(status.message)] : []),
      ].join('\n\n');
    default:
      return [t('**Could not read the setting** in {0}', region), ...errorMarkdown(status.error, t)].join('\n\n');
  }
}
