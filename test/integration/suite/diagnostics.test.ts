import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeOf,
  disableAutoSave,
  documentClosed,
  fixture,
  openInEditor,
  ours,
  replace,
  revertAll,
  SOURCE,
  summary,
  waitForDiagnostics,
  waitForSummary,
  workspaceRoot,
} from './diagnostics-helpers';

const DOCS = 'https://github.com/ssm-policy-studio/ssm-policy-studio/blob/main/docs/rules/';

/** basic.policy.json as checked in: no Version, Effect "allow", a wildcard under StringEquals. */
const BASIC = [
  'version-missing warning 0:0-0:1',
  'effect-value error 4:16-4:23',
  'condition-wildcard-in-equals warning 9:34-9:41',
];

const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('ssmPolicy');

describe('policy diagnostics', () => {
  let restoreAutoSave: () => Promise<void> = async () => undefined;

  before(async () => {
    restoreAutoSave = await disableAutoSave();
  });

  afterEach(async () => {
    await revertAll();
    for (const key of ['rules', 'detectByContent', 'schemas.trustPolicyFiles']) {
      if (settings().inspect(key)?.globalValue !== undefined) await settings().update(key, undefined, vscode.ConfigurationTarget.Global);
    }
  });

  after(async () => {
    await restoreAutoSave();
  });

  it('reports a policy found by its file name with rule codes, doc links, severities and exact ranges', async () => {
    const uri = fixture('basic.policy.json');
    const doc = await openInEditor(uri);
    const diagnostics = await waitForSummary(uri, BASIC, 'the findings of basic.policy.json');

    const effect = diagnostics.find((d) => codeOf(d) === 'effect-value');
    assert.ok(effect);
    assert.equal(doc.getText(effect.range), '"allow"');
    assert.equal(effect.source, SOURCE);
    assert.match(effect.message, /^Effect "allow" has the wrong case/);
    for (const d of diagnostics) {
      const code = d.code as { value: string; target: vscode.Uri };
      assert.equal(code.target.toString(true), `${DOCS}${code.value}.md`);
    }
    const wildcard = diagnostics.find((d) => codeOf(d) === 'condition-wildcard-in-equals');
    assert.equal(doc.getText(wildcard?.range), '"ops-*"');
  });

  it('updates the diagnostics as the document is edited, with the ranges moved', async () => {
    const uri = fixture('basic.policy.json');
    const doc = await openInEditor(uri);
    await waitForSummary(uri, BASIC, 'the findings before the edit');

    // Adding a Version line fixes version-missing and moves the other findings one line down.
    await replace(doc, new vscode.Range(0, 1, 0, 1), '\n  "Version": "2012-10-17",');
    await waitForSummary(uri, ['effect-value error 5:16-5:23', 'condition-wildcard-in-equals warning 10:34-10:41'], 'the findings after adding Version');

    // Typing a valid Effect removes its diagnostic (Deny: an Allow of ssm:SendCommand on "*" has findings of its own).
    await replace(doc, new vscode.Range(5, 16, 5, 23), '"Deny"');
    await waitForSummary(uri, ['condition-wildcard-in-equals warning 10:34-10:41'], 'the findings after fixing Effect');
  });

  it('keeps up with fast typing: the diagnostics end up matching the last version', async () => {
    const uri = fixture('basic.policy.json');
    const doc = await openInEditor(uri);
    await waitForSummary(uri, BASIC, 'the findings before typing');
    let range = new vscode.Range(4, 16, 4, 23);
    for (const typed of ['"Alow"', '"Allw"', '"Dny"', '"Deny"']) {
      await replace(doc, range, typed);
      range = new vscode.Range(4, 16, 4, 16 + typed.length);
    }
    await waitForSummary(uri, ['version-missing warning 0:0-0:1', 'condition-wildcard-in-equals warning 9:34-9:41'], 'the findings of the last version');
    assert.equal(doc.getText(range), '"Deny"');
  });

  it('clears the diagnostics when the document is closed', async () => {
    const uri = fixture('basic.policy.json');
    await openInEditor(uri);
    await waitForSummary(uri, BASIC, 'the findings while open');
    const closed = documentClosed(uri);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics after close');
  });

  it('gives none to a JSON file that is no policy, and diagnostics to a policy found by its content', async () => {
    const packageJson = fixture('package.json');
    const notes = fixture('notes.json');
    // Opened first, so it is classified before notes.json is linted.
    await openInEditor(packageJson);
    await openInEditor(notes);
    const diagnostics = await waitForSummary(notes, ['action-unknown warning 5:16-5:32'], 'the findings of notes.json');
    assert.match(diagnostics[0]?.message ?? '', /Did you mean "ssm:SendCommand"\?/);
    assert.deepEqual(summary(ours(packageJson)), []);
  });

  it('clears the diagnostics of a document that stops looking like a policy, and brings them back', async () => {
    const uri = fixture('notes.json');
    const doc = await openInEditor(uri);
    await waitForSummary(uri, ['action-unknown warning 5:16-5:32'], 'the findings of notes.json');
    const statement = doc.getText().indexOf('"Statement"');
    const range = new vscode.Range(doc.positionAt(statement), doc.positionAt(statement + '"Statement"'.length));
    await replace(doc, range, '"Statements"');
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics once "Statement" is gone');
    await replace(doc, new vscode.Range(range.start, range.end.translate(0, 1)), '"Statement"');
    await waitForSummary(uri, ['action-unknown warning 5:16-5:32'], 'the findings back');
  });

  it('stops linting content-detected policies when ssmPolicy.detectByContent is false', async () => {
    const uri = fixture('notes.json');
    await openInEditor(uri);
    await waitForSummary(uri, ['action-unknown warning 5:16-5:32'], 'the findings of notes.json');
    await settings().update('detectByContent', false, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics with detectByContent off');
  });

  it('follows ssmPolicy.rules: a rule turned off disappears, another one changes severity', async () => {
    const uri = fixture('basic.policy.json');
    await openInEditor(uri);
    await waitForSummary(uri, BASIC, 'the default findings');
    await settings().update('rules', { 'effect-value': 'off', 'version-missing': 'error' }, vscode.ConfigurationTarget.Global);
    await waitForSummary(uri, ['version-missing error 0:0-0:1', 'condition-wildcard-in-equals warning 9:34-9:41'], 'the findings with the setting');
    await settings().update('rules', undefined, vscode.ConfigurationTarget.Global);
    await waitForSummary(uri, BASIC, 'the default findings again');
  });

  it('reads .ssm-policy-lint.json at the folder root; the setting wins; an invalid file is ignored', async () => {
    const uri = fixture('basic.policy.json');
    const config = vscode.Uri.joinPath(workspaceRoot(), '.ssm-policy-lint.json');
    const write = (text: string): Thenable<void> => vscode.workspace.fs.writeFile(config, new TextEncoder().encode(text));
    await openInEditor(uri);
    await waitForSummary(uri, BASIC, 'the default findings');
    try {
      await write('{\n  // team defaults\n  "rules": { "condition-wildcard-in-equals": "error", "version-missing": "info" }\n}\n');
      await waitForSummary(
        uri,
        ['version-missing info 0:0-0:1', 'effect-value error 4:16-4:23', 'condition-wildcard-in-equals error 9:34-9:41'],
        'the severities of the file',
      );

      await settings().update('rules', { 'condition-wildcard-in-equals': 'off' }, vscode.ConfigurationTarget.Global);
      await waitForSummary(uri, ['version-missing info 0:0-0:1', 'effect-value error 4:16-4:23'], 'the setting over the file');
      await settings().update('rules', undefined, vscode.ConfigurationTarget.Global);

      await write('{ "rules": { "no-such-rule": "error" } }');
      await waitForSummary(uri, BASIC, 'the defaults while the file is invalid');
    } finally {
      await vscode.workspace.fs.delete(config);
    }
  });

  it('lints a file matched by ssmPolicy.schemas.trustPolicyFiles as a trust policy', async () => {
    const uri = fixture('assume-role.json');
    await openInEditor(uri);
    // Found by content, it reads as an identity policy, which needs a Resource.
    await waitForSummary(uri, ['missing-resource error 3:4-3:5'], 'the identity findings');
    await settings().update('schemas.trustPolicyFiles', ['**/diagnostics/assume-role.json'], vscode.ConfigurationTarget.Global);
    await waitForSummary(uri, ['missing-principal error 3:4-3:5'], 'the trust policy findings');
  });
});
