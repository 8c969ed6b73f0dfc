/**
 * What the bundles load at run time from outside themselves, read from esbuild's metafiles, and the check that
 * package.json's `dependencies` are exactly those packages: everything else is bundled, so the AWS SDK, jsonc-parser
 * and the rest are devDependencies and neither `npm install -g` of the CLI nor the .vsix carries them.
 *
 * esbuild.mjs calls checkRuntimeDependencies() after every build, so marking a package external without listing it
 * (a package the installed CLI would then fail to find) or listing one the bundles hold fails the build.
 */
import { builtinModules } from 'node:module';

/** The part of an esbuild metafile this reads. */
export interface ImportsMetafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}

/** Provided by the host, never installed: the VS Code API of the extension host. */
export const HOST_MODULES = new Set(['vscode']);

/** The package a module specifier names (`@scope/name/sub` → `@scope/name`), or undefined for a path or a builtin. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? undefined : name;
}

/** The packages the bundles of the metafiles import without bundling them (host modules included), sorted. */
export function externalPackages(metafiles: readonly ImportsMetafile[]): string[] {
  const found = new Set<string>();
  for (const meta of metafiles) {
    for (const { imports } of Object.values(meta.inputs)) {
      for (const i of imports) {
        const name = i.external ? packageOf(i.path) : undefined;
        if (name) found.add(name);
      }
    }
  }
  return [...found].sort();
}

/**
 * The problems of `dependencies` against what the bundles need at run time: an external package that is neither a
 * host module nor a dependency, or a dependency the bundles do not import from outside. Empty when they match.
 */
export function runtimeDependencyProblems(metafiles: readonly ImportsMetafile[], dependencies: Readonly<Record<string, string>> = {}): string[] {
  const needed = externalPackages(metafiles).filter((name) => !HOST_MODULES.has(name));
  const listed = Object.keys(dependencies);
  return [
    ...needed.filter((name) => !listed.includes(name)).map((name) => `the bundles load ${name} at run time, but package.json's dependencies do not list it`),
    ...listed.filter((name) => !needed.includes(name)).map((name) => `package.json's dependencies list ${name}, which the bundles hold or never load: make it a devDependency`),
  ];
}

/** Throws when {@link runtimeDependencyProblems} finds any. */
export function checkRuntimeDependencies(metafiles: readonly ImportsMetafile[], dependencies?: Readonly<Record<string, string>>): void {
  const problems = runtimeDependencyProblems(metafiles, dependencies);
  if (problems.length > 0) throw new Error(`Runtime dependencies:\n  ${problems.join('\n  ')}`);
}
