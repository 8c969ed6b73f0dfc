import * as assert from 'node:assert/strict';
import { applyFixes, lintText } from '../../src/core/lint';
import type { PolicyKind } from '../../src/core/policy/types';
import type { PolicyRule, Severity } from '../../src/core/rules/rule';

type JSONPath = (string | number)[];

/** A document to lint: text, or text with a kind / file name. */
export type TestCode = string | { code: string; kind?: PolicyKind; fileName?: string };

/** An expected finding: its message id and, optionally, where it is and with what data. */
export interface ExpectedError {
  messageId: string;
  /** JSON path of the reported node. */
  path?: JSONPath;
  /** The exact source text the finding covers. */
  text?: string;
  data?: Record<string, string>;
  /** The finding's severity (the rule's default unless the rule sets one for this finding). */
  severity?: Severity;
}

/** An invalid case: the findings it must produce and the text after applying every fix (null: no fix). */
export interface InvalidCase {
  code: string;
  kind?: PolicyKind;
  fileName?: string;
  errors: ExpectedError[];
  output?: string | null;
  name?: string;
}

/** Runs a rule's test table (the shape of ESLint's RuleTester) as mocha tests. */
export function testRule(rule: PolicyRule, table: { valid: TestCode[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.id}`, () => {
    table.valid.forEach((tc, i) => {
      const c = typeof tc === 'string' ? { code: tc } : tc;
      it(`valid #${i + 1}: ${preview(c.code)}`, async () => {
        const { findings } = await lintText(c.code, { rules: [rule], kind: c.kind, fileName: c.fileName });
        assert.deepEqual(
          findings.map((f) => `${f.messageId}: ${f.message}`),
          [],
          `expected no findings from ${rule.id}`,
        );
      });
    });
    table.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}: ${c.name ?? preview(c.code)}`, async () => {
        const { findings } = await lintText(c.code, { rules: [rule], kind: c.kind, fileName: c.fileName });
        const internal = findings.filter((f) => f.ruleId !== rule.id);
        assert.deepEqual(internal.map((f) => f.message), [], 'rule failed internally');
        assert.equal(
          findings.length,
          c.errors.length,
          `expected ${c.errors.length} finding(s), got: ${JSON.stringify(findings.map((f) => [f.messageId, f.path, f.message]))}`,
        );
        c.errors.forEach((exp, j) => {
          const got = findings[j]!;
          assert.equal(got.messageId, exp.messageId, `finding ${j + 1} messageId`);
          assert.ok(rule.meta.messages[got.messageId], `message ${got.messageId} is declared in meta.messages`);
          // Only the template's own slots count: a value may itself hold "{{Region}}" (a placeholder from the docs).
          const template = rule.meta.messages[got.messageId] ?? '';
          for (const [slot] of template.matchAll(/\{\{\s*\w+\s*\}\}/g)) {
            const name = slot.replace(/[{}\s]/g, '');
            assert.ok(got.data?.[name] !== undefined, `message slot ${slot} has no data: ${got.message}`);
          }
          if (exp.path) assert.deepEqual(got.path, exp.path, `finding ${j + 1} path`);
          assert.equal(got.severity, exp.severity ?? rule.meta.defaultSeverity, `finding ${j + 1} severity`);
          if (exp.text !== undefined) assert.equal(c.code.slice(got.offset, got.offset + got.length), exp.text, `finding ${j + 1} text`);
          if (exp.data) {
            for (const [k, v] of Object.entries(exp.data)) assert.equal(got.data?.[k], v, `finding ${j + 1} data.${k}`);
          }
        });
        if (c.output !== undefined) {
          const hasFix = findings.some((f) => f.fix && f.fix.length > 0);
          if (c.output === null) {
            assert.equal(hasFix, false, 'expected no fix');
          } else {
            assert.ok(hasFix, 'expected a fix');
            assert.equal(applyFixes(c.code, findings), c.output);
          }
        }
      });
    });
  });
}

function preview(code: string): string {
  const flat = code.replace(/\s+/g, ' ');
  return flat.length > 70 ? `${flat.slice(0, 67)}...` : flat;
}
