import { strict as assert } from 'node:assert';
import { catalog, fillPlaceholders } from '../../../src/core/catalog';
import { cloudFormationYamlFor, terraformJsonencodeFor, terraformPolicyDocumentFor } from '../../../src/core/catalog/template-snippets';
import { extractCloudFormation } from '../../../src/core/embedded/cloudformation';
import { lintPolicy } from '../../../src/core/embedded/lint';
import { extractTerraform } from '../../../src/core/embedded/terraform';
import type { ExtractedTemplate } from '../../../src/core/embedded/types';
import { LineMap, lintText, type LintFinding } from '../../../src/core/lint';

/** `rule-id/message-id`, sorted: what must be the same in every form. */
const ids = (findings: readonly LintFinding[]): string[] => findings.map((f) => `${f.ruleId}/${f.messageId}`).sort();

/** The findings of the template's policy of the entry's kind (a role's template also holds its trust policy). */
async function templateFindings(extracted: ExtractedTemplate, text: string, kind: string): Promise<string[]> {
  assert.deepEqual(extracted.findings, [], 'the template reads cleanly');
  const policy = extracted.policies.find((p) => p.kind === kind);
  assert.ok(policy, `a ${kind} policy in the template`);
  return ids((await lintPolicy(policy, { fileName: 'template' }, new LineMap(text))).findings);
}

describe('the documented policies written as JSON, CloudFormation YAML and Terraform give the same findings', () => {
  const entries = catalog.filter((e) => !e.managed);

  it('covers every documented policy that is not AWS managed', () => {
    assert.ok(entries.length >= 15, String(entries.length));
  });

  for (const entry of entries) {
    it(entry.id, async () => {
      const json = ids((await lintText(fillPlaceholders(entry), { kind: entry.kind })).findings);
      // A snippet is a resource to paste under Resources:.
      const yaml = `Resources:\n${cloudFormationYamlFor(entry).filled.replace(/^(?=.)/gm, '  ')}`;
      const tf = terraformJsonencodeFor(entry).filled;
      const doc = terraformPolicyDocumentFor(entry).filled;
      assert.deepEqual(await templateFindings(extractCloudFormation(yaml), yaml, entry.kind), json, 'CloudFormation YAML');
      assert.deepEqual(await templateFindings(await extractTerraform(tf), tf, entry.kind), json, 'Terraform jsonencode');
      assert.deepEqual(await templateFindings(await extractTerraform(doc), doc, entry.kind), json, 'Terraform aws_iam_policy_document');
    });
  }
});
