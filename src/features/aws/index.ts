import * as vscode from 'vscode';
import { DHMC_SETTING_ID } from '../../core/ssm/dhmc';
import type { AwsBackend } from '../dhmc/backend';
import { createAwsBackend } from '../dhmc/aws-backend';
import { disableDhmc, enableDhmc, type DhmcCommandArg } from '../dhmc/dhmc-commands';
import { DHMC_VIEW_ID, DhmcTreeProvider, type DhmcNode } from '../dhmc/dhmc-tree';
import { editServiceSetting, resetServiceSetting, type SettingCommandArg } from '../settings/settings-commands';
import { SETTINGS_VIEW_ID, SettingsTreeProvider, type SettingsNode } from '../settings/settings-tree';
import { AwsSession } from './session';
import { UiHolder, type AwsUi } from './ui';

export { type AwsBackend } from '../dhmc/backend';
export { type DhmcCommandOptions, type DhmcCommandResult } from '../dhmc/dhmc-commands';
export { type SettingCommandResult } from '../settings/settings-commands';

/** The command ids of the AWS views (declared in package.json). */
export const AwsCommandId = {
  selectAwsProfile: 'ssmPolicy.selectAwsProfile',
  refreshDhmc: 'ssmPolicy.refreshDhmc',
  refreshDhmcRegion: 'ssmPolicy.refreshDhmcRegion',
  enableDhmc: 'ssmPolicy.enableDhmc',
  disableDhmc: 'ssmPolicy.disableDhmc',
  refreshServiceSettings: 'ssmPolicy.refreshServiceSettings',
  editServiceSetting: 'ssmPolicy.editServiceSetting',
  resetServiceSetting: 'ssmPolicy.resetServiceSetting',
} as const;

/** What registerAwsViews returns: the pieces, and the seams integration tests use. */
export interface AwsViewsApi {
  session: AwsSession;
  /** The "SSM Policy Studio: AWS" log channel (other AWS features log their calls here too). */
  log: vscode.LogOutputChannel;
  dhmc: DhmcTreeProvider;
  settings: SettingsTreeProvider;
  /** Replaces some prompts (a modal dialog cannot be answered from the extension host) until disposed. */
  useUi(ui: Partial<AwsUi>): vscode.Disposable;
  /** Replaces the AWS backend until disposed; the views reload. */
  useBackend(backend: AwsBackend): vscode.Disposable;
}

function regionOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null && 'region' in arg && typeof (arg as { region: unknown }).region === 'string') return (arg as { region: string }).region;
  return undefined;
}

/**
 * Registers the DHMC view (`ssmPolicy.dhmc`), the service settings view (`ssmPolicy.serviceSettings`), the AWS
 * profile status bar item and their commands. Nothing calls AWS until a view is shown or a command runs.
 */
export function registerAwsViews(context: vscode.ExtensionContext, backend?: AwsBackend): AwsViewsApi {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('SSM Policy Studio: AWS'), { log: true });
  context.subscriptions.push(log);
  if (!backend) {
    const real = createAwsBackend({ log: (line) => log.warn(line) });
    context.subscriptions.push(real);
    backend = real;
  }
  const ui = new UiHolder();
  const session = new AwsSession(backend);
  const dhmc = new DhmcTreeProvider(session);
  const settings = new SettingsTreeProvider(session);
  const dhmcView = vscode.window.createTreeView<DhmcNode>(DHMC_VIEW_ID, { treeDataProvider: dhmc, canSelectMany: true });
  dhmc.attach(dhmcView);
  const settingsView = vscode.window.createTreeView<SettingsNode>(SETTINGS_VIEW_ID, { treeDataProvider: settings, showCollapseAll: true });

  const dhmcDeps = { session, tree: dhmc, ui, onChanged: (regions: readonly string[]) => regions.forEach((r) => settings.refreshRegion(r)) };
  const settingDeps = {
    session,
    tree: settings,
    ui,
    enableDhmc: (region: string, role: string | undefined) => vscode.commands.executeCommand(AwsCommandId.enableDhmc, { regions: [region], role }),
    onChanged: (region: string, settingId: string) => {
      if (settingId === DHMC_SETTING_ID) void dhmc.refreshRegion(region);
    },
  };

  context.subscriptions.push(
    session,
    dhmc,
    settings,
    dhmcView,
    settingsView,
    vscode.commands.registerCommand(AwsCommandId.selectAwsProfile, () => session.selectProfile()),
    vscode.commands.registerCommand(AwsCommandId.refreshDhmc, () => {
      dhmc.refresh();
      return dhmc.whenLoaded();
    }),
    vscode.commands.registerCommand(AwsCommandId.refreshDhmcRegion, (arg?: unknown) => {
      const region = regionOf(arg);
      return region ? dhmc.refreshRegion(region) : undefined;
    }),
    vscode.commands.registerCommand(AwsCommandId.enableDhmc, (arg?: DhmcCommandArg, selected?: unknown) => enableDhmc(dhmcDeps, arg, selected)),
    vscode.commands.registerCommand(AwsCommandId.disableDhmc, (arg?: DhmcCommandArg, selected?: unknown) => disableDhmc(dhmcDeps, arg, selected)),
    vscode.commands.registerCommand(AwsCommandId.refreshServiceSettings, (arg?: unknown) => {
      const region = regionOf(arg);
      if (region) settings.refreshRegion(region);
      else settings.refresh();
    }),
    vscode.commands.registerCommand(AwsCommandId.editServiceSetting, (arg?: SettingCommandArg) => editServiceSetting(settingDeps, arg)),
    vscode.commands.registerCommand(AwsCommandId.resetServiceSetting, (arg?: SettingCommandArg) => resetServiceSetting(settingDeps, arg)),
  );

  return {
    session,
    log,
    dhmc,
    settings,
    useUi: (partial) => ui.use(partial),
    useBackend: (replacement) => {
      const previous = session.backend;
      session.setBackend(replacement);
      return new vscode.Disposable(() => session.setBackend(previous));
    },
  };
}
