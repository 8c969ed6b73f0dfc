/**
 * Writes dist/ThirdPartyNotices.txt, the notices of what the .vsix and the npm package ship from other projects:
 * every package under node_modules that esbuild put into a bundle (read from the builds' metafiles, so the list is
 * exactly what the bundles hold, no more), plus the packages whose data the build copies (the IAM index, the
 * managed policy documents of the catalog). Each package with its version and licence, then the text of its licence
 * file (and NOTICE file), once per distinct text. A package under a licence not in ALLOWED_LICENSES fails the build
 * (shipping it needs a decision first), and so does one without a licence file, unless its licence is one whose text
 * names no copyright holder (TEMPLATE_LICENSES) and another package in the file quotes it.
 *
 * esbuild.mjs calls writeThirdPartyNotices() after every build (the file is generated, not committed).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The licences the bundles may hold (SPDX ids). */
export const ALLOWED_LICENSES = new Set(['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', '0BSD']);

/**
 * Licences whose text is the same for every package (no copyright line to reproduce): a package under one of these
 * that ships no licence file (a few @aws-sdk packages) is covered by the text another package quotes.
 */
export const TEMPLATE_LICENSES = new Set(['Apache-2.0']);

/** The part of an esbuild metafile this reads. */
export interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

/** A package the build ships code or data of. */
export interface ShippedPackage {
  name: string;
  version: string;
  license: string;
  /** Its folder, relative to the root. */
  dir: string;
  /** Where it ships: the bundles (dist/….js) holding its code, or what its data became. */
  shippedIn: string[];
  /** The text of its licence file, and of its NOTICE file when there is one; empty when it ships none. */
  text: string;
}

/** The package folder (node_modules/<name> or node_modules/@scope/<name>, the innermost one) of a bundled input. */
export function packageDirOf(input: string): string | undefined {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const length = parts[at + 1].startsWith('@') ? 3 : 2;
  return parts.length > at + length ? parts.slice(0, at + length).join('/') : undefined;
}

function readPackage(root: string, dir: string, shippedIn: string[]): ShippedPackage {
  const abs = join(root, dir);
  const pkg = JSON.parse(readFileSync(join(abs, 'package.json'), 'utf8')) as { name: string; version: string; license?: unknown };
  const license = typeof pkg.license === 'string' ? pkg.license : '';
  const where = `${pkg.name}@${pkg.version} (${dir})`;
  if (!ALLOWED_LICENSES.has(license)) {
    throw new Error(`${where} is under "${license || 'no licence'}", which is not in ALLOWED_LICENSES of scripts/third-party-notices.ts`);
  }
  const files = readdirSync(abs).sort();
  const licenseFiles = files.filter((f) => /^(licen[cs]e|copying)([.-].*)?$/i.test(f));
  if (licenseFiles.length === 0 && !TEMPLATE_LICENSES.has(license)) throw new Error(`${where} ships no LICENSE file to quote in the notices`);
  const noticeFiles = files.filter((f) => /^notice([.-].*)?$/i.test(f));
  const text = [...licenseFiles, ...noticeFiles]
    .map((f) => readFileSync(join(abs, f), 'utf8').replace(/\r\n?/g, '\n').trim())
    .join('\n\n');
  return { name: pkg.name, version: pkg.version, license, dir, shippedIn, text };
}

/**
 * The packages shipped: those with code in an output of the metafiles (bytesInOutput > 0), then `data` (package name
 * → what the build makes of it). Sorted by name, then version.
 */
export function shippedPackages(root: string, metafiles: readonly Metafile[], data: Readonly<Record<string, string>> = {}): ShippedPackage[] {
  const bundlesOf = new Map<string, Set<string>>();
  for (const meta of metafiles) {
    for (const [output, { inputs }] of Object.entries(meta.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
        const dir = bytesInOutput > 0 ? packageDirOf(input) : undefined;
        if (!dir) continue;
        const set = bundlesOf.get(dir) ?? new Set<string>();
        set.add(output);
        bundlesOf.set(dir, set);
      }
    }
  }
  const packages = [...bundlesOf].map(([dir, outputs]) => readPackage(root, dir, [...outputs].sort()));
  for (const [name, what] of Object.entries(data)) {
    const dir = relative(root, join(root, 'node_modules', name)).split(sep).join('/');
    if (!existsSync(join(root, dir, 'package.json'))) throw new Error(`${name}, whose data the build ships, is not installed`);
    packages.push(readPackage(root, dir, [what]));
  }
  return packages.sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1));
}

/**
 * The notices file: a list of the packages, then each distinct licence text with the packages it covers; a package
 * without a licence file of its own joins the first text of a package under the same licence.
 */
export function renderNotices(product: string, packages: readonly ShippedPackage[]): string {
  const rule = '-'.repeat(100);
  const texts = new Map<string, ShippedPackage[]>();
  for (const p of packages) if (p.text) texts.set(p.text, [...(texts.get(p.text) ?? []), p]);
  const id = (p: ShippedPackage): string => `${p.name} ${p.version}`;
  for (const p of packages.filter((q) => !q.text)) {
    const same = [...texts.values()].find((covered) => covered.some((q) => q.license === p.license));
    if (!same) throw new Error(`${id(p)} ships no licence file and no other package quotes the ${p.license} text`);
    same.push({ ...p, version: `${p.version} (ships no licence file; its package.json names ${p.license})` });
  }
  return [
    `${product}: third-party notices`,
    '',
    `${product} ships code or data of the ${packages.length} packages below, each under the licence named. Their licence`,
    'texts follow the list, each once, with the packages it covers, as the packages themselves ship them.',
    '',
    ...packages.map((p) => `${id(p)} (${p.license}): ${p.shippedIn.join(', ')}`),
    '',
    ...[...texts].flatMap(([text, covered]) => [rule, '', `${covered.map(id).join(', ')}:`, '', text, '']),
  ].join('\n');
}

/** Writes the notices of the builds' metafiles and `data` to `outFile`; returns the packages listed. */
export function writeThirdPartyNotices(options: {
  root: string;
  metafiles: readonly Metafile[];
  data?: Readonly<Record<string, string>>;
  outFile: string;
  product: string;
}): ShippedPackage[] {
  const packages = shippedPackages(options.root, options.metafiles, options.data);
  writeFileSync(options.outFile, renderNotices(options.product, packages));
  return packages;
}
