/**
 * The extension in VS Code's Japanese display language: `SSM_IT_SUITE=ja` (npm test's "integration (ja)" step) runs
 * this folder in code-server started with `--locale ja` and a language pack without translations
 * (scripts/integration/display-language.ts). VS Code's own texts stay English; the extension's texts are Japanese.
 * The expected texts are read from the extension's files, so these tests hold whatever the translations say.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'ssm-policy-studio.ssm-policy-studio';
const L10N_KEY = 'Fix all SSM policy problems in file';
const COMMAND = 'ssmPolicy.lintWorkspace';

/** A bundle entry is a string or, with a comment for translators, `{ message, comment }`. */
type BundleEntry = string | { message: string; comment?: string | string[] };
/** A contributed command's title: `%key%` resolved to a string, or, in a language other than English, both texts. */
type Title = string | { value: string; original: string };

function extensionUnderTest(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed in the extension host`);
  return ext;
}

/** A JSON file of an extension's folder, or undefined when it does not exist. */
function readJson<T>(ext: vscode.Extension<unknown>, ...segments: string[]): T | undefined {
  const file = join(ext.extensionPath, ...segments);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

function message(entry: BundleEntry): string {
  return typeof entry === 'string' ? entry : entry.message;
}

describe('Japanese display language (code-server --locale ja)', () => {
  before(async () => {
    // vscode.l10n reads the extension's bundle when the extension activates.
    await extensionUnderTest().activate();
  });

  it('vscode.env.language is Japanese', () => {
    assert.ok(vscode.env.language.startsWith('ja'), `vscode.env.language is ${JSON.stringify(vscode.env.language)}`);
  });

  it('vscode.l10n.t returns the value of l10n/bundle.l10n.ja.json', function () {
    const ext = extensionUnderTest();
    const bundle = readJson<Record<string, BundleEntry>>(ext, 'l10n', 'bundle.l10n.ja.json');
    // The Japanese bundle comes with the translations; until then there is nothing to compare with.
    if (!bundle) this.skip();
    const entry = bundle[L10N_KEY];
    assert.ok(entry !== undefined, `l10n/bundle.l10n.ja.json has the key ${JSON.stringify(L10N_KEY)}`);
    const expected = message(entry);
    assert.notEqual(expected, L10N_KEY, 'the Japanese bundle translates the key');
    assert.ok(vscode.l10n.uri?.path.endsWith('/l10n/bundle.l10n.ja.json'), `vscode.l10n.uri is ${String(vscode.l10n.uri)}`);
    assert.equal(vscode.l10n.t(L10N_KEY), expected);
  });

  it(`the contributed title of ${COMMAND} comes from package.nls.ja.json`, function () {
    const ext = extensionUnderTest();
    const nlsJa = readJson<Record<string, string>>(ext, 'package.nls.ja.json');
    if (!nlsJa) this.skip();
    const nls = readJson<Record<string, string>>(ext, 'package.nls.json');
    assert.ok(nls, 'package.nls.json exists');
    // packageJSON is the manifest as VS Code localized it (%key% replaced), which the Command Palette shows.
    const commands = (ext.packageJSON as { contributes?: { commands?: { command: string; title: Title }[] } }).contributes?.commands ?? [];
    const title = commands.find((c) => c.command === COMMAND)?.title;
    assert.ok(title !== undefined, `${COMMAND} is contributed`);
    const key = 'command.lintWorkspace';
    assert.ok(nlsJa[key], `package.nls.ja.json has ${key}`);
    // In a language other than English, VS Code keeps the English title beside the translated one.
    assert.deepEqual(title, { value: nlsJa[key], original: nls[key] });
  });

  it("VS Code's own texts stay English: the runner's language pack carries no translations", () => {
    const json = vscode.extensions.getExtension('vscode.json-language-features');
    assert.ok(json, 'the built-in JSON language features are installed');
    const nls = readJson<Record<string, string>>(json, 'package.nls.json');
    assert.ok(nls?.displayName, "the built-in extension's package.nls.json has its display name");
    assert.equal((json.packageJSON as { displayName?: string }).displayName, nls.displayName);
  });
});
