import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** One input to lint: a file path, or `-` for standard input. */
export interface InputFile {
  path: string;
}

/** A PATH argument that cannot be read. */
export class InputError extends Error {}

/** Expands the PATH arguments: files as given, directories to every `*.json` below them (sorted), `-` as stdin. */
export function collectInputs(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ path: '-' });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new InputError(`Cannot read ${p}: no such file or directory`);
    }
    if (st.isDirectory()) out.push(...walk(p));
    else out.push({ path: p });
  }
  return out;
}

function walk(dir: string): InputFile[] {
  const files: InputFile[] = [];
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      throw new InputError(`Cannot read directory ${current}`);
    }
    for (const e of entries) {
      const full = join(current, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) stack.push(full);
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.json')) {
        files.push({ path: full });
      }
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
