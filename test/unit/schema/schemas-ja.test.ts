/**
 * The Japanese schemas (schemas/ja/*.schema.json): the English schemas' structure with every text in Japanese, in the
 * words and the style of docs/i18n.md.
 */
import * as assert from 'node:assert/strict';
import { terminology } from '../i18n/terms';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { POLICY_KINDS, type StandaloneKind } from '../../../src/core/policy/types';
import { SCHEMA_LOCALES, schemaFiles } from '../../../src/core/schema/associations';
import { buildSchemas } from '../../../src/core/schema/build-schemas';
import { describeBaseOperator, describeOperator } from '../../../src/core/schema/condition-schema';
import { BASE_OPERATORS } from '../../../src/core/policy/condition-operators';
import { docsUrl } from '../../../src/core/schema/text';
import { VSCODE_SCHEMA_KEYWORDS, type JsonSchema } from '../../../src/core/schema/types';

const ROOT = join(__dirname, '..', '..', '..');

function load(locale: 'en' | 'ja', kind: StandaloneKind): unknown {
  return JSON.parse(readFileSync(join(ROOT, schemaFiles(locale)[kind]), 'utf8')) as unknown;
}

/** Keys whose string value is a text for the reader (translated); every other string is the same in both languages. */
const TEXT_KEYS = new Set(['title', 'description', 'markdownDescription', 'label', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'errorMessage', 'patternErrorMessage']);

/** Kana and kanji. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/;
const JAPANESE_CHAR = '[\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff]';

/** A text pair found at the same JSON pointer of the English and the Japanese schema. */
interface Pair {
  pointer: string;
  key: string;
  en: string;
  ja: string;
}

/**
 * Walks both documents together: the same keys in the same order, arrays of the same length, the same values
 * everywhere (bodies, `$ref`s, enums, patterns …) except the texts, which are returned.
 */
