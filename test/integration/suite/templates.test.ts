import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, disableAutoSave, openInEditor, ours, revertAll, waitForDiagnostics, waitForSummary } from './diagnostics-helpers';

/** A file of the fixture workspace's templates folder. */
function template(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, 'templates', name);
}

function codeActions(uri: vscode.Uri, range: vscode.Range): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
}

/** The text of the hovers at a position, joined. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

interface TemplateCase {
  file: string;
  languageId: string;
  /** The findings as `rule-id severity line:char-line:char` (see diagnostics-helpers' summary). */
  findings: string[];
  /** The Effect literal before and after its quick fix. */
  effect: [before: string, after: string];
  /** A position inside the misspelled action, and a word its hover must show. */
  actionAt: vscode.Position;
}

const CASES: TemplateCase[] = [
  {
    file: 'instance-role.yaml',
    languageId: 'yaml',
    findings: YAML_FINDINGS(),
    effect: ['- Effect: allow', '- Effect: Allow'],
    actionAt: new vscode.Position(23, 24),
  },
  {
    file: 'main.tf',
    languageId: 'terraform',
    findings: ['action-unknown warning 21:18-21:35', 'effect-value error 20:17-20:24'],
    effect: ['Effect   = "allow"', 'Effect   = "Allow"'],
    actionAt: new vscode.Position(21, 24),
  },
];

function YAML_FINDINGS(): string[] {
  return ['action-unknown warning 23:20-23:35', 'effect-value error 21:24-21:29'];
}

describe('policies in templates (CloudFormation YAML, Terraform)', () => {
  let restoreAutoSave: () => Promise<void> = async () => undefined;

  before(async () => {
    restoreAutoSave = await disableAutoSave();
  });

  afterEach(async () => {
    await revertAll();
  });

  after(async () => {
    await restoreAutoSave();
  });

  for (const c of CASES) {
    it(`shows the problems of ${c.file} at their places and applies a quick fix`, async () => {
      const uri = template(c.file);
      const doc = await openInEditor(uri);
      assert.equal(doc.languageId, c.languageId);
      await waitForSummary(uri, c.findings, `the findings of ${c.file}`);
      const effect = ours(uri).find((d) => codeOf(d) === 'effect-value');
      assert.ok(effect);
      const fix = (await codeActions(uri, effect.range)).find((a) => a.title === 'Change Effect to "Allow"');
      assert.ok(fix?.edit, 'the Effect fix is offered');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.ok(doc.getText().includes(c.effect[1]), doc.getText());
      assert.ok(!doc.getText().includes(c.effect[0]));
      await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'effect-value'), 'the effect-value diagnostic to go');
    });

    it(`hovers an action inside the policy of ${c.file}`, async () => {
      const uri = template(c.file);
      await openInEditor(uri);
      const text = await hoverText(uri, c.actionAt);
      assert.match(text, /GetParamter|GetParameter/, text);
    });
  }
});
