import * as vscode from 'vscode';
import { ruleDocsUrl } from '../../core/rules/rule';
import { templateFormatOf } from '../../core/embedded/detect';
import { isPolicyDocument } from '../common/policy-documents';

/**
 * Lints one file and publishes its diagnostics (the diagnostics feature's collection). It may return the diagnostics
 * it published; otherwise they are read back with `vscode.languages.getDiagnostics`.
 */
export type LintUri = (uri: vscode.Uri) => Promise<void | readonly vscode.Diagnostic[]>;

/** What a workspace lint found. */
export interface LintWorkspaceSummary {
  /** JSON and JSONC files looked at. */
  jsonFiles: number;
  /** The files among them that are policies, each linted. */
  policies: number;
  /** Policies with at least one finding. */
  filesWithFindings: number;
  errors: number;
  warnings: number;
  infos: number;
  /** True when the user stopped the run before the end. */
  cancelled: boolean;
}

/** The files a workspace lint looks at, and what it leaves out. */
export const WORKSPACE_FILES = '**/*.{json,jsonc,yaml,yml,template,tf}';
export const WORKSPACE_EXCLUDE = '**/{node_modules,.terraform}/**';
/** Enough for any repository of policies; a workspace with more JSON files than this is linted in part. */
const MAX_FILES = 20_000;

/**
 * Finds the JSON, JSONC, YAML and Terraform files of the workspace (not under node_modules, nor excluded by `files.exclude`), keeps the
 * policies and the templates (CloudFormation, SAM, CDK output, Terraform), lints each through `lintUri` (which fills the Problems panel), with a progress notification, then shows a
 * summary with the counts. Resolves with the counts; the summary message is not awaited.
 */
export async function lintWorkspace(lintUri: LintUri): Promise<LintWorkspaceSummary> {
  const summary: LintWorkspaceSummary = { jsonFiles: 0, policies: 0, filesWithFindings: 0, errors: 0, warnings: 0, infos: 0, cancelled: false };
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to lint the policies in it.'));
    return summary;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Linting policies'), cancellable: true },
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles(WORKSPACE_FILES, WORKSPACE_EXCLUDE, MAX_FILES, token);
      uris.sort((a, b) => a.toString().localeCompare(b.toString()));
      summary.jsonFiles = uris.length;
      const step = uris.length > 0 ? 100 / uris.length : 0;
      for (const uri of uris) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        progress.report({ message: vscode.workspace.asRelativePath(uri, false), increment: step });
        const doc = await documentLike(uri);
        if (!doc || !(isPolicyDocument(doc) || templateFormatOf(uri.path, doc.getText()))) continue;
        summary.policies++;
        let diagnostics: readonly vscode.Diagnostic[];
        try {
          const published = await lintUri(uri);
          // What lintUri returns is all the linter's; what the Problems panel holds may include VS Code's JSON support's.
          diagnostics = Array.isArray(published) ? published : vscode.languages.getDiagnostics(uri).filter(isLintDiagnostic);
        } catch {
          continue;
        }
        const ours = diagnostics;
        if (ours.length > 0) summary.filesWithFindings++;
        for (const d of ours) {
          if (d.severity === vscode.DiagnosticSeverity.Error) summary.errors++;
          else if (d.severity === vscode.DiagnosticSeverity.Warning) summary.warnings++;
          else summary.infos++;
        }
      }
    },
  );
  showSummary(summary);
  return summary;
}

/** The text of a file: the open document's when it is open (unsaved edits count), the file's otherwise. */
async function documentLike(uri: vscode.Uri): Promise<{ uri: vscode.Uri; languageId: string; getText(): string } | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { uri, languageId: open.languageId, getText: () => open.getText() };
  try {
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    const extension = uri.path.toLowerCase().split('.').pop();
    const languageId = extension === 'jsonc' ? 'jsonc' : extension === 'tf' ? 'terraform' : extension === 'yaml' || extension === 'yml' ? 'yaml' : 'json';
    return { uri, languageId, getText: () => text };
  } catch {
    return undefined;
  }
}

/** The `source` of the linter's diagnostics. */
const LINT_SOURCE = 'ssm-policy';

/** A diagnostic of the linter: its source, or its code linking to a rule's page (not VS Code's JSON support's). */
function isLintDiagnostic(d: vscode.Diagnostic): boolean {
  if (d.source === LINT_SOURCE) return true;
  const code = d.code;
  if (typeof code !== 'object' || code === null || !('target' in code)) return false;
  const target = code.target.toString();
  return target === ruleDocsUrl(String(code.value)) || target === ruleDocsUrl(String(code.value), 'ja');
}

function showSummary(s: LintWorkspaceSummary): void {
  if (s.policies === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No policy files found among {0} JSON files in the workspace.', s.jsonFiles),
    );
    return;
  }
  const counts = vscode.l10n.t(
    'Linted {0} policy files ({1} with findings): {2} errors, {3} warnings, {4} infos.',
    s.policies,
    s.filesWithFindings,
    s.errors,
    s.warnings,
    s.infos,
  );
  const message = s.cancelled ? `${vscode.l10n.t('Stopped before the end.')} ${counts}` : counts;
  const openProblems = vscode.l10n.t('Open Problems');
  const shown = s.errors > 0 ? vscode.window.showWarningMessage(message, openProblems) : vscode.window.showInformationMessage(message, openProblems);
  void shown.then((choice) => {
    if (choice === openProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
