import * as vscode from 'vscode';
import { SCHEMA_FILES, withOurAssociations } from '../../core/schema/associations';
import type { PolicyKind } from '../../core/policy/types';

/** The settings that add file globs to the policy schemas (beyond the file names package.json wires). */
export const SCHEMA_GLOB_SETTINGS: Readonly<Record<PolicyKind, string>> = {
  identity: 'schemas.identityPolicyFiles',
  trust: 'schemas.trustPolicyFiles',
  scp: 'schemas.scpFiles',
};

/**
 * Keeps `json.schemas` in step with the `ssmPolicy.schemas.*` globs: VS Code's JSON support reads file
 * associations only from `contributes.jsonValidation` (fixed file names) and that setting. Only the entries that
 * point at this extension's schemas are touched, in the settings scope where the user set the globs.
 */
export function registerSchemaSettings(context: vscode.ExtensionContext): void {
  const sync = (): void => {
    void syncSchemaAssociations(context.extensionUri).catch((err: unknown) => {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('SSM Policy Studio could not update json.schemas: {0}', err instanceof Error ? err.message : String(err)),
      );
    });
  };
  sync();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ssmPolicy.schemas')) sync();
    }),
  );
}

async function syncSchemaAssociations(extensionUri: vscode.Uri): Promise<void> {
  const ours = vscode.workspace.getConfiguration('ssmPolicy');
  const json = vscode.workspace.getConfiguration('json', null);
  const schemaUrl = (kind: PolicyKind): string => vscode.Uri.joinPath(extensionUri, SCHEMA_FILES[kind]).toString();
  // Write where the globs were set: the workspace's json.schemas for workspace globs, the user's otherwise.
  for (const target of [vscode.ConfigurationTarget.Global, vscode.ConfigurationTarget.Workspace]) {
    const globs: Partial<Record<PolicyKind, string[]>> = {};
    for (const [kind, key] of Object.entries(SCHEMA_GLOB_SETTINGS) as [PolicyKind, string][]) {
      const inspected = ours.inspect<string[]>(key);
      const value = target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue;
      if (Array.isArray(value)) globs[kind] = value;
    }
    const inspectedJson = json.inspect<unknown[]>('schemas');
    const current = target === vscode.ConfigurationTarget.Global ? inspectedJson?.globalValue : inspectedJson?.workspaceValue;
    if (target === vscode.ConfigurationTarget.Workspace && !vscode.workspace.workspaceFolders?.length) continue;
    const next = withOurAssociations(current, globs, schemaUrl);
    if (next) await json.update('schemas', next, target);
  }
}
