import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectMessages, renderBundle } from '../../scripts/gen-l10n';

describe('l10n', () => {
  it('bundle.l10n.json lists every message the extension shows (npm run gen)', () => {
    assert.equal(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.json'), 'utf8'), renderBundle(), 'stale: run npm run gen');
    const messages = Object.keys(collectMessages());
    assert.ok(messages.length > 50, `${messages.length} messages`);
    assert.ok(messages.includes('Fix all SSM policy problems in file'));
  });

  it('every package.json string is a package.nls.json key', () => {
    const pkg = readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8');
    const nls = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.nls.json'), 'utf8')) as Record<string, string>;
    for (const [, key] of pkg.matchAll(/"%([^%"]+)%"/g)) assert.ok(nls[key as string], `package.nls.json has no ${key}`);
  });
});
