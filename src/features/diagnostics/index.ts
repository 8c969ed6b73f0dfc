import * as vscode from 'vscode';
import { PolicyDiagnostics } from './policy-diagnostics';
import { PolicyQuickFixes } from './quick-fixes';
import { WorkspaceLintConfig } from './workspace-config';

export { PolicyDiagnostics } from './policy-diagnostics';
export { FIX_ALL_KIND, PolicyQuickFixes } from './quick-fixes';
export { DIAGNOSTIC_SOURCE } from './convert';

/** The documents the quick fixes apply to: JSON and JSONC (PolicyDiagnostics decides which of them are policies). */
const POLICY_DOCUMENTS: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }];

/**
 * Registers the policy diagnostics (with `.ssm-policy-lint.json` and the `ssmPolicy.rules` setting) and their
 * quick fixes; returns the diagnostics so that commands can lint files on demand.
 */
export function registerDiagnostics(context: vscode.ExtensionContext): PolicyDiagnostics {
  const workspaceConfig = new WorkspaceLintConfig();
  const diagnostics = new PolicyDiagnostics(workspaceConfig);
  context.subscriptions.push(
    workspaceConfig,
    diagnostics,
    vscode.languages.registerCodeActionsProvider(POLICY_DOCUMENTS, new PolicyQuickFixes(diagnostics), {
      providedCodeActionKinds: PolicyQuickFixes.providedCodeActionKinds,
    }),
  );
  return diagnostics;
}
