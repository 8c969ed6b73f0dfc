// code-server helpers for `npm run demo` (scripts/demo.mjs): a sandbox of temp folders, code-server in its own
// process group, /healthz polling, the workbench URL that loads the extension from the work tree, and headless
// Chromium. Adapted from scripts/integration/run.mjs (kept separate so the test runner's behaviour never changes).
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

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

export function httpStatus(url) {
  return new Promise((ok) => {
    const req = get(url, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', () => ok(0));
    req.setTimeout(2000, () => req.destroy());
  });
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

/** Resolves once code-server answers /healthz. */
export async function waitForHealth(server, port, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exited) throw new Error(`${server.exited} before it answered /healthz`);
    if ((await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200) return;
    await delay(100);
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000} s`);
}

/** Ends the whole process group: SIGTERM, then SIGKILL for whatever is left after 3 s. */
export async function killGroup(child) {
  if (!child?.pid) return;
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
      return true;
    } catch {
      return false; // already gone
    }
  };
  if (!signalGroup('SIGTERM')) return;
  for (let i = 0; i < 30 && signalGroup(0); i++) await delay(100);
  signalGroup('SIGKILL');
}

/** The workbench URL: the demo folder, with the extension loaded from the work tree (extensionDevelopmentPath). */
export function workbenchUrl(root, port, sandbox) {
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`]];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Debian's Chromium, headless, through the cached playwright-core. */
export async function launchBrowser(tools, sandbox) {
  const { chromium } = createRequire(join(tools.playwrightCoreDir, 'package.json'))('playwright-core');
  return chromium.launch({
    executablePath: tools.chromium,
    headless: true,
    env: { ...process.env, HOME: sandbox.home, TMPDIR: sandbox.tmp, XDG_CONFIG_HOME: sandbox.xdg.config, XDG_CACHE_HOME: sandbox.xdg.cache },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
