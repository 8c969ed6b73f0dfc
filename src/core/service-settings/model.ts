import { formatMessage, type Localize } from '../language/localize';
import { DHMC_SETTING_ID, SERVICE_SETTINGS, isValidServiceSettingValue, type ServiceSettingInfo } from '../ssm/service-settings';
import { errorLabel, errorMarkdown } from '../aws/error';
import { code, escapeMarkdown } from '../util/markdown';
import { accountLine, type ConfirmationContext } from '../dhmc/plan';
import { lastModifiedLine, readSettingState, type LastModified, type SettingRead } from './setting-state';

/** A value as people read it: the DHMC setting's `$None` is "off (no role)"; an empty value "(empty)". */
export function humanSettingValue(value: string, t: Localize = formatMessage): string {
  if (value === '$None') return t('off (no role)');
  return value === '' ? t('(empty)') : value;
}

/** The setting ids whose edit command changes nothing directly (a Quick Setup owns them). */
const READ_ONLY = new Set(['/ssm/just-in-time-access/identity-provider']);

/** The display label of a setting id; the id itself for an id this tool does not list. */
export function serviceSettingLabel(id: string, t: Localize = formatMessage): string {
  switch (id) {
    case '/ssm/appmanager/appmanager-enabled':
      return t('Application Manager');
    case '/ssm/automation/customer-script-log-destination':
      return t('Automation: script log destination');
    case '/ssm/automation/customer-script-log-group-name':
      return t('Automation: script log group');
    case '/ssm/automation/enable-adaptive-concurrency':
      return t('Automation: adaptive concurrency');
    case '/ssm/documents/console/public-sharing-permission':
      return t('Documents: public sharing');
    case '/ssm/managed-instance/activation-tier':
      return t('Hybrid nodes: instances tier');
    case DHMC_SETTING_ID:
      return t('Default Host Management Configuration');
    case '/ssm/opsinsights/opscenter':
      return t('OpsCenter');
    case '/ssm/parameter-store/default-parameter-tier':
      return t('Parameter Store: default parameter tier');
    case '/ssm/parameter-store/high-throughput-enabled':
      return t('Parameter Store: higher throughput');
    case '/ssm/just-in-time-access/identity-provider':
      return t('Just-in-time node access: identity provider');
  }
  const opsdata = /^\/ssm\/opsdata\/(.+)$/.exec(id);
  if (opsdata) return t('Explorer OpsData source: {0}', opsdata[1] as string);
  const opsitem = /^\/ssm\/opsitem\/(.+)$/.exec(id);
  if (opsitem) return t('OpsCenter default rule: {0} OpsItems', opsitem[1] as string);
  return id;
}

/**
 * How a setting's value is edited:
 * `pick` from its documented values; `text` checked against a pattern; `dhmcRole` through the Enable DHMC
 * command (which can create the role); `none` when a Quick Setup owns the setting.
 */
export type SettingEdit =
  | { kind: 'pick'; values: readonly string[] }
  | { kind: 'text'; pattern: string; example?: string }
  | { kind: 'dhmcRole' }
  | { kind: 'none' };

/** A documented setting as the view shows it. */
export interface SettingView {
  id: string;
  label: string;
  /** From the setting table (English). */
  description: string;
  edit: SettingEdit;
  defaultValue?: string;
  docUrl: string;
}

/** How one documented setting is shown and edited. */
export function settingView(setting: ServiceSettingInfo, t: Localize = formatMessage): SettingView {
  const view: SettingView = { id: setting.id, label: serviceSettingLabel(setting.id, t), description: t(setting.description), edit: settingEdit(setting), docUrl: setting.docUrl };
  if (setting.defaultValue !== undefined) view.defaultValue = setting.defaultValue;
  return view;
}

/** Every documented setting, in the order of the setting table (by id, so grouped by feature). */
export function settingViews(t: Localize = formatMessage): SettingView[] {
  return SERVICE_SETTINGS.map((s) => settingView(s, t));
}

function settingEdit(setting: ServiceSettingInfo): SettingEdit {
  if (READ_ONLY.has(setting.id)) return { kind: 'none' };
  if (setting.id === DHMC_SETTING_ID) return { kind: 'dhmcRole' };
  if (setting.allowedValues) return { kind: 'pick', values: setting.allowedValues };
  const edit: SettingEdit = { kind: 'text', pattern: setting.valuePattern ?? '^.+$' };
  if (setting.valueExample !== undefined) edit.example = setting.valueExample;
  return edit;
}

