import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PARITY_DOC, renderParityDoc } from '../../../scripts/gen-docs';
import { ACCESS_ANALYZER_CHECKS } from '../../../src/core/parity/access-analyzer';
import { ruleById } from '../../../src/core/rules';

describe('Access Analyzer parity table', () => {
  it('lists every check once, each with a finding type and a classification', () => {
    const codes = ACCESS_ANALYZER_CHECKS.map((c) => c.code);
    assert.equal(new Set(codes).size, codes.length, 'duplicate issue code');
    assert.ok(codes.length > 100, `the reference has well over 100 checks, the table ${codes.length}`);
    for (const c of ACCESS_ANALYZER_CHECKS) {
      assert.match(c.code, /^[A-Z0-9_]+$/, c.code);
      assert.ok(['ERROR', 'SECURITY_WARNING', 'WARNING', 'SUGGESTION'].includes(c.type), c.code);
      assert.ok(c.title.length > 3 && c.what.length > 10, c.code);
      const cov = c.coverage;
      if (cov.kind === 'rules') assert.ok(cov.refs.length > 0, `${c.code}: no rule named`);
      else assert.ok(cov.why.length > 10, `${c.code}: the reason is missing`);
    }
  });

  it('names only registered rules and their message ids', () => {
    for (const c of ACCESS_ANALYZER_CHECKS) {
      if (c.coverage.kind !== 'rules') continue;
      for (const ref of c.coverage.refs) {
        const [id = '', messages] = ref.split(':');
        const rule = ruleById(id);
        assert.ok(rule, `${c.code}: rule ${id} is not registered`);
        for (const m of messages?.split(',') ?? []) assert.ok(rule.meta.messages[m], `${c.code}: ${id} has no message ${m}`);
      }
    }
  });

  it('keeps docs/access-analyzer-parity.md in sync (npm run gen)', () => {
    assert.equal(readFileSync(PARITY_DOC, 'utf8'), renderParityDoc(), 'docs/access-analyzer-parity.md is stale: run npm run gen');
  });
});
