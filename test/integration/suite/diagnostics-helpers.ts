import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The `source` of the extension's policy diagnostics. */
export const SOURCE = 'ssm-policy';

/** Bounds a failing wait only: a passing test resolves on the event. */
const DEADLINE_MS = 20_000;

const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** A file of the fixture workspace's diagnostics folder. */
export function fixture(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, 'diagnostics', ...segments);
}

/** The workspace folder's root (where `.ssm-policy-lint.json` lives). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return folder.uri;
}

/** The rule id of a diagnostic (its `code.value`). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** This extension's diagnostics of a file (the JSON language server publishes its own too). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** `rule-id error 4:16-4:23`, sorted: what the tests compare. */
export function summary(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) => {
      const r = d.range;
      return `${codeOf(d)} ${SEVERITY_NAMES[d.severity]} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
    })
    .sort();
}

/** Resolves with the file's diagnostics once `predicate` holds: checked now and on each change for that file. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const check = (): void => {
      const current = ours(uri);
      if (settled || !predicate(current)) return;
      settled = true;
      clearTimeout(timer);
      listener.dispose();
      resolve(current);
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      settled = true;
      listener.dispose();
      reject(new Error(`Timed out after ${DEADLINE_MS} ms waiting for ${what}; now: ${JSON.stringify(summary(ours(uri)))}`));
    }, DEADLINE_MS);
    check();
  });
}

/** Waits until the file's diagnostics are exactly `expected` (as {@link summary} writes them). */
export async function waitForSummary(uri: vscode.Uri, expected: string[], what: string): Promise<vscode.Diagnostic[]> {
  const sorted = [...expected].sort();
  return waitForDiagnostics(uri, (d) => JSON.stringify(summary(d)) === JSON.stringify(sorted), `${what}: ${JSON.stringify(sorted)}`);
}

/** Opens a file in an editor the way a user does (so closing the editor closes the document). */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('vscode.open', uri);
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor && editor.document.uri.toString() === uri.toString(), `${uri.path} is the active editor`);
  return editor.document;
}

/** Resolves when the document is closed (its editor closed and the model released). */
export function documentClosed(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`Timed out after ${DEADLINE_MS} ms waiting for ${uri.path} to close`));
    }, DEADLINE_MS);
    const listener = vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.toString() !== uri.toString()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}

/** Discards unsaved edits of every open fixture document, so no test leaves a change behind (nothing is ever saved). */
export async function revertAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.uri.scheme !== 'file') continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}

/** Replaces the text at a range of an open document, as typing would. */
export async function replace(doc: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
}

/** Makes sure no test edit is ever written to a fixture: auto save off while the suite runs; returns the undo. */
export async function disableAutoSave(): Promise<() => Promise<void>> {
  const files = vscode.workspace.getConfiguration('files');
  const before = files.inspect<string>('autoSave')?.globalValue;
  if (files.get<string>('autoSave') === 'off') return async () => undefined;
  await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', before, vscode.ConfigurationTarget.Global);
  };
}
