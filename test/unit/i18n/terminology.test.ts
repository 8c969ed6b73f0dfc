/**
 * The Japanese texts use the words of the Japanese AWS documentation, as docs/i18n.md fixes them: never a variant that
 * table lists as wrong, and, for the SSM and IAM terms below, the table's word wherever the English text has the term.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JA_RULE_TEXTS } from '../../../src/core/i18n';
import { allRules } from '../../../src/core/rules';
import { terminology } from './terms';

const root = join(__dirname, '..', '..', '..');

/** Every Japanese text with its English counterpart (empty for the rule pages and the schemas, which are checked for variants only). */
function japaneseTexts(): { where: string; en: string; ja: string }[] {
  const out: { where: string; en: string; ja: string }[] = [];
  const rules = new Map(allRules.map((r) => [r.id, r]));
  for (const [id, texts] of Object.entries(JA_RULE_TEXTS)) {
    const rule = rules.get(id);
    out.push({ where: `rules.ja.json ${id} description`, en: rule?.meta.description ?? '', ja: texts.description });
    for (const [m, text] of Object.entries(texts.messages)) out.push({ where: `rules.ja.json ${id} ${m}`, en: rule?.meta.messages[m] ?? '', ja: text });
  }
  for (const [en, ja] of [['l10n/bundle.l10n.json', 'l10n/bundle.l10n.ja.json'], ['package.nls.json', 'package.nls.ja.json']] as const) {
    const english = JSON.parse(readFileSync(join(root, en), 'utf8')) as Record<string, string>;
    const japanese = JSON.parse(readFileSync(join(root, ja), 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(japanese)) out.push({ where: `${ja} ${JSON.stringify(key)}`, en: english[key] ?? '', ja: text });
  }
  const pages = join(root, 'docs', 'rules', 'ja');
  if (existsSync(pages)) for (const f of readdirSync(pages).filter((n) => n.endsWith('.md'))) out.push({ where: `docs/rules/ja/${f}`, en: '', ja: readFileSync(join(pages, f), 'utf8') });
  // The JSON schemas (checked text by text against the English ones in test/unit/schema/schemas-ja.test.ts).
  const schemas = join(root, 'schemas', 'ja');
  if (existsSync(schemas)) for (const f of readdirSync(schemas).filter((n) => n.endsWith('.json'))) out.push({ where: `schemas/ja/${f}`, en: '', ja: readFileSync(join(schemas, f), 'utf8') });
  return out;
}

/** The terms whose Japanese word must appear wherever the English text has them: SSM and IAM terms with one reading. */
const REQUIRED = [
  'managed node',
  'Default Host Management Configuration',
  'service setting',
  'instance profile',
  'trust policy',
  'AWS managed policy',
  'customer managed policy',
  'inline policy',
  'Quick Setup',
  'condition key',
];

describe('i18n: the Japanese terminology of docs/i18n.md', () => {
  const terms = terminology();

  it('the table names the terms of the issue, each with its variants', () => {
    const byEn = new Map(terms.map((t) => [t.en, t]));
    assert.equal(byEn.get('managed node')?.ja, 'マネージドノード');
    assert.equal(byEn.get('Default Host Management Configuration')?.ja, 'デフォルトのホスト管理設定');
    assert.equal(byEn.get('service setting')?.ja, 'サービス設定');
    assert.equal(byEn.get('instance profile')?.ja, 'インスタンスプロファイル');
    assert.equal(byEn.get('trust policy')?.ja, '信頼ポリシー');
    for (const en of REQUIRED) assert.ok(byEn.get(en)?.wrong.length, `${en} lists wrong variants`);
  });

  it('no Japanese text uses a variant the table lists as wrong', () => {
    const found: string[] = [];
    for (const { where, ja } of japaneseTexts()) {
      for (const term of terms) for (const w of term.wrong) if (ja.includes(w)) found.push(`${where}: "${w}" (write "${term.ja}")`);
    }
    assert.deepEqual(found, []);
  });

  it('where the English text has an SSM or IAM term, the Japanese text has the table\'s word', () => {
    const byEn = new Map(terms.map((t) => [t.en, t]));
    const missing: string[] = [];
    for (const { where, en, ja } of japaneseTexts()) {
      for (const term of REQUIRED) {
        const word = byEn.get(term)?.ja ?? '';
        if (new RegExp(`\\b${term}s?\\b`, 'i').test(en) && !ja.includes(word)) missing.push(`${where}: has "${term}" but not "${word}"`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('the check finds a wrong variant', () => {
    const table = '## Terminology\n\n| English | 日本語 | not |\n|---|---|---|\n| trust policy | 信頼ポリシー | トラストポリシー, 信用ポリシー (old) |\n';
    assert.deepEqual(terminology(table), [{ en: 'trust policy', ja: '信頼ポリシー', wrong: ['トラストポリシー', '信用ポリシー'] }]);
  });
});
