/**
 * Integration test entry, loaded by the extension host as `extensionTestsPath` (code-server through
 * scripts/integration/run.ts, or desktop VS Code through @vscode/test-electron). The bundle puts this module
 * first and the suites after it, so mocha's BDD globals exist when their describe() calls run.
 */
import { findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';

/** Prefix of every line the runners pick out of the extension host's log. */
export const TAG = '[ssm-it]';

const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false });
mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'integration-bundle', mocha);

const originalLog = console.log.bind(console);
/** Prints one tagged line; the extension host forwards console output to the workbench's log. */
function emit(line: string): void {
  originalLog(`${TAG} ${line}`);
}

/** The extension host makes console.* read-only: redefine them so the suites' own output is tagged too. */
function tagConsole(): () => void {
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[name].bind(console);
    saved.set(name, Object.getOwnPropertyDescriptor(console, name));
    Object.defineProperty(console, name, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => original(TAG, `console.${name}:`, ...args),
    });
  }
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(console, name, descriptor);
    }
  };
}

function fullTitle(test: Mocha.Runnable): string {
  return test.titlePath().join(' › ');
}

/**
 * Points stack frames of the bundle at the .ts sources and drops mocha's own frames. The extension host
 * replaces Error.prepareStackTrace, so Node's --enable-source-maps does not apply; the loader in index.js
 * turns source maps on, which makes findSourceMap() work for the bundle.
 */
function mapStack(stack: string): string {
  const mapped = stack.replace(/([^\s()]+\.js):(\d+):(\d+)/g, (whole, file: string, line: string, column: string) => {
    const entry = findSourceMap(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry)) return whole;
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : entry.originalSource;
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
  return mapped
    .split('\n')
    .filter((l) => !/node_modules[\\/]mocha[\\/]|node:internal/.test(l))
    .join('\n');
}

function describeError(err: unknown): string {
  if (err instanceof Error) return mapStack(err.stack ?? `${err.name}: ${err.message}`).split('\n').slice(0, 15).join('\n    ');
  return String(err);
}

/** Reports each test as one tagged line, then `N passed, N failed`. */
class TaggedReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;
    let passed = 0;
    let failed = 0;
    let pending = 0;
    runner.on(EVENT_TEST_PASS, (test) => {
      passed++;
      emit(`ok   ${fullTitle(test)} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      failed++;
      emit(`FAIL ${fullTitle(test)}\n    ${describeError(err)}`);
    });
    runner.on(EVENT_TEST_PENDING, (test) => {
      pending++;
      emit(`skip ${fullTitle(test)}`);
    });
    runner.once(EVENT_RUN_END, () => {
      emit(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
    });
  }
}

/** The @vscode/test-electron contract: resolves when every test passed, rejects otherwise. */
export function run(): Promise<void> {
  mocha.reporter(TaggedReporter);
  const grep = process.env.SSM_IT_GREP;
  if (grep) mocha.grep(grep);
  const restore = tagConsole();
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        restore();
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      restore();
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
