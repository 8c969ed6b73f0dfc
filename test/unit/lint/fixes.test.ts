import * as assert from 'node:assert/strict';
import { applyFixes, fixText, lintText } from '../../../src/core/lint';
import type { PolicyRule } from '../../../src/core/rules/rule';

/** A rule that reports the document with a fix and a suggestion, whatever its metadata says. */
function probe(meta: { fixable: boolean; hasSuggestions?: boolean }): PolicyRule {
  return {
    id: 'probe',
    meta: {
      description: 'A rule for tests.',
      defaultSeverity: 'warning',
      appliesTo: ['identity', 'trust', 'scp'],
      messages: { found: 'Found {{what}}.', replace: 'Replace {{what}} with "{{by}}"' },
      ...meta,
    },
    check: (policy) => [
      {
        messageId: 'found',
        range: { offset: 0, length: 1 },
        data: { what: 'it' },
        fix: [{ offset: policy.text.length, length: 0, content: ' ' }],
        suggestions: [{ messageId: 'replace', data: { by: 'x' }, fix: [{ offset: 0, length: 1, content: 'x' }] }],
      },
    ],
  };
}

describe('lint engine: fixes and suggestions', () => {
  it('fills a suggestion message from the finding data, then the suggestion data', async () => {
    const { findings } = await lintText('{}', { rules: [probe({ fixable: true, hasSuggestions: true })] });
    assert.deepEqual(findings[0]?.suggestions, [{ messageId: 'replace', message: 'Replace it with "x"', fix: [{ offset: 0, length: 1, content: 'x' }], data: { by: 'x' } }]);
  });

  it('drops the fix of a rule that is not fixable and the suggestions of a rule without hasSuggestions', async () => {
    const { findings } = await lintText('{}', { rules: [probe({ fixable: false })] });
    assert.equal(findings[0]?.fix, undefined);
    assert.equal(findings[0]?.suggestions, undefined);
  });

  it('fixText applies fixes, never suggestions', async () => {
    const { text } = await fixText('{}', { rules: [probe({ fixable: true, hasSuggestions: true })] });
    // The probe's fix appends a space each pass, up to the ten passes; its suggestion would have written "x".
    assert.equal(text, `{}${' '.repeat(10)}`);
  });

  it('a rule configured off reports nothing, so its fixes never apply', async () => {
    const text = '{\n  // why\n  "Statement": [{ "Effect": "allow", "Action": ["ssm:*", "ssm:GetDocument"], "Resource": "*" }],\n}';
    const off = { rules: { 'json-comments': 'off', 'effect-value': 'off', 'action-redundant': 'off' } } as const;
    const { findings } = await lintText(text, { config: off });
    assert.deepEqual(findings.filter((f) => ['json-comments', 'effect-value', 'action-redundant'].includes(f.ruleId)), []);
    const fixed = await fixText(text, { config: off });
    assert.equal(fixed.text, '{\n  "Version": "2012-10-17",\n  // why\n  "Statement": [{ "Effect": "allow", "Action": ["ssm:*", "ssm:GetDocument"], "Resource": "*" }]\n}');
  });

  it('applyFixes keeps an insertion that another fix deletes the text after', () => {
    const text = '{\n/* a */"Statement": []}';
    const out = applyFixes(text, [{ fix: [{ offset: 2, length: 0, content: '"Version": "2012-10-17",\n' }] }, { fix: [{ offset: 2, length: 7, content: '' }] }]);
    assert.equal(out, '{\n"Version": "2012-10-17",\n"Statement": []}');
  });
});
