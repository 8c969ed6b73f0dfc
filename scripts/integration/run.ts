// Runs the integration suites inside a real VS Code: code-server (VS Code's web build with a Node extension
// host) driven by Debian's headless Chromium through playwright-core; setup.ts installs them.
//
//   npm run test:integration [-- ARGS]     or, without npm: node --import tsx scripts/integration/run.ts [ARGS]
//   (no ARGS)            build, run test/integration/suite/*.test.ts, exit with their code
//   --screenshot FILE    UI smoke test: open a policy with mistakes and the Problems panel, check the page, save a PNG
//   --vsix FILE          install the .vsix into the sandbox and check the installed extension through the page
//                        (scripts/integration/vsix-smoke.ts); builds nothing and loads nothing from the work tree
// Options: --timeout SECONDS (default 300, or SSM_IT_TIMEOUT), --grep TEXT (only matching tests),
//          --verbose (print every workbench log line), --keep (keep the temp folder and its logs),
//          --log LEVEL (code-server's --log: trace, debug, info...).
// Environment: SSM_IT_SUITE=ja runs test/integration/ja/ (scripts/integration/build.ts) in code-server's Japanese
// display language (scripts/integration/display-language.ts; --screenshot then pictures the Japanese workbench);
// SSM_IT_SUITE=perf runs test/integration/perf/ (npm run bench).
// The runner's environment reaches the extension host (AWS_ENDPOINT_URL_*, fake credentials...).
// Exit code: the suites' (0 when all passed), 1 on a failure or timeout, 2 when a Debian package is missing or
// SSM_IT_SUITE names no suite.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAll, integrationSuite } from './build';
import { installDisplayLanguage, localeArgs, type DisplayLanguage } from './display-language';
import { killGroup, launchBrowser, makeSandbox, openWorkbench, pickPort, settledProblems, spawnCodeServer, waitForHealth, workbenchUrl, type CodeServer, type Sandbox } from './code-server';
import type { Browser, Page } from './playwright';
import { installIntegrationTools, MissingDebianPackagesError, type IntegrationTools } from './setup';

const TAG = '[ssm-it]';
const SMOKE_FOLDER = 'ssm-policies';
const SMOKE_FILE = 'dhmc-admin.policy.json';

const { values: opts } = parseArgs({
  options: {
    screenshot: { type: 'string' },
    vsix: { type: 'string' },
    timeout: { type: 'string', default: process.env.SSM_IT_TIMEOUT ?? '300' },
    grep: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    log: { type: 'string' },
  },
});
const timeoutMs = Number(opts.timeout) * 1000;
if (!(timeoutMs > 0)) {
  console.error(`[run] --timeout takes a number of seconds, not ${opts.timeout}`);
  process.exit(2);
}
const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (m: string): void => console.log(`[run] ${m}`);

/** The cached tools (set up when missing, saying so as it goes); exits 2 when a Debian package is missing, 1 on another failure. */
async function integrationTools(): Promise<IntegrationTools> {
  try {
    return await installIntegrationTools({ quiet: true });
  } catch (err) {
    console.error(`[run] ${err instanceof Error ? err.message : String(err)}`);
    return process.exit(err instanceof MissingDebianPackagesError ? 2 : 1);
  }
}
/** Set by main() before anything uses them. */
let tools: IntegrationTools;
let root: string;

/**
 * The run's sandbox (see makeSandbox): a copy of test/fixtures/workspace/ for the suites; for the smoke tests, a
 * folder of the bundled examples/mistakes/.
 */
function makeRunSandbox({ screenshot }: { screenshot: boolean }): Sandbox {
  const sandbox = makeSandbox('ssm-it-', screenshot ? SMOKE_FOLDER : 'workspace');
  if (screenshot) {
    cpSync(join(root, 'examples', 'mistakes'), sandbox.workspace, { recursive: true, filter: (src) => !src.endsWith('.md') });
  } else {
    cpSync(join(root, 'test', 'fixtures', 'workspace'), sandbox.workspace, { recursive: true });
  }
  return sandbox;
}

