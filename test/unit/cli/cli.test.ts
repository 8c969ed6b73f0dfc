import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/main';
import { parseArgs, UsageError } from '../../../src/cli/args';
import { BROKEN, bundledCli, CLEAN, fakeIo, FIXABLE, reportedFiles, WARN_ONLY, workspace } from './helpers';

describe('cli: arguments', () => {
  it('parses formats, kinds, config and paths, with = forms', () => {
    const a = parseArgs(['--format=json', '--kind', 'trust', '--config', 'c.json', 'a.json', '-']);
    assert.deepEqual([a.format, a.kind, a.config, a.paths], ['json', 'trust', 'c.json', ['a.json', '-']]);
  });
  it('rejects unknown options, formats, kinds and a missing path', () => {
    assert.throws(() => parseArgs(['--fmt', 'json', 'a']), UsageError);
    assert.throws(() => parseArgs(['--format', 'xml', 'a']), /Unknown format "xml"/);
    assert.throws(() => parseArgs(['--kind', 'role', 'a']), /Unknown kind "role"/);
    assert.throws(() => parseArgs(['--format']), /needs a value/);
    assert.throws(() => parseArgs([]), /No PATH/);
  });

  it('honours --flag=true and --flag=false for the boolean flags and rejects any other value', () => {
    assert.equal(parseArgs(['--fix=false', 'a']).fix, false);
    assert.equal(parseArgs(['--fix=true', 'a']).fix, true);
    assert.equal(parseArgs(['--fix', 'a']).fix, true);
    assert.equal(parseArgs(['--quiet=false', 'a']).quiet, false);
    assert.equal(parseArgs(['--verbose=true', 'a']).verbose, true);
    for (const bad of ['--fix=yes', '--fix=', '--quiet=1', '--verbose=no']) {
      assert.throws(() => parseArgs([bad, 'a']), /takes no value, or =true or =false/, bad);
    }
    assert.throws(() => parseArgs(['--help=1']), /--help takes no value/);
    // --fix=false is no --fix: standard input is allowed.
    assert.deepEqual(parseArgs(['--fix=false', '-']).paths, ['-']);
  });
});

