// `npm test`: typecheck, eslint (--max-warnings 0), unit tests; ends with one summary line.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureDeps(root);
const bin = (name) => join(root, 'node_modules', '.bin', name);

const steps = [
  ['typecheck', bin('tsc'), ['-p', '.']],
  ['eslint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['build', process.execPath, [join(root, 'esbuild.mjs')]],
  ['unit', bin('mocha'), ['--reporter', 'spec']],
];
const results = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  const out = r.stdout ?? '';
  const passing = Number(/(\d+) passing/.exec(out)?.[1] ?? 0);
  const failing = Number(/(\d+) failing/.exec(out)?.[1] ?? 0);
  results.push({ name, ok: r.status === 0, passing, failing, seconds: (Date.now() - started) / 1000 });
}
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)`);
const passed = results.reduce((n, r) => n + (r.name === 'unit' ? r.passing : r.ok ? 1 : 0), 0);
const failed = results.reduce((n, r) => n + (r.name === 'unit' ? r.failing + (r.ok || r.failing ? 0 : 1) : r.ok ? 0 : 1), 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
