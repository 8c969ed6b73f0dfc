import * as vscode from 'vscode';
import { diffEdit } from '../../core/util/text-diff';
import { isFindingOf, isJsonServiceDiagnosticOf, jsonServiceProblems, ruleIdOf, toWorkspaceEdit } from './convert';
import { fixTitle } from './fix-titles';
import type { PolicyDiagnostics } from './policy-diagnostics';

/** The kind of the "fix all" source action, so `editor.codeActionsOnSave: { "source.fixAll": … }` runs it. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('ssmPolicy');

/**
 * Quick fixes for the diagnostics of {@link PolicyDiagnostics} (matched on `diagnostic.code`): a finding's fix (preferred)
 * and one action per suggestion, plus "fix all" as a quick fix and as a `source.fixAll` action. "Fix all" applies
 * fixes only, which never change what the policy means; suggestions are applied one at a time, by choice. A diagnostic
 * of VS Code's JSON language service that stands for a finding (a comment, a trailing comma …, which the diagnostics
 * then do not repeat) gets that finding's fix too.
 */
export class PolicyQuickFixes implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly diagnostics: PolicyDiagnostics) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const wantsQuickFixes = !context.only || context.only.contains(vscode.CodeActionKind.QuickFix);
    const wantsSourceFixAll = context.only !== undefined && context.only.contains(FIX_ALL_KIND);
    const ours = context.diagnostics.filter((d) => ruleIdOf(d) !== undefined || jsonServiceProblems([d]).length > 0);
    if (!wantsSourceFixAll && (!wantsQuickFixes || ours.length === 0)) return [];

    const version = document.version;
    const current = await this.diagnostics.findings(document);
    if (!current || token.isCancellationRequested || document.version !== version) return [];

    const actions: vscode.CodeAction[] = [];
    let fixable = 0;
    if (wantsQuickFixes) {
      for (const diagnostic of ours) {
        const finding = current.findings.find(
          (f) => (f.fix?.length || f.suggestions?.length) && (isFindingOf(f, diagnostic) || isJsonServiceDiagnosticOf(f, diagnostic)),
        );
        if (!finding) continue;
        if (finding.fix && finding.fix.length > 0) {
          fixable++;
          const action = new vscode.CodeAction(fixTitle(finding), vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(document, finding.fix);
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
        }
        for (const suggestion of finding.suggestions ?? []) {
          // Titled by the rule's message for it, in the display language like the diagnostic's own message.
          const action = new vscode.CodeAction(suggestion.message, vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(document, suggestion.fix);
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
      }
    }
    if (fixable === 0 && !wantsSourceFixAll) return actions;

    const fixed = await this.diagnostics.fixAllText(document);
    if (fixed === undefined || token.isCancellationRequested || document.version !== version) return actions;
    const edit = diffEdit(document.getText(), fixed);
    if (!edit) return actions;
    const title = vscode.l10n.t('Fix all SSM policy problems in file');
    if (fixable > 0) {
      const all = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      all.edit = toWorkspaceEdit(document, [edit]);
      all.diagnostics = ours;
      actions.push(all);
    }
    if (wantsSourceFixAll) {
      const source = new vscode.CodeAction(title, FIX_ALL_KIND);
      source.edit = toWorkspaceEdit(document, [edit]);
      actions.push(source);
    }
    return actions;
  }
}
