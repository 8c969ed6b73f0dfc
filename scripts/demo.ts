// `npm run demo`: run the product without an AWS account.
//   1. builds and runs ssm-policy-lint over examples/ (the linter at work);
//   2. starts the local AWS emulators seeded with a realistic account (seedDemoAccount in emulators/start.ts):
//      DHMC on in us-east-1, eu-west-1 and ap-south-1, pending in ap-northeast-1, off elsewhere; the DHMC role
//      missing in us-west-1, at another path in ap-southeast-2, not trusting Systems Manager in ca-central-1 and
//      without the permissions in eu-north-1; AccessDenied in eu-central-1, sa-east-1 throttled once; and 20 EC2
//      instances with their managed nodes that show every readiness verdict and reason (most in us-east-1, whose
//      Name tags say what each shows; DHMC off in us-east-2; instance profiles unreadable in ap-south-1). Then
//      code-server (VS Code in the browser) with the extension installed and a temp copy of examples/ as the
//      workspace; prints the URL to open and runs until Ctrl-C, then stops everything and removes its temp folders.
// The first run also sets up code-server (scripts/integration/setup.ts, into .vscode-test/): several minutes, with a
// line per step and one every 30 s.
//
//   npm run demo [-- --port N]                  default port 8080 (a free one when it is busy)
//   npm run demo -- --screenshot DIR            instead of waiting: headless Chromium saves DIR/demo-problems.png,
//                                               DIR/demo-toast.png, DIR/demo-dhmc.png and
//                                               DIR/demo-managed-nodes.png, checks the page, exits 1
//                                               when a check fails
//   npm run demo -- --cli-only                  step 1 only (no emulators, code-server or Chromium needed)
//   npm run demo -- --aws-only                  step 1 and the emulators, printing their environment (for the AWS
//                                               CLI or a VS Code of your own), until Ctrl-C; no code-server needed
// Other options: --timeout SECONDS (screenshot mode, default 300), --verbose (emulator and workbench logs),
//                --keep (keep the temp folder and code-server.log).
// Ctrl-C, or SIGINT, SIGTERM or SIGHUP sent to npm or to this process, stops everything it started (the emulators,
// code-server's process group, a setup step or build still running); so does npm going away.
// Needs moto_server (pip install "moto[server]") and Debian's chromium (setup.ts installs it when run as root).
// Without npm: `node --import tsx scripts/demo.ts [options]` (`predemo` runs scripts/ensure-deps.mjs first).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from './integration/playwright';
import type { Emulators } from './emulators/start';
import type { CodeServer, Sandbox } from './demo/workbench';
import type { LintCounts } from './demo/screenshots';

const root = join(__dirname, '..');
const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (m: string): void => console.log(`[demo] ${m}`);

const USAGE = 'Usage: npm run demo -- [--port N] [--screenshot DIR] [--cli-only] [--aws-only] [--timeout S] [--verbose] [--keep]';

/** Exit codes after a signal: 0 for Ctrl-C (the usual way to end the demo), 128 + n for the others. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 0, SIGTERM: 143, SIGHUP: 129 };

/** Everything the demo started, so that a signal can stop it whatever step it is at. */
const running: {
  child?: ChildProcess;
  emulators?: Emulators;
  sandbox?: Sandbox;
  server?: CodeServer;
  browser?: Browser;
  killGroup?: (child: ChildProcess | undefined) => Promise<void>;
} = {};
const abort = new AbortController();
let keep = false;
let stopping: Promise<void> | undefined;

function cleanup(): Promise<void> {
  return (stopping ??= (async () => {
    abort.abort();
    running.child?.kill('SIGTERM');
    await running.browser?.close().catch(() => {});
    await running.killGroup?.(running.server?.child);
    await running.emulators?.stop().catch(() => {});
    if (running.sandbox) {
      if (keep) say(`kept ${running.sandbox.base}`);
      else rmSync(running.sandbox.base, { recursive: true, force: true });
    }
  })());
}

let firstSignalAt = 0;

/**
 * Stops everything and exits, once. Ctrl-C in a terminal delivers SIGINT twice at once (the terminal signals the
 * whole process group, and npm forwards its own): a repeat within a second is that echo and is ignored; a later one
 * exits at once (the exit hook still kills code-server's process group and the emulators).
 */
