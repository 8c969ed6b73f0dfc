import * as assert from 'node:assert/strict';
import { ConfigError } from '../../../src/core/lint';
import { mergeLintConfig, parseConfigText, ruleSeveritiesFromSetting } from '../../../src/core/lint/editor-config';
import { allRules } from '../../../src/core/rules';

describe('lint/editor-config', () => {
  it('parses .ssm-policy-lint.json with comments and trailing commas', () => {
    const text = '// team defaults\n{ "rules": { "version-missing": "error", "sid-format": "off", }, "kind": "identity" }';
    assert.deepEqual(parseConfigText(text, allRules), { rules: { 'version-missing': 'error', 'sid-format': 'off' }, kind: 'identity' });
    assert.deepEqual(parseConfigText('{}', allRules), {});
  });

  it('throws a ConfigError naming the file and the problem for unusable files', () => {
    assert.throws(() => parseConfigText('{ "rules": ', allRules), (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, /^\.ssm-policy-lint\.json: not valid JSON \(\w+ on line 1\)$/);
      return true;
    });
    assert.throws(() => parseConfigText('{\n\n "rules": { "x" 1 } }', allRules, 'cfg.json'), /cfg\.json: not valid JSON \(ColonExpected on line 3\)$/);
    assert.throws(() => parseConfigText('{ "rules": { "no-such-rule": "off" } }', allRules), /unknown rule id "no-such-rule"/);
    assert.throws(() => parseConfigText('{ "rules": { "version-missing": "fatal" } }', allRules), ConfigError);
    assert.throws(() => parseConfigText('[]', allRules), /expected a JSON object/);
  });

  it('reads "__proto__" as the key it is: an unknown property or rule id, never a way to turn a rule off', () => {
    assert.throws(() => parseConfigText('{ "__proto__": { "rules": { "passrole-wildcard": "off" } } }', allRules), /unknown property "__proto__"/);
    assert.throws(() => parseConfigText('{ "rules": { "__proto__": { "passrole-wildcard": "off" } } }', allRules), /unknown rule id "__proto__"/);
    assert.throws(() => parseConfigText('{ "rules": { "constructor": "off" } }', allRules), /unknown rule id "constructor"/);
    assert.throws(() => parseConfigText(`${'['.repeat(100_000)}`, allRules), /nested too deeply|not valid JSON/);
    assert.deepEqual(parseConfigText('\uFEFF{ "kind": "trust" }', allRules), { kind: 'trust' });
  });

  it('keeps the known rules and severities of the setting and lists the rest', () => {
    assert.deepEqual(
      ruleSeveritiesFromSetting({ 'version-missing': 'off', 'effect-value': 'info', nope: 'off', 'sid-format': 'fatal', 'json-comments': 3 }, allRules),
      { rules: { 'version-missing': 'off', 'effect-value': 'info' }, ignored: ['nope', 'sid-format', 'json-comments'] },
    );
    for (const raw of [undefined, null, 'error', ['version-missing']]) {
      assert.deepEqual(ruleSeveritiesFromSetting(raw, allRules), { rules: {}, ignored: [] });
    }
  });

  it('merges the file and the setting rule by rule, the setting winning; keeps the file kind', () => {
    assert.deepEqual(
      mergeLintConfig({ rules: { 'version-missing': 'error', 'sid-format': 'off' }, kind: 'trust' }, { 'version-missing': 'info', 'effect-value': 'off' }),
      { rules: { 'version-missing': 'info', 'sid-format': 'off', 'effect-value': 'off' }, kind: 'trust' },
    );
    assert.deepEqual(mergeLintConfig(undefined, { 'version-missing': 'off' }), { rules: { 'version-missing': 'off' } });
    assert.deepEqual(mergeLintConfig(undefined), { rules: {} });
  });
});
