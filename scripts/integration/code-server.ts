// The code-server and Chromium plumbing shared by the integration runner (run.ts) and the demo (scripts/demo.ts):
// /healthz polling, stopping a process group, the workbench URL that loads the extension, headless Chromium, and
// reading the Problems count off the status bar.
import type { ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createRequire } from 'node:module';
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
