// The code-server and Chromium plumbing shared by the integration runner (run.ts) and the demo (scripts/demo.ts):
// the sandbox a run writes into, a free port, starting code-server, /healthz polling, stopping a process group, the
// workbench URL that loads the extension, headless Chromium, and reading the Problems count off the status bar.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, BrowserType, Page } from './playwright';

/** A code-server process: `exited` says how it ended, once it has. */
export interface CodeServer {
  child: ChildProcess;
  logFile: string;
  exited: string | undefined;
}

/** The folders of a sandbox that the browser and the workbench URL use. */
export interface SandboxDirs {
  home: string;
  tmp: string;
  workspace: string;
  xdg: { config: string; cache: string };
}

/** The temp folder of one run: everything code-server and Chromium write (HOME, TMPDIR, XDG, user data, extensions). */
export interface Sandbox extends SandboxDirs {
  base: string;
  user: string;
  exts: string;
  xdg: { config: string; data: string; cache: string; runtime: string };
}

/**
 * A new sandbox under the system's temp folder (`prefix` names it) whose workspace is `base/<workspaceName>`, left
 * for the caller to fill, with the user settings of a quiet, deterministic workbench and code-server's config.
 */
export function makeSandbox(prefix: string, workspaceName: string): Sandbox {
  const base = mkdtempSync(join(tmpdir(), prefix));
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
    workspace: join(base, workspaceName),
    xdg: { config: dir('xdg', 'config'), data: dir('xdg', 'data'), cache: dir('xdg', 'cache'), runtime: dir('xdg', 'runtime') },
  };
  writeUserSettings(sandbox.user);
  writeFileSync(join(base, 'config.yaml'), 'auth: none\ncert: false\n');
  return sandbox;
}

/** The user settings of a quiet, deterministic workbench: no welcome page, tips, trust prompt or updates. */
export const USER_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

/** Writes {@link USER_SETTINGS} as the settings.json of a user data folder. */
export function writeUserSettings(userDataDir: string): void {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2) + '\n');
}

/** Resolves to `port` when it is free on 127.0.0.1 (0: any free port), else to a free port the system picks. */
export function pickPort(port = 0): Promise<number> {
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

/** What starting code-server needs of the cached tools (scripts/integration/setup.ts). */
export interface CodeServerTools {
  node: string;
  codeServerEntry: string;
}

/**
 * Starts code-server (Node 24 from setup.ts) on the sandbox, in its own process group (the extension host, tsserver
 * and pty host go with it), logging to sandbox/code-server.log. `extraArgs` come before the workspace folder.
 */
export function spawnCodeServer(tools: CodeServerTools, sandbox: Sandbox, port: number, env: NodeJS.ProcessEnv, extraArgs: readonly string[] = []): CodeServer {
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
    ...extraArgs,
    sandbox.workspace,
  ];
  const child = spawn(tools.node, args, {
    cwd: sandbox.base,
    detached: true,
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

/** The HTTP status of a GET, or 0 when nothing answers within 2 s. */
export function httpStatus(url: string): Promise<number> {
  return new Promise((ok) => {
    const req = get(url, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', () => ok(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** Resolves once code-server answers /healthz; rejects when it exits first or does not answer in time. */
export async function waitForHealth(server: CodeServer, port: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exited) throw new Error(`${server.exited} before it answered /healthz`);
    if ((await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200) return;
    await delay(100);
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000} s`);
}

/** Ends the whole process group: SIGTERM, then SIGKILL for whatever is left after 3 s. */
export async function killGroup(child: ChildProcess | undefined): Promise<void> {
  const pid = child?.pid;
  if (!pid) return;
  const signalGroup = (sig: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-pid, sig);
      return true;
    } catch {
      return false; // already gone
    }
  };
  if (!signalGroup('SIGTERM')) return;
  for (let i = 0; i < 30 && signalGroup(0); i++) await delay(100);
  signalGroup('SIGKILL');
}

/**
 * The workbench URL for the sandbox's workspace. With `root`, the extension is loaded from it (extensionDevelopmentPath,
 * which a built workbench reads only with the smoke-test driver on) and, for test runs, the suites (extensionTestsPath).
 * Without `root`, the URL only opens the folder, and the workbench runs the extensions installed in code-server.
 */
export function workbenchUrl(root: string | undefined, port: number, sandbox: Pick<SandboxDirs, 'workspace'>, testsPath?: string): string {
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${p}`;
  const folder = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(sandbox.workspace)}`;
  if (root === undefined) return folder;
  const payload = [['extensionDevelopmentPath', remote(root)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  return `${folder}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The tools launchBrowser needs (see setup.ts). */
export interface BrowserTools {
  playwrightCoreDir: string;
  chromium: string;
}

/** Debian's Chromium, headless, through the cached playwright-core (see setup.ts). */
export async function launchBrowser(tools: BrowserTools, sandbox: SandboxDirs): Promise<Browser> {
  const { chromium } = createRequire(join(tools.playwrightCoreDir, 'package.json'))('playwright-core') as { chromium: BrowserType };
  return chromium.launch({
    executablePath: tools.chromium,
    headless: true,
    env: { ...process.env, HOME: sandbox.home, TMPDIR: sandbox.tmp, XDG_CONFIG_HOME: sandbox.xdg.config, XDG_CACHE_HOME: sandbox.xdg.cache },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Errors + warnings + infos, read from the status bar's problems entry ("Errors: 0, Warnings: 1..."). */
export async function problemsCount(page: Page, log?: (line: string) => void): Promise<number> {
  const status = page.locator('[id="status.problems"]');
  const label = (await status.getAttribute('aria-label').catch(() => null)) ?? (await status.innerText().catch(() => ''));
  log?.(`status bar problems: ${label}`);
  return [...label.matchAll(/\d+/g)].reduce((sum, m) => sum + Number(m[0]), 0);
}

/** Waits until the Problems count on the status bar has stayed the same for a second; returns it. */
export async function settledProblems(page: Page, log?: (line: string) => void): Promise<number> {
  let count = -1;
  for (let stable = 0; stable < 5; ) {
    await delay(200);
    const next = await problemsCount(page, log);
    stable = next === count ? stable + 1 : 0;
    count = next;
  }
  return count;
}

/** Loads the workbench and waits until the explorer lists the workspace (the remote connection is up). */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}
