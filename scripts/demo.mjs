// `npm run demo`: run the product without an AWS account.
//   1. installs dependencies if needed, builds, and runs ssm-policy-lint over examples/ (the linter at work);
//   2. starts the local AWS emulators seeded with a realistic account (DHMC on in us-east-1 and eu-west-1,
//      pending in ap-northeast-1, off elsewhere, AccessDenied in eu-central-1, sa-east-1 throttled once) and
//      code-server (VS Code in the browser) with the extension loaded and a temp copy of examples/ as the
//      workspace; prints the URL to open and runs until Ctrl-C, then stops everything and removes its temp folders.
//
//   node scripts/demo.mjs [--port N]          default port 8080 (a free one when it is busy)
//   node scripts/demo.mjs --screenshot DIR    instead of waiting: headless Chromium saves DIR/demo-problems.png
//                                             and DIR/demo-dhmc.png, checks the page, exits 1 when a check fails
//   node scripts/demo.mjs --cli-only          step 1 only (no emulators, code-server or Chromium needed)
// Other options: --timeout SECONDS (screenshot mode, default 300), --verbose (emulator and workbench logs),
//                --keep (keep the temp folder and code-server.log).
// Needs moto_server (pip install "moto[server]") and Debian's chromium (setup.mjs installs it when run as root).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDeps } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (m) => console.log(`[demo] ${m}`);

let opts;
try {
  ({ values: opts } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      screenshot: { type: 'string' },
      'cli-only': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '300' },
      verbose: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (err) {
  console.error(`[demo] ${err.message}\nUsage: npm run demo -- [--port N] [--screenshot DIR] [--cli-only] [--timeout S] [--verbose] [--keep]`);
  process.exit(2);
}
if (opts.help) {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}
const port = Number(opts.port);
const timeoutMs = Number(opts.timeout) * 1000;
if (!Number.isInteger(port) || port < 1 || port > 65535 || !(timeoutMs > 0)) {
  console.error('[demo] --port takes a port number and --timeout a number of seconds');
  process.exit(2);
}

// ---- 1. build and lint the examples -------------------------------------------------------------------------
ensureDeps(root);
const built = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
console.log('$ ssm-policy-lint examples\n');
const lint = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'examples'], { cwd: root, stdio: 'inherit' });
console.log(
  `\nssm-policy-lint exited with ${lint.status} (0: no error, 1: errors found, 2: bad usage).` +
    '\nexamples/good/ lints clean; examples/mistakes/ shows what the linter catches.' +
    '\nTry: node dist/cli.js --format sarif examples   or   node dist/cli.js --help\n',
);
if (lint.status === 2) process.exit(2);
if (opts['cli-only']) process.exit(0);

// ---- 2. emulators + code-server -----------------------------------------------------------------------------
const { ensureIntegrationTools } = await import('./integration/setup.mjs');
const { startEmulators, seedDemoAccount } = await import('./emulators/start.mjs');
const wb = await import('./demo/workbench.mjs');

let tools;
try {
  tools = ensureIntegrationTools({ quiet: true });
} catch (err) {
  console.error(`[demo] ${err instanceof Error ? err.message : String(err)}`);
  console.error('[demo] `npm run demo -- --cli-only` runs the linter part without code-server and Chromium.');
  process.exit(err?.code === 'MISSING_DEBIAN_PACKAGES' ? 2 : 1);
}

/** The quiet, deterministic workbench of the integration tests (scripts/integration/build.mjs). */
const USER_SETTINGS = {
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

let emulators;
let sandbox;
let server;
let browser;
let stopping;
const cleanup = () =>
  (stopping ??= (async () => {
    await browser?.close().catch(() => {});
    await wb.killGroup(server?.child);
    await emulators?.stop().catch(() => {});
    if (sandbox) {
      if (opts.keep) say(`kept ${sandbox.base}`);
      else rmSync(sandbox.base, { recursive: true, force: true });
    }
  })());
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    console.log('');
    say(`${sig}: stopping code-server and the emulators…`);
    void cleanup().finally(() => {
      say('stopped; temp folders removed.');
      process.exit(sig === 'SIGINT' ? 0 : 130);
    });
  });
}
process.once('exit', () => {
  // Last resort (an uncaught error): never leave code-server's process group behind (the emulators kill their own).
  try {
    if (server?.child.pid) process.kill(-server.child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  if (sandbox && !opts.keep) rmSync(sandbox.base, { recursive: true, force: true });
});

function logTail() {
  if (!server?.logFile) return;
  try {
    console.error(`--- code-server log (last lines) ---\n${readFileSync(server.logFile, 'utf8').split('\n').slice(-20).join('\n')}`);
  } catch {
    /* no log */
  }
}

let code = 1;
try {
  say('starting the AWS emulators (moto_server + the SSM settings server)…');
  emulators = await startEmulators({ verbose: opts.verbose, log: opts.verbose ? (l) => console.error(l) : undefined });
  await seedDemoAccount(emulators);
  say(`emulators up (${elapsed()}): DHMC on in us-east-1 and eu-west-1, pending in ap-northeast-1, off elsewhere; eu-central-1 denied; sa-east-1 throttled once`);

  sandbox = wb.makeSandbox(root, USER_SETTINGS);
  const env = { ...process.env };
  for (const key of emulators.unset) delete env[key];
  Object.assign(env, emulators.env);
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  const actualPort = await wb.pickPort(port);
  if (actualPort !== port) say(`port ${port} is busy: using ${actualPort}`);
  server = wb.spawnCodeServer(tools, sandbox, actualPort, env);
  await wb.waitForHealth(server, actualPort);
  const url = wb.workbenchUrl(root, actualPort, sandbox);
  say(`code-server up on http://127.0.0.1:${actualPort} (${elapsed()})`);

  if (opts.screenshot) {
    let timer;
    const timeout = new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    });
    const { screenshots } = await import('./demo/screenshots.mjs');
    browser = await wb.launchBrowser(tools, sandbox);
    code = await Promise.race([screenshots(browser, url, resolve(opts.screenshot), { verbose: opts.verbose, say }), timeout]).finally(() =>
      clearTimeout(timer),
    );
  } else {
    console.log(
      [
        '',
        'Open this URL in a browser (VS Code in the browser, with the extension loaded and a copy of examples/):',
        '',
        `  ${url}`,
        '',
        'Open examples in mistakes/ to see the diagnostics; the SSM Policy Studio icon in the activity bar shows',
        'Default Host Management per Region, read from the local emulator: no AWS account or credentials are used.',
        `Edits go to a temp copy (${sandbox.workspace}), never to the repository. Ctrl-C stops everything.`,
        '',
      ].join('\n'),
    );
    // Run until a signal (handled above) or until code-server dies.
    await new Promise((ok) => server.child.once('exit', ok));
    if (stopping) await new Promise(() => {}); // the signal handler stops the rest and exits
    say(`${server.exited ?? 'code-server exited'} unexpectedly`);
    logTail();
    code = 1;
  }
} catch (err) {
  say(`error: ${err instanceof Error ? err.message : String(err)}`);
  logTail();
  code = 1;
} finally {
  if (!stopping) await cleanup();
}
say(`exit ${code} (${elapsed()})`);
await delay(0);
process.exit(code);
