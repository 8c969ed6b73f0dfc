import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { disableAutoSave, documentClosed, fixture, openInEditor, waitForSummary } from './diagnostics-helpers';

/** basic.policy.json as checked in (see diagnostics.test.ts). */
const BASIC = ['version-missing warning 0:0-0:1', 'effect-value error 4:16-4:23', 'condition-wildcard-in-equals warning 9:34-9:41'];

describe('large documents', () => {
  let restoreAutoSave: () => Promise<void> = async () => undefined;

  before(async () => {
    restoreAutoSave = await disableAutoSave();
  });

  after(async () => {
    await restoreAutoSave();
  });

  it('tells, instead of linting, that a policy over 1 MiB is too large to lint as you type; other files still lint', async function () {
    this.timeout(60_000);
    // A real policy repeated past the limit; each statement carries findings, so linting it would report many.
    const statement = '{"Effect":"allow","Action":["ssm:SendComand","ssm:*"],"Resource":"arn:aws:ssm:us-east-1:123456789012:document/*"}';
    const count = Math.ceil((1.1 * 1024 * 1024) / (statement.length + 1));
    const text = `{"Version":"2012-10-17","Statement":[${Array.from({ length: count }, () => statement).join(',')}]}`;
    const uri = fixture('generated-huge.policy.json');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await openInEditor(uri);
      const [notice] = await waitForSummary(uri, ['lint-budget info 0:0-0:0'], 'the too-large notice');
      assert.ok(notice);
      assert.equal(
        notice.message,
        `Not linted as you type: the document has ${text.length.toLocaleString('en-US')} characters, more than 1,048,576; run ssm-policy-lint on it.`,
      );
      // The extension host is free: another policy gets its findings.
      const basic = fixture('basic.policy.json');
      await openInEditor(basic);
      await waitForSummary(basic, BASIC, 'the findings of basic.policy.json');
    } finally {
      const closed = documentClosed(uri);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await closed;
      await vscode.workspace.fs.delete(uri);
    }
  });
});
