#!/usr/bin/env node
import { fstatSync, writeSync } from 'node:fs';
import { run } from './main';
import { readStreamCapped } from './read';

declare const PACKAGE_VERSION: string | undefined;

const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

// A reader that stops early (`ssm-policy-lint . | head -1`) closes the pipe: the next write fails with EPIPE. That is
// the reader's choice, not our failure: stop writing there, keep the exit status the lint earned, print no trace.
// Each stream is set up on its first write: creating process.stdout or process.stderr over a pipe loads node:net and
// the stream classes, a few milliseconds of a one-file run.
const closed = { stdout: false, stderr: false };
const watched = { stdout: false, stderr: false };

/**
 * Standard output is written with write(2) when it is a pipe, a socket (what a parent process's spawn makes) or a
 * regular file, outside Windows: what the stream does there too, synchronously, without loading it. A terminal or
 * anything else gets process.stdout, and so does the rest of the output once a non-blocking pipe is full (EAGAIN).
 */
let direct = process.platform !== 'win32' && isPipeOrFile(1);

function isPipeOrFile(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFIFO() || st.isSocket() || st.isFile();
  } catch {
    return false;
  }
}

function write(name: 'stdout' | 'stderr', s: string | Uint8Array): void {
  if (closed[name]) return;
  if (name === 'stdout' && direct) {
    const bytes = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(1, bytes, done);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        closed.stdout = true;
        return;
      }
      if (code !== 'EAGAIN') throw err;
      direct = false;
      s = bytes.subarray(done);
    }
  }
  if (!watched[name]) {
    watched[name] = true;
    process[name].on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      closed[name] = true;
    });
  }
  process[name].write(s);
}

run(
  process.argv.slice(2),
  {
    stdout: (s) => write('stdout', s),
    stderr: (s) => write('stderr', s),
    readStdin: (limit) => readStreamCapped(process.stdin, limit),
    cwd: process.cwd(),
    env: process.env,
    // A pipe or a file is no terminal: asked only by the text format, after linting.
    get isTty() {
      return !direct && process.stdout.isTTY === true;
    },
    // A CLI run is short: TurboFan's compile jobs cost more than optimised code wins back before the process exits
    // (200 managed policies: about half the CPU time with baseline code only, and still less over the 1,594 of the
    // whole corpus). Set before any rule has run, for this process only; a run over one file does not need it, and
    // loading node:v8 is a few milliseconds of its start.
    beforeLint: (files) => {
      // A plain require, loaded only here: a run over one file never pays for node:v8.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      if (files > 1) (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--max-opt=1');
    },
  },
  version,
).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    write('stderr', `ssm-policy-lint: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
