#!/usr/bin/env node
import { run } from './main';
import { readStreamCapped } from './read';

declare const PACKAGE_VERSION: string | undefined;

const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

// A reader that stops early (`ssm-policy-lint . | head -1`) closes the pipe: the next write fails with EPIPE. That is
// the reader's choice, not our failure: stop writing there, keep the exit status the lint earned, print no trace.
const closed = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr'] as const) {
  process[name].on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed[name] = true;
  });
}

run(
  process.argv.slice(2),
  {
    stdout: (s) => {
      if (!closed.stdout) process.stdout.write(s);
    },
    stderr: (s) => {
      if (!closed.stderr) process.stderr.write(s);
    },
    readStdin: (limit) => readStreamCapped(process.stdin, limit),
    cwd: process.cwd(),
    isTty: process.stdout.isTTY === true,
    // A CLI run is short: TurboFan's compile jobs cost more than optimised code wins back before the process exits
    // (200 managed policies: about half the CPU time with baseline code only, and still less over the 1,594 of the
    // whole corpus). Set before any rule has run, for this process only; a run over one file does not need it, and
    // loading node:v8 is a few milliseconds of its start.
    beforeLint: (files) => {
      if (files > 1) process.getBuiltinModule('node:v8').setFlagsFromString('--max-opt=1');
    },
  },
  version,
).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (!closed.stderr) process.stderr.write(`ssm-policy-lint: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
