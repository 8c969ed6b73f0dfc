import * as vscode from 'vscode';
import type { WriteOutcome } from '../../core/aws/writes';
import type { ConfirmationContext } from '../../core/dhmc';
import {
  changeSetting,
  humanSettingValue,
  resetConfirmation,
  settingValuePicks,
  settingView,
  updateConfirmation,
  validateSettingValue,
  type SettingChange,
  type SettingWriteResult,
} from '../../core/service-settings';
import { serviceSettingById, type ServiceSettingInfo } from '../../core/ssm/service-settings';
import type { AwsSession } from '../connection/session';
import type { UiHolder } from '../connection/ui';
import type { SettingsNode, SettingsTreeProvider } from './settings-tree';

/** A setting in a Region: a tree row, or explicit values (which skip the pickers; the confirmation always shows). */
export type SettingCommandArg = SettingsNode | { region: string; settingId: string; value?: string } | undefined;

/** What an edit or a reset did; undefined when the user stopped at a prompt or nothing was to be done. */
export interface SettingCommandResult {
  region: string;
  settingId: string;
  /** The value set (for a reset, undefined). */
  value?: string;
  confirmed: boolean;
  ok: boolean;
  /** How the write ended (after a read-back when the call failed ambiguously). */
  outcome?: WriteOutcome;
  /** The message shown after the write. */
  message?: string;
  /** The confirmation shown. */
  confirmation?: { message: string; detail: string };
  error?: string;
}

/** How long after an outcome-unknown write the Region is read once more. */
const RECHECK_MS = 5_000;

async function confirmationContext(deps: SettingCommandDeps): Promise<ConfirmationContext> {
  const identity = await deps.session.identity();
  const context: ConfirmationContext = { profile: deps.session.profileLabel() };
  if (identity.ok) context.account = identity.identity.account;
  return context;
}

/** Makes the write (changeSetting), shows what happened, and reads the Region again (once more later when unknown). */
async function write(deps: SettingCommandDeps, region: string, label: string, change: SettingChange): Promise<SettingWriteResult> {
  const result = await changeSetting(deps.session.port, deps.session.target(region), change, {
    timeoutMs: deps.session.regionTimeoutMs,
    label,
    t: vscode.l10n.t,
  });
  deps.tree.refreshRegion(region);
  if (result.outcome !== 'notApplied') deps.onChanged(region, change.settingId);
  if (result.outcome === 'unknown') {
    setTimeout(() => {
      deps.tree.refreshRegion(region);
      deps.onChanged(region, change.settingId);
    }, RECHECK_MS);
  }
  return result;
}

export interface SettingCommandDeps {
  session: AwsSession;
  tree: SettingsTreeProvider;
  ui: UiHolder;
  /** Hands the DHMC row to Enable DHMC (which can create and checks the role). */
  enableDhmc(region: string, role: string | undefined): Thenable<unknown>;
  /** Called after a setting changed in a Region (the DHMC view reloads it). */
  onChanged(region: string, settingId: string): void;
}

interface Target {
  region: string;
  setting: ServiceSettingInfo;
  current?: string;
  value?: string;
}

function target(deps: SettingCommandDeps, arg: SettingCommandArg): Target | undefined {
  if (!arg || typeof arg !== 'object') {
    deps.ui.current.info(vscode.l10n.t('Choose a setting in the Service Settings view.'));
    return undefined;
  }
  if ('kind' in arg) {
    if (arg.kind !== 'setting') return undefined;
    const setting = serviceSettingById(arg.settingId);
    return setting ? { region: arg.region, setting, current: arg.row.value } : undefined;
  }
  const setting = serviceSettingById(arg.settingId);
  if (!setting) {
    deps.ui.current.error(vscode.l10n.t('Unknown service setting: {0}', arg.settingId));
    return undefined;
  }
  return { region: arg.region, setting, value: arg.value };
}

