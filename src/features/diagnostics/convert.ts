import * as vscode from 'vscode';
import type { LintFinding, Range as LintRange } from '../../core/lint';
import { ruleOfJsonServiceCode, standsFor, type ForeignProblem } from '../../core/lint/json-service';
import type { Edit } from '../../core/rules/rule';
import { ruleDocsUrl } from '../../core/rules/rule';
import { editorLocale } from '../common/locale';

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

/** The diagnostic of one finding: its rule id links to the rule's page, in the editor's language. */
export function toDiagnostic(finding: LintFinding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(finding.ruleId, editorLocale())) };
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

/**
 * The diagnostics of VS Code's JSON language service that report what a rule reports (a syntax error, a duplicate key,
 * a comment, a trailing comma), as core problems. The service sets the source "json" on most and none on comments.
 */
export function jsonServiceProblems(diagnostics: readonly vscode.Diagnostic[]): (ForeignProblem & { diagnostic: vscode.Diagnostic })[] {
  const problems: (ForeignProblem & { diagnostic: vscode.Diagnostic })[] = [];
  for (const d of diagnostics) {
    if (d.source !== undefined && d.source !== 'json') continue;
    const code = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
    if (typeof code !== 'number' || !ruleOfJsonServiceCode(code)) continue;
    const r = d.range;
    problems.push({ code, range: { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } }, diagnostic: d });
  }
  return problems;
}

/** True when a diagnostic of the JSON language service reports the problem of a finding (see core/lint/json-service). */
export function isJsonServiceDiagnosticOf(finding: LintFinding, diagnostic: vscode.Diagnostic): boolean {
  return jsonServiceProblems([diagnostic]).some((p) => standsFor(p, finding));
}

/** A workspace edit from jsonc-parser edits made for the document's current text. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly Edit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
  }
  return edit;
}
