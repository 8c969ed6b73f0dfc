/**
 * Builds the two packages a user installs and checks them as a user gets them (a step of `npm test`):
 *
 *   the .vsix     `vsce package --no-dependencies` (its vscode:prepublish makes the production build): it holds what
 *                 package.json points at (bundles, IAM index, snippets, schemas, l10n, icons, notices) and no source
 *                 map, source, test or script; scripts/integration/run.ts --vsix then installs it into code-server
 *   the npm package  `npm pack` (its prepack makes the production build): the same allow-list; then
 *                 `npm install -g --prefix <temp> --offline` of the tarball, and the installed `ssm-policy-lint` run
 *                 from a folder outside the repository: --version, a policy with mistakes, a good one
 *
 *   npx tsx scripts/check-packages.ts [--out DIR]     DIR defaults to out/packages; the .vsix and the .tgz stay there
 *
 * Prints one line per check, the sizes, and exits 1 when a check failed.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { SCHEMA_LOCALES, schemaFiles } from '../src/core/schema/associations';

const root = resolve(__dirname, '..');

interface Manifest {
  name: string;
  version: string;
  main: string;
  icon?: string;
  l10n?: string;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  contributes?: {
    snippets?: { path: string }[];
    jsonValidation?: { url: string }[];
    viewsContainers?: Record<string, { icon?: string }[]>;
  };
}

/** One file of a zip archive, from its central directory. */
export interface ZipEntry {
  name: string;
  size: number;
  /** Where its local header starts, and how it is stored (0 stored, 8 deflated). */
  offset: number;
  method: number;
  compressedSize: number;
}

/** The files of a zip archive (a .vsix), read from its central directory. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive: no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (!name.endsWith('/')) {
      entries.push({ name, size: zip.readUInt32LE(at + 24), compressedSize: zip.readUInt32LE(at + 20), method: zip.readUInt16LE(at + 10), offset: zip.readUInt32LE(at + 42) });
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one file of a zip archive. */
export function zipRead(zip: Buffer, name: string): Buffer {
  const entry = zipEntries(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`the archive has no ${name}`);
  const start = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`${name} is stored with compression method ${entry.method}`);
}