/** Starts code-server with the smoke-test driver, which the suites' extensionTestsPath payload needs. */
function startCodeServer(sandbox: Sandbox, port: number, env: NodeJS.ProcessEnv = process.env, extraArgs: readonly string[] = []): CodeServer {
  // The AWS suites start moto_server; a pyenv shim resolves it through HOME, which the sandbox replaces.
  const withMoto = { ...env, MOTO_SERVER_BIN: process.env.MOTO_SERVER_BIN ?? resolveMotoServer() };
  return spawnCodeServer(tools, sandbox, port, withMoto, ['--vscode-option', 'enable-smoke-test-driver', ...(opts.log ? ['--log', opts.log] : []), ...extraArgs]);
}

/** The real moto_server program (through pyenv when it is a shim), or its bare name when it cannot be found. */
function resolveMotoServer(): string {
  const viaPyenv = spawnSync('pyenv', ['which', 'moto_server'], { encoding: 'utf8' });
  if (viaPyenv.status === 0 && viaPyenv.stdout.trim()) return viaPyenv.stdout.trim();
  const onPath = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' });
  return onPath.status === 0 && onPath.stdout.trim() ? onPath.stdout.trim() : 'moto_server';
}

/** The text of one codeAutomationLog call: its args are the log message parts. */
function logText(args: unknown): string {
  const parts = Array.isArray(args) ? args : [args];
  return parts.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
}

/** Loads the workbench with the suites as extensionTestsPath; resolves with the code the suites exit with. */
async function runSuites(page: Page, url: string): Promise<number> {
  let seenSummary = false;
  let ran = -1;
  let exitWith: (code: number) => void = () => {};
  const exitCode = new Promise<number>((ok) => (exitWith = ok));
  await page.exposeFunction('codeAutomationExit', (code: unknown) => exitWith(Number(code)));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
    const text = logText(args);
    const at = text.indexOf(TAG);
    if (opts.verbose) console.log(`[workbench:${type}] ${text}`);
    else if (at >= 0) console.log(text.slice(at + TAG.length + 1)); // without the tag and the log service's prefix
    else if (type === 'error' && text.includes(root) && !/integration test\(s\) failed/.test(text)) {
      // An error thrown by the extension or the test bundle outside a test (activation, loading the bundle).
      console.log(`[workbench:error] ${text.split('\n').slice(0, 8).join('\n')}`);
    }
    const summary = at >= 0 ? /^(\d+) passed, (\d+) failed/m.exec(text.slice(at + TAG.length + 1)) : null;
    if (summary) {
      seenSummary = true;
      ran = Number(summary[1]) + Number(summary[2]);
    }
  });
  await page.goto(url);
  const code = await exitCode;
  if (!seenSummary) say('the suites ended without a summary line (did the test bundle load? try --verbose)');
  // A --grep that matches no test title would otherwise read as a pass.
  if (ran === 0 && opts.grep) {
    say(`--grep ${JSON.stringify(opts.grep)} matches no test title: nothing ran`);
    return 1;
  }
  return code;
}

/** The UI smoke test: the policy with mistakes open, the Problems panel shown, a PNG of the workbench. */
async function smoke(page: Page, url: string, pngPath: string): Promise<number> {
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
    if (opts.verbose) console.log(`[workbench:${type}] ${logText(args)}`);
  });
  await page.exposeFunction('codeAutomationExit', () => {});
  await openWorkbench(page, url);
  await page.keyboard.press('Control+P');
  const quickInput = page.locator('.quick-input-widget input');
  await quickInput.waitFor({ timeout: 20_000 });
  await quickInput.fill(SMOKE_FILE);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  const tab = page.locator('.tabs-container .tab', { hasText: SMOKE_FILE });
  await tab.first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+Shift+M'); // View: Show Problems
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ timeout: 60_000 });
  // Let the problems settle: the extension lints after a pause.
  const count = await settledProblems(page, opts.verbose ? say : undefined);
  const checks: boolean[] = [];
  const check = (ok: boolean, what: string): void => {
    checks.push(ok);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  };
  check((await tab.count()) === 1, `editor tab "${SMOKE_FILE}"`);
  check(count > 0, `Problems panel counts ${count} problem(s)`);
  const problemsText = (await page.locator('.markers-panel').innerText()).replace(/\s+/g, ' ');
  if (opts.verbose) say(`Problems panel: ${problemsText}`);
  check(/ssm-policy\W*effect-value/.test(problemsText), 'the extension reports effect-value (source ssm-policy, rule code)');
  // Reveal that problem in the editor, so the picture shows the squiggle under the cursor.
  await rows.filter({ hasText: '"Allow"' }).first().click();
  await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
  mkdirSync(dirname(pngPath), { recursive: true });
  await page.screenshot({ path: pngPath });
  say(`saved ${pngPath}`);
  return checks.every(Boolean) ? 0 : 1;
}

