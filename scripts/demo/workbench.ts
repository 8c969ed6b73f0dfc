// code-server helpers for `npm run demo` (scripts/demo.ts): the demo's sandbox (a copy of examples/) and the
// extension installed into the sandbox's extensions folder. The plumbing it shares with the test runner (the sandbox,
// the port, starting code-server, /healthz, stopping a process group, the workbench URL, headless Chromium) lives in
// scripts/integration/code-server.ts.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { matchesFilesEntry } from '../check-packages';
import { makeSandbox, type Sandbox } from '../integration/code-server';

export { httpStatus, killGroup, launchBrowser, pickPort, spawnCodeServer, waitForHealth, workbenchUrl } from '../integration/code-server';
export type { CodeServer, Sandbox } from '../integration/code-server';

/** The name of the demo workspace folder (a temp copy of examples/). */
export const DEMO_FOLDER = 'ssm-policy-examples';

/**
 * A sandbox (see makeSandbox in code-server.ts) whose workspace is a copy of examples/, so edits in the demo never
 * touch the repository.
 */
export function makeDemoSandbox(root: string): Sandbox {
  const sandbox = makeSandbox('ssm-demo-', DEMO_FOLDER);
  cpSync(join(root, 'examples'), sandbox.workspace, { recursive: true });
  return sandbox;
}

/**
 * The paths package.json's `files` allow-list names (what `npm run package` puts into the .vsix), relative to root:
 * a file, a folder (`media/`), or a `*` in the last segment (`schemas/*.json`, `package.nls*.json`).
 */
export function packagedPaths(root: string, files: readonly string[]): string[] {
  return files.flatMap((entry) => {
    const path = entry.replace(/\/$/, '');
    if (!path.includes('*')) return existsSync(join(root, path)) ? [path] : [];
    const dir = dirname(path);
    const paths = existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((f) => (dir === '.' ? f : `${dir}/${f}`)) : [];
    return paths.filter((p) => matchesFilesEntry(entry, p));
  });
}

/**
 * Installs the built extension (dist/ from `node esbuild.mjs`) into the sandbox's extensions folder as an installed
 * extension is laid out, `<publisher>.<name>-<version>/` holding package.json and what its `files` list ships (the
 * .vsix's contents), so that code-server runs it as a user's VS Code runs an installed extension: no extension
 * development host, no smoke-test driver, notifications shown. code-server lists a folder it finds there in the
 * folder's extensions.json when that file does not exist yet (`code-server --list-extensions --extensions-dir DIR`
 * shows it). Returns the extension's id and folder.
 */
export function installExtension(root: string, sandbox: Pick<Sandbox, 'exts'>): { id: string; folder: string } {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string; files: string[] };
  const id = `${pkg.publisher}.${pkg.name}`;
  const folder = join(sandbox.exts, `${id}-${pkg.version}`);
  if (!existsSync(join(root, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `node esbuild.mjs` first');
  mkdirSync(folder, { recursive: true });
  for (const entry of ['package.json', ...packagedPaths(root, pkg.files)]) cpSync(join(root, entry), join(folder, entry), { recursive: true });
  return { id, folder };
}

