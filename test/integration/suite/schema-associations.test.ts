import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { schemaFiles } from '../../../src/core/schema/associations';
import type { ExtensionApi, TestApi } from '../../../src/extension-api';
import { REGISTRY_URI, schemaLocale, schemaUrls, type SchemaWriteQuestion } from '../../../src/features/schemas';
import { openInEditor, waitForSummary, workspaceRoot } from './diagnostics-helpers';
import { hoversAt, hoverText } from './language-helpers';

const EXTENSION_ID = 'ssm-policy-studio.ssm-policy-studio';
const GLOB = '**/activation/by-setting/*.json';
/** Bounds a failing wait only. */
const DEADLINE_MS = 20_000;
/** The identity schema's hover of "Version". */
const VERSION_HOVER = /The version of the policy language/;
/** The same hover in the Japanese schema (schemas/ja/). */
const VERSION_HOVER_JA = /ポリシー言語のバージョンです/;

const ssmPolicy = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('ssmPolicy');
const json = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('json', null);

function byGlob(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'activation', 'by-setting', 'admin-access.json');
}

/**
 * Resolves once `check` holds. The JSON language server has no event for "association applied", so this asks again
 * every 100 ms; the deadline only bounds a failing test.
 */
async function eventually(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > DEADLINE_MS) throw new Error(`Timed out after ${DEADLINE_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** True when the JSON language server's hover over "Version" is the identity schema's, i.e. the schema applies. */
async function hasSchema(uri: vscode.Uri, hover = VERSION_HOVER): Promise<boolean> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = doc.positionAt(doc.getText().indexOf('"Version"') + 2);
  return (await hoversAt(uri, at)).some((h) => hover.test(hoverText(h)));
}

/** Both scopes of json.schemas, to prove that nothing was written. */
function jsonSchemasEverywhere(): string {
  const inspected = json().inspect<unknown>('schemas');
  return JSON.stringify({ user: inspected?.globalValue, workspace: inspected?.workspaceValue, folder: inspected?.workspaceFolderValue });
}

async function clearGlobs(): Promise<void> {
  for (const target of [vscode.ConfigurationTarget.Global, vscode.ConfigurationTarget.Workspace]) {
    const inspected = ssmPolicy().inspect('schemas.identityPolicyFiles');
    const value = target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue;
    if (value !== undefined) await ssmPolicy().update('schemas.identityPolicyFiles', undefined, target);
  }
}

describe('schema associations and workspace trust', () => {
  let api: TestApi;
  let questions: SchemaWriteQuestion[] = [];
  let answer: 'allow' | 'deny' | undefined = 'deny';
  const hooks: vscode.Disposable[] = [];

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    const exported = (await ext.activate()) as ExtensionApi | undefined;
    assert.ok(exported?.schemas && exported.trust, 'activate() returns the test API in extension mode Test');
    api = exported as TestApi;
  });

  beforeEach(() => {
    questions = [];
    hooks.push(
      api.schemas.usePrompt(async (q) => {
        questions.push(q);
        return answer;
      }),
    );
  });

  afterEach(async () => {
    for (const h of hooks.splice(0).reverse()) h.dispose();
    await clearGlobs();
    await api.schemas.syncSettings();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('where the JSON language features read extension registries (this VS Code)', () => {
    it('reads the registry: no setting is needed', () => {
      assert.equal(api.schemas.mode(), 'registry');
    });

    it('gives the files of user globs the schema without writing json.schemas, and takes it back when the globs go', async () => {
      const before = jsonSchemasEverywhere();
      const uri = byGlob();
      await openInEditor(uri);
      await ssmPolicy().update('schemas.identityPolicyFiles', [GLOB], vscode.ConfigurationTarget.Global);
      await eventually(() => hasSchema(uri), 'the identity schema to apply to a file only the glob matches');
      assert.deepEqual(api.schemas.registry.associated().filter((a) => a.path === uri.path), [{ path: uri.path, kind: 'identity' }]);
      assert.equal(jsonSchemasEverywhere(), before, 'json.schemas is untouched');
      assert.deepEqual(questions, [], 'nothing was asked');

      // Without the glob the file is still a policy by its content (an identity policy), and keeps the schema until
      // it is closed.
      await ssmPolicy().update('schemas.identityPolicyFiles', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await eventually(() => !api.schemas.registry.associated().some((a) => a.path === uri.path), 'the association to end with the document');
    });

    it('writes nothing to the workspace settings for workspace globs, and asks nothing', async () => {
      const before = jsonSchemasEverywhere();
      const uri = byGlob();
      await openInEditor(uri);
      await ssmPolicy().update('schemas.identityPolicyFiles', [GLOB], vscode.ConfigurationTarget.Workspace);
      // Linted as an identity policy because of the glob (its content says identity too): Effect "allow" is reported.
      await waitForSummary(uri, ['effect-value error 4:16-4:23'], 'the findings under the workspace glob');
      await eventually(() => hasSchema(uri), 'the identity schema to apply');
      assert.equal(jsonSchemasEverywhere(), before, 'json.schemas is untouched');
      assert.deepEqual(questions, []);
    });
  });

  describe('the language of the schemas: schemas/ja/ when VS Code\'s display language is Japanese', () => {
    it('takes the language from vscode.env.language: ja, ja-JP … are Japanese, every other language English', () => {
      for (const tag of ['ja', 'ja-JP', 'JA-jp']) assert.equal(schemaLocale(tag), 'ja', tag);
      for (const tag of ['en', 'en-US', 'de', 'zh-cn', 'jv', '']) assert.equal(schemaLocale(tag), 'en', tag);
      assert.equal(api.schemas.locale(), schemaLocale(vscode.env.language), `display language ${vscode.env.language}`);
    });

    it('serves the schema files of that language from the extension folder, each of which exists', async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext);
      for (const locale of ['en', 'ja'] as const) {
        const urls = schemaUrls(ext.extensionUri, locale);
        for (const kind of ['identity', 'trust', 'scp'] as const) {
          assert.equal(urls[kind], vscode.Uri.joinPath(ext.extensionUri, schemaFiles(locale)[kind]).toString());
          await vscode.workspace.fs.stat(vscode.Uri.parse(urls[kind]));
        }
      }
      const served = schemaUrls(ext.extensionUri, api.schemas.locale());
      for (const kind of ['identity', 'trust', 'scp'] as const) assert.equal(api.schemas.schemaUrl(kind), served[kind]);
    });

    it('gives a document the Japanese schema (its hover in Japanese) under the Japanese display language, and the English one back', async () => {
      const uri = byGlob();
      await openInEditor(uri);
      await ssmPolicy().update('schemas.identityPolicyFiles', [GLOB], vscode.ConfigurationTarget.Global);
      await eventually(() => hasSchema(uri), 'the English identity schema to apply');
      const registryText = async (): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(REGISTRY_URI));
      const japanese = api.schemas.useLocale('ja');
      hooks.push(japanese);
      assert.match(await registryText(), /\/schemas\/ja\/identity-policy\.schema\.json"/);
      await eventually(() => hasSchema(uri, VERSION_HOVER_JA), 'the Japanese identity schema (schemas/ja/) to apply');
      japanese.dispose();
      assert.doesNotMatch(await registryText(), /\/schemas\/ja\//);
      await eventually(() => hasSchema(uri), 'the English identity schema to apply again');
    });
  });

  describe('where they do not (older VS Code): json.schemas, with consent', () => {
    beforeEach(async () => {
      hooks.push(api.schemas.useSettings());
      await api.schemas.forgetConsents();
    });

    it('asks before writing workspace globs to the workspace settings, writes nothing when told no, and remembers', async () => {
      answer = 'deny';
      const before = jsonSchemasEverywhere();
      await ssmPolicy().update('schemas.identityPolicyFiles', [GLOB], vscode.ConfigurationTarget.Workspace);
      await api.schemas.syncSettings();
      assert.equal(questions.length, 1, 'asked once');
      assert.match(questions[0]?.message ?? '', /json\.schemas/);
      assert.match(questions[0]?.message ?? '', /\.vscode\/settings\.json/, 'says where');
      assert.ok(questions[0]?.detail.includes(GLOB), 'says what');
      assert.equal(jsonSchemasEverywhere(), before, 'nothing written');

      await ssmPolicy().update('schemas.identityPolicyFiles', [GLOB, '**/more/*.json'], vscode.ConfigurationTarget.Workspace);
      await api.schemas.syncSettings();
      assert.equal(questions.length, 1, 'the answer is remembered');
      assert.equal(jsonSchemasEverywhere(), before, 'still nothing written');
    });

    it('writes workspace globs to the workspace settings once allowed, and removes its entries when they go', async () => {
      answer = 'allow';
      await ssmPolicy().update('schemas.identityPolicyFiles', [GLOB], vscode.ConfigurationTarget.Workspace);
      await api.schemas.syncSettings();
      assert.equal(questions.length, 1);
      const written = json().inspect<{ fileMatch: string[]; url: string }[]>('schemas');
      assert.equal(written?.globalValue, undefined, 'not in the user settings');
      assert.deepEqual(written?.workspaceValue?.map((e) => e.fileMatch), [[GLOB]]);

      await ssmPolicy().update('schemas.identityPolicyFiles', undefined, vscode.ConfigurationTarget.Workspace);
      await api.schemas.syncSettings();
      assert.deepEqual(json().inspect<unknown[]>('schemas')?.workspaceValue, [], 'its entries are gone');
      assert.equal(questions.length, 1, 'asked once');
      await json().update('schemas', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('points its entries at the schemas of the display language, replacing those written for the other one', async () => {
      answer = 'allow';
      await ssmPolicy().update('schemas.identityPolicyFiles', [GLOB], vscode.ConfigurationTarget.Workspace);
      await api.schemas.syncSettings();
      const urls = (): string[] | undefined => json().inspect<{ url: string }[]>('schemas')?.workspaceValue?.map((e) => e.url);
      assert.deepEqual(urls(), [api.schemas.schemaUrl('identity')]);
      const japanese = api.schemas.useLocale('ja');
      hooks.push(japanese);
      await api.schemas.syncSettings();
      assert.deepEqual(urls(), [api.schemas.schemaUrl('identity')], 'one entry, not two');
      assert.match(urls()?.[0] ?? '', /\/schemas\/ja\/identity-policy\.schema\.json$/);
      japanese.dispose();
      await api.schemas.syncSettings();
      assert.deepEqual(urls(), [api.schemas.schemaUrl('identity')]);
      assert.doesNotMatch(urls()?.[0] ?? '', /\/ja\//);
      assert.equal(questions.length, 1, 'asked once');
      await ssmPolicy().update('schemas.identityPolicyFiles', undefined, vscode.ConfigurationTarget.Workspace);
      await api.schemas.syncSettings();
      await json().update('schemas', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('never writes to the settings of an untrusted workspace, and does not ask', async () => {
      answer = 'allow';
      hooks.push(api.trust.use(false));
      const before = jsonSchemasEverywhere();
      await ssmPolicy().update('schemas.identityPolicyFiles', [GLOB], vscode.ConfigurationTarget.Workspace);
      await api.schemas.syncSettings();
      assert.deepEqual(questions, []);
      assert.equal(jsonSchemasEverywhere(), before);
    });
  });

  describe('workspace trust', () => {
    it('does not read .ssm-policy-lint.json in an untrusted workspace, and reads it once trusted', async () => {
      const uri = byGlob();
      const config = vscode.Uri.joinPath(workspaceRoot(), '.ssm-policy-lint.json');
      await openInEditor(uri);
      await waitForSummary(uri, ['effect-value error 4:16-4:23'], 'the default findings');
      try {
        await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "effect-value": "off" } }\n'));
        await waitForSummary(uri, [], 'the rule turned off by the trusted workspace file');
        const restricted = api.trust.use(false);
        hooks.push(restricted);
        await waitForSummary(uri, ['effect-value error 4:16-4:23'], 'the default severities in Restricted Mode');
        restricted.dispose();
        await waitForSummary(uri, [], 'the file read again once trusted');
      } finally {
        await vscode.workspace.fs.delete(config);
      }
    });
  });
});
