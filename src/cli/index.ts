#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { run } from './main';

declare const PACKAGE_VERSION: string | undefined;

const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

run(
  process.argv.slice(2),
  {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () => readFileSync(0, 'utf8'),
    cwd: process.cwd(),
    isTty: process.stdout.isTTY === true,
  },
  version,
).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`ssm-policy-lint: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
