import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../src/core/lint';
import type { PolicyKind } from '../../src/core/policy/types';

interface SeedPolicy {
  file: string;
  source: string;
  kind: PolicyKind;
  fill: [string, string][];
  expectFilled?: { ruleId: string; why: string }[];
}

const dir = join(__dirname, '..', 'fixtures', 'seeds');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { policies: SeedPolicy[] };

function fill(text: string, pairs: [string, string][]): string {
  return pairs.reduce((t, [from, to]) => t.split(from).join(to), text);
}

describe('the policies of the SSM docs (shared/seeds)', () => {
  for (const p of manifest.policies) {
    const raw = readFileSync(join(dir, p.file), 'utf8');

    it(`${p.file}: lints clean once its placeholders are filled`, async () => {
      const filled = fill(raw, p.fill);
      for (const [from] of p.fill) assert.ok(raw.includes(from), `the fixture holds ${from}`);
      const { findings, policy } = await lintText(filled, { fileName: p.file });
      assert.equal(policy.kind, p.kind, 'detected kind');
      const got = findings.map((f) => f.ruleId).sort();
      const expected = (p.expectFilled ?? []).map((e) => e.ruleId).sort();
      assert.deepEqual(got, expected, findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n'));
    });

    if (p.fill.length > 0) {
      it(`${p.file}: as documented, is flagged at every placeholder`, async () => {
        const { findings } = await lintText(raw, { fileName: p.file });
        const placeholders = findings.filter((f) => f.ruleId === 'placeholder');
        for (const [from] of p.fill) {
          const token = from.replace(/^[":]+|[":]+$/g, '');
          const hits = placeholders.filter((f) => f.message.includes(token) || raw.slice(f.offset, f.offset + f.length).includes(token));
          assert.ok(hits.length > 0, `no placeholder finding for ${token}: ${findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n')}`);
          for (const h of hits) assert.equal(h.severity, 'error');
        }
      });
    }
  }
});
