import * as assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../../src/cli/main';
import { writeIfUnchanged } from '../../../src/cli/write';
import { fakeIo, FIXABLE, workspace } from './helpers';

describe('cli: --fix writes', () => {
  it('replaces the file by a rename (a new inode, never a half-written file), keeping its mode, leaving no temp file', async () => {
    const dir = workspace({ 'p.json': FIXABLE });
    const path = join(dir, 'p.json');
    chmodSync(path, 0o640);
    const before = statSync(path);
    assert.equal(await run(['--fix', 'p.json'], fakeIo(dir)), 0);
    const after = statSync(path);
    assert.notEqual(after.ino, before.ino);
    assert.equal(after.mode & 0o7777, 0o640);
    assert.match(readFileSync(path, 'utf8'), /"Version": "2012-10-17"/);
    assert.deepEqual(readdirSync(dir), ['p.json']);
  });

  it('leaves a file edited while --fix ran untouched, says so and exits 2', async () => {
    const dir = workspace({ 'p.json': FIXABLE });
    const path = join(dir, 'p.json');
    const edit = FIXABLE.replace('ssm:GetDocument', 'ssm:DescribeDocument');
    const io = fakeIo(dir);
    io.beforeFixWrite = (p) => writeFileSync(p, edit);
    assert.equal(await run(['--fix', 'p.json'], io), 2);
    assert.equal(readFileSync(path, 'utf8'), edit);
    assert.match(io.err, /Did not fix p\.json: it changed while it was being linted; left it as it is \(run again\)/);
    assert.deepEqual(readdirSync(dir), ['p.json']);
  });

  it('writeIfUnchanged compares every byte, also when the file grew or shrank', async () => {
    const dir = workspace({ f: 'abc' });
    const path = join(dir, 'f');
    assert.equal(await writeIfUnchanged(path, Buffer.from('abd'), Buffer.from('x')), 'changed');
    assert.equal(await writeIfUnchanged(path, Buffer.from('ab'), Buffer.from('x')), 'changed');
    assert.equal(await writeIfUnchanged(path, Buffer.from('abcd'), Buffer.from('x')), 'changed');
    assert.equal(readFileSync(path, 'utf8'), 'abc');
    assert.equal(await writeIfUnchanged(join(dir, 'gone'), Buffer.from('abc'), Buffer.from('x')), 'changed');
    assert.equal(await writeIfUnchanged(path, Buffer.from('abc'), Buffer.from('xyz')), 'written');
    assert.equal(readFileSync(path, 'utf8'), 'xyz');
  });
});
