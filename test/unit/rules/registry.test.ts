import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../../src/core/rules';
import { renderRuleTable } from '../../../scripts/gen-docs';

const root = join(__dirname, '..', '..', '..');
const NOT_RULES = new Set(['index', 'rule']);

describe('rule registry', () => {
  it('has unique, kebab-case ids', () => {
    const ids = allRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/, id);
  });

  it('registers every rule file in src/core/rules', () => {
    const files = readdirSync(join(root, 'src', 'core', 'rules'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .filter((id) => !NOT_RULES.has(id));
    assert.deepEqual(files.sort(), allRules.map((r) => r.id).sort());
  });

  for (const rule of allRules) {
    it(`${rule.id}: has its rule file, test table and doc page, and sane metadata`, () => {
      assert.ok(existsSync(join(root, 'src', 'core', 'rules', `${rule.id}.ts`)), 'rule file named after the id');
      assert.ok(existsSync(join(root, 'test', 'unit', 'rules', `${rule.id}.test.ts`)), 'test table');
      const doc = join(root, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(existsSync(doc), 'doc page');
      const text = readFileSync(doc, 'utf8');
      assert.ok(text.startsWith(`# ${rule.id}\n`), 'doc page starts with the rule id as its title');
      assert.ok(text.includes(`**Default severity:** ${rule.meta.defaultSeverity}`), 'doc page states the default severity');
      assert.ok(text.includes(`**Fix:** ${rule.meta.fixable ? 'yes' : 'no'}`), 'doc page states whether the rule has fixes');
      assert.ok(text.includes(`**Suggestions:** ${rule.meta.hasSuggestions ? 'yes' : 'no'}`), 'doc page states whether the rule has suggestions');
      assert.ok(['error', 'warning', 'info'].includes(rule.meta.defaultSeverity));
      assert.ok(rule.meta.appliesTo.length > 0);
      assert.ok(Object.keys(rule.meta.messages).length > 0);
      assert.ok(rule.meta.description.length > 10);
      const testText = readFileSync(join(root, 'test', 'unit', 'rules', `${rule.id}.test.ts`), 'utf8');
      assert.match(testText, /valid:/);
      assert.match(testText, /invalid:/);
      if (rule.meta.fixable) assert.match(testText, /output: (?!null\b)\S/, 'a fixable rule tests a fix output');
      if (rule.meta.hasSuggestions) assert.match(testText, /suggestions: \[\s*\{/, 'a rule with suggestions tests one');
    });
  }

  it('keeps the README rule table in sync with the rules (npm run gen)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.ok(readme.includes(renderRuleTable()), 'README rule table is stale: run npm run gen');
  });
});
