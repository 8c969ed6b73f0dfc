// code-server helpers for `npm run demo` (scripts/demo.mjs): a sandbox of temp folders, code-server in its own
// process group, /healthz polling, the workbench URL that loads the extension from the work tree, and headless
// Chromium. The plumbing it shares with the test runner lives in scripts/integration/code-server.mjs.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { httpStatus, killGroup, launchBrowser, waitForHealth, workbenchUrl } from '../integration/code-server.mjs';

/** The name of the demo workspace folder (a temp copy of examples/). */
export const DEMO_FOLDER = 'ssm-policy-examples';

/** Resolves to `port` when it is free on 127.0.0.1, else to a free port the system picks. */
export function pickPort(port) {
  const tryListen = (p) =>
    new Promise((ok, fail) => {
      const srv = createServer();
      srv.once('error', fail);
      srv.listen(p, '127.0.0.1', () => {
        const { port: got } = srv.address();
        srv.close(() => ok(got));
      });
    });
  return tryListen(port).catch(() => tryListen(0));
}

/**
 * A temp folder with HOME, TMPDIR, XDG_* dirs, user data, extensions and the workspace (a copy of examples/, so
 * edits in the demo never touch the repository). `userSettings` is written as the user's settings.json.
 */
export function makeSandbox(root, userSettings) {
  const base = mkdtempSync(join(tmpdir(), 'ssm-demo-'));
  const dir = (...p) => {
    const d = join(base, ...p);
    mkdirSync(d, { recursive: true, mode: 0o700 });
    return d;
  };
  const sandbox = {
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

/** Starts code-server (Node 24 from setup.mjs) in its own process group, logging to sandbox/code-server.log. */
export function spawnCodeServer(tools, sandbox, port, env) {
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
    // A built workbench reads the URL's payload (extensionDevelopmentPath) only with the smoke-test driver on.
    '--vscode-option', 'enable-smoke-test-driver',
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
  const server = { child, logFile, exited: undefined };
  child.once('exit', (code, signal) => (server.exited = `code-server exited (${code ?? signal})`));
  return server;
}

