/**
 * The Japanese texts are complete and in step with the English ones: every rule message and description, every
 * l10n key (`vscode.l10n.t`) and every nls key (package.json) has a Japanese text with the same placeholders, and no
 * Japanese file keeps a key that no longer exists.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JA_RULE_TEXTS } from '../../../src/core/i18n';
import { allRules } from '../../../src/core/rules';

const root = join(__dirname, '..', '..', '..');
const readJson = (path: string): Record<string, string> => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, string>;

/** The placeholders of a text, sorted: `{0}`-style and `{{name}}`-style. */
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*\w+\s*\}\}|\{\d+\}/g)].map((m) => m[0].replace(/\s/g, '')).sort();
/** Kana or kanji. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
/**
 * True when an English text has words to translate: once placeholders, code spans, quoted values and identifiers
 * (anything with `:`, `/`, `.`, `$`, `-`, `_`, `=` or an inner capital) are taken out, a lower-case word of three
 * letters or more is left (names such as "Application Manager" are capitalised and stay as they are).
 */
const hasWords = (en: string): boolean =>
  /\b[a-z]{3,}\b/.test(
    en
      .replace(/\{\{\s*\w+\s*\}\}|\{\d+\}/g, ' ')
      .replace(/`[^`]*`|"[^"]*"/g, ' ')
      .replace(/\S*[:/.$_=-]\S*|\b\w*[a-z][A-Z]\w*\b|\b[A-Z]{2,}\w*\b/g, ' '),
  );

/** The problems of a Japanese catalog against the English one. */
function problems(en: Record<string, string>, ja: Record<string, string>, what: string): string[] {
  const out: string[] = [];
  for (const [key, text] of Object.entries(en)) {
    const t = ja[key];
    if (t === undefined || t.trim() === '') out.push(`${what}: no Japanese text for ${JSON.stringify(key)}`);
    else {
      if (placeholders(t).join() !== placeholders(text).join()) out.push(`${what}: ${JSON.stringify(key)} has placeholders ${placeholders(t).join(' ')}, the English ${placeholders(text).join(' ')}`);
      if (hasWords(text) && !JAPANESE.test(t)) out.push(`${what}: ${JSON.stringify(key)} is not translated: ${JSON.stringify(t)}`);
    }
  }
  for (const key of Object.keys(ja)) if (!(key in en)) out.push(`${what}: ${JSON.stringify(key)} no longer exists in English`);
  return out;
}

describe('i18n: every Japanese text exists, with the same placeholders, and none is stale', () => {
  it('rule descriptions and messages (src/core/i18n/rules.ja.json)', () => {
    const en: Record<string, string> = {};
    const ja: Record<string, string> = {};
    for (const rule of allRules) {
      en[`${rule.id} description`] = rule.meta.description;
      for (const [id, text] of Object.entries(rule.meta.messages)) en[`${rule.id} ${id}`] = text;
    }
    for (const [ruleId, texts] of Object.entries(JA_RULE_TEXTS)) {
      ja[`${ruleId} description`] = texts.description;
      for (const [id, text] of Object.entries(texts.messages)) ja[`${ruleId} ${id}`] = text;
    }
    assert.deepEqual(problems(en, ja, 'rules.ja.json'), []);
  });

  it('the messages of vscode.l10n.t (l10n/bundle.l10n.ja.json)', () => {
    assert.deepEqual(problems(readJson('l10n/bundle.l10n.json'), readJson('l10n/bundle.l10n.ja.json'), 'bundle.l10n.ja.json'), []);
  });

  it('the contributed strings of package.json (package.nls.ja.json)', () => {
    assert.deepEqual(problems(readJson('package.nls.json'), readJson('package.nls.ja.json'), 'package.nls.ja.json'), []);
  });

  it('the check finds what it should: a missing text, a dropped or added placeholder, an untranslated text, a stale key', () => {
    const en = { 'Open {0}': 'Open {0}', Gone: 'Gone', 'ssm:GetDocument': 'ssm:GetDocument', '{0} of {1}': '{0} of {1}' };
    assert.deepEqual(problems(en, { 'Open {0}': '開く', 'ssm:GetDocument': 'ssm:GetDocument', '{0} of {1}': '{1} の {0} {2}', Old: '古い' }, 'x'), [
      'x: "Open {0}" has placeholders , the English {0}',
      'x: no Japanese text for "Gone"',
      'x: "{0} of {1}" has placeholders {0} {1} {2}, the English {0} {1}',
      'x: "Old" no longer exists in English',
    ]);
    assert.deepEqual(problems({ 'Save the file {0}': 'Save the file {0}' }, { 'Save the file {0}': 'Save the file {0}' }, 'x'), ['x: "Save the file {0}" is not translated: "Save the file {0}"']);
  });
});
