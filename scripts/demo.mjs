// `npm run demo`: installs if needed, builds, and runs ssm-policy-lint over the bundled examples.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureDeps(root);
const built = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const extra = process.argv.slice(2);
console.log('$ ssm-policy-lint examples' + (extra.length ? ` ${extra.join(' ')}` : '') + '\n');
const lint = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...(extra.length ? extra : ['examples'])], { cwd: root, stdio: 'inherit' });
console.log(
  `\nssm-policy-lint exited with ${lint.status} (0: no error, 1: errors found, 2: bad usage).` +
    '\nexamples/good/ lints clean; examples/mistakes/ shows what the linter catches.' +
    '\nTry: node dist/cli.js --format sarif examples   or   node dist/cli.js --help',
);
process.exit(lint.status === 2 ? 2 : 0);
