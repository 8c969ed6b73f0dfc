import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi, TestApi } from '../../../src/extension-api';
import { codeOf, openInEditor, SOURCE, summary, waitForSummary, workspaceRoot } from './diagnostics-helpers';

/**
 * One problem, one entry: a policy's problems show once in the Problems panel, from the linter where anything can be
 * silenced, whatever else validates the document (VS Code's JSON language features validate every JSON document, with
 * the extension's JSON schemas where they are associated).
 */

const EXTENSION_ID = 'ssm-policy-studio.ssm-policy-studio';
/** How long the diagnostics of a file must stay unchanged to count as settled. */
const QUIET_MS = 1500;
/** Bounds a failing wait only. */
const DEADLINE_MS = 20_000;

function file(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'one-entry', name);
}

/** Resolves once no diagnostic of the file (from any source) changed for {@link QUIET_MS}. */
function settled(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let quiet: ReturnType<typeof setTimeout>;
    const done = (): void => {
      listener.dispose();
      resolve();
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      clearTimeout(quiet);
      if (Date.now() - started > DEADLINE_MS) {
        listener.dispose();
        reject(new Error(`The diagnostics of ${uri.path} kept changing for ${DEADLINE_MS} ms`));
        return;
      }
      quiet = setTimeout(done, QUIET_MS);
    });
    quiet = setTimeout(done, QUIET_MS);
  });
}

/** True when two ranges share a character, or are the same empty range. */
function overlaps(a: vscode.Range, b: vscode.Range): boolean {
  if (a.isEqual(b)) return true;
  return a.start.isBefore(b.end) && b.start.isBefore(a.end);
}

function show(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${d.source ?? '(no source)'}/${codeOf(d)} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.message}`;
}

/**
 * Opens the file, waits until the linter's diagnostics are `expected` and nothing changes any more, then checks that
 * every problem has exactly one entry: no two diagnostics of the file, from any source, at the same place. With
 * `onlyOurs`, nothing but the linter reports anything.
 */
async function assertOneEntryPerProblem(uri: vscode.Uri, expected: string[], onlyOurs: boolean): Promise<vscode.Diagnostic[]> {
  await openInEditor(uri);
  await waitForSummary(uri, expected, `the linter's findings in ${uri.path}`);
  await settled(uri);
  const all = vscode.languages.getDiagnostics(uri);
  assert.deepEqual(summary(all.filter((d) => d.source === SOURCE)), [...expected].sort(), 'the linter still reports what it reported');
  // Counted by range: every entry against every other, whatever their sources.
  const repeated = all
    .map((d, i) => ({ d, here: all.filter((o, j) => j !== i && overlaps(o.range, d.range)) }))
    .filter(({ here }) => here.length > 0)
    .map(({ d, here }) => `${show(d)} ↔ ${here.map(show).join(' | ')}`);
  assert.deepEqual(repeated, [], `every problem has one entry; all diagnostics:\n${all.map(show).join('\n')}`);
  if (onlyOurs) assert.deepEqual(all.filter((d) => d.source !== SOURCE).map(show), [], 'no other source reports anything');
  return all;
}

const MISTAKES_BY_NAME = ['json-comments error 1:2-1:36', 'effect-value error 5:16-5:23', 'json-trailing-comma error 7:21-7:22'];
const MISTAKES_BY_CONTENT = ['json-comments error 1:2-1:36', 'effect-value error 5:16-5:24', 'json-trailing-comma error 7:21-7:22'];

describe('one problem, one entry', () => {
  let api: TestApi;
  const hooks: vscode.Disposable[] = [];

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    const exported = (await ext.activate()) as ExtensionApi | undefined;
    assert.ok(exported?.schemas, 'activate() returns the test API in extension mode Test');
    api = exported as TestApi;
  });

  afterEach(async () => {
    for (const h of hooks.splice(0).reverse()) h.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a policy matched by its file name: a bad Effect, a comment and a trailing comma are each reported once, by the linter', async () => {
    await assertOneEntryPerProblem(file('by-name.policy.json'), MISTAKES_BY_NAME, true);
  });

  it('a policy detected by its content: a bad Effect, a comment and a trailing comma are each reported once, by the linter', async () => {
    await assertOneEntryPerProblem(file('by-content.json'), MISTAKES_BY_CONTENT, true);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'json', 'the document keeps its language');
  });

  it('a syntax error and a duplicate key, which the JSON language service always reports, are not repeated by the linter', async () => {
    const all = await assertOneEntryPerProblem(file('syntax.policy.json'), ['ssm-broad-grant warning 6:16-6:34'], false);
    assert.deepEqual(
      all.filter((d) => d.source !== SOURCE).map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}`).sort(),
      ['514 6:6', '520 1:2', '520 2:2'],
      'the JSON service reports the missing comma and both keys',
    );
  });

  it('where the JSON service reports comments and trailing commas itself (no schema association), once, with the fixes', async () => {
    hooks.push(api.schemas.useSettings());
    const uri = file('by-content.json');
    const all = await assertOneEntryPerProblem(uri, ['effect-value error 5:16-5:24'], false);
    const comment = all.find((d) => codeOf(d) === '521');
    const comma = all.find((d) => codeOf(d) === '519');
    assert.ok(comment && comma, `the JSON service reports both; got:\n${all.map(show).join('\n')}`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, comment.range);
    const remove = actions.find((a) => a.title === 'Remove the comment');
    // No entry of the linter's is there (one entry per problem), so the fix comes from the JSON service's entry.
    assert.ok(remove?.edit, `the linter's fix is offered on the JSON service's entry; got ${JSON.stringify(actions.map((a) => a.title))}`);
    const removeComma = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, comma.range)).find(
      (a) => a.title === 'Remove the trailing comma',
    );
    assert.ok(removeComma?.edit, 'and the trailing comma fix on its entry');
    // Applied, the fix removes exactly the comment.
    assert.ok(await vscode.workspace.applyEdit(remove.edit));
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc && !doc.getText().includes('//'), 'the comment is gone');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
