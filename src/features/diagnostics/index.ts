import * as vscode from 'vscode';
import type { SchemaAssociations } from '../schemas';
import type { WorkspaceTrust } from '../common/trust';
import { PolicyDiagnostics } from './policy-diagnostics';
import { PolicyQuickFixes } from './quick-fixes';
import { WorkspaceLintConfig } from './workspace-config';

export { PolicyDiagnostics } from './policy-diagnostics';
export { FIX_ALL_KIND, PolicyQuickFixes } from './quick-fixes';
export { DIAGNOSTIC_SOURCE } from './convert';

/**
 * The documents the quick fixes apply to: JSON and JSONC, and YAML and Terraform templates (PolicyDiagnostics decides
 * which of them are policies or templates holding policies).
 */
const POLICY_DOCUMENTS: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }, { language: 'yaml' }, { language: 'terraform' }];

/**
 * Registers the policy diagnostics (with `.ssm-policy-lint.json` in trusted workspaces and the `ssmPolicy.rules`
 * setting) and their quick fixes; the documents found through the globs or their content get their schema through
 * `associations`. Returns the diagnostics so that commands can lint files on demand.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, trust: WorkspaceTrust, associations: SchemaAssociations): PolicyDiagnostics {
  const workspaceConfig = new WorkspaceLintConfig(trust);
  const diagnostics = new PolicyDiagnostics(workspaceConfig, associations);
  context.subscriptions.push(
    workspaceConfig,
    diagnostics,
    vscode.languages.registerCodeActionsProvider(POLICY_DOCUMENTS, new PolicyQuickFixes(diagnostics), {
      providedCodeActionKinds: PolicyQuickFixes.providedCodeActionKinds,
    }),
  );
  return diagnostics;
}
