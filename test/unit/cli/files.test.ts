import * as assert from 'node:assert/strict';
import { lstatSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../../src/cli/main';
import { BROKEN, CLEAN, fakeIo, FIXABLE, reportedFiles, WARN_ONLY, workspace } from './helpers';

const PACKAGE_JSON = '{\n  "name": "app",\n  "version": "1.0.0",\n  "scripts": { "build": "tsc" }\n}\n';
const TSCONFIG = '{\n  // comments are fine here\n  "compilerOptions": { "strict": true, },\n}\n';

describe('cli: the directory walk', () => {
  it('--fix . in an ordinary project fixes the policies and never writes package.json or tsconfig.json', async () => {
    const dir = workspace({ 'package.json': PACKAGE_JSON, 'tsconfig.json': TSCONFIG, 'iam/app.policy.json': FIXABLE, 'iam/by-content.json': FIXABLE });
    const io = fakeIo(dir);
    assert.equal(await run(['--fix', '.'], io), 0);
    assert.equal(readFileSync(join(dir, 'package.json'), 'utf8'), PACKAGE_JSON);
    assert.equal(readFileSync(join(dir, 'tsconfig.json'), 'utf8'), TSCONFIG);
    for (const f of ['iam/app.policy.json', 'iam/by-content.json']) assert.match(readFileSync(join(dir, f), 'utf8'), /"Version": "2012-10-17"[\s\S]*"Allow"/, f);
    assert.match(io.out, /No problems in 2 files\.\nSkipped 2 files that are not policies; --verbose says why\.\n$/);
  });

  it('lints only what the editor takes for a policy: conventional names, then content', async () => {
    const dir = workspace({
      'a.policy.json': BROKEN, // by name, even though broken
      'b-trust.json': BROKEN,
      'c.json': WARN_ONLY, // by content
      'd.json': '{ "Statement": "nothing here" }',
      'e.jsonc': `// a comment\n${WARN_ONLY}`,
      'notes.md': WARN_ONLY,
    });
    const io = fakeIo(dir);
    assert.equal(await run(['--format', 'json', '.'], io), 1);
    assert.deepEqual(reportedFiles(io.out), ['a.policy.json', 'b-trust.json', 'c.json', 'e.jsonc']);
  });

  it('--verbose lists each linted and skipped file and folder with the reason', async () => {
    const dir = workspace({ 'p.json': WARN_ONLY, 'package.json': PACKAGE_JSON, 'README.md': '# x', 'node_modules/dep/x.policy.json': BROKEN, '.git/config.json': '{}' });
    const io = fakeIo(dir);
    assert.equal(await run(['--verbose', '.'], io), 0);
    assert.match(io.err, /^linted p\.json: IAM policy by content/m);
    assert.match(io.err, /^skipped package\.json: not a policy \(neither a policy file name nor a "Statement"/m);
    assert.match(io.err, /^skipped README\.md: not a JSON, YAML or Terraform file$/m);
    assert.match(io.err, /^skipped node_modules\/: folder not walked \(dependencies\)$/m);
    assert.match(io.err, /^skipped \.git\/: folder not walked \(version control\)$/m);
    assert.match(io.out, /Skipped 2 files that are not policies and 2 folders \(\.git, node_modules\)/);
    // Without --verbose, nothing on standard error.
    const quiet = fakeIo(dir);
    await run(['.'], quiet);
    assert.equal(quiet.err, '');
  });

  it('walks dist, out and cdk.out: generated policies there are linted', async () => {
    const dir = workspace({ 'ok.policy.json': CLEAN, 'dist/bad.policy.json': BROKEN, 'out/x-trust.json': BROKEN, 'cdk.out/Stack.json': WARN_ONLY });
    const io = fakeIo(dir);
    assert.equal(await run(['--format', 'json', '.'], io), 1);
    assert.deepEqual(reportedFiles(io.out), [join('cdk.out', 'Stack.json'), join('dist', 'bad.policy.json'), join('out', 'x-trust.json')]);
  });

  it('a file named on the command line is linted whatever its name or content, and --fix leaves a non-policy alone', async () => {
    const dir = workspace({ 'package.json': PACKAGE_JSON, 'policy.txt': FIXABLE });
    const io = fakeIo(dir);
    assert.equal(await run(['--fix', '--format', 'json', 'package.json'], io), 1);
    assert.deepEqual(reportedFiles(io.out), ['package.json']);
    assert.equal(readFileSync(join(dir, 'package.json'), 'utf8'), PACKAGE_JSON);
    assert.match(io.err, /Did not fix package\.json: not a policy .*--fix only writes files recognised as policies/);
    // Named, with policy content: fixed, whatever the extension.
    assert.equal(await run(['--fix', 'policy.txt'], fakeIo(dir)), 0);
    assert.match(readFileSync(join(dir, 'policy.txt'), 'utf8'), /"Version"/);
  });

  it('follows symbolic links to files and folders, once per real file, and survives a link loop', async () => {
    const dir = workspace({ 'real/linked.policy.json': BROKEN, 'scan/own.policy.json': CLEAN });
    symlinkSync(join(dir, 'real'), join(dir, 'scan', 'dir-link'));
    symlinkSync(join(dir, 'real', 'linked.policy.json'), join(dir, 'scan', 'file-link.policy.json'));
    mkdirSync(join(dir, 'scan', 'sub'));
    symlinkSync('..', join(dir, 'scan', 'sub', 'loop'));
    const io = fakeIo(dir);
    assert.equal(await run(['--format', 'json', '--verbose', 'scan'], io), 1);
    // The same real file by two links: linted once, under the first path in sorted order.
    assert.deepEqual(reportedFiles(io.out), [join('scan', 'dir-link', 'linked.policy.json')]);
    assert.match(io.err, /^skipped scan\/file-link\.policy\.json: the same file as scan\/dir-link\/linked\.policy\.json$/m);
    assert.match(io.err, /^skipped scan\/sub\/loop\/: a symbolic link loop back to scan$/m);
  });

  it('reports a broken symbolic link: an error for a JSON name, a listed skip otherwise', async () => {
    const dir = workspace({ 'ok.policy.json': CLEAN });
    symlinkSync(join(dir, 'gone.json'), join(dir, 'missing.policy.json'));
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'notes.txt'));
    const io = fakeIo(dir);
    assert.equal(await run(['--verbose', '.'], io), 2);
    assert.match(io.err, /Cannot read missing\.policy\.json: broken symbolic link \(to .*gone\.json\)/);
    assert.match(io.err, /^skipped notes\.txt: broken symbolic link/m);
    const named = fakeIo(dir);
    assert.equal(await run(['missing.policy.json'], named), 2);
    assert.match(named.err, /Cannot read missing\.policy\.json: broken symbolic link/);
  });

  it('--fix through a symbolic link fixes the target and keeps the link', async () => {
    const dir = workspace({ 'real/p.json': FIXABLE });
    mkdirSync(join(dir, 'scan'));
    symlinkSync(join(dir, 'real', 'p.json'), join(dir, 'scan', 'p.policy.json'));
    assert.equal(await run(['--fix', 'scan'], fakeIo(dir)), 0);
    assert.ok(lstatSync(join(dir, 'scan', 'p.policy.json')).isSymbolicLink());
    assert.match(readFileSync(join(dir, 'real', 'p.json'), 'utf8'), /"Version"/);
  });
});
