import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintTemplate } from '../../../src/core/embedded/lint';
import { extractTerraform } from '../../../src/core/embedded/terraform';

/**
 * Every Terraform fixture linted end to end (extractor and engine): exactly the findings expected.json lists, each
 * by rule id and the LSP range (0-based line:character) of the source element it is about.
 */
const dir = join(__dirname, '..', '..', 'fixtures', 'templates', 'terraform');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, { ruleId: string; range: string }[]>;
const files = readdirSync(dir).filter((f) => f.endsWith('.tf')).sort();

describe('Terraform fixtures', () => {
  it('has an expectation for every fixture, and a fixture for every expectation', () => {
    assert.deepEqual(Object.keys(expected).sort(), files);
    assert.ok(files.length >= 32);
  });

  for (const file of files) {
    it(file, async () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const result = await lintTemplate(text, { fileName: file, extract: (t) => extractTerraform(t) });
      assert.equal(result.format, 'terraform');
      const got = result.findings
        .map((f) => ({ ruleId: f.ruleId, range: `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}` }))
        .sort((a, b) => (a.range + a.ruleId).localeCompare(b.range + b.ruleId));
      const want = [...(expected[file] ?? [])].sort((a, b) => (a.range + a.ruleId).localeCompare(b.range + b.ruleId));
      assert.deepEqual(got, want, result.findings.map((f) => `${f.ruleId} ${f.message}`).join('\n'));
    });
  }
});