async function main(): Promise<never> {
  tools = await integrationTools();
  root = tools.root;
  let displayLanguage: DisplayLanguage | undefined;
  try {
    displayLanguage = integrationSuite() === 'ja' ? 'ja' : undefined;
  } catch (err) {
    say(err instanceof Error ? err.message : String(err));
    return process.exit(2);
  }
  // The .vsix smoke test needs none of the build: its module loads only then.
  const vsix = opts.vsix ? { file: resolve(opts.vsix), ...(await import('./vsix-smoke')) } : undefined;
  const testsPath = vsix ? undefined : await buildAll(root, { log: say });
  const sandbox = makeRunSandbox({ screenshot: Boolean(opts.screenshot || vsix) });
  if (opts.grep) process.env.SSM_IT_GREP = opts.grep;
  const port = await pickPort();
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let timer: NodeJS.Timeout | undefined;
  const cleanup = async (): Promise<void> => {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
    await killGroup(server?.child);
    if (!opts.keep) rmSync(sandbox.base, { recursive: true, force: true });
    else say(`kept ${sandbox.base}`);
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      say(`${sig}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  process.once('exit', () => {
    // Last resort (e.g. an uncaught error): never leave the server's process group behind.
    try {
      if (server?.child.pid) process.kill(-server.child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  });
  let code = 1;
  try {
    let extensionDir = '';
    let env = process.env;
    if (vsix) {
      env = vsix.vsixEnvironment(process.env, sandbox.home);
      extensionDir = vsix.installVsix(tools, vsix.file, { extensions: sandbox.exts, userData: sandbox.user }, { ...env, HOME: sandbox.home, TMPDIR: sandbox.tmp }, say);
    }
    let extraArgs: string[] = [];
    if (displayLanguage) {
      const pack = installDisplayLanguage(sandbox, displayLanguage);
      extraArgs = localeArgs(displayLanguage);
      say(`display language ${displayLanguage}: ${extraArgs.join(' ')}, with ${pack} (a language pack without translations: VS Code's own texts stay English)`);
    }
    server = startCodeServer(sandbox, port, env, extraArgs);
    await waitForHealth(server, port);
    say(`code-server up on 127.0.0.1:${port} (${elapsed()})`);
    browser = await launchBrowser(tools, sandbox);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    });
    const work = vsix
      ? // No payload: the workbench runs the extensions of the sandbox, the installed .vsix among them.
        vsix.vsixSmoke(page, workbenchUrl(undefined, port, sandbox), {
          workspace: sandbox.workspace,
          extensionDir,
          screenshot: opts.screenshot && resolve(opts.screenshot),
          say,
          verbose: opts.verbose,
        })
      : opts.screenshot
        ? smoke(page, workbenchUrl(root, port, sandbox), resolve(opts.screenshot))
        : runSuites(page, workbenchUrl(root, port, sandbox, testsPath));
    code = await Promise.race([work, timeout]);
  } catch (err) {
    say(`error: ${err instanceof Error ? err.message : String(err)}`);
    if (server?.logFile) {
      const tail = readFileSync(server.logFile, 'utf8').split('\n').slice(-20).join('\n');
      console.error(`--- code-server log (last lines) ---\n${tail}`);
    }
    code = 1;
  } finally {
    await cleanup();
  }
  say(`exit ${code} (${elapsed()})`);
  return process.exit(code);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
