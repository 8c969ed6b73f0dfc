import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../../src/cli/main';
import { decodeText, EncodingError, firstInvalidUtf8, MAX_INPUT_BYTES, readRegularFile, readStreamCapped } from '../../../src/cli/read';
import { fakeIo, FIXABLE, reportedFiles, WARN_ONLY, workspace } from './helpers';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

interface Reported {
  file: string;
  ruleId: string;
  range: { start: { line: number; character: number } };
}

describe('cli: encodings', () => {
  it('lints a file with a UTF-8 BOM like the editor: no syntax error, ranges without the BOM, --fix keeps it', async () => {
    const dir = workspace({ 'p.json': Buffer.concat([BOM, Buffer.from(FIXABLE)]) });
    const io = fakeIo(dir);
    assert.equal(await run(['--format', 'json', 'p.json'], io), 1);
    const found = JSON.parse(io.out) as Reported[];
    assert.deepEqual(found.map((f) => f.ruleId).sort(), ['effect-value', 'version-missing']);
    // VS Code's document text has no BOM: "allow" is on line 2 (0-based 1) at the column the editor shows.
    assert.deepEqual(found.find((f) => f.ruleId === 'effect-value')?.range.start, { line: 1, character: FIXABLE.split('\n')[1]?.indexOf('"allow"') });
    assert.equal(await run(['--fix', 'p.json'], fakeIo(dir)), 0);
    const fixed = readFileSync(join(dir, 'p.json'));
    assert.deepEqual([...fixed.subarray(0, 3)], [...BOM]);
    assert.match(fixed.subarray(3).toString('utf8'), /^\{\n {2}"Version": "2012-10-17",/);
  });

  it('names UTF-16 (by BOM or by its NUL bytes) and exits 2 asking for UTF-8', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WARN_ONLY, 'utf16le')]);
    const be = Buffer.from(WARN_ONLY, 'utf16le').swap16(); // no BOM: the NUL pattern tells
    const dir = workspace({ 'le.json': le, 'be.policy.json': be });
    for (const [file, enc] of [
      ['le.json', 'UTF-16LE'],
      ['be.policy.json', 'UTF-16BE'],
    ] as const) {
      const io = fakeIo(dir);
      assert.equal(await run([file], io), 2, file);
      assert.match(io.err, new RegExp(`Cannot lint ${file.replace('.', '\\.')}: encoded as ${enc}; save it as UTF-8`));
    }
    // Found by the walk too: le.json looks like a policy once decoded, so it is an error, not a skip.
    const walk = fakeIo(dir);
    assert.equal(await run(['.'], walk), 2);
    assert.match(walk.err, /le\.json: encoded as UTF-16LE/);
  });

  it('refuses invalid UTF-8 with its byte offset instead of replacing it, and --fix leaves the file alone', async () => {
    const bytes = Buffer.concat([Buffer.from('{ "Statement": [{ "Sid": "'), Buffer.from([0xff]), Buffer.from(FIXABLE.slice(1))]);
    const dir = workspace({ 'p.json': bytes });
    const io = fakeIo(dir);
    assert.equal(await run(['--fix', 'p.json'], io), 2);
    assert.match(io.err, /Cannot lint p\.json: not valid UTF-8 \(byte 0xFF at byte offset 26, line 1\); save it as UTF-8/);
    assert.deepEqual(readFileSync(join(dir, 'p.json')), bytes);
    assert.doesNotMatch(readFileSync(join(dir, 'p.json'), 'latin1'), /\uFFFD|\xef\xbf\xbd/);
  });

  it('skips a walked file that is neither UTF-8 nor a policy, and lists why', async () => {
    const dir = workspace({ 'ok.json': WARN_ONLY, 'data.json': Buffer.from([0x7b, 0xff, 0x7d]) });
    const io = fakeIo(dir);
    assert.equal(await run(['--verbose', '--format', 'json', '.'], io), 0);
    assert.deepEqual(reportedFiles(io.out), ['ok.json']);
    assert.match(io.err, /^skipped data\.json: not valid UTF-8 \(byte 0xFF at byte offset 1, line 1\)$/m);
  });

  it('checks standard input the same way: BOM stripped, UTF-16 and invalid UTF-8 refused', async () => {
    const bom = fakeIo('/', Buffer.concat([BOM, Buffer.from(WARN_ONLY)]));
    assert.equal(await run(['--format', 'json', '-'], bom), 0);
    assert.deepEqual((JSON.parse(bom.out) as Reported[]).map((f) => f.ruleId), ['version-missing']);
    const wide = fakeIo('/', Buffer.from(WARN_ONLY, 'utf16le'));
    assert.equal(await run(['-'], wide), 2);
    assert.match(wide.err, /Cannot lint -: encoded as UTF-16LE/);
    const bad = fakeIo('/', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
    assert.equal(await run(['-'], bad), 2);
    assert.match(bad.err, /not valid UTF-8 \(byte 0xC3 at byte offset 1, line 1\)/);
  });

  it('finds the first ill-formed UTF-8 sequence as the Unicode standard defines it', () => {
    const at = (...bytes: number[]): number => firstInvalidUtf8(Uint8Array.from(bytes));
    assert.equal(at(0x41, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80), -1); // A é € 😀
    assert.equal(at(0x41, 0xc0, 0x80), 1); // overlong NUL
    assert.equal(at(0xe0, 0x80, 0x80), 0); // overlong 3-byte
    assert.equal(at(0x41, 0xed, 0xa0, 0x80), 1); // a UTF-16 surrogate
    assert.equal(at(0xf4, 0x90, 0x80, 0x80), 0); // above U+10FFFF
    assert.equal(at(0x41, 0x42, 0xe2, 0x82), 2); // cut short at the end
    assert.equal(at(0x80), 0); // a lone continuation byte
    assert.throws(() => decodeText(Uint8Array.from([0x41, 0xc0, 0x80]), 'x'), (err: unknown) => err instanceof EncodingError && /offset 1/.test(err.message));
    assert.deepEqual(decodeText(Buffer.from('\uFEFF{}'), 'x'), { text: '{}', bom: true });
    assert.deepEqual(decodeText(Buffer.from(''), 'x'), { text: '', bom: false });
  });
});

