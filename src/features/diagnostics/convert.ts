import * as vscode from 'vscode';
import type { LintFinding, Range as LintRange } from '../../core/lint';
import type { Edit } from '../../core/rules/rule';
import { ruleDocsUrl } from '../../core/rules/rule';

/** The `source` of every diagnostic this extension publishes. */
export const DIAGNOSTIC_SOURCE = 'ssm-policy';

const SEVERITY: Readonly<Record<LintFinding['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A VS Code range from an LSP range (both zero-based, UTF-16). */
export function toRange(range: LintRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** The diagnostic of one finding: its rule id links to the rule's page. */
export function toDiagnostic(finding: LintFinding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(finding.ruleId)) };
  return diagnostic;
}

/** The rule id of one of our diagnostics, or undefined for anyone else's. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** True when a finding is the one a diagnostic was made from (same rule, same place). */
export function isFindingOf(finding: LintFinding, diagnostic: vscode.Diagnostic): boolean {
  return ruleIdOf(diagnostic) === finding.ruleId && toRange(finding.range).isEqual(diagnostic.range) && diagnostic.message === finding.message;
}

/** A workspace edit from jsonc-parser edits made for the document's current text. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly Edit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
  }
  return edit;
}