function onSignal(sig: string, why = sig): void {
  if (stopping) {
    if (Date.now() - firstSignalAt < 1000) return;
    say(`${why} again: exiting now`);
    process.exit(SIGNAL_EXIT[sig] ?? 1);
  }
  firstSignalAt = Date.now();
  console.log('');
  const what = [running.server && 'code-server', running.emulators && 'the emulators'].filter(Boolean).join(' and ');
  say(`${why}: stopping${what ? ` ${what}` : ''}…`);
  void cleanup().finally(() => {
    say('stopped; temp folders removed.');
    process.exit(SIGNAL_EXIT[sig] ?? 1);
  });
}

function installStopHandlers(): void {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => onSignal(sig));
  // npm forwards SIGINT and SIGTERM to the script, not SIGHUP, and nothing when it is killed: when the parent goes
  // away (this process is handed to another), stop as on SIGHUP.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent && !stopping) onSignal('SIGHUP', `the parent process (${parent}) went away`);
  }, 1000).unref();
  process.once('exit', () => {
    // Last resort (an uncaught error, a second signal): never leave code-server's process group behind (the
    // emulators kill their own).
    running.child?.kill('SIGKILL');
    try {
      if (running.server?.child.pid) process.kill(-running.server.child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    if (running.sandbox && !keep) rmSync(running.sandbox.base, { recursive: true, force: true });
  });
}

/** A promise that never settles: the signal handler ends the process. */
function forever(): Promise<never> {
  return new Promise<never>(() => {});
}

/** Runs a command with inherited output; a signal to the demo stops it. Resolves to its exit code. */
function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    running.child = child;
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      running.child = undefined;
      ok(code ?? (signal ? 128 : 1));
    });
  });
}

/** What ssm-policy-lint finds in examples/ (its JSON output): the toast of the editor's Lint All must say the same. */
function cliCounts(): LintCounts | undefined {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--format', 'json', 'examples'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    const findings = JSON.parse(r.stdout) as { file: string; severity: string }[];
    const count = (severity: string): number => findings.filter((f) => f.severity === severity).length;
    return { filesWithFindings: new Set(findings.map((f) => f.file)).size, errors: count('error'), warnings: count('warning'), infos: count('info') };
  } catch {
    return undefined;
  }
}

function logTail(server: CodeServer | undefined): void {
  if (!server?.logFile) return;
  try {
    console.error(`--- code-server log (last lines) ---\n${readFileSync(server.logFile, 'utf8').split('\n').slice(-20).join('\n')}`);
  } catch {
    /* no log */
  }
}

