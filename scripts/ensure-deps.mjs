// @ts-check
// Installs the locked dependencies when node_modules is missing or does not match package-lock.json, so that
// `npm test` and `npm run demo` work as the first command on a fresh clone.
//
// This one script stays JavaScript: it runs before anything is installed (`predemo`, `pretest`), when tsx,
// which runs the other scripts, is not there yet. `// @ts-check` and the JSDoc types let `npx tsc -p .` check it
// like the TypeScript (tsconfig.json lists it under "files", with allowJs).
//
//   node scripts/ensure-deps.mjs     checks (and installs) the repository the script sits in
//
// The check compares package-lock.json with the tree npm recorded in node_modules/.package-lock.json, package by
// package (not by date: a checkout gives the lockfile a new date without changing it). When node_modules is a
// symbolic link (a work tree sharing another checkout's packages), it never runs `npm ci`, which would empty the
// folder the link points to: it says what differs and stops.
import { execSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * @typedef {{ version?: string, optional?: boolean, link?: boolean }} LockedPackage
 * @typedef {{ packages?: Record<string, LockedPackage> }} Lockfile
 */

/**
 * @param {string} file
 * @returns {Lockfile | undefined}
 */
function readLockfile(file) {
  try {
    return /** @type {Lockfile} */ (JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Why the installed tree does not match the lockfile, or undefined when it does: a package missing (other than an
 * optional one npm skips on this platform) or at another version.
 * @param {string} root
 * @returns {string | undefined}
 */
export function staleReason(root) {
  const installed = readLockfile(join(root, 'node_modules', '.package-lock.json'))?.packages;
  if (!installed) return 'node_modules is not installed';
  const locked = readLockfile(join(root, 'package-lock.json'))?.packages;
  if (!locked) return 'package-lock.json cannot be read';
  for (const [path, pkg] of Object.entries(locked)) {
    if (path === '' || !path.startsWith('node_modules/')) continue;
    const got = installed[path];
    if (!got) {
      if (!pkg.optional) return `${path.slice('node_modules/'.length)} is missing`;
    } else if (got.version !== pkg.version) {
      return `${path.slice('node_modules/'.length)} is ${got.version}, the lockfile says ${pkg.version}`;
    }
  }
  return undefined;
}

/**
 * Runs `npm ci` when the installed tree is missing or does not match the lockfile.
 * @param {string} root the repository (the folder of package.json and package-lock.json)
 * @returns {boolean} whether it installed
 */
export function ensureDeps(root) {
  const reason = staleReason(root);
  if (reason === undefined) return false;
  const modules = join(root, 'node_modules');
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
    throw new Error(`node_modules is a link to another checkout's packages and ${reason}: install there, or replace the link with \`npm ci\` here`);
  }
  console.log(`Installing dependencies (npm ci): ${reason}...`);
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  return true;
}

// Run as a program (not imported): check the repository this file belongs to.
const self = process.argv[1] ? resolve(process.argv[1]) : '';
if (basename(self) === 'ensure-deps.mjs' && basename(dirname(self)) === 'scripts') {
  try {
    ensureDeps(dirname(dirname(self)));
  } catch (err) {
    console.error(`[ensure-deps] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
