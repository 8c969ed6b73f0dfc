import * as vscode from 'vscode';
import { insertDocumentedPolicy, MANAGED_POLICY_SCHEME, ManagedPolicyContentProvider } from './insert-documented-policy';
import { lintWorkspace, type LintUri } from './lint-workspace';

export { type LintUri, type LintWorkspaceSummary } from './lint-workspace';

/** The command ids this feature contributes (declared in package.json). */
export const CommandId = {
  lintWorkspace: 'ssmPolicy.lintWorkspace',
  insertDocumentedPolicy: 'ssmPolicy.insertDocumentedPolicy',
} as const;

/**
 * Registers `ssmPolicy.lintWorkspace` (lints every policy of the workspace through `lintUri`, which the diagnostics
 * feature provides and which fills the Problems panel) and `ssmPolicy.insertDocumentedPolicy` (optional argument: a
 * catalog entry id, which skips the picker), and the read-only documents of AWS managed policies.
 */
export function registerCommands(context: vscode.ExtensionContext, lintUri: LintUri): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(MANAGED_POLICY_SCHEME, new ManagedPolicyContentProvider()),
    vscode.commands.registerCommand(CommandId.lintWorkspace, () => lintWorkspace(lintUri)),
    vscode.commands.registerCommand(CommandId.insertDocumentedPolicy, (entryId?: unknown) => insertDocumentedPolicy(entryId)),
  );
}
