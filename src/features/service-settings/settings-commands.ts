import * as vscode from 'vscode';
import { toAwsError } from '../../core/aws/error';
import { resetConfirmation, settingValuePicks, settingView, updateConfirmation, validateSettingValue } from '../../core/service-settings';
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
  error?: string;
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
  const confirmation = updateConfirmation(t.setting, t.region, t.current, value, vscode.l10n.t);
  if (!(await ui.confirm(confirmation))) return { region: t.region, settingId: t.setting.id, value, confirmed: false, ok: false };
  try {
    await deps.session.port.updateServiceSetting(deps.session.target(t.region), t.setting.id, value);
  } catch (err) {
    const message = toAwsError(err).message;
    ui.error(vscode.l10n.t('Could not change {0} in {1}: {2}', view.label, t.region, message));
    return { region: t.region, settingId: t.setting.id, value, confirmed: true, ok: false, error: message };
  } finally {
    deps.tree.refreshRegion(t.region);
  }
  deps.onChanged(t.region, t.setting.id);
  ui.info(vscode.l10n.t('{0} in {1} is now {2}.', view.label, t.region, value));
  return { region: t.region, settingId: t.setting.id, value, confirmed: true, ok: true };
}

/** Reset a setting to its default (ResetServiceSetting) after a confirmation that says what goes back and what stops. */
export async function resetServiceSetting(deps: SettingCommandDeps, arg: SettingCommandArg): Promise<SettingCommandResult | undefined> {
  const t = target(deps, arg);
  if (!t) return undefined;
  const ui = deps.ui.current;
  const label = settingView(t.setting, vscode.l10n.t).label;
  if (!(await ui.confirm(resetConfirmation(t.setting, [t.region], vscode.l10n.t)))) {
    return { region: t.region, settingId: t.setting.id, confirmed: false, ok: false };
  }
  try {
    await deps.session.port.resetServiceSetting(deps.session.target(t.region), t.setting.id);
  } catch (err) {
    const message = toAwsError(err).message;
    ui.error(vscode.l10n.t('Could not reset {0} in {1}: {2}', label, t.region, message));
    return { region: t.region, settingId: t.setting.id, confirmed: true, ok: false, error: message };
  } finally {
    deps.tree.refreshRegion(t.region);
  }
  deps.onChanged(t.region, t.setting.id);
  ui.info(vscode.l10n.t('{0} in {1} is back to its default.', label, t.region));
  return { region: t.region, settingId: t.setting.id, confirmed: true, ok: true };
}