describe('cli: run', () => {
  it('exits 0 on a clean file and 1 when an error is found', async () => {
    const dir = workspace({ 'ok.json': CLEAN, 'bad.json': BROKEN });
    const ok = fakeIo(dir);
    assert.equal(await run(['ok.json'], ok), 0);
    assert.match(ok.out, /No problems in 1 file/);
    const bad = fakeIo(dir);
    assert.equal(await run(['bad.json'], bad), 1);
    assert.match(bad.out, /^bad\.json:3:3 {2}error +Comma expected.*json-syntax$/m);
  });

  it('exits 0 when there are only warnings', async () => {
    const dir = workspace({ 'w.json': WARN_ONLY });
    const io = fakeIo(dir);
    assert.equal(await run(['w.json'], io), 0);
    assert.match(io.out, /version-missing/);
  });

  it('prints exactly one JSON array with LSP ranges for --format json', async () => {
    const dir = workspace({ 'bad.json': BROKEN, 'ok.json': CLEAN });
    const io = fakeIo(dir);
    assert.equal(await run(['--format', 'json', 'bad.json', 'ok.json'], io), 1);
    const parsed = JSON.parse(io.out) as unknown[];
    assert.ok(Array.isArray(parsed));
    const first = parsed[0] as Record<string, unknown>;
    assert.deepEqual(Object.keys(first).sort(), ['file', 'fixable', 'message', 'range', 'ruleId', 'severity', 'suggestions']);
    assert.deepEqual(first.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 13 } });
    assert.equal(first.file, 'bad.json');
  });

  it('counts characters in UTF-16 units, as LSP does', async () => {
    const dir = workspace({ 'u.json': '{"Sid": "😀", "Version": "2012-10-17" "Statement": []}' });
    const io = fakeIo(dir);
    await run(['--format', 'json', 'u.json'], io);
    const f = (JSON.parse(io.out) as { ruleId: string; range: { start: { character: number } } }[]).find((x) => x.ruleId === 'json-syntax');
    assert.equal(f?.range.start.character, '{"Sid": "😀", "Version": "2012-10-17" '.length);
  });

  it('walks directories for policies only, skipping node_modules', async () => {
    const dir = workspace({ 'a/one.json': CLEAN, 'a/b/two.policy.json': BROKEN, 'a/notes.txt': 'x', 'a/node_modules/x.policy.json': BROKEN });
    const io = fakeIo(dir);
    assert.equal(await run(['--format', 'json', 'a'], io), 1);
    assert.deepEqual(reportedFiles(io.out), [join('a', 'b', 'two.policy.json')]);
  });

  it('reports files in the order given, even when one waits for IAM data the others do not need', async () => {
    // The first file names services no other test loads, so its lint waits for their data while the later
    // files (Systems Manager only, loaded already) could finish first.
    const first = '{ "Statement": [{ "Effect": "allow", "Action": ["rhelkb:*", "repostspace:*", "mediaimport:*"], "Resource": "*" }] }';
    const names = ['z-first.json', 'b.json', 'c.json', 'a.json'];
    const dir = workspace(Object.fromEntries(names.map((n, i) => [n, i === 0 ? first : BROKEN])));
    const io = fakeIo(dir);
    assert.equal(await run(['--format', 'json', ...names], io), 1);
    const files = [...new Set((JSON.parse(io.out) as { file: string }[]).map((f) => f.file))];
    assert.deepEqual(files, names);
  });

  it('reads standard input for -', async () => {
    const io = fakeIo(tmpdir(), BROKEN);
    assert.equal(await run(['--format', 'json', '-'], io), 1);
    assert.equal((JSON.parse(io.out) as { file: string }[])[0]?.file, '-');
  });

  it('exits 2 with a clear message for a missing file, and still reports the others', async () => {
    const dir = workspace({ 'bad.json': BROKEN });
    const io = fakeIo(dir);
    assert.equal(await run(['nope.json'], io), 2);
    assert.match(io.err, /Cannot read .*nope\.json: no such file or directory/);
    const both = fakeIo(dir);
    assert.equal(await run(['nope.json', 'bad.json'], both), 2);
    assert.match(both.out, /^bad\.json:3:3 /m);
  });

  it('exits 2 for a directory without policies', async () => {
    const dir = workspace({ 'x.txt': '', 'package.json': '{ "name": "x" }' });
    const io = fakeIo(dir);
    assert.equal(await run(['.'], io), 2);
    assert.match(io.err, /no policies found in \. \(Skipped 2 files that are not policies; --verbose says why/);
  });

  it('applies a config file: off, severity changes, and rejects unknown rule ids', async () => {
    const dir = workspace({
      'w.json': WARN_ONLY,
      'off.json': JSON.stringify({ rules: { 'version-missing': 'off' } }),
      'err.json': JSON.stringify({ rules: { 'version-missing': 'error' } }),
      'unknown.json': JSON.stringify({ rules: { 'no-such-rule': 'off' } }),
    });
    const off = fakeIo(dir);
    assert.equal(await run(['--config', 'off.json', 'w.json'], off), 0);
    assert.match(off.out, /No problems/);
    const err = fakeIo(dir);
    assert.equal(await run(['--config', 'err.json', 'w.json'], err), 1);
    assert.match(err.out, /error +The policy has no "Version"/);
    const unknown = fakeIo(dir);
    assert.equal(await run(['--config', 'unknown.json', 'w.json'], unknown), 2);
    assert.match(unknown.err, /unknown rule id "no-such-rule"/);
  });

  it('picks up .ssm-policy-lint.json from the working directory', async () => {
    const dir = workspace({ 'w.json': WARN_ONLY, '.ssm-policy-lint.json': '{ "rules": { "version-missing": "off" } }' });
    const io = fakeIo(dir);
    assert.equal(await run(['w.json'], io), 0);
    assert.match(io.out, /No problems/);
  });

  it('writes SARIF 2.1.0 with rule metadata, help links and 1-based regions', async () => {
    const dir = workspace({ 'bad.json': BROKEN });
    const io = fakeIo(dir);
    assert.equal(await run(['--format', 'sarif', 'bad.json'], io), 1);
    const log = JSON.parse(io.out);
    assert.equal(log.version, '2.1.0');
    const runObj = log.runs[0];
    assert.equal(runObj.tool.driver.name, 'ssm-policy-lint');
    const rule = runObj.tool.driver.rules[runObj.results[0].ruleIndex];
    assert.equal(rule.id, 'json-syntax');
    assert.match(rule.helpUri, /docs\/rules\/json-syntax\.md$/);
    assert.equal(runObj.results[0].level, 'error');
    assert.deepEqual(runObj.results[0].locations[0].physicalLocation.region, { startLine: 3, startColumn: 3, endLine: 3, endColumn: 14 });
    assert.equal(runObj.results[0].locations[0].physicalLocation.artifactLocation.uri, 'bad.json');
  });
});

