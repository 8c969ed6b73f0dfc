// Runs the same integration suites in desktop VS Code through @vscode/test-electron, for machines that have
// (or can download) desktop VS Code. The offline machines use run.ts (code-server) instead: test-electron's
// download of VS Code is not reachable there.
//
//   npx tsx scripts/integration/run-electron.ts [--grep TEXT]      (npm run test:integration:electron)
// Environment: VSCODE_EXECUTABLE_PATH (use an installed VS Code, no download), VSCODE_VERSION (default stable).
// Exits 2 when @vscode/test-electron is not installed.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAll } from './build';
import { writeUserSettings } from './code-server';

type TestElectron = typeof import('@vscode/test-electron');

const root = join(__dirname, '..', '..');

async function main(): Promise<number> {
  const { values: opts } = parseArgs({ options: { grep: { type: 'string' } } });
  let testElectron: TestElectron;
  try {
    testElectron = (await import('@vscode/test-electron')) as TestElectron;
  } catch {
    console.error(
      '@vscode/test-electron is not installed. Install it, then run this again:\n' +
        '  npm install --save-dev @vscode/test-electron\n' +
        'On machines without desktop VS Code or access to its download server, use: npm run test:integration',
    );
    return 2;
  }

  const extensionTestsPath = await buildAll(root);
  const base = mkdtempSync(join(tmpdir(), 'ssm-it-electron-'));
  const workspace = join(base, 'workspace');
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  writeUserSettings(join(base, 'user'));
  if (opts.grep) process.env.SSM_IT_GREP = opts.grep;

  try {
    // runTests resolves with VS Code's exit code: 0 when run() in test/integration/index.ts resolved.
    return await testElectron.runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath,
      version: process.env.VSCODE_VERSION,
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH,
      extensionTestsEnv: { ...process.env },
      launchArgs: [
        workspace,
        '--user-data-dir', join(base, 'user'),
        '--extensions-dir', join(base, 'exts'),
        '--disable-extensions', // other installed extensions; the built-in JSON support stays on
        '--disable-workspace-trust',
        '--disable-telemetry',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } catch (err) {
    console.error(`[run-electron] ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
