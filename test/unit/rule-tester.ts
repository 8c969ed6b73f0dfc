import * as assert from 'node:assert/strict';
import { applyFixes, lintText, type LintFinding } from '../../src/core/lint';
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
  /**
   * The finding's suggestions, in order, each with the text after applying it alone; `null` or `[]`: none.
   * Required when the finding has suggestions (as in ESLint's RuleTester).
   */
  suggestions?: ExpectedSuggestion[] | null;
}

/** An expected suggestion: its message id and the text after applying it (and nothing else). */
export interface ExpectedSuggestion {
  messageId: string;
  data?: Record<string, string>;
  output: string;
}

/**
 * An invalid case: the findings it must produce and the text after applying every fix (null: no fix). Suggestions are
 * never part of `output`; each error lists its own. `output` is required when the rule fixes the code.
 */
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
          checkSuggestions(rule, c.code, got, exp, j + 1);
        });
        const hasFix = findings.some((f) => f.fix && f.fix.length > 0);
        if (hasFix) assert.ok(rule.meta.fixable, `${rule.id} fixes but its meta.fixable is false`);
        if (c.output === undefined) {
          assert.equal(hasFix, false, `the rule fixed the code: add the output to the case (${JSON.stringify(applyFixes(c.code, findings))})`);
        } else if (c.output === null) {
          assert.equal(hasFix, false, 'expected no fix');
        } else {
          assert.ok(hasFix, 'expected a fix');
          assert.equal(applyFixes(c.code, findings), c.output);
        }
      });
    });
  });
}

function checkSuggestions(rule: PolicyRule, code: string, got: LintFinding, exp: ExpectedError, n: number): void {
  const suggestions = got.suggestions ?? [];
  if (suggestions.length > 0) assert.ok(rule.meta.hasSuggestions, `${rule.id} suggests but its meta.hasSuggestions is not true`);
  const shown = suggestions.map((s) => ({ messageId: s.messageId, output: applyFixes(code, [s]) }));
  if (exp.suggestions === undefined) {
    assert.deepEqual(shown, [], `finding ${n} has suggestions: list them in the error's suggestions`);
    return;
  }
  const expected = exp.suggestions ?? [];
  assert.equal(suggestions.length, expected.length, `finding ${n}: expected ${expected.length} suggestion(s), got ${JSON.stringify(shown)}`);
  expected.forEach((want, k) => {
    const s = suggestions[k]!;
    assert.equal(s.messageId, want.messageId, `finding ${n} suggestion ${k + 1} messageId`);
    const template = rule.meta.messages[s.messageId];
    assert.ok(template, `suggestion message ${s.messageId} is declared in meta.messages`);
    for (const [slot] of template.matchAll(/\{\{\s*\w+\s*\}\}/g)) assert.ok(!s.message.includes(slot), `suggestion ${k + 1} of finding ${n} leaves ${slot} unfilled`);
    if (want.data) for (const [key, v] of Object.entries(want.data)) assert.ok(s.message.includes(v), `suggestion ${k + 1} message shows ${key} "${v}": ${s.message}`);
    assert.equal(applyFixes(code, [s]), want.output, `finding ${n} suggestion ${k + 1} output`);
  });
}

function preview(code: string): string {
  const flat = code.replace(/\s+/g, ' ');
  return flat.length > 70 ? `${flat.slice(0, 67)}...` : flat;
}
