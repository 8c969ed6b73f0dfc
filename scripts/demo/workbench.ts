// code-server helpers for `npm run demo` (scripts/demo.ts): a sandbox of temp folders, the extension installed into
// the sandbox's extensions folder, code-server in its own process group, and the port to use. The plumbing it shares
// with the test runner (/healthz, stopping a process group, the workbench URL, headless Chromium) lives in
// scripts/integration/code-server.ts.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeServer, SandboxDirs } from '../integration/code-server';
import type { IntegrationTools } from '../integration/setup';

export { httpStatus, killGroup, launchBrowser, waitForHealth, workbenchUrl } from '../integration/code-server';
export type { CodeServer } from '../integration/code-server';

/** The name of the demo workspace folder (a temp copy of examples/). */
export const DEMO_FOLDER = 'ssm-policy-examples';

/** The folders of the demo: everything code-server and Chromium write goes below `base`. */
export interface Sandbox extends SandboxDirs {
  base: string;
  user: string;
  exts: string;
  xdg: { config: string; data: string; cache: string; runtime: string };
}

/** Resolves to `port` when it is free on 127.0.0.1, else to a free port the system picks. */
export function pickPort(port: number): Promise<number> {
  const tryListen = (p: number): Promise<number> =>
    new Promise((ok, fail) => {
      const srv = createServer();
      srv.once('error', fail);
      srv.listen(p, '127.0.0.1', () => {
        const { port: got } = srv.address() as AddressInfo;
        srv.close(() => ok(got));
      });
    });
  return tryListen(port).catch(() => tryListen(0));
}

/**
 * A temp folder with HOME, TMPDIR, XDG_* dirs, user data, extensions and the workspace (a copy of examples/, so
 * edits in the demo never touch the repository). `userSettings` is written as the user's settings.json.
 */
export function makeSandbox(root: string, userSettings: Record<string, unknown>): Sandbox {
  const base = mkdtempSync(join(tmpdir(), 'ssm-demo-'));
  const dir = (...p: string[]): string => {
    const d = join(base, ...p);
    mkdirSync(d, { recursive: true, mode: 0o700 });
    return d;
  };
  const sandbox: Sandbox = {
    base,
    home: dir('home'),
    tmp: dir('tmp'),
    user: dir('user'),
    exts: dir('exts'),
    workspace: join(base, DEMO_FOLDER),
    xdg: { config: dir('xdg', 'config'), data: dir('xdg', 'data'), cache: dir('xdg', 'cache'), runtime: dir('xdg', 'runtime') },
  };
  cpSync(join(root, 'examples'), sandbox.workspace, { recursive: true });
  mkdirSync(join(sandbox.user, 'User'), { recursive: true });
  writeFileSync(join(sandbox.user, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2) + '\n');
  writeFileSync(join(base, 'config.yaml'), 'auth: none\ncert: false\n');
  return sandbox;
}

/** What the installed extension holds: the manifest and what it points at (no sources, tests or node_modules). */
const EXTENSION_FILES = ['package.json', 'dist', 'snippets', 'schemas', 'l10n', 'media', 'README.md', 'CHANGELOG.md', 'LICENSE'];

/**
 * Installs the built extension (dist/ from `node esbuild.mjs`) into the sandbox's extensions folder as an installed
 * extension is laid out, `<publisher>.<name>-<version>/` with the package.nls*.json files, so that code-server runs it
 * as a user's VS Code runs an installed extension: no extension development host, no smoke-test driver, notifications
 * shown. code-server lists a folder it finds there in the folder's extensions.json when that file does not exist yet
 * (`code-server --list-extensions --extensions-dir DIR` shows it). Returns the extension's id and folder.
 */
export function installExtension(root: string, sandbox: Pick<Sandbox, 'exts'>): { id: string; folder: string } {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const id = `${pkg.publisher}.${pkg.name}`;
  const folder = join(sandbox.exts, `${id}-${pkg.version}`);
  if (!existsSync(join(root, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `node esbuild.mjs` first');
  mkdirSync(folder, { recursive: true });
  const nls = readdirSync(root).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f));
  for (const entry of [...EXTENSION_FILES, ...nls]) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(folder, entry), { recursive: true });
  }
  return { id, folder };
}

/** Starts code-server (Node 24 from setup.ts) in its own process group, logging to sandbox/code-server.log. */
export function spawnCodeServer(tools: Pick<IntegrationTools, 'node' | 'codeServerEntry'>, sandbox: Sandbox, port: number, env: NodeJS.ProcessEnv): CodeServer {
  const logFile = join(sandbox.base, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    tools.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', join(sandbox.base, 'config.yaml'),
    '--user-data-dir', sandbox.user,
    '--extensions-dir', sandbox.exts,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    sandbox.workspace,
  ];
  const child = spawn(tools.node, args, {
    cwd: sandbox.base,
    detached: true, // its own process group: the extension host, tsserver and pty host go with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      HOME: sandbox.home,
      TMPDIR: sandbox.tmp,
      XDG_CONFIG_HOME: sandbox.xdg.config,
      XDG_DATA_HOME: sandbox.xdg.data,
      XDG_CACHE_HOME: sandbox.xdg.cache,
      XDG_RUNTIME_DIR: sandbox.xdg.runtime,
    },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const server: CodeServer = { child, logFile, exited: undefined };
  child.once('exit', (code, signal) => (server.exited = `code-server exited (${code ?? signal})`));
  return server;
}
