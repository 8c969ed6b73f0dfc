import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { catalog } from '../../../src/core/catalog';
import { lintText } from '../../../src/core/lint';

/**
 * Measured by `npm run bench` (SSM_IT_SUITE=perf), not by npm test: the time from an edit of a 10 KB policy to
 * its published diagnostics inside the extension host, against linting the same text in the same host, and the
 * extension's own activation time. Prints one `PERF {json}` line.
 */
describe('perf: edit to diagnostics in the extension host', () => {
  it('measures a 10 KB policy', async function () {
    this.timeout(120_000);
    const config = vscode.workspace.getConfiguration('ssmPolicy');
    await config.update('diagnostics.delay', 0, vscode.ConfigurationTarget.Global);
    const text = tenKilobytePolicy();
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    await vscode.window.showTextDocument(doc);
    // The first lint may have published before this line runs (the IAM data is read synchronously now).
    if (vscode.languages.getDiagnostics(doc.uri).length === 0) await nextDiagnostics(doc.uri);
    // Each edit flips the first Effect between "Allow" and "allow", so every lint adds or removes the effect-value
    // problem (the total count may stay the same: the statement stops or starts duplicating a later one).
    // It is read from the host's diagnostics as soon as it changes: onDidChangeDiagnostics itself is
    // debounced by VS Code (about 50 ms), which would measure VS Code's event, not our publishing.
    const effectAt = doc.getText().indexOf('"Effect": "Allow"') + '"Effect": "'.length;
    const total: number[] = [];
    const applies: number[] = [];
    const inHost: number[] = [];
    let changedAt = 0;
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc) changedAt = performance.now();
    });
    for (let i = 1; i <= 41; i++) {
      const before = effectProblems(doc.uri);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(effectAt), doc.positionAt(effectAt + 1)), i % 2 ? 'a' : 'A');
      const t0 = performance.now();
      assert.ok(await vscode.workspace.applyEdit(edit));
      const applied = performance.now() - t0;
      while (effectProblems(doc.uri) === before) await new Promise((r) => setTimeout(r, 1));
      const done = performance.now();
      if (i > 1) {
        total.push(done - t0);
        applies.push(applied);
        inHost.push(done - changedAt);
      }
    }
    sub.dispose();
    const lints: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      await lintText(doc.getText());
      lints.push(performance.now() - t0);
    }
    const api = vscode.extensions.getExtension<{ activationMs: number; loadMs?: number; activateMs: number }>('ssm-policy-studio.ssm-policy-studio')?.exports;
    // editToDiagnosticsMs: from the change event in the extension host to the diagnostics published;
    // applyToDiagnosticsMs: from applyEdit, whose own round trip through the workbench is applyEditMs (VS Code's
    // cost, the baseline); lintMs: the engine alone on the same text.
    const result = {
      bytes: doc.getText().length,
      editToDiagnosticsMs: median(inHost),
      applyToDiagnosticsMs: median(total),
      applyEditMs: median(applies),
      lintMs: median(lints),
      activationMs: api?.activationMs,
      loadMs: api?.loadMs,
      activateMs: api?.activateMs,
    };
    console.log(`PERF ${JSON.stringify(result)}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await config.update('diagnostics.delay', undefined, vscode.ConfigurationTarget.Global);
    assert.ok(result.editToDiagnosticsMs > 0 && typeof result.activationMs === 'number');
  });
});

/** How many effect-value problems the document has now. */
function effectProblems(uri: vscode.Uri): number {
  let n = 0;
  for (const d of vscode.languages.getDiagnostics(uri)) {
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    if (code === 'effect-value') n++;
  }
  return n;
}

function nextDiagnostics(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        sub.dispose();
        resolve();
      }
    });
  });
}

/** The statements of the documented identity policies, repeated up to 10 KB, each with a Sid. */
function tenKilobytePolicy(): string {
  const statements = catalog
    .filter((e) => e.kind === 'identity' && !e.managed)
    .flatMap((e) => [JSON.parse(e.text).Statement].flat() as Record<string, unknown>[]);
  const out: Record<string, unknown>[] = [];
  for (let i = 0; ; i++) {
    const next = [...out, { Sid: `S${i}`, ...statements[i % statements.length] }];
    if (JSON.stringify({ Version: '2012-10-17', Statement: next }, null, 2).length > 10 * 1024) break;
    out.push(next[next.length - 1] as Record<string, unknown>);
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: out }, null, 2);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
