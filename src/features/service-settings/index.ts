import * as vscode from 'vscode';
import { DHMC_SETTING_ID } from '../../core/ssm/dhmc';
import type { Connection } from '../connection';
import { regionOf } from '../dhmc';
import { editServiceSetting, resetServiceSetting, type SettingCommandArg } from './settings-commands';
import { SETTINGS_VIEW_ID, SettingsTreeProvider, type SettingsNode } from './settings-tree';

export { type SettingCommandResult } from './settings-commands';

/** The command ids of the service-settings view (declared in package.json). */
export const ServiceSettingsCommandId = {
  refreshServiceSettings: 'ssmPolicy.refreshServiceSettings',
  editServiceSetting: 'ssmPolicy.editServiceSetting',
  resetServiceSetting: 'ssmPolicy.resetServiceSetting',
} as const;

/**
 * Registers the service settings view (`ssmPolicy.serviceSettings`) and its commands. The DHMC setting is edited
 * through Enable DHMC, and a change to it refreshes that Region of the DHMC view.
 */
export function registerServiceSettings(context: vscode.ExtensionContext, connection: Connection): SettingsTreeProvider {
  const { session, ui } = connection;
  const tree = new SettingsTreeProvider(session);
  const view = vscode.window.createTreeView<SettingsNode>(SETTINGS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const deps = {
    session,
    tree,
    ui,
    enableDhmc: (region: string, role: string | undefined) => vscode.commands.executeCommand('ssmPolicy.enableDhmc', { regions: [region], role }),
    onChanged: (region: string, settingId: string) => {
      if (settingId === DHMC_SETTING_ID) void vscode.commands.executeCommand('ssmPolicy.refreshDhmcRegion', region);
    },
  };
  context.subscriptions.push(
    tree,
    view,
    vscode.commands.registerCommand(ServiceSettingsCommandId.refreshServiceSettings, (arg?: unknown) => {
      const region = regionOf(arg);
      if (region) tree.refreshRegion(region);
      else tree.refresh();
    }),
    vscode.commands.registerCommand(ServiceSettingsCommandId.editServiceSetting, (arg?: SettingCommandArg) => editServiceSetting(deps, arg)),
    vscode.commands.registerCommand(ServiceSettingsCommandId.resetServiceSetting, (arg?: SettingCommandArg) => resetServiceSetting(deps, arg)),
  );
  return tree;
}