async function main(): Promise<number> {
  let opts;
  try {
    ({ values: opts } = parseArgs({
      options: {
        port: { type: 'string', default: '8080' },
        screenshot: { type: 'string' },
        'cli-only': { type: 'boolean', default: false },
        'aws-only': { type: 'boolean', default: false },
        timeout: { type: 'string', default: '300' },
        verbose: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    console.error(`[demo] ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    const lines = readFileSync(__filename, 'utf8').split('\n');
    console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.slice(3)).join('\n'));
    return 0;
  }
  keep = opts.keep;
  const port = Number(opts.port);
  const timeoutMs = Number(opts.timeout) * 1000;
  if (!Number.isInteger(port) || port < 1 || port > 65535 || !(timeoutMs > 0)) {
    console.error('[demo] --port takes a port number and --timeout a number of seconds');
    return 2;
  }
  if ([opts['cli-only'], opts['aws-only'], opts.screenshot !== undefined].filter(Boolean).length > 1) {
    console.error(`[demo] --cli-only, --aws-only and --screenshot exclude each other\n${USAGE}`);
    return 2;
  }
  installStopHandlers();

  // ---- 1. build and lint the examples -----------------------------------------------------------------------
  const built = await run(process.execPath, [join(root, 'esbuild.mjs')]);
  if (built !== 0) return built;
  console.log('$ ssm-policy-lint examples\n');
  const lint = await run(process.execPath, [join(root, 'dist', 'cli.js'), 'examples']);
  console.log(
    `\nssm-policy-lint exited with ${lint} (0: no error, 1: errors found, 2: bad usage).` +
      '\nexamples/good/ lints clean; examples/mistakes/ shows what the linter catches.' +
      '\nTry: node dist/cli.js --format sarif examples   or   node dist/cli.js --help\n',
  );
  if (lint === 2) return 2;
  if (opts['cli-only']) return 0;

  // ---- 2. emulators (+ code-server) --------------------------------------------------------------------------
  const { startEmulators, seedDemoAccount, DEMO_ACCOUNT_SUMMARY, MotoServerNotFoundError } = await import('./emulators/start');
  const { installIntegrationTools, MissingDebianPackagesError } = await import('./integration/setup');
  const wb = await import('./demo/workbench');
  running.killGroup = wb.killGroup;

  let tools;
  if (!opts['aws-only']) {
    try {
      tools = await installIntegrationTools({ quiet: true, signal: abort.signal });
    } catch (err) {
      if (stopping) return 1;
      console.error(`[demo] ${err instanceof Error ? err.message : String(err)}`);
      console.error('[demo] `npm run demo -- --cli-only` runs the linter part without code-server and Chromium.');
      return err instanceof MissingDebianPackagesError ? 2 : 1;
    }
  }

  try {
    say('starting the AWS emulators (moto_server + the SSM settings server)…');
    const emulators = await startEmulators({ verbose: opts.verbose, log: opts.verbose ? (l) => console.error(l) : undefined });
    running.emulators = emulators;
    await seedDemoAccount(emulators);
    say(`emulators up (${elapsed()}): ${DEMO_ACCOUNT_SUMMARY}`);

    if (!tools) {
      console.log(
        [
          '',
          'The local AWS is running. To use it from another shell (the AWS CLI, the SDK, or VS Code with the extension):',
          '',
          ...emulators.unset.map((key) => `  unset ${key}`),
          ...Object.entries(emulators.env).map(([key, value]) => `  export ${key}=${value}`),
          '',
          'Ctrl-C stops it.',
          '',
        ].join('\n'),
      );
      return forever(); // until a signal (handled above)
    }

    const sandbox = wb.makeDemoSandbox(root);
    running.sandbox = sandbox;
    const extension = wb.installExtension(root, sandbox);
    if (opts.verbose) say(`installed ${extension.id} into ${extension.folder}`);
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of emulators.unset) delete env[key];
    Object.assign(env, emulators.env);
    for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
    const actualPort = await wb.pickPort(port);
    if (actualPort !== port) say(`port ${port} is busy: using ${actualPort}`);
    const server = wb.spawnCodeServer(tools, sandbox, actualPort, env);
    running.server = server;
    await wb.waitForHealth(server, actualPort);
    const url = wb.workbenchUrl(undefined, actualPort, sandbox);
    say(`code-server up on http://127.0.0.1:${actualPort} (${elapsed()})`);

    if (opts.screenshot) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
      });
      const { screenshots } = await import('./demo/screenshots');
      const browser = await wb.launchBrowser(tools, sandbox);
      running.browser = browser;
      const expected = cliCounts();
      return await Promise.race([screenshots(browser, url, resolve(opts.screenshot), { verbose: opts.verbose, say, expected }), timeout]).finally(() => clearTimeout(timer));
    }
    console.log(
      [
        '',
        'Open this URL in a browser (VS Code in the browser, with the extension installed and a copy of examples/):',
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
    if (stopping) return forever(); // the signal handler stops the rest and exits
    say(`${server.exited ?? 'code-server exited'} unexpectedly`);
    logTail(server);
    return 1;
  } catch (err) {
    if (stopping) return forever(); // a signal is stopping everything: its handler exits
    say(`error: ${err instanceof Error ? err.message : String(err)}`);
    if (!(err instanceof MotoServerNotFoundError)) logTail(running.server);
    return 1;
  }
}

// When a signal is stopping the demo, its handler exits once everything is stopped; main() only returns.
void main().then(
  async (code) => {
    if (stopping) return;
    await cleanup();
    say(`exit ${code} (${elapsed()})`);
    process.exit(code);
  },
  async (err: unknown) => {
    if (stopping) return;
    console.error(err);
    await cleanup();
    process.exit(1);
  },
);