/** Edit a setting: its valid values in a pick list (or an input box with validation), confirmation, UpdateServiceSetting. */
export async function editServiceSetting(deps: SettingCommandDeps, arg: SettingCommandArg): Promise<SettingCommandResult | undefined> {
  const t = target(deps, arg);
  if (!t) return undefined;
  const ui = deps.ui.current;
  const view = settingView(t.setting, vscode.l10n.t);
  if (view.edit.kind === 'dhmcRole') {
    await deps.enableDhmc(t.region, t.value);
    return undefined;
  }
  if (view.edit.kind === 'none') {
    ui.info(vscode.l10n.t('{0} is managed by its Quick Setup configuration; change it there.', view.label));
    return undefined;
  }
  let value = t.value;
  if (value === undefined) {
    if (view.edit.kind === 'pick') {
      const picks = settingValuePicks(t.setting, t.current, vscode.l10n.t);
      const pick = await ui.pickOne(picks, { title: vscode.l10n.t('{0} in {1}', view.label, t.region), placeHolder: view.description });
      value = pick?.value;
    } else {
      value = await ui.input({
        title: vscode.l10n.t('{0} in {1}', view.label, t.region),
        prompt: view.description,
        value: t.current,
        placeHolder: view.edit.example,
        ignoreFocusOut: true,
        validateInput: (text) => validateSettingValue(t.setting, text, vscode.l10n.t),
      });
    }
  }
  if (value === undefined) return undefined;
  const invalid = validateSettingValue(t.setting, value, vscode.l10n.t);
  if (invalid) {
    ui.error(invalid);
    return undefined;
  }
  if (value === t.current) {
    ui.info(vscode.l10n.t('{0} in {1} is already {2}.', view.label, t.region, value));
    return undefined;
  }
  const confirmation = updateConfirmation(t.setting, t.region, t.current, value, vscode.l10n.t, await confirmationContext(deps));
  const shown = { message: confirmation.message, detail: confirmation.detail };
  if (!(await ui.confirm(confirmation))) return { region: t.region, settingId: t.setting.id, value, confirmed: false, ok: false, confirmation: shown };
  const r = await write(deps, t.region, view.label, { settingId: t.setting.id, operation: 'update', value });
  const done = { region: t.region, settingId: t.setting.id, value, confirmed: true, ok: r.outcome === 'applied', outcome: r.outcome, confirmation: shown };
  if (r.outcome === 'applied' && !r.error) {
    const message = vscode.l10n.t('{0} in {1} is now {2}.', view.label, t.region, humanSettingValue(value, vscode.l10n.t));
    ui.info(message);
    return { ...done, message };
  }
  const message = vscode.l10n.t('{0} in {1}: {2}', view.label, t.region, r.message);
  if (r.outcome === 'applied') ui.info(message);
  else if (r.outcome === 'unknown') ui.warn(message);
  else ui.error(message);
  return { ...done, message, ...(r.error ? { error: r.error.message } : {}) };
}

/** Reset a setting to its default (ResetServiceSetting) after a confirmation that says what goes back and what stops. */
export async function resetServiceSetting(deps: SettingCommandDeps, arg: SettingCommandArg): Promise<SettingCommandResult | undefined> {
  const t = target(deps, arg);
  if (!t) return undefined;
  const ui = deps.ui.current;
  const label = settingView(t.setting, vscode.l10n.t).label;
  const confirmation = resetConfirmation(t.setting, [t.region], vscode.l10n.t, await confirmationContext(deps));
  const shown = { message: confirmation.message, detail: confirmation.detail };
  if (!(await ui.confirm(confirmation))) return { region: t.region, settingId: t.setting.id, confirmed: false, ok: false, confirmation: shown };
  const change: SettingChange = { settingId: t.setting.id, operation: 'reset' };
  if (t.setting.defaultValue !== undefined) change.defaultValue = t.setting.defaultValue;
  const r = await write(deps, t.region, label, change);
  const done = { region: t.region, settingId: t.setting.id, confirmed: true, ok: r.outcome === 'applied', outcome: r.outcome, confirmation: shown };
  if (r.outcome === 'applied' && !r.error) {
    const message = vscode.l10n.t('{0} in {1} is back to its default.', label, t.region);
    ui.info(message);
    return { ...done, message };
  }
  const message = vscode.l10n.t('{0} in {1}: {2}', label, t.region, r.message);
  if (r.outcome === 'applied') ui.info(message);
  else if (r.outcome === 'unknown') ui.warn(message);
  else ui.error(message);
  return { ...done, message, ...(r.error ? { error: r.error.message } : {}) };
}
