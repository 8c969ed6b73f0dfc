/**
 * scripts/ensure-deps.mjs, the bootstrap of `npm run demo` and `npm test`: it compares package-lock.json with the tree
 * npm recorded in node_modules/.package-lock.json package by package, and never runs `npm ci` through a node_modules
 * that is a link to another checkout's (npm ci would empty the folder the link points to). No test here runs npm.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface EnsureDeps {
  staleReason(root: string): string | undefined;
  ensureDeps(root: string): boolean;
}

const load = (): Promise<EnsureDeps> => import('../../../scripts/ensure-deps.mjs') as Promise<EnsureDeps>;

const LOCK = {
  name: 'x',
  lockfileVersion: 3,
  packages: {
    '': { name: 'x' },
    'node_modules/tsx': { version: '4.23.15' },
    'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', optional: true },
  },
};

describe('scripts/ensure-deps.mjs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ssm-ensure-deps-'));
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(LOCK));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const installed = (modules: string, packages: Record<string, { version: string }>): void => {
    mkdirSync(modules, { recursive: true });
    writeFileSync(join(modules, '.package-lock.json'), JSON.stringify({ name: 'x', lockfileVersion: 3, packages }));
  };

  it('current when every locked package is installed at its version (optional ones of other platforms may be absent)', async () => {
    const { staleReason, ensureDeps } = await load();
    installed(join(dir, 'node_modules'), { 'node_modules/tsx': { version: '4.23.15' } });
    assert.equal(staleReason(dir), undefined);
    assert.equal(ensureDeps(dir), false);
  });

  it('stale when node_modules is missing, a package is missing, or installed at another version', async () => {
    const { staleReason } = await load();
    assert.equal(staleReason(dir), 'node_modules is not installed');
    installed(join(dir, 'node_modules'), {});
    assert.equal(staleReason(dir), 'tsx is missing');
    installed(join(dir, 'node_modules'), { 'node_modules/tsx': { version: '4.0.0' } });
    assert.equal(staleReason(dir), 'tsx is 4.0.0, the lockfile says 4.23.15');
  });

  it('never runs npm ci through a linked node_modules: throws, and the linked folder keeps its files', async () => {
    const { ensureDeps } = await load();
    const shared = join(dir, 'shared-node_modules');
    installed(shared, { 'node_modules/tsx': { version: '4.0.0' } });
    writeFileSync(join(shared, 'keep.txt'), 'another checkout uses this\n');
    symlinkSync(shared, join(dir, 'node_modules'));
    assert.throws(() => ensureDeps(dir), /node_modules is a link to another checkout's packages and tsx is 4\.0\.0/);
    assert.ok(existsSync(join(shared, 'keep.txt')));
    assert.ok(existsSync(join(shared, '.package-lock.json')));
  });
});
