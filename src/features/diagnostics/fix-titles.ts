import * as vscode from 'vscode';
import type { LintFinding } from '../../core/lint';

/** Values longer than this are shortened in titles. */
const MAX_SHOWN = 80;

/**
 * The title of the fix of one finding, in the user's language. Fixes never change what the policy means, so only the
 * rules below have them; a suggestion is titled by its own message.
 */
export function fixTitle(finding: LintFinding): string {
  const data = finding.data ?? {};
  const value = newValue(finding);
  switch (finding.ruleId) {
    case 'version-missing':
      return vscode.l10n.t('Add "Version": "2012-10-17"');
    case 'version-outdated':
    case 'version-invalid':
      return vscode.l10n.t('Set "Version" to "{0}"', value ?? '2012-10-17');
    case 'effect-value':
      return vscode.l10n.t('Change Effect to "{0}"', shorten(data.suggestion ?? value ?? ''));
    case 'unknown-element':
      return vscode.l10n.t('Rename "{0}" to "{1}"', data.key ?? '', shorten(data.suggestion ?? value ?? ''));
    case 'action-redundant':
      return vscode.l10n.t('Remove the redundant action "{0}"', shorten(data.action ?? ''));
    case 'json-comments':
      return vscode.l10n.t('Remove the comment');
    case 'json-trailing-comma':
      return vscode.l10n.t('Remove the trailing comma');
    case 'sid-format':
      return vscode.l10n.t('Rename the Sid to "{0}"', shorten(value ?? ''));
  }
  return vscode.l10n.t('Fix this {0} problem', finding.ruleId);
}

/** The string a fix writes when it replaces one value with another string. */
function newValue(finding: LintFinding): string | undefined {
  const edits = finding.fix ?? [];
  const only = edits.length === 1 ? edits[0] : undefined;
  if (!only?.content.startsWith('"')) return undefined;
  try {
    const parsed: unknown = JSON.parse(only.content);
    return typeof parsed === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function shorten(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}
