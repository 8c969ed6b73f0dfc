import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { disableDhmc, enableDhmc, regionOf, type DhmcCommandArg } from './dhmc-commands';

export { regionOf } from './dhmc-commands';
import { DHMC_VIEW_ID, DhmcTreeProvider, type DhmcNode } from './dhmc-tree';
import { attachDhmcPolicyCommand, checkManagedNodes, copyReadinessReport, requireImdsV2Command } from './readiness-commands';

export { type DhmcCommandOptions, type DhmcCommandResult } from './dhmc-commands';
export { type ReadinessFixResult } from './readiness-commands';

/** The command ids of the DHMC view (declared in package.json). */
export const DhmcCommandId = {
  refreshDhmc: 'ssmPolicy.refreshDhmc',
  refreshDhmcRegion: 'ssmPolicy.refreshDhmcRegion',
  enableDhmc: 'ssmPolicy.enableDhmc',
  disableDhmc: 'ssmPolicy.disableDhmc',
  checkManagedNodes: 'ssmPolicy.checkManagedNodes',
  copyReadinessReport: 'ssmPolicy.copyReadinessReport',
  requireImdsV2: 'ssmPolicy.requireImdsV2',
  attachDhmcPolicy: 'ssmPolicy.attachDhmcPolicy',
} as const;


/**
 * Registers the DHMC view (`ssmPolicy.dhmc`) and its commands: refresh, Enable and Disable DHMC, and for the managed
 * nodes under each Region: Check Managed Nodes, Copy Report, Require IMDSv2, attach the default policy to the DHMC role. A change tells the
 * service-settings view to reload the Regions it touched (`ssmPolicy.refreshServiceSettings`).
 */
export function registerDhmc(context: vscode.ExtensionContext, connection: Connection): DhmcTreeProvider {
  const { session, ui } = connection;
  const tree = new DhmcTreeProvider(session);
  const view = vscode.window.createTreeView<DhmcNode>(DHMC_VIEW_ID, { treeDataProvider: tree, canSelectMany: true });
  tree.attach(view);
  const deps = {
    session,
    tree,
    ui,
    onChanged: (regions: readonly string[]) => regions.forEach((r) => void vscode.commands.executeCommand('ssmPolicy.refreshServiceSettings', r)),
  };
  context.subscriptions.push(
    tree,
    view,
    vscode.commands.registerCommand(DhmcCommandId.refreshDhmc, () => {
      tree.refresh();
      return tree.whenLoaded();
    }),
    vscode.commands.registerCommand(DhmcCommandId.refreshDhmcRegion, (arg?: unknown) => {
      const region = regionOf(arg);
      return region ? tree.refreshRegion(region) : undefined;
    }),
    vscode.commands.registerCommand(DhmcCommandId.enableDhmc, (arg?: DhmcCommandArg, selected?: unknown) => enableDhmc(deps, arg, selected)),
    vscode.commands.registerCommand(DhmcCommandId.disableDhmc, (arg?: DhmcCommandArg, selected?: unknown) => disableDhmc(deps, arg, selected)),
    vscode.commands.registerCommand(DhmcCommandId.checkManagedNodes, (arg?: unknown) => checkManagedNodes(deps, arg)),
    vscode.commands.registerCommand(DhmcCommandId.copyReadinessReport, (arg?: unknown) => copyReadinessReport(deps, arg)),
    vscode.commands.registerCommand(DhmcCommandId.requireImdsV2, (arg?: unknown, selected?: unknown) => requireImdsV2Command(deps, arg, selected)),
    vscode.commands.registerCommand(DhmcCommandId.attachDhmcPolicy, (arg?: unknown) => attachDhmcPolicyCommand(deps, arg)),
  );
  return tree;
}
