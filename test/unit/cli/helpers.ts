import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../src/cli/main';

/** A valid policy without findings. */
export const CLEAN = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "ssm:GetDocument", "Resource": "*" }]\n}\n';
/** A JSON syntax error (a missing comma) in a file that has no statement to detect it by content. */
export const BROKEN = '{\n  "Version": "2012-10-17"\n  "Statement": []\n}\n';
/** One warning (version-missing), no error. */
export const WARN_ONLY = '{ "Statement": [{ "Effect": "Allow", "Action": "ssm:GetDocument", "Resource": "*" }] }';
/** An error (effect-value) and a warning (version-missing), both fixable. */
export const FIXABLE = '{\n  "Statement": [{ "Effect": "allow", "Action": "ssm:GetDocument", "Resource": "*" }]\n}\n';

/** An in-memory CliIo collecting what the CLI writes. */
export function fakeIo(cwd: string, stdin: string | Uint8Array = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    readStdin: async (limit: number) => {
      const bytes = typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : Buffer.from(stdin);
      return bytes.subarray(0, limit + 1);
    },
    stdout: (s: string) => {
      io.out += s;
    },
    stderr: (s: string) => {
      io.err += s;
    },
  };
  return io;
}

/** A fresh temporary folder holding the given files (names may contain folders). */
export function workspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ssm-policy-lint-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The files named in a `--format json` report, in order, once each. */
export function reportedFiles(out: string): string[] {
  return [...new Set((JSON.parse(out) as { file: string }[]).map((f) => f.file))];
}

const root = join(__dirname, '..', '..', '..');

/**
 * The path of the bundled CLI, dist/cli.js, built first when it is missing or older than a source file it bundles
 * (so a spawned test never runs yesterday's bundle).
 */
export function bundledCli(): string {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli) || newestSource(join(root, 'src')) > statSync(cli).mtimeMs) {
    const r = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
  }
  return cli;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}
