import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bundledCli, workspace } from './helpers';

interface Exit {
  code: number | null;
  stderr: string;
  ms: number;
}

describe('cli: as a process (dist/cli.js)', function () {
  this.timeout(60_000);
  let cli = '';
  before(() => {
    cli = bundledCli();
  });

  it('ends quietly with the lint exit status when the reader closes the pipe early (| head -1)', async () => {
    // About 600 kB of warnings, far more than a pipe buffers, so the CLI is still writing when the reader leaves.
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: Array.from({ length: 2000 }, (_, i) => ({ Effect: 'Allow', Action: `ssm:NoSuchAction${i}`, Resource: '*' })),
    });
    const dir = workspace({ 'many.policy.json': policy });
    const exit = await new Promise<Exit & { firstLine: string }>((resolve) => {
      const started = Date.now();
      const child = spawn(process.execPath, [cli, join(dir, 'many.policy.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let firstLine = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.once('data', (d: Buffer) => {
        firstLine = d.toString().split('\n')[0] ?? '';
        child.stdout.destroy();
      });
      child.on('close', (code) => resolve({ code, stderr, firstLine, ms: Date.now() - started }));
    });
    assert.match(exit.firstLine, /many\.policy\.json:1:\d+ {2}warning/);
    assert.equal(exit.stderr, '');
    assert.equal(exit.code, 0);
  });

  it('refuses 20 MB on standard input after reading 8 MB, quickly', async () => {
    const exit = await new Promise<Exit>((resolve) => {
      const started = Date.now();
      const child = spawn(process.execPath, [cli, '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdin.on('error', () => undefined); // EPIPE once the CLI stops reading: expected
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const write = (): void => {
        while (sent < 20) {
          sent++;
          if (!child.stdin.write(chunk)) {
            child.stdin.once('drain', write);
            return;
          }
        }
        child.stdin.end();
      };
      write();
      child.on('close', (code) => resolve({ code, stderr, ms: Date.now() - started }));
    });
    assert.equal(exit.code, 2);
    assert.match(exit.stderr, /Cannot read standard input: larger than 8 MB/);
    assert.ok(exit.ms < 10_000, `took ${exit.ms} ms`);
  });
});
