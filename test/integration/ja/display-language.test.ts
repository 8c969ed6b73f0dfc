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
import type { AwsPort } from '../../../src/core/aws/port';
import type { ExtensionApi, TestApi } from '../../../src/extension-api';
import type { ConfirmText } from '../../../src/features/connection/ui';

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

  it('vscode.l10n.t returns the value of l10n/bundle.l10n.ja.json', () => {
    const ext = extensionUnderTest();
    const bundle = readJson<Record<string, BundleEntry>>(ext, 'l10n', 'bundle.l10n.ja.json');
    assert.ok(bundle, 'l10n/bundle.l10n.ja.json is installed with the extension');
    const entry = bundle[L10N_KEY];
    assert.ok(entry !== undefined, `l10n/bundle.l10n.ja.json has the key ${JSON.stringify(L10N_KEY)}`);
    const expected = message(entry);
    assert.notEqual(expected, L10N_KEY, 'the Japanese bundle translates the key');
    assert.ok(vscode.l10n.uri?.path.endsWith('/l10n/bundle.l10n.ja.json'), `vscode.l10n.uri is ${String(vscode.l10n.uri)}`);
    assert.equal(vscode.l10n.t(L10N_KEY), expected);
  });

  it(`the contributed title of ${COMMAND} comes from package.nls.ja.json`, () => {
    const ext = extensionUnderTest();
    const nlsJa = readJson<Record<string, string>>(ext, 'package.nls.ja.json');
    assert.ok(nlsJa, 'package.nls.ja.json is installed with the extension');
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

/** Kana or kanji. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** A Japanese text of the extension's bundle, filled like vscode.l10n.t fills it. */
function ja(key: string, ...args: (string | number)[]): string {
  const bundle = readJson<Record<string, BundleEntry>>(extensionUnderTest(), 'l10n', 'bundle.l10n.ja.json') ?? {};
  const entry = bundle[key];
  assert.ok(entry !== undefined, `l10n/bundle.l10n.ja.json has ${JSON.stringify(key)}`);
  return message(entry).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
}

/** The Japanese template of a rule's message, filled. */
function jaRule(ruleId: string, messageId: string, data: Record<string, string>): string {
  const rules = readJson<Record<string, { messages: Record<string, string> }>>(extensionUnderTest(), 'src', 'core', 'i18n', 'rules.ja.json');
  const template = rules?.[ruleId]?.messages[messageId];
  assert.ok(template, `rules.ja.json has ${ruleId} ${messageId}`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => data[name] ?? '');
}

describe('the extension in Japanese: problems, quick fixes, hovers, the DHMC view and its confirmations', function () {
  this.timeout(60_000);
  const POLICY = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "allow", "Action": "ssm:GetDocument", "Resource": "*" }]\n}\n';
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await vscode.workspace.openTextDocument({ language: 'json', content: POLICY });
    await vscode.window.showTextDocument(doc);
    const deadline = Date.now() + 20_000;
    while (!vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'ssm-policy') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  });

  it('a problem is written in Japanese and links to the Japanese rule page', () => {
    const effect = vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'ssm-policy' && typeof d.code === 'object' && d.code.value === 'effect-value');
    assert.ok(effect, JSON.stringify(vscode.languages.getDiagnostics(doc.uri).map((d) => d.message)));
    assert.equal(effect.message, jaRule('effect-value', 'wrongCase', { value: 'allow', suggestion: 'Allow' }));
    assert.match(effect.message, JAPANESE);
    assert.match(String(typeof effect.code === 'object' ? effect.code.target : ''), /\/docs\/rules\/ja\/effect-value\.md$/);
  });

  it('a quick fix is titled in Japanese', async () => {
    const at = doc.positionAt(POLICY.indexOf('"allow"') + 2);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at))) ?? [];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(ja('Change Effect to "{0}"', 'Allow')), JSON.stringify(titles));
    assert.ok(titles.includes(ja('Fix all SSM policy problems in file')), JSON.stringify(titles));
  });

  it('a hover is in Japanese', async () => {
    const at = doc.positionAt(POLICY.indexOf('ssm:GetDocument') + 5);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, JAPANESE, text);
  });

  it('the DHMC view and the Disable confirmation are in Japanese (declined: nothing is called)', async () => {
    const api = ((await extensionUnderTest().activate()) as ExtensionApi | undefined)?.awsViews;
    assert.ok(api, 'the test API (extension mode Test)');
    const calls: string[] = [];
    const later = <T>(value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), 5));
    const handlers: Partial<AwsPort> = {
      listProfiles: () => later([]),
      homeRegion: () => later('us-east-1'),
      getCallerIdentity: () => later({ account: '123456789012', arn: 'arn:aws:sts::123456789012:user/ja', userId: 'AIDJA' }),
      listSsmRegions: () => later({ regions: [{ name: 'us-east-1', optInStatus: 'opt-in-not-required', enabled: true }, { name: 'eu-west-1', optInStatus: 'opt-in-not-required', enabled: true }], ssmSource: 'builtin', optInSource: 'aws', errors: [] }),
      getServiceSetting: (t, id) => later({ id, value: t.region === 'us-east-1' ? 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole' : '$None', status: t.region === 'us-east-1' ? 'Customized' : 'Default' }),
    };
    const port = new Proxy(handlers, {
      get: (target, key) => {
        const handler = (target as Record<string | symbol, unknown>)[key];
        if (handler) return handler;
        // Not a method of the port: the session asks for an optional reset(), `await` for then().
        if (key === 'reset' || key === 'then' || typeof key !== 'string') return undefined;
        return (...args: unknown[]) => {
          calls.push(String(key));
          return Promise.reject(new Error(`not in the in-memory account: ${String(key)} ${JSON.stringify(args[0])}`));
        };
      },
    }) as AwsPort;
    const config = vscode.workspace.getConfiguration('ssmPolicy.aws');
    await config.update('regions', ['us-east-1', 'eu-west-1'], vscode.ConfigurationTarget.Global);
    const restore = api.usePort(port);
    const shown: ConfirmText[] = [];
    const prompts = api.useUi({ confirm: async (text) => (shown.push(text), false) });
    try {
      await vscode.commands.executeCommand('ssmPolicy.refreshDhmc');
      const groups = (await api.dhmc.getChildren()).map((n) => String(api.dhmc.getTreeItem(n).label));
      assert.deepEqual(groups, [ja('Enabled ({0})', 1), ja('Off ({0})', 1)]);
      await vscode.commands.executeCommand('ssmPolicy.disableDhmc', 'us-east-1');
      assert.equal(shown.length, 1);
      assert.equal(shown[0]!.message, ja('Disable Default Host Management Configuration in {0}?', 'us-east-1'));
      assert.match(shown[0]!.detail, JAPANESE);
      assert.deepEqual(calls, [], 'declined: no write');
    } finally {
      prompts.dispose();
      restore.dispose();
      await config.update('regions', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

describe('the JSON schemas in Japanese (schemas/ja/)', function () {
  this.timeout(60_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a policy found by its content gets the Japanese schema: its hover is the text of schemas/ja/', async () => {
    const ext = extensionUnderTest();
    const api = (await ext.activate()) as TestApi | undefined;
    assert.ok(api?.schemas, 'the test API (extension mode Test)');
    assert.equal(api.schemas.locale(), 'ja');
    assert.equal(api.schemas.schemaUrl('identity'), vscode.Uri.joinPath(ext.extensionUri, 'schemas', 'ja', 'identity-policy.schema.json').toString());
    const schema = readJson<{ properties: { Version: { markdownDescription: string } } }>(ext, 'schemas', 'ja', 'identity-policy.schema.json');
    assert.ok(schema, 'schemas/ja/identity-policy.schema.json is installed with the extension');
    const expected = schema.properties.Version.markdownDescription.split('\n\n')[0] ?? '';
    assert.match(expected, JAPANESE);

    // An identity policy by its content (no conventional name): the extension associates it through its registry.
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'activation', 'by-setting', 'admin-access.json'));
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('"Version"') + 2);
    const deadline = Date.now() + 20_000;
    let text = '';
    while (!text.includes(expected) && Date.now() < deadline) {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [];
      text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      if (!text.includes(expected)) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(text.includes(expected), `the hover of "Version": ${text}`);
    assert.doesNotMatch(text, /The version of the policy language/, 'not the English schema');
  });
});
