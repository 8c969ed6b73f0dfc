import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs, UsageError } from '../../../src/cli/args';
import { run } from '../../../src/cli/main';
import { localeFromEnv, localeOf } from '../../../src/core/i18n';
import { bundledCli, fakeIo, FIXABLE, workspace } from './helpers';

/** Japanese: kana or kanji. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('cli: --lang and the environment choose the language', () => {
  it('reads the language as POSIX programs do: LC_ALL, then LC_MESSAGES, then LANG; C and POSIX are English', () => {
    assert.equal(localeFromEnv({ LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(localeFromEnv({ LC_ALL: '', LC_MESSAGES: 'ja_JP', LANG: 'C' }), 'ja');
    assert.equal(localeFromEnv({ LANG: 'C' }), 'en');
    assert.equal(localeFromEnv({}), 'en');
    for (const tag of ['ja', 'ja-JP', 'ja_JP.eucJP', 'JA']) assert.equal(localeOf(tag), 'ja', tag);
    for (const tag of ['jav', 'en', 'POSIX', '', undefined]) assert.equal(localeOf(tag), 'en', String(tag));
  });

  it('takes --lang en|ja and refuses another language', () => {
    assert.equal(parseArgs(['--lang', 'ja', 'p.json']).lang, 'ja');
    assert.equal(parseArgs(['--lang=en', 'p.json']).lang, 'en');
    assert.throws(() => parseArgs(['--lang', 'fr', 'p.json']), (e: unknown) => e instanceof UsageError && /Unknown language "fr": use en or ja/.test(e.message));
  });

  it('--lang ja writes the findings, the summary and the usage in Japanese; the rule ids and ranges are the same as in English', async () => {
    const dir = workspace({ 'a.policy.json': FIXABLE });
    const en = fakeIo(dir);
    const ja = fakeIo(dir);
    assert.equal(await run(['a.policy.json'], en), 1);
    assert.equal(await run(['--lang', 'ja', 'a.policy.json'], ja), 1);
    assert.doesNotMatch(en.out, JAPANESE);
    assert.match(ja.out, /^a\.policy\.json:2:29 {2}error {2}.*[\u3040-\u30ff].* {2}effect-value$/m);
    assert.match(ja.out, /1 件のファイルに 2 件の問題があります \(エラー 1 件、警告 1 件、情報 0 件\)。$/m);

    const help = fakeIo(dir);
    await run(['--help', '--lang=ja'], help);
    assert.match(help.out, /^使い方: ssm-policy-lint/);
  });

  it('--lang ja writes the messages about files in Japanese too', async () => {
    const dir = workspace({ 'wide.policy.json': Buffer.from('\ufeff{}', 'utf16le') });
    const io = fakeIo(dir);
    assert.equal(await run(['--lang', 'ja', 'missing.policy.json', 'wide.policy.json'], io), 2);
    assert.match(io.err, /^ssm-policy-lint: missing\.policy\.json を読み取れません: そのようなファイルまたはディレクトリはありません$/m);
    assert.match(io.err, /^ssm-policy-lint: wide\.policy\.json を lint できません: UTF-16LE でエンコードされています。UTF-8 で保存してください$/m);
    assert.doesNotMatch(io.err, /Cannot|no such file|encoded as/);
  });

  it('json and sarif keep rule ids, ranges and edits in every language; only the messages change', async () => {
    const dir = workspace({ 'a.policy.json': FIXABLE });
    for (const format of ['json', 'sarif'] as const) {
      const en = fakeIo(dir);
      const ja = fakeIo(dir);
      await run(['--format', format, 'a.policy.json'], en);
      await run(['--format', format, '--lang', 'ja', 'a.policy.json'], ja);
      const strip = (text: string): unknown =>
        JSON.parse(text, (key, value: unknown) => (['message', 'text', 'markdown', 'helpUri'].includes(key) ? undefined : key === 'shortDescription' || key === 'help' || key === 'description' ? undefined : value));
      assert.deepEqual(strip(ja.out), strip(en.out), format);
      assert.notEqual(ja.out, en.out, `${format}: the messages are Japanese`);
      assert.match(ja.out, JAPANESE);
    }
    const sarif = fakeIo(dir);
    await run(['--format', 'sarif', '--lang', 'ja', 'a.policy.json'], sarif);
    const rules = (JSON.parse(sarif.out) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] }).runs[0]!.tool.driver.rules;
    assert.match(rules.find((r) => r.id === 'effect-value')!.helpUri, /\/docs\/rules\/ja\/effect-value\.md$/);
  });

  it('LANG=ja_JP.UTF-8 makes the bundled CLI speak Japanese, and --lang en overrides it', () => {
    const dir = workspace({ 'a.policy.json': FIXABLE });
    const cli = bundledCli();
    const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'ja_JP.UTF-8' };
    const ja = spawnSync(process.execPath, [cli, join(dir, 'a.policy.json')], { encoding: 'utf8', env });
    assert.match(ja.stdout, /件の問題があります/);
    const en = spawnSync(process.execPath, [cli, '--lang', 'en', join(dir, 'a.policy.json')], { encoding: 'utf8', env });
    assert.match(en.stdout, /2 problems \(1 error, 1 warning, 0 info\) in 1 file\./);
  });
});
