// `npm test`: typecheck, eslint (--max-warnings 0), the packages (the .vsix and the npm package built, checked,
// installed and run), build, unit tests, integration tests in a real VS Code extension host (then in its Japanese
// display language); ends with one summary line.
//
//   npm test                                  (`pretest` runs scripts/ensure-deps.mjs first: a fresh clone installs)
//   node --import tsx scripts/test.ts         the same, once the dependencies are installed
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
/** `node --import tsx` and a script of scripts/: how the TypeScript scripts run, in one process that gets the signals. */
const tsNode = (...script: string[]): string[] => ['--import', 'tsx', join(root, 'scripts', ...script)];
const runIntegration = (...args: string[]): string[] => [...tsNode('integration', 'run.ts'), ...args];

/** A step: its name in the summary, the program, its arguments and what it adds to the environment. */
type Step = [name: string, cmd: string, args: string[], env?: NodeJS.ProcessEnv];

const steps: Step[] = [
  ['typecheck', bin('tsc'), ['-p', '.']],
  ['eslint', bin('eslint'), ['--max-warnings', '0', '.']],
  // The production build as `npm run package` and `npm pack` make it: the .vsix and the tarball checked, the tarball
  // installed globally (offline, into a temp prefix) and its ssm-policy-lint run. Leaves both in out/packages/.
  ['packages', bin('tsx'), [join(root, 'scripts', 'check-packages.ts')]],
  // That .vsix installed into a sandboxed code-server and checked through the page, without the work tree loaded.
  ['vsix smoke', process.execPath, runIntegration('--vsix', join(root, 'out', 'packages', `${pkg.name}-${pkg.version}.vsix`), '--screenshot', join(root, 'out', 'vsix-smoke.png'))],
  // The development build (with source maps) the later steps and a developer use; it replaces the production one.
  ['build', process.execPath, [join(root, 'esbuild.mjs')]],
  ['unit', bin('mocha'), ['--reporter', 'spec']],
  // Installs (once, cached in .vscode-test/) and runs code-server's real extension host with the integration suites.
  ['integration', process.execPath, runIntegration()],
  // test/integration/ja/ in code-server's Japanese display language: the extension's texts from its Japanese files.
  ['integration (ja)', process.execPath, runIntegration(), { SSM_IT_SUITE: 'ja' }],
  // The UI smoke test: the real workbench with a policy and its problems; the picture goes to out/, not docs/.
  ['ui smoke', process.execPath, runIntegration('--screenshot', join(root, 'out', 'workbench.png'))],
  // The demo, headless: emulators + code-server, the problems and the DHMC view checked on the page.
  ['demo smoke', process.execPath, [...tsNode('demo.ts'), '--screenshot', join(root, 'out', 'demo')]],
];

interface Result {
  name: string;
  ok: boolean;
  passing: number;
  failing: number;
  seconds: number;
}

const results: Result[] = [];
for (const [name, cmd, args, env] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: root,
    env: env ? { ...process.env, ...env } : process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const out = r.stdout ?? '';
  process.stdout.write(out);
  // mocha prints "N passing" / "N failing"; the integration runner ends with "N passed, N failed".
  const passing = Number((/(\d+) passing/.exec(out) ?? /(\d+) passed, \d+ failed/.exec(out))?.[1] ?? 0);
  const failing = Number((/(\d+) failing/.exec(out) ?? /\d+ passed, (\d+) failed/.exec(out))?.[1] ?? 0);
  results.push({ name, ok: r.status === 0, passing, failing, seconds: (Date.now() - started) / 1000 });
}
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)`);
const counted = new Set(['unit', 'integration', 'integration (ja)']);
const passed = results.reduce((n, r) => n + (counted.has(r.name) ? r.passing : r.ok ? 1 : 0), 0);
const failed = results.reduce((n, r) => n + (counted.has(r.name) ? r.failing + (r.ok || r.failing ? 0 : 1) : r.ok ? 0 : 1), 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