/** Paths no package may hold: source maps, TypeScript sources, and the folders that never ship. */
export const NEVER_SHIPPED = [/\.map$/, /\.ts$/, /(^|\/)(src|test|scripts|bench|examples|docs|node_modules|out|\.vscode-test|\.ci|\.git)\//];

/**
 * Whether an entry of package.json's `files` allow-list takes a file (a path relative to the package root, `/`
 * separated): the same path, a folder it ends with `/` for, or a `*` pattern (`schemas/*.json`, `package.nls*.json`),
 * where `*` never crosses a `/`.
 */
export function matchesFilesEntry(entry: string, file: string): boolean {
  if (entry === file || (entry.endsWith('/') && file.startsWith(entry))) return true;
  if (!entry.includes('*')) return false;
  const pattern = entry.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${pattern}$`).test(file);
}

/**
 * The files package.json makes the extension load: entry point, contributed files, icons, l10n, notices, IAM index;
 * and the schemas of every language, which the extension serves itself (src/features/schemas: `schemas/ja/` when
 * VS Code's display language is Japanese).
 */
export function filesTheExtensionLoads(pkg: Manifest): string[] {
  const clean = (p: string): string => p.replace(/^\.\//, '');
  const local = (p: string | undefined): p is string => typeof p === 'string' && !/^[a-z]+:/i.test(p);
  return [
    'package.json',
    'package.nls.json',
    clean(pkg.main),
    'dist/aws.js',
    'dist/templates.js',
    'dist/web-tree-sitter.wasm',
    'dist/tree-sitter-terraform.wasm',
    'dist/iam-index/head.json',
    'dist/iam-index/services.pack',
    'dist/iam-index/descriptions.pack',
    'dist/ThirdPartyNotices.txt',
    ...(pkg.icon ? [clean(pkg.icon)] : []),
    ...(pkg.l10n ? [`${clean(pkg.l10n)}/bundle.l10n.json`] : []),
    ...(pkg.contributes?.snippets ?? []).map((s) => clean(s.path)),
    ...(pkg.contributes?.jsonValidation ?? []).map((v) => v.url).filter(local).map(clean),
    ...SCHEMA_LOCALES.flatMap((locale) => Object.values(schemaFiles(locale))),
    ...Object.values(pkg.contributes?.viewsContainers ?? {}).flatMap((list) => list.map((c) => c.icon)).filter(local).map(clean),
  ].filter((p, i, all) => all.indexOf(p) === i);
}

/** `npm …` with the environment of a user's shell: without the npm_* variables an outer `npm test` sets. */
function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return spawnSync('npm', args, { cwd, env: { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function failure(r: SpawnSyncReturns<string>): string {
  return `exit ${r.status ?? r.signal}${r.error ? ` (${r.error.message})` : ''}\n${(r.stderr || r.stdout || '').trim().split('\n').slice(-15).join('\n')}`;
}

function sizeOf(path: string): { bytes: number; files: number } {
  const st = lstatSync(path);
  if (!st.isDirectory()) return { bytes: st.size, files: 1 };
  return readdirSync(path).reduce(
    (sum, f) => {
      const s = sizeOf(join(path, f));
      return { bytes: sum.bytes + s.bytes, files: sum.files + s.files };
    },
    { bytes: 0, files: 0 },
  );
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function main(): number {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'out', 'packages') } } });
  const outDir = resolve(values.out ?? '');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  const results: boolean[] = [];
  const check = (ok: boolean, what: string, detail?: string): boolean => {
    results.push(ok);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${!ok && detail ? `\n     ${detail.split('\n').join('\n     ')}` : ''}`);
    return ok;
  };
  const shipped = (files: string[], what: string): void => {
    const missing = filesTheExtensionLoads(pkg).filter((f) => !files.includes(f));
    check(missing.length === 0, `${what} holds what package.json points at (${filesTheExtensionLoads(pkg).length} files)`, `missing: ${missing.join(', ')}`);
    const unwanted = files.filter((f) => NEVER_SHIPPED.some((re) => re.test(f)));
    check(unwanted.length === 0, `${what} holds no source map, source, test or script`, `unwanted: ${unwanted.join(', ')}`);
  };

  // 1. The .vsix.
  const vsixPath = join(outDir, `${pkg.name}-${pkg.version}.vsix`);
  const vsce = spawnSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsixPath], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (check(vsce.status === 0 && existsSync(vsixPath), `vsce package → ${relative(root, vsixPath)}`, failure(vsce))) {
    const entries = zipEntries(readFileSync(vsixPath));
    const files = entries.filter((e) => e.name.startsWith('extension/')).map((e) => e.name.slice('extension/'.length));
    shipped(files, 'the .vsix');
    check(files.includes('dist/cli.js') && files.includes('LICENSE.txt') && files.includes('readme.md'), 'the .vsix holds the CLI bundle, the licence and the README');
    console.log(`     .vsix: ${mb(statSync(vsixPath).size)}, ${entries.length} files (${mb(entries.reduce((n, e) => n + e.size, 0))} unpacked)`);
  }

  // 2. The npm package.
  const pack = npm(['pack', '--json', '--pack-destination', outDir], root);
  let tarball: string | undefined;
  if (check(pack.status === 0, 'npm pack', failure(pack))) {
    // npm prints the prepack build's output before the JSON.
    const report = (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('\n[') + 1)) as { filename: string; size: number; unpackedSize: number; entryCount: number; files: { path: string }[] }[])[0];
    tarball = join(outDir, report.filename);
    shipped(report.files.map((f) => f.path), 'the npm package');
    const bins = Object.values(pkg.bin ?? {}).map((b) => b.replace(/^\.\//, ''));
    check(bins.length > 0 && bins.every((b) => report.files.some((f) => f.path === b)), `the npm package holds its bin ${bins.join(', ')}`);
    console.log(`     npm package: ${report.filename}, ${mb(report.size)}, ${report.entryCount} files (${mb(report.unpackedSize)} unpacked)`);
  }

  // 3. `npm install -g` of the tarball, offline, and the installed CLI run from outside the repository.
  if (tarball) {
    const prefix = mkdtempSync(join(tmpdir(), 'ssm-pkg-prefix-'));
    const cwd = mkdtempSync(join(tmpdir(), 'ssm-pkg-cwd-'));
    try {
      const install = npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], cwd);
      const cli = join(prefix, 'bin', process.platform === 'win32' ? 'ssm-policy-lint.cmd' : 'ssm-policy-lint');
      if (check(install.status === 0 && existsSync(cli), 'npm install --global --offline of the tarball installs ssm-policy-lint', failure(install))) {
        const installed = join(prefix, 'lib', 'node_modules', pkg.name);
        const size = sizeOf(installed);
        check(!existsSync(join(installed, 'node_modules')), 'the global install pulls no dependency');
        console.log(`     installed: ${mb(size.bytes)}, ${size.files} files`);
        const lint = (...args: string[]): SpawnSyncReturns<string> => spawnSync(cli, args, { cwd, encoding: 'utf8' });
        const version = lint('--version');
        check(version.status === 0 && version.stdout.trim() === pkg.version, `ssm-policy-lint --version prints ${pkg.version}`, failure(version));
        copyFileSync(join(root, 'examples', 'mistakes', 'dhmc-admin.policy.json'), join(cwd, 'dhmc-admin.policy.json'));
        const bad = lint('dhmc-admin.policy.json');
        // effect-value comes from the rules; action-unknown needs the IAM index (dist/iam-index) beside the bundle.
        check(bad.status === 1 && /effect-value/.test(bad.stdout) && /action-unknown/.test(bad.stdout), 'ssm-policy-lint finds effect-value and action-unknown (IAM index) in a policy with mistakes, exit 1', failure(bad));
        // Templates need dist/templates.js, and Terraform the WebAssembly files beside it.
        for (const f of ['instance-role.yaml', 'dhmc-setting.tf']) copyFileSync(join(root, 'examples', 'mistakes', f), join(cwd, f));
        const templates = lint('--format', 'json', 'instance-role.yaml', 'dhmc-setting.tf');
        const rules = (templates.status === 1 ? (JSON.parse(templates.stdout) as { file: string; ruleId: string }[]) : []).map((f) => `${f.file} ${f.ruleId}`);
        check(
          rules.includes('instance-role.yaml effect-value') && rules.includes('dhmc-setting.tf ssm-service-setting-id'),
          'ssm-policy-lint finds the mistakes of a CloudFormation template and a Terraform file (dist/templates.js, the wasm files), exit 1',
          failure(templates),
        );
        const good = join(cwd, 'good');
        mkdirSync(good);
        for (const f of readdirSync(join(root, 'examples', 'good'))) copyFileSync(join(root, 'examples', 'good', f), join(good, f));
        const clean = lint('good');
        check(clean.status === 0 && /No problems in \d+ files?/.test(clean.stdout), 'ssm-policy-lint passes the folder of good examples, exit 0', failure(clean));
      }
    } finally {
      rmSync(prefix, { recursive: true, force: true });
      rmSync(cwd, { recursive: true, force: true });
    }
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main();
