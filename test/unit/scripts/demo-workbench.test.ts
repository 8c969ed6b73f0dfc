import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagedPaths } from '../../../scripts/demo/workbench';

describe('scripts/demo/workbench: the demo installs what the .vsix ships', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'demo-files-'));
    for (const f of ['dist/extension.js', 'dist/extension.js.map', 'dist/iam-index/head.json', 'schemas/a.schema.json', 'schemas/README.md', 'media/icon.png', 'package.nls.json', 'package.nls.ja.json', 'package.nlsXjson', 'README.md']) {
      mkdirSync(join(root, f, '..'), { recursive: true });
      writeFileSync(join(root, f), 'x');
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('expands files, folders and globs of the allow-list, and nothing else', () => {
    const files = ['dist/extension.js', 'dist/iam-index/', 'schemas/*.json', 'media/', 'package.nls*.json', 'README.md', 'LICENSE'];
    assert.deepEqual(packagedPaths(root, files).sort(), ['README.md', 'dist/extension.js', 'dist/iam-index', 'media', 'package.nls.ja.json', 'package.nls.json', 'schemas/a.schema.json']);
  });

  it('leaves out what the allow-list does not name (source maps, other files of a globbed folder)', () => {
    const paths = packagedPaths(root, ['dist/extension.js', 'schemas/*.json']);
    assert.ok(!paths.some((p) => p.endsWith('.map') || p === 'schemas/README.md'), paths.join(', '));
  });
});