/** A note on values that cost money, for the pick list and the confirmation; undefined for free values. */
export function chargeNote(id: string, value: string, t: Localize = formatMessage): string | undefined {
  if (id === '/ssm/parameter-store/default-parameter-tier') {
    if (value === 'Advanced') return t('Advanced parameters are charged.');
    if (value === 'Intelligent-Tiering') return t('Parameters that need the advanced tier become advanced parameters, which are charged.');
  }
  if (id === '/ssm/parameter-store/high-throughput-enabled' && value === 'true') return t('Higher throughput is charged per API interaction.');
  if (id === '/ssm/managed-instance/activation-tier' && value === 'advanced') return t('Advanced instances are charged per node and hour.');
  return undefined;
}

/** One entry of the pick list of values. */
export interface ValuePick {
  value: string;
  label: string;
  /** "current", "default", both, or empty. */
  description: string;
  /** The charge note, when the value costs money. */
  detail?: string;
  picked: boolean;
}

/** The pick list of a setting with documented values, the current one marked; empty for free-form settings. */
export function settingValuePicks(setting: ServiceSettingInfo, current: string | undefined, t: Localize = formatMessage): ValuePick[] {
  const edit = settingEdit(setting);
  if (edit.kind !== 'pick') return [];
  return edit.values.map((value) => {
    const marks = [value === current ? t('current') : undefined, value === setting.defaultValue ? t('default') : undefined].filter((m): m is string => !!m);
    const pick: ValuePick = { value, label: value, description: marks.join(', '), picked: value === current };
    const note = chargeNote(setting.id, value, t);
    if (note) pick.detail = note;
    return pick;
  });
}

/** A plain-text message for an input box when the value is not one UpdateServiceSetting accepts; undefined when it is. */
export function validateSettingValue(setting: ServiceSettingInfo, value: string, t: Localize = formatMessage): string | undefined {
  if (isValidServiceSettingValue(setting.id, value) !== false) return undefined;
  if (setting.allowedValues) return t('Use one of: {0} (case matters).', setting.allowedValues.join(', '));
  return setting.valueExample !== undefined ? t('Not a valid value for this setting; for example: {0}', setting.valueExample) : t('Not a valid value for this setting.');
}

/** The `contextValue` of a setting row, used in `when` clauses. */
export type SettingContextValue =
  | 'serviceSettingDefault'
  | 'serviceSettingCustomized'
  | 'serviceSettingPending'
  | 'serviceSettingReadOnly'
  | 'serviceSettingDenied'
  | 'serviceSettingNotOptedIn'
  | 'serviceSettingError';

/** One setting in one Region, as a tree item. */
export interface SettingRow {
  region: string;
  settingId: string;
  label: string;
  /** The value; undefined when it could not be read. An empty string with `notSet` for ServiceSettingNotFound. */
  value?: string;
  /** The API status (`Default`, `Customized`, `PendingUpdate`), `NotSet`, or undefined when unread. */
  status?: string;
  lastModified?: LastModified;
  description: string;
  /** Markdown. */
  tooltip: string;
  icon: string;
  contextValue: SettingContextValue;
}

/** The row of one setting in one Region from what reading it gave. */
export function settingRow(region: string, setting: ServiceSettingInfo, read: SettingRead, t: Localize = formatMessage): SettingRow {
  const label = serviceSettingLabel(setting.id, t);
  const head = [`**${escapeMarkdown(label)}** ${code(setting.id)} ${t('in {0}', code(region))}`, escapeMarkdown(t(setting.description))];
  const foot = [valuesLine(setting, t), `[${t('Documentation')}](${setting.docUrl})`].filter((l): l is string => !!l);
  const base = { region, settingId: setting.id, label };
  const readOnly = READ_ONLY.has(setting.id);

  if ('error' in read) {
    const { error } = read;
    if (error.code === 'ServiceSettingNotFound') {
      return {
        ...base,
        value: '',
        status: 'NotSet',
        description: t('not set'),
        tooltip: [...head, t('Not set in this Region.'), ...foot].join('\n\n'),
        icon: 'circle-outline',
        contextValue: readOnly ? 'serviceSettingReadOnly' : 'serviceSettingDefault',
      };
    }
    const kind = error.kind === 'accessDenied' ? 'Denied' : error.kind === 'regionNotEnabled' ? 'NotOptedIn' : 'Error';
    return {
      ...base,
      description: errorLabel(error, t),
      tooltip: [...head, ...errorMarkdown(error, t), ...foot].join('\n\n'),
      icon: kind === 'Denied' ? 'lock' : kind === 'NotOptedIn' ? 'cloud-download' : 'error',
      contextValue: `serviceSetting${kind}`,
    };
  }

  const state = readSettingState(read.setting);
  const isDefault = state.status === 'Default';
  const shown = humanSettingValue(state.value, t);
  const description = state.pending ? t('{0} · update pending', shown) : isDefault ? t('{0} · default', shown) : shown;
  const lines = [...head, t('Value: {0}, status {1}', state.value === '$None' ? shown : code(state.value), code(state.status))];
  const note = chargeNote(setting.id, state.value, t);
  if (note) lines.push(note);
  const modified = lastModifiedLine(state.lastModified, t);
  if (modified) lines.push(modified);
  return {
    ...base,
    value: state.value,
    status: state.status,
    lastModified: state.lastModified,
    description,
    tooltip: [...lines, ...foot].join('\n\n'),
    icon: state.pending ? 'sync' : isDefault ? 'circle-outline' : 'pass',
    contextValue: readOnly ? 'serviceSettingReadOnly' : state.pending ? 'serviceSettingPending' : isDefault ? 'serviceSettingDefault' : 'serviceSettingCustomized',
  };
}

