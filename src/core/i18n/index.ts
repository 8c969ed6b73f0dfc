/**
 * The languages of the product: English (the rules' own texts) and Japanese (`rules.ja.json`, one entry per rule id:
 * its description and each message by id, `{{slot}}`s filled the same way). The engine writes findings in English;
 * {@link localizeFindings} writes them again in the reader's language at the edge (the editor, the CLI), from the
 * message id and the data each finding keeps, so caches and fixes never depend on the language.
 */
import { formatMessage } from '../rules/rule';
import type { LintFinding } from '../lint';
import { allRules } from '../rules';
import jaRules from './rules.ja.json';
import jaSlots from './slots.ja.json';

/** The languages: English, Japanese. */
export type Locale = 'en' | 'ja';
export const LOCALES: readonly Locale[] = ['en', 'ja'];

/** A rule's texts in one language. */
export interface RuleTexts {
  description: string;
  messages: Record<string, string>;
}

/**
 * The Japanese of the English words some rules put into their messages' slots (a `{{why}}`, a `{{type}}`): each
 * whole slot value that the table holds is written in Japanese; names, values and ARNs are not in it and stay. A key
 * `{{slot}}value` holds the Japanese of a value in that slot only (a single word such as `allow` or `action`, which
 * in another slot may be a value of the policy); it comes before the plain key.
 */
export const JA_SLOT_TEXTS: Readonly<Record<string, string>> = jaSlots as Record<string, string>;

/** The Japanese texts of the rules, by rule id. */
export const JA_RULE_TEXTS: Readonly<Record<string, RuleTexts>> = jaRules as Record<string, RuleTexts>;

/**
 * The engine's own notices (not rules): linting stopped by its time budget, a text too long to lint as you type, a
 * rule that failed. By rule id, then message id.
 */
export const ENGINE_TEXTS: Readonly<Record<Locale, Record<string, Record<string, string>>>> = {
  en: {},
  ja: {
    'lint-budget': {
      budgetExceeded: '{{elapsed}} ms で lint を中止しました: ドキュメントが大きすぎるか複雑すぎるため、入力中には lint できません ({{total}} 件中 {{ran}} 件のチェックを実行)。ssm-policy-lint で確認してください。',
      tooLarge: '入力中には lint していません: ドキュメントが {{length}} 文字あり、上限の {{limit}} 文字を超えています。ssm-policy-lint で確認してください。',
    },
    'internal-error': {
      ruleFailed: 'ルール {{rule}} がこのドキュメントで失敗したため、スキップしました: {{error}}',
    },
  },
};

/** The language of a locale tag: `ja`, `ja-JP`, `ja_JP.UTF-8` are Japanese; anything else is English. */
export function localeOf(tag: string | undefined): Locale {
  return tag !== undefined && /^ja(?:[-_.@]|$)/i.test(tag.trim()) ? 'ja' : 'en';
}

/**
 * The language the environment asks for, as POSIX programs read it: the first of LC_ALL, LC_MESSAGES and LANG that
 * is set and not empty (`C` and `POSIX` are English).
 */
export function localeFromEnv(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') return localeOf(value);
  }
  return 'en';
}

const rulesById = new Map(allRules.map((r) => [r.id, r]));

/** The template of a rule's message in a language; the English one when the language has none. */
export function ruleMessageTemplate(ruleId: string, messageId: string, locale: Locale): string | undefined {
  if (locale === 'ja') {
    const ja = JA_RULE_TEXTS[ruleId]?.messages[messageId] ?? ENGINE_TEXTS.ja[ruleId]?.[messageId];
    if (ja !== undefined) return ja;
  }
  return rulesById.get(ruleId)?.meta.messages[messageId];
}

/** A rule's one-line description in a language. */
export function ruleDescription(ruleId: string, locale: Locale): string | undefined {
  return (locale === 'ja' ? JA_RULE_TEXTS[ruleId]?.description : undefined) ?? rulesById.get(ruleId)?.meta.description;
}

/** A finding written again in a language (its message, its suggestions' titles); English findings are returned as they are. */
export function localizeFinding(finding: LintFinding, locale: Locale): LintFinding {
  if (locale === 'en') return finding;
  const template = ruleMessageTemplate(finding.ruleId, finding.messageId, locale);
  const data = slotsIn(finding.data);
  const suggestions = finding.suggestions?.map((s) => {
    const t = ruleMessageTemplate(finding.ruleId, s.messageId, locale);
    return t === undefined ? s : { ...s, message: formatMessage(t, { ...data, ...slotsIn(s.data) }) };
  });
  return {
    ...finding,
    ...(template !== undefined ? { message: formatMessage(template, data) } : {}),
    ...(suggestions ? { suggestions } : {}),
  };
}

/** Slot values in Japanese where the table has them. */
function slotsIn(data: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!data) return data;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) out[key] = slotText(key, value) ?? listText(key, value) ?? value;
  return out;
}

/** The Japanese of one slot value: the key for this slot first, then the plain key. */
function slotText(slot: string, value: string): string | undefined {
  for (const key of [`{{${slot}}}${value}`, value]) if (Object.prototype.hasOwnProperty.call(JA_SLOT_TEXTS, key)) return JA_SLOT_TEXTS[key];
  return undefined;
}

/**
 * The Japanese of a list the rule wrote with ", " ("a space, a hyphen"; "the SAML provider "arn:…", the service "…"")
 * when the table has every item, or the words before an item's quoted value: the items joined with "、".
 */
function listText(slot: string, value: string): string | undefined {
  if (value.length > 2000) return undefined;
  const items = value.split(', ');
  const out: string[] = [];
  for (const item of items) {
    const whole = slotText(slot, item);
    const named = whole === undefined ? /^([^"]+) ("[^"]*")$/.exec(item) : null;
    const words = named ? slotText(slot, named[1] as string) : undefined;
    if (whole !== undefined) out.push(whole);
    else if (named && words !== undefined) out.push(`${words} ${named[2] as string}`);
    else return undefined;
  }
  return out.join('、');
}

/** Every finding written again in a language. */
export function localizeFindings(findings: readonly LintFinding[], locale: Locale): LintFinding[] {
  return locale === 'en' ? [...findings] : findings.map((f) => localizeFinding(f, locale));
}
