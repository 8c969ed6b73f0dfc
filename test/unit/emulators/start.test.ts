/**
 * Starting the emulators when moto_server is missing or cannot start: startEmulators rejects at once, with the
 * install hint, instead of waiting for the start timeout. Every call here gives a timeout of an hour, longer than
 * mocha's: a rejection that waited for it would fail the test by mocha's timeout, so a passing test proves no wait.
 */
import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MotoServerNotFoundError, MOTO_INSTALL_HINT, resolveMotoServer, startEmulators } from '../../../scripts/emulators/start';

const AN_HOUR = 3_600_000;

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof Error, `rejected with ${String(err)}`);
    return err;
  }
  assert.fail('expected a rejection');
}

describe('emulators/start: a missing moto_server', () => {
  let dir: string;
  let savedBin: string | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ssm-start-test-'));
    savedBin = process.env.MOTO_SERVER_BIN;
  });
  afterEach(() => {
    if (savedBin === undefined) delete process.env.MOTO_SERVER_BIN;
    else process.env.MOTO_SERVER_BIN = savedBin;
    rmSync(dir, { recursive: true, force: true });
  });

  it('MOTO_SERVER_BIN naming a missing file: rejects without waiting, with the install hint', async () => {
    process.env.MOTO_SERVER_BIN = join(dir, 'no-such', 'moto_server');
    const err = await rejection(startEmulators({ timeoutMs: AN_HOUR }));
    assert.ok(err instanceof MotoServerNotFoundError);
    assert.match(err.message, /^moto_server not found: .*no-such\/moto_server is not an executable file\./);
    assert.ok(err.message.includes('pip install "moto[server]"'), err.message);
    assert.ok(err.message.includes('MOTO_SERVER_BIN'), err.message);
    assert.ok(!/TESTING\.md/.test(err.message), 'the hint points at files of the repository');
  });

  it('no moto_server on PATH: rejects without waiting, with the install hint', async () => {
    delete process.env.MOTO_SERVER_BIN;
    const err = await rejection(startEmulators({ path: dir, timeoutMs: AN_HOUR }));
    assert.ok(err instanceof MotoServerNotFoundError);
    assert.equal(err.message, `moto_server not found: no moto_server on PATH. ${MOTO_INSTALL_HINT}`);
  });

  it('a file that is not executable is not a program', () => {
    const file = join(dir, 'moto_server');
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o644);
    assert.throws(() => resolveMotoServer(file), MotoServerNotFoundError);
    assert.throws(() => resolveMotoServer('moto_server', dir), /no moto_server on PATH/);
    chmodSync(file, 0o755);
    assert.equal(resolveMotoServer(file), file);
    assert.equal(resolveMotoServer('moto_server', `relative/dir:${dir}`), file, 'the first absolute PATH entry that has it');
  });

  it('a moto_server that exits before it listens: rejects when it exits, with its output and status', async () => {
    const file = join(dir, 'moto_server');
    writeFileSync(file, '#!/bin/sh\necho "ModuleNotFoundError: No module named flask" >&2\nexit 3\n');
    chmodSync(file, 0o755);
    const err = await rejection(startEmulators({ motoServer: file, timeoutMs: AN_HOUR }));
    assert.ok(!(err instanceof MotoServerNotFoundError));
    assert.match(err.message, /exited \(3\) before it was ready/);
    assert.match(err.message, /No module named flask/);
  });

  it('a moto_server the shell cannot run (status 127): the error carries the install hint', async () => {
    const file = join(dir, 'moto_server');
    writeFileSync(file, '#!/no/such/interpreter\n');
    chmodSync(file, 0o755);
    const err = await rejection(startEmulators({ motoServer: file, timeoutMs: AN_HOUR }));
    assert.match(err.message, /exited \(127\) before it was ready/);
    assert.ok(err.message.includes(MOTO_INSTALL_HINT), err.message);
  });
});
