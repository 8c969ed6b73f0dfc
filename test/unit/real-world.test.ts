import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../src/core/lint';

const DIR = join(__dirname, '..', 'fixtures', 'real-world');

interface Entry {
  repo: string;
  path: string;
  /** `severity rule/messageId [JSON path]`, in the order the linter reports them. */
  findings: string[];
}

describe('real-world policies (test/fixtures/real-world)', () => {
  const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Record<string, Entry>;

  it('lists every fixture in the manifest and the README', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'manifest.json').sort();
    assert.deepEqual(Object.keys(manifest).sort(), files);
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const [file, entry] of Object.entries(manifest)) assert.ok(readme.includes(`| ${file} | ${entry.repo} | ${entry.path}`), `README credits ${file}`);
  });

  for (const [file, entry] of Object.entries(manifest)) {
    it(`${file}: exactly the expected findings`, async () => {
      const { findings } = await lintText(readFileSync(join(DIR, file), 'utf8'), { fileName: file });
      assert.deepEqual(
        findings.map((f) => `${f.severity} ${f.ruleId}/${f.messageId} ${JSON.stringify(f.path ?? [])}`),
        entry.findings,
      );
    });
  }
});
