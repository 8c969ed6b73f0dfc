import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { catalogEntry, fillPlaceholders, type CatalogEntry } from '../../../src/core/catalog';
import type { LintWorkspaceSummary } from '../../../src/features/commands';
import { languageFixture } from './language-helpers';

/** The source of the linter's diagnostics. */
const SOURCE = 'ssm-policy';

function ruleIds(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE)
    .map((d) => String(typeof d.code === 'object' && d.code !== null ? d.code.value : d.code));
}

/** The text a snippet of the entry leaves once inserted: tab stops keep their names, Region choices their first value. */
function insertedPolicy(entry: CatalogEntry): string {
  return fillPlaceholders(entry, Object.fromEntries(entry.placeholders.map((p) => [p.name, p.kind === 'region' ? p.example : p.name])));
}

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('commands', function () {
  this.timeout(120_000);

  describe('ssmPolicy.lintWorkspace', () => {
    const ignored = (): vscode.Uri => languageFixture('node_modules', 'some-package', 'ignored.policy.json');

    before(async () => {
      // A policy with a mistake under node_modules (written here: git keeps no node_modules folder).
      await vscode.workspace.fs.writeFile(ignored(), new TextEncoder().encode('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:SendComand","Resource":"*"}]}'));
    });
    after(async () => {
      await vscode.workspace.fs.delete(languageFixture('node_modules'), { recursive: true });
    });

    it('lints every policy of the workspace, fills the Problems panel and returns the counts', async () => {
      const summary = await vscode.commands.executeCommand<LintWorkspaceSummary>('ssmPolicy.lintWorkspace');
      assert.ok(summary, 'the command returns its summary');
      assert.equal(summary.cancelled, false);
      // The language fixtures alone hold 6 JSON files outside node_modules, 5 of them policies (3 named, 2 found by content).
      assert.ok(summary.jsonFiles >= 6, `json files: ${summary.jsonFiles}`);
      assert.ok(summary.policies >= 5 && summary.policies < summary.jsonFiles, `policies: ${summary.policies} of ${summary.jsonFiles}`);
      assert.ok(summary.warnings >= 2, `warnings: ${summary.warnings}`);
      assert.ok(summary.filesWithFindings >= 2 && summary.filesWithFindings <= summary.policies);
      // Files never opened get their diagnostics: a named policy and one found by its content.
      assert.ok(ruleIds(languageFixture('lint', 'unknown-action.policy.json')).includes('action-unknown'));
      assert.ok(ruleIds(languageFixture('lint', 'detected-by-content.json')).includes('action-unknown'));
      // Not a policy; under node_modules: not linted.
      assert.deepEqual(ruleIds(languageFixture('deployment-notes.json')), []);
      assert.deepEqual(ruleIds(ignored()), []);
    });
  });

  describe('ssmPolicy.insertDocumentedPolicy', () => {
    beforeEach(closeAllEditors);
    after(closeAllEditors);

    it('inserts a documented policy into a new untitled JSON document when no editor is open', async () => {
      const entry = catalogEntry('ssm-session-manager');
      assert.ok(entry && !entry.managed);
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('ssmPolicy.insertDocumentedPolicy', entry.id);
      assert.ok(editor, 'the command returns the editor');
      assert.equal(editor.document.isUntitled, true);
      assert.equal(editor.document.languageId, 'json');
      assert.equal(editor.document.getText(), insertedPolicy(entry));
    });

    it('fills Region placeholders with a Region and keeps the other placeholders as tab stops', async () => {
      const entry = catalogEntry('ssm-dhmc-admin');
      assert.ok(entry && entry.placeholders.some((p) => p.kind === 'region') && entry.placeholders.some((p) => p.kind === 'account'));
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('ssmPolicy.insertDocumentedPolicy', entry.id);
      assert.ok(editor);
      const text = editor.document.getText();
      assert.equal(text, insertedPolicy(entry));
      assert.match(text, /:us-east-2:account-id:/);
    });

    it('inserts only the statements, with a comma, inside an existing Statement array', async () => {
      const entry = catalogEntry('ssm-run-command-tag');
      assert.ok(entry);
      const existing = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Deny", "Action": "ssm:DeleteDocument", "Resource": "*" }\n  ]\n}\n';
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: existing });
      const editor = await vscode.window.showTextDocument(doc);
      const after = doc.positionAt(existing.indexOf('"*" }') + '"*" }'.length);
      editor.selection = new vscode.Selection(after, after);
      const used = await vscode.commands.executeCommand<vscode.TextEditor>('ssmPolicy.insertDocumentedPolicy', entry.id);
      assert.equal(used?.document.uri.toString(), doc.uri.toString(), 'inserted into the active editor');
      const policy = JSON.parse(doc.getText()) as { Statement: unknown[] };
      const documented = JSON.parse(insertedPolicy(entry)) as { Statement: unknown[] };
      assert.equal(policy.Statement.length, 1 + documented.Statement.length);
      assert.deepEqual(policy.Statement.slice(1), documented.Statement);
    });

    it('opens an AWS managed policy read-only instead of inserting it', async () => {
      const entry = catalogEntry('ssm-managed-instance-core');
      assert.ok(entry?.managed);
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('ssmPolicy.insertDocumentedPolicy', entry.id);
      assert.ok(editor);
      assert.equal(editor.document.uri.scheme, 'ssm-policy-managed');
      assert.equal(editor.document.languageId, 'json');
      assert.equal(editor.document.getText(), entry.text);
      assert.ok(editor.document.uri.path.endsWith(`${entry.managed.name}.json`));
      // With the read-only view active, a documented policy goes into a new document.
      const next = await vscode.commands.executeCommand<vscode.TextEditor>('ssmPolicy.insertDocumentedPolicy', 'ssm-dhmc-trust');
      assert.equal(next?.document.isUntitled, true);
      assert.equal(editor.document.getText(), entry.text);
    });

    it('does nothing for an unknown id', async () => {
      const result = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('ssmPolicy.insertDocumentedPolicy', 'no-such-policy');
      assert.equal(result, undefined);
      assert.equal(vscode.window.activeTextEditor, undefined);
    });
  });
});