function valuesLine(setting: ServiceSettingInfo, t: Localize): string | undefined {
  const parts: string[] = [];
  if (setting.allowedValues) parts.push(t('Allowed values: {0}', setting.allowedValues.map(code).join(', ')));
  if (setting.defaultValue !== undefined) parts.push(t('default {0}', setting.defaultValue === '$None' ? humanSettingValue(setting.defaultValue, t) : code(setting.defaultValue)));
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** The text of a modal confirmation: `message` is the question, `detail` the lines under it, `confirm` the button. */
export interface SettingConfirmation {
  message: string;
  detail: string;
  confirm: string;
}

function regionsText(regions: readonly string[]): string {
  return [...new Set(regions)].join(', ');
}

/** What resetting the setting does beyond restoring its value, when that matters. */
function resetConsequence(id: string, regions: number, t: Localize): string | undefined {
  switch (id) {
    case DHMC_SETTING_ID:
      return regions === 1
        ? t('EC2 instances in this Region that have no instance profile granting Systems Manager access stop being managed by Systems Manager.')
        : t('EC2 instances in these Regions that have no instance profile granting Systems Manager access stop being managed by Systems Manager.');
    case '/ssm/automation/customer-script-log-destination':
      return t('Automation stops sending the output of aws:executeScript steps to CloudWatch Logs.');
    case '/ssm/documents/console/public-sharing-permission':
      return t('Sharing SSM documents publicly becomes possible again.');
    default:
      return undefined;
  }
}

/** The confirmation before ResetServiceSetting in one or more Regions; names the Regions and the default it restores. */
export function resetConfirmation(setting: ServiceSettingInfo, regions: readonly string[], t: Localize = formatMessage, context?: ConfirmationContext): SettingConfirmation {
  const label = serviceSettingLabel(setting.id, t);
  const n = new Set(regions).size;
  const message =
    n === 1
      ? t('Reset {0} to its default in {1}?', label, regionsText(regions))
      : t('Reset {0} to its default in {1} Regions ({2})?', label, n, regionsText(regions));
  const detail = [
    setting.defaultValue !== undefined
      ? t('The value goes back to {0}.', humanSettingValue(setting.defaultValue, t))
      : t('The value goes back to the AWS default.'),
    resetConsequence(setting.id, n, t),
    ...(context ? ['', accountLine(context, t), t('ssm:ResetServiceSetting {0} in {1}', setting.id, regionsText(regions))] : []),
  ].filter((l): l is string => l !== undefined);
  return { message, detail: detail.join('\n'), confirm: t('Reset') };
}

/** The confirmation before UpdateServiceSetting: the Region, the old and the new value, and any charge. */
export function updateConfirmation(
  setting: ServiceSettingInfo,
  region: string,
  from: string | undefined,
  to: string,
  t: Localize = formatMessage,
  context?: ConfirmationContext,
): SettingConfirmation {
  const label = serviceSettingLabel(setting.id, t);
  const message =
    from === undefined
      ? t('Set {0} to {1} in {2}?', label, humanSettingValue(to, t), region)
      : t('Change {0} in {1} from {2} to {3}?', label, region, humanSettingValue(from, t), humanSettingValue(to, t));
  const detail = [
    t(setting.description),
    chargeNote(setting.id, to, t),
    ...(context ? ['', accountLine(context, t), t('ssm:UpdateServiceSetting {0} = {1} in {2}', setting.id, to, region)] : []),
  ].filter((l): l is string => l !== undefined);
  return { message, detail: detail.join('\n'), confirm: t('Change') };
}
