import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractCloudFormation } from '../../../src/core/embedded/cloudformation';
import { lintTemplate } from '../../../src/core/embedded/lint';

const DIR = join(__dirname, '..', '..', 'fixtures', 'templates', 'cloudformation');

interface Expected {
  ruleId: string;
  range: string;
}

function templates(): string[] {
  const top = readdirSync(DIR).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'expected.json');
  const cdk = readdirSync(join(DIR, 'cdk.out')).filter((f) => f.endsWith('.template.json')).map((f) => `cdk.out/${f}`);
  return [...top, ...cdk].sort();
}

describe('CloudFormation fixtures, linted', () => {
  const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected[]>;
  const files = templates();

  it('lists every fixture in expected.json, and only those', () => {
    assert.deepEqual(Object.keys(expected).sort(), files);
  });

  it('holds at least 32 templates, three of them CDK output, about half of them clean', () => {
    assert.ok(files.length >= 32, String(files.length));
    assert.ok(files.filter((f) => f.startsWith('cdk.out/')).length >= 3);
    const clean = files.filter((f) => expected[f]?.length === 0).length;
    assert.ok(clean >= files.length / 3 && clean <= (files.length * 2) / 3, `${clean} clean of ${files.length}`);
  });

  for (const file of files) {
    it(`${file}: exactly the expected findings`, async () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const result = await lintTemplate(text, { fileName: file, extract: extractCloudFormation });
      assert.ok(result.policies.length > 0, 'no policy extracted');
      const actual = result.findings
        .map((f) => ({ ruleId: f.ruleId, range: `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}` }))
        .sort((a, b) => `${a.ruleId} ${a.range}`.localeCompare(`${b.ruleId} ${b.range}`));
      const want = [...(expected[file] ?? [])].sort((a, b) => `${a.ruleId} ${a.range}`.localeCompare(`${b.ruleId} ${b.range}`));
      assert.deepEqual(actual, want);
    });
  }
});