function pairs(en: unknown, ja: unknown, pointer = '', key = '', out: Pair[] = [], problems: string[] = []): { pairs: Pair[]; problems: string[] } {
  const where = pointer || '/';
  if (typeof en === 'string' && typeof ja === 'string' && TEXT_KEYS.has(key)) {
    out.push({ pointer: where, key, en, ja });
  } else if (Array.isArray(en) && Array.isArray(ja)) {
    if (en.length !== ja.length) problems.push(`${where}: ${en.length} items in English, ${ja.length} in Japanese`);
    // The items of enumDescriptions and the like are texts too.
    en.forEach((item, i) => pairs(item, ja[i], `${pointer}/${i}`, TEXT_KEYS.has(key) ? key : '', out, problems));
  } else if (en && ja && typeof en === 'object' && typeof ja === 'object' && !Array.isArray(en) && !Array.isArray(ja)) {
    const enKeys = Object.keys(en);
    const jaKeys = Object.keys(ja);
    if (JSON.stringify(enKeys) !== JSON.stringify(jaKeys)) problems.push(`${where}: keys ${JSON.stringify(enKeys)} in English, ${JSON.stringify(jaKeys)} in Japanese`);
    for (const k of enKeys) {
      // A snippet's body is inserted as it is: never translated, whatever its keys are called.
      if (k === 'body') {
        if (JSON.stringify((en as Record<string, unknown>)[k]) !== JSON.stringify((ja as Record<string, unknown>)[k])) problems.push(`${pointer}/body differs`);
        continue;
      }
      pairs((en as Record<string, unknown>)[k], (ja as Record<string, unknown>)[k], `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, k, out, problems);
    }
  } else if (JSON.stringify(en) !== JSON.stringify(ja)) {
    problems.push(`${where}: ${JSON.stringify(en)} in English, ${JSON.stringify(ja)} in Japanese`);
  }
  return { pairs: out, problems };
}

/** A label that is a JSON value (`"Allow"`, `""`, `[""]`): completion inserts it, so it stays as it is. */
function isJsonLiteral(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The fenced code blocks of a Markdown text, in order. */
const codeBlocks = (md: string): string[] => md.match(/```[\s\S]*?```/g) ?? [];
/** The inline code spans of a Markdown text (outside the code blocks), each once, sorted. */
const codeSpans = (md: string): string[] => [...new Set(md.replace(/```[\s\S]*?```/g, '').match(/`[^`\n]+`/g) ?? [])].sort();
/** The link targets of a Markdown text, in order. */
const linkUrls = (md: string): string[] => [...md.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
/** The English words of a text once code, links' targets and URLs are taken out. */
const prose = (text: string): string => text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]+`/g, '').replace(/\]\([^)]*\)/g, ']');

/** The policy elements, whose names stay in English in both languages (plain descriptions write them without code marks). */
const ELEMENT_NAMES = /\b(Version|Id|Statement|Sid|Effect|Principal|NotPrincipal|Action|NotAction|Resource|NotResource|Condition)\b/g;

/** The English prose where a term is looked for: without code, link targets, quoted strings and element names. */
const termProse = (text: string): string => prose(text).replace(/"[^"]*"/g, '').replace(ELEMENT_NAMES, '');

/** The terms of the table whose Japanese word must appear wherever the English text has them. */
const REQUIRED_TERMS = ['trust policy', 'service control policy', 'condition key', 'permissions', 'principal', 'resource', 'role', 'policy', 'account', 'action', 'wildcard', 'tag'];

describe('JSON schemas in Japanese (schemas/ja/*.schema.json)', () => {
  const all = POLICY_KINDS.map((kind) => ({ kind, ...pairs(load('en', kind), load('ja', kind)) }));
  const texts = all.flatMap((k) => k.pairs.map((p) => ({ ...p, kind: k.kind })));

  it('are written for every kind in both languages, beside the English ones', () => {
    assert.deepEqual(SCHEMA_LOCALES, ['en', 'ja']);
    assert.deepEqual(Object.values(schemaFiles('ja')).sort(), ['schemas/ja/identity-policy.schema.json', 'schemas/ja/scp.schema.json', 'schemas/ja/trust-policy.schema.json']);
    assert.deepEqual(Object.values(schemaFiles('en')).sort(), ['schemas/identity-policy.schema.json', 'schemas/scp.schema.json', 'schemas/trust-policy.schema.json']);
    for (const kind of POLICY_KINDS) assert.deepEqual(buildSchemas('ja')[kind], load('ja', kind), kind);
  });

  for (const kind of POLICY_KINDS) {
    it(`${kind}: has the English schema's structure: the same keys in the same order, the same snippet bodies, $refs and values`, () => {
      const { problems, pairs: found } = all.find((k) => k.kind === kind) ?? { problems: ['missing'], pairs: [] };
      assert.deepEqual(problems, []);
      assert.ok(found.length > 300, `${found.length} texts`);
    });

    it(`${kind}: is a draft-07 schema that ajv compiles (unknown keywords refused), and accepts any value as the English one does`, () => {
      // strictTypes off: the English schemas' test already says (once) that the schemas name no type.
      const ajv = new Ajv({ allErrors: true, strictTypes: false });
      ajv.addVocabulary([...VSCODE_SCHEMA_KEYWORDS]);
      const validate = ajv.compile(load('ja', kind) as JsonSchema);
      for (const value of [[], 'x', {}, { Version: 7, Statement: [{ Effect: true }] }]) assert.equal(validate(value), true, JSON.stringify(value));
    });
  }

  it('has a Japanese text, with Japanese characters, wherever the English text has words', () => {
    const untranslated: string[] = [];
    for (const { kind, pointer, key, en, ja } of texts) {
      if (key === 'label' && isJsonLiteral(en)) {
        if (ja !== en) untranslated.push(`${kind} ${pointer}: the value label ${en} became ${ja}`);
        continue;
      }
      if (/[A-Za-z]{2,}/.test(prose(en)) && !JAPANESE.test(prose(ja))) untranslated.push(`${kind} ${pointer}: ${ja}`);
    }
    assert.deepEqual(untranslated, []);
    const translated = new Set(texts.filter((t) => t.en !== t.ja).map((t) => t.en));
    assert.ok(translated.size > 200, `${translated.size} distinct texts translated`);
  });

  it('keeps element names, operators, keys, JSON and ARNs verbatim: the same code spans and code blocks', () => {
    const changed: string[] = [];
    for (const { kind, pointer, en, ja } of texts) {
      if (JSON.stringify(codeBlocks(en)) !== JSON.stringify(codeBlocks(ja))) changed.push(`${kind} ${pointer}: code blocks`);
      if (JSON.stringify(codeSpans(en)) !== JSON.stringify(codeSpans(ja))) changed.push(`${kind} ${pointer}: ${JSON.stringify(codeSpans(en))} ≠ ${JSON.stringify(codeSpans(ja))}`);
      if (ja.startsWith('**') !== en.startsWith('**') || (en.match(/\*\*/g) ?? []).length !== (ja.match(/\*\*/g) ?? []).length) changed.push(`${kind} ${pointer}: bold`);
    }
    assert.deepEqual(changed, []);
  });

  it('links the same AWS pages, in their Japanese edition', () => {
    const wrong: string[] = [];
    for (const { kind, pointer, en, ja } of texts) {
      const expected = linkUrls(en).map((u) => docsUrl(u, 'ja'));
      if (JSON.stringify(linkUrls(ja)) !== JSON.stringify(expected)) wrong.push(`${kind} ${pointer}: ${JSON.stringify(linkUrls(ja))}`);
      for (const url of linkUrls(ja)) if (url.startsWith('https://docs.aws.amazon.com/') && !url.startsWith('https://docs.aws.amazon.com/ja_jp/')) wrong.push(url);
    }
    assert.deepEqual(wrong, []);
    assert.equal(docsUrl('https://docs.aws.amazon.com/IAM/latest/UserGuide/x.html', 'ja'), 'https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/x.html');
    assert.equal(docsUrl('https://docs.aws.amazon.com/IAM/latest/UserGuide/x.html', 'en'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/x.html');
  });

  it('uses the words of docs/i18n.md: never a variant it lists as wrong, and its word wherever the English has the term', () => {
    const terms = terminology();
    const byEn = new Map(terms.map((t) => [t.en, t]));
    assert.equal(byEn.get('trust policy')?.ja, '信頼ポリシー');
    const found: string[] = [];
    for (const { kind, pointer, en, ja } of texts) {
      for (const term of terms) for (const w of term.wrong) if (ja.includes(w)) found.push(`${kind} ${pointer}: "${w}" (write "${term.ja}")`);
      for (const name of REQUIRED_TERMS) {
        const term = byEn.get(name);
        assert.ok(term, `docs/i18n.md has no "${name}"`);
        // The term in the English prose (not in code, such as `Principal` or aws:PrincipalArn), singular or plural.
        const word = term.ja.replace(/\s*\(.*\)$/, '');
        if (new RegExp(`\\b${name}s?\\b`, 'i').test(termProse(en)) && !ja.includes(word)) found.push(`${kind} ${pointer}: has "${name}" but not "${word}": ${ja}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('writes as the AWS Japanese pages do: a space between Japanese and Latin words, half-width parentheses, です・ます', () => {
    const style: string[] = [];
    // A parenthesis is set off from the Japanese around it, not from its own content: "ポリシー (SCP) の", "(省略可能)".
    const adjacent = new RegExp(`${JAPANESE_CHAR}[A-Za-z0-9\`(]|[A-Za-z0-9\`)]${JAPANESE_CHAR}`);
    for (const { kind, pointer, key, ja } of texts) {
      const text = ja.replace(/```[\s\S]*?```/g, '');
      const m = adjacent.exec(text);
      if (m) style.push(`${kind} ${pointer}: no space in "${m[0]}"`);
      if (/[（）：]/.test(text)) style.push(`${kind} ${pointer}: full-width punctuation`);
      // Bold that ends on a punctuation mark and runs into a word does not render in CommonMark.
      if (/[。、]\*\*[^\s]/.test(text)) style.push(`${kind} ${pointer}: bold ending on punctuation`);
      if (/(である|だ)。/.test(text)) style.push(`${kind} ${pointer}: plain form`);
      // (Snippet descriptions are short phrases, as in English.)
      if ((key === 'description' || key === 'markdownDescription') && !pointer.includes('/defaultSnippets/')) {
        // Each paragraph of prose ends a polite sentence (the example's label, code blocks and links aside).
        for (const paragraph of text.split('\n\n').map((p) => p.trim()).filter(Boolean)) {
          if (paragraph === '例:' || paragraph.startsWith('[')) continue;
          if (!/(す|ん)。$/.test(paragraph.replace(/ \([^()]*\)(?=。$)/, '')) && !(key === 'description' && !JAPANESE.test(paragraph))) style.push(`${kind} ${pointer}: "${paragraph.slice(-20)}"`);
        }
      }
    }
    assert.deepEqual([...new Set(style)], []);
  });

  it('describes every condition operator in Japanese, as the English generator does (no generic fallback)', () => {
    for (const base of BASE_OPERATORS) {
      const ja = describeBaseOperator(base, 'ja');
      assert.ok(ja && JAPANESE.test(ja), base);
    }
    const hover = describeOperator('ForAllValues:StringEqualsIfExists', 'ja').markdownDescription;
    assert.match(hover, /^\*\*ForAllValues:StringEqualsIfExists\*\*: 条件キーの値が/);
    assert.match(hover, /\*\*すべての\*\*/);
    assert.match(hover, /`IfExists`: /);
    assert.equal(describeOperator('StringEquals').markdownDescription, describeOperator('StringEquals', 'en').markdownDescription);
  });
});
