/**
 * `npm run demo` stops everything it started when npm gets SIGINT or SIGTERM (npm forwards those two to the script,
 * which `exec` makes the demo itself rather than a shell that would swallow them) or when npm goes away (SIGHUP kills
 * npm without forwarding: the demo sees its parent change). The demo runs in its --aws-only mode (the build, the lint
 * of examples/ and the seeded emulators, without code-server); every process below npm must be gone afterwards.
 * Linux: the process tree is read from /proc.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const root = join(__dirname, '..', '..', '..');

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  cmd: string;
}

function processes(): Proc[] {
  const all: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses: split after the last ')'.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      all.push({ pid: Number(name), ppid: Number(ppid), state: state ?? '?', cmd });
    } catch {
      // gone meanwhile
    }
  }
  return all;
}

/** The live descendants of pid (zombies count as gone). */
function descendants(pid: number): Proc[] {
  const all = processes();
  const found: Proc[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const p of all) {
      if (p.ppid === parent && p.state !== 'Z') {
        found.push(p);
        queue.push(p.pid);
      }
    }
  }
  return found;
}

function alive(pids: number[]): Proc[] {
  const live = new Map(processes().filter((p) => p.state !== 'Z').map((p) => [p.pid, p]));
  return pids.map((pid) => live.get(pid)).filter((p): p is Proc => p !== undefined);
}

/** Starts `npm run demo -- --aws-only` and resolves once the emulators are up, with the tree of processes below npm. */
async function startDemo(options: { group?: boolean } = {}): Promise<{ npm: ChildProcess; output: () => string; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; tree: Proc[] }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const npm = spawn('npm', ['run', 'demo', '--', '--aws-only'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.group ?? false });
  let out = '';
  npm.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  npm.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) => npm.once('exit', (code, signal) => ok({ code, signal })));
  let exited = false;
  void exit.then(() => (exited = true));
  while (!/Ctrl-C stops it\./.test(out)) {
    if (exited) assert.fail(`the demo ended before the emulators were up:\n${out}`);
    await delay(100);
  }
  return { npm, output: () => out, exit, tree: descendants(npm.pid!) };
}

/** Waits (20 s at most) for processes that are already ending; returns those still alive. */
async function survivors(tree: Proc[]): Promise<Proc[]> {
  for (let i = 0; i < 200 && alive(tree.map((p) => p.pid)).length > 0; i++) await delay(100);
  return alive(tree.map((p) => p.pid));
}

describe('npm run demo: signals sent to npm stop everything', function () {
  this.timeout(180_000);
  let started: Awaited<ReturnType<typeof startDemo>> | undefined;

  afterEach(() => {
    // Whatever a failed test left: end it.
    for (const p of started ? alive(started.tree.map((t) => t.pid)) : []) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    started = undefined;
  });

  const expectTree = (tree: Proc[]): void => {
    const cmds = tree.map((p) => p.cmd).join('\n');
    assert.match(cmds, /scripts\/demo\.ts --aws-only/, 'the demo runs under npm');
    assert.match(cmds, /moto_server/, 'moto_server runs under the demo');
    assert.match(cmds, /ssm-settings-server\.ts/, 'the front server runs under the demo');
    assert.ok(!tree.some((p) => /^(\/bin\/)?sh -c /.test(p.cmd) && /demo\.ts/.test(p.cmd)), `no shell between npm and the demo:\n${cmds}`);
  };

  for (const [sig, code] of [
    ['SIGINT', 0],
    ['SIGTERM', 143],
  ] as const) {
    it(`${sig} to npm: the demo stops the emulators and exits ${code}; no process is left`, async () => {
      started = await startDemo();
      expectTree(started.tree);
      process.kill(started.npm.pid!, sig);
      const { code: exitCode } = await started.exit;
      assert.equal(exitCode, code, started.output());
      assert.match(started.output(), new RegExp(`\\[demo\\] ${sig}: stopping the emulators…`));
      assert.match(started.output(), /\[demo\] stopped; temp folders removed\./);
      assert.deepEqual(await survivors(started.tree), []);
    });
  }

  it('Ctrl-C in a terminal (SIGINT to the whole process group, and npm forwards its own): one orderly stop, exit 0', async () => {
    started = await startDemo({ group: true });
    expectTree(started.tree);
    process.kill(-started.npm.pid!, 'SIGINT');
    const { code } = await started.exit;
    assert.equal(code, 0, started.output());
    assert.match(started.output(), /\[demo\] SIGINT: stopping the emulators…/);
    assert.match(started.output(), /\[demo\] stopped; temp folders removed\./);
    assert.doesNotMatch(started.output(), /again: exiting now/);
    assert.deepEqual(await survivors(started.tree), []);
  });

  it('SIGHUP to npm (not forwarded: npm dies): the demo sees its parent go and stops everything', async () => {
    started = await startDemo();
    expectTree(started.tree);
    process.kill(started.npm.pid!, 'SIGHUP');
    await started.exit;
    assert.deepEqual(await survivors(started.tree), []);
  });
});