describe('cli: special files and sizes', function () {
  // A FIFO or a device read without care blocks the process for good: a hang fails by this timeout at best.
  this.timeout(5000);

  it('refuses a FIFO named on the command line at once, and skips one found by the walk', async () => {
    const dir = workspace({ 'ok.policy.json': WARN_ONLY });
    execFileSync('mkfifo', [join(dir, 'pipe.policy.json')]);
    const io = fakeIo(dir);
    assert.equal(await run(['pipe.policy.json'], io), 2);
    assert.match(io.err, /Cannot read pipe\.policy\.json: a FIFO \(named pipe\), not a regular file/);
    const walk = fakeIo(dir);
    assert.equal(await run(['--verbose', '.'], walk), 0);
    assert.match(walk.err, /^skipped pipe\.policy\.json: a FIFO \(named pipe\), not a regular file$/m);
    const config = fakeIo(dir);
    assert.equal(await run(['--config', 'pipe.policy.json', 'ok.policy.json'], config), 2);
    assert.match(config.err, /Cannot read config file pipe\.policy\.json: a FIFO/);
  });

  it('refuses /dev/zero (a character device that reports size 0 and never ends)', async () => {
    const io = fakeIo(workspace({}));
    assert.equal(await run(['/dev/zero'], io), 2);
    assert.match(io.err, /Cannot read \/dev\/zero: a character device, not a regular file/);
  });

  it('refuses a file over 8 MB by what it reads, and skips a large walked JSON file that is no policy by name', async () => {
    const big = Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20);
    big[0] = 0x7b;
    const dir = workspace({ 'big.policy.json': big, 'data.json': big, 'ok.json': WARN_ONLY });
    const io = fakeIo(dir);
    assert.equal(await run(['big.policy.json'], io), 2);
    assert.match(io.err, /Cannot read big\.policy\.json: larger than 8 MB, the limit/);
    const walk = fakeIo(dir);
    assert.equal(await run(['--verbose', '.'], walk), 2);
    assert.match(walk.err, /Cannot read big\.policy\.json: larger than 8 MB/);
    assert.match(walk.err, /^skipped data\.json: larger than 8 MB/m);
  });

  it('reads a regular file of exactly the limit, and refuses one byte more', async () => {
    const dir = workspace({ 'ten.json': '0123456789', 'eleven.json': '0123456789A' });
    assert.equal((await readRegularFile(join(dir, 'ten.json'), 10)).toString(), '0123456789');
    await assert.rejects(readRegularFile(join(dir, 'eleven.json'), 10, 'eleven.json'), /Cannot read eleven\.json: larger than 10 bytes/);
  });

  it('refuses standard input over 8 MB', async () => {
    const io = fakeIo('/', Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20));
    assert.equal(await run(['-'], io), 2);
    assert.match(io.err, /Cannot read standard input: larger than 8 MB/);
    assert.equal(io.out, '', 'no "No problems in 0 files" when nothing could be linted');
  });

  it('reads a stream only to one byte past the limit, however long it runs', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        pulled++;
        yield new Uint8Array(1000);
      }
    }
    const bytes = await readStreamCapped(endless(), 4500);
    assert.equal(bytes.length, 4501);
    assert.equal(pulled, 5);
  });
});
