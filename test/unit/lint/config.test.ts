import * as assert from 'node:assert/strict';
import { ConfigError, applyFixes, lintText, validateConfig } from '../../../src/core/lint';
import { allRules } from '../../../src/core/rules';
import type { PolicyRule } from '../../../src/core/rules/rule';

describe('lint engine', () => {
  it('validates configuration: severities, kind, unknown rule ids and properties', () => {
    assert.deepEqual(validateConfig({ rules: { 'version-missing': 'off' }, kind: 'trust' }, allRules), {
      rules: { 'version-missing': 'off' },
      kind: 'trust',
    });
    assert.throws(() => validateConfig({ rules: { nope: 'off' } }, allRules), ConfigError);
    assert.throws(() => validateConfig({ rules: { 'version-missing': 'fatal' } }, allRules), /use error, warning, info or off/);
    assert.throws(() => validateConfig({ kind: 'role' }, allRules), /"kind" must be one of/);
    assert.throws(() => validateConfig({ rulez: {} }, allRules), /unknown property "rulez"/);
    assert.throws(() => validateConfig([], allRules), /expected a JSON object/);
  });

  it('never configures through inherited values, and reports prototype-like keys as unknown', () => {
    // What jsonc-parser's parse makes of { "__proto__": { "rules": { ... } } }: the rules become inherited.
    const inherited = Object.create({ rules: { 'passrole-wildcard': 'off' }, kind: 'trust' }) as object;
    assert.deepEqual(validateConfig(inherited, allRules), {});
    const rulesInherited = { rules: Object.create({ 'passrole-wildcard': 'off' }) as object };
    assert.deepEqual(validateConfig(rulesInherited, allRules), { rules: {} });
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString']) {
      const top = Object.create(null) as Record<string, unknown>;
      Object.defineProperty(top, key, { value: { rules: {} }, enumerable: true });
      assert.throws(() => validateConfig(top, allRules), new RegExp(`unknown property "${key}"`), key);
      const rules = Object.create(null) as Record<string, unknown>;
      Object.defineProperty(rules, key, { value: 'off', enumerable: true });
      assert.throws(() => validateConfig({ rules }, allRules), new RegExp(`unknown rule id "${key}"`), key);
    }
  });

  it('applies severity overrides and turns rules off', async () => {
    const text = '{"Statement": []}';
    const asError = await lintText(text, { config: { rules: { 'version-missing': 'error' } } });
    assert.equal(asError.findings.find((f) => f.ruleId === 'version-missing')?.severity, 'error');
    const off = await lintText(text, { config: { rules: { 'version-missing': 'off' } } });
    assert.equal(off.findings.find((f) => f.ruleId === 'version-missing'), undefined);
  });

  it('turns an exception inside a rule into an internal-error finding instead of throwing', async () => {
    const broken: PolicyRule = {
      id: 'broken',
      meta: { description: 'always throws', defaultSeverity: 'error', fixable: false, appliesTo: ['identity'], messages: {} },
      check: () => {
        throw new Error('boom');
      },
    };
    const { findings } = await lintText('{}', { rules: [broken] });
    assert.equal(findings[0]?.ruleId, 'internal-error');
    assert.match(findings[0]?.message ?? '', /Rule broken failed.*boom/);
  });

  it('applies non-overlapping fixes in one pass', () => {
    const text = 'abcdef';
    const out = applyFixes(text, [
      { fix: [{ offset: 0, length: 1, content: 'A' }] },
      { fix: [{ offset: 0, length: 2, content: 'XX' }] },
      { fix: [{ offset: 4, length: 0, content: '-' }] },
    ]);
    assert.equal(out, 'Abcd-ef');
  });
});