describe('cli: the bundled executable', () => {
  let cli = '';
  before(function () {
    // Builds when the bundle is missing or stale (npm test builds it before the unit tests).
    this.timeout(60_000);
    cli = bundledCli();
  });
  it('runs as a process with exit codes 1 and 2 and reads stdin', () => {
    const r = spawnSync(process.execPath, [cli, '--format', 'json', '-'], { input: BROKEN, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.equal((JSON.parse(r.stdout) as { ruleId: string }[])[0]?.ruleId, 'json-syntax');
    const usage = spawnSync(process.execPath, [cli, '--bogus'], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /Unknown option: --bogus/);
  });
});

describe('cli: --fix, --quiet, --max-warnings', () => {
  it('--fix rewrites the file with the safe fixes and reports what remains', async () => {
    const dir = workspace({ 'w.json': FIXABLE });
    const io = fakeIo(dir);
    assert.equal(await run(['--fix', 'w.json'], io), 0);
    assert.equal(
      readFileSync(join(dir, 'w.json'), 'utf8'),
      '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "ssm:GetDocument", "Resource": "*" }]\n}\n',
    );
    assert.doesNotMatch(io.out, /version-missing/);
  });

  it('--fix refuses standard input', async () => {
    const io = fakeIo(tmpdir(), '{}');
    assert.equal(await run(['--fix', '-'], io), 2);
    assert.match(io.err, /cannot be used with -/);
  });

  it('--quiet drops warnings; --max-warnings turns too many warnings into exit 1', async () => {
    const dir = workspace({ 'w.json': WARN_ONLY });
    const quiet = fakeIo(dir);
    assert.equal(await run(['--quiet', 'w.json'], quiet), 0);
    assert.doesNotMatch(quiet.out, /version-missing/);
    const strict = fakeIo(dir);
    assert.equal(await run(['--max-warnings', '0', 'w.json'], strict), 1);
    assert.match(strict.err, /more than --max-warnings 0/);
    assert.equal(await run(['--max-warnings', '5', 'w.json'], fakeIo(dir)), 0);
  });

  it('--quiet never hides warnings from --max-warnings: they are counted before the filter', async () => {
    const dir = workspace({ 'w.json': WARN_ONLY });
    const io = fakeIo(dir);
    assert.equal(await run(['--quiet', '--max-warnings', '0', 'w.json'], io), 1);
    assert.doesNotMatch(io.out, /version-missing/);
    assert.match(io.err, /1 warning, more than --max-warnings 0/);
  });

  it('--fix=false does not fix; --fix=true does', async () => {
    const dir = workspace({ 'w.json': FIXABLE });
    const off = fakeIo(dir);
    assert.equal(await run(['--fix=false', 'w.json'], off), 1);
    assert.equal(readFileSync(join(dir, 'w.json'), 'utf8'), FIXABLE);
    assert.match(off.out, /effect-value/);
    assert.equal(await run(['--fix=true', 'w.json'], fakeIo(dir)), 0);
    assert.notEqual(readFileSync(join(dir, 'w.json'), 'utf8'), FIXABLE);
  });
});

describe('cli: configuration file', () => {
  const PASSROLE = '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" }] }';
  it('refuses a "__proto__" key instead of letting it turn a rule off', async () => {
    for (const config of ['{ "__proto__": { "rules": { "passrole-wildcard": "off" } } }', '{ "rules": { "__proto__": { "passrole-wildcard": "off" } } }']) {
      const dir = workspace({ 'p.json': PASSROLE, '.ssm-policy-lint.json': config });
      const io = fakeIo(dir);
      assert.equal(await run(['p.json'], io), 2, config);
      assert.match(io.err, /\.ssm-policy-lint\.json: unknown (property|rule id) "__proto__"/);
    }
    const plain = fakeIo(workspace({ 'p.json': PASSROLE }));
    await run(['p.json'], plain);
    assert.match(plain.out, /passrole-wildcard/);
  });
});
