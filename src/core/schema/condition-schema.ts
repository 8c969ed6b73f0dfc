import type { Locale } from '../i18n';
import { OPERATOR_NAMES, parseOperator, type ConditionValueType, type SetOperator } from '../policy/condition-operators';
import { IAM_DOCS } from './links';
import { docsUrl, type Text } from './text';
import type { JsonSchema } from './types';

const OPERATORS_DOC = `${IAM_DOCS}/reference_policies_elements_condition_operators.html`;
const MULTIVALUED_DOC = `${IAM_DOCS}/reference_policies_condition-single-vs-multi-valued-context-keys.html`;

interface TypeInfo {
  /** The family's name in the IAM reference. */
  label: string;
  /** What the operator family compares, for the first sentence. */
  noun: string;
  /** The name prefix before the comparison (`String` in `StringNotLike`); empty for operators named as a whole. */
  prefix: string;
  /** A condition key and a value that fit the family, for the example and the completion skeleton. */
  key: string;
  value: string;
  anchor: string;
  /** The Japanese texts of the family: its reference section, its completion skeleton, the sentence of what it compares. */
  ja: { operators: string; snippet: string; compares: string };
}

// The families of src/core/policy/condition-operators.ts; the operator names themselves come from there.
const TYPES: Record<ConditionValueType, TypeInfo> = {
  String: {
    label: 'String', noun: 'strings', prefix: 'String', key: 'aws:PrincipalTag/team', value: 'ops', anchor: 'Conditions_String',
    ja: { operators: '文字列条件演算子', snippet: '文字列の条件', compares: '文字列を比較します。' },
  },
  Numeric: {
    label: 'Numeric', noun: 'numbers', prefix: 'Numeric', key: 's3:max-keys', value: '10', anchor: 'Conditions_Numeric',
    ja: { operators: '数値条件演算子', snippet: '数値の条件', compares: '数値を比較します。' },
  },
  Date: {
    label: 'Date', noun: 'dates and times', prefix: 'Date', key: 'aws:CurrentTime', value: '2030-12-31T23:59:59Z', anchor: 'Conditions_Date',
    ja: { operators: '日付条件演算子', snippet: '日付の条件', compares: '日付と時刻を比較します。' },
  },
  Bool: {
    label: 'Boolean', noun: 'booleans', prefix: '', key: 'aws:SecureTransport', value: 'true', anchor: 'Conditions_Boolean',
    ja: { operators: 'ブール条件演算子', snippet: 'ブールの条件', compares: 'ブール値を比較します。' },
  },
  Binary: {
    label: 'Binary', noun: 'binary values', prefix: '', key: 'key', value: 'QmluYXJ5VmFsdWU=', anchor: 'Conditions_BinaryEquals',
    ja: { operators: 'バイナリ条件演算子', snippet: 'バイナリの条件', compares: 'バイナリ値を比較します。' },
  },
  IPAddress: {
    label: 'IP address', noun: 'IP addresses', prefix: '', key: 'aws:SourceIp', value: '203.0.113.0/24', anchor: 'Conditions_IPAddress',
    ja: { operators: 'IP アドレス条件演算子', snippet: 'IP アドレスの条件', compares: 'IP アドレスを比較します。' },
  },
  ARN: {
    label: 'ARN', noun: 'ARNs', prefix: 'Arn', key: 'aws:SourceArn', value: 'arn:aws:sns:us-east-2:123456789012:my-topic', anchor: 'Conditions_ARN',
    ja: { operators: 'ARN 条件演算子', snippet: 'ARN の条件', compares: 'ARN を比較します。' },
  },
  Null: {
    label: 'Null', noun: '', prefix: '', key: 'aws:TokenIssueTime', value: 'true', anchor: 'Conditions_Null',
    ja: { operators: 'Null 条件演算子', snippet: 'Null の条件', compares: '' },
  },
};

/** The comparisons of the operator names, each with what the request's value must do to match (English, Japanese). */
type Comparison =
  | 'Equals'
  | 'NotEquals'
  | 'EqualsIgnoreCase'
  | 'NotEqualsIgnoreCase'
  | 'Like'
  | 'NotLike'
  | 'LessThan'
  | 'LessThanEquals'
  | 'GreaterThan'
  | 'GreaterThanEquals'
  | 'Bool'
  | 'BinaryEquals'
  | 'IpAddress'
  | 'NotIpAddress'
  | 'Null';

/**
 * What the request's value must do to match, by the comparison part of the operator name: the English phrase that
 * follows "The value of the condition key", and the whole Japanese sentence.
 */
function comparison(type: ConditionValueType, rest: string): Text | undefined {
  const before = type === 'Date' ? 'earlier than' : 'less than';
  const after = type === 'Date' ? 'later than' : 'greater than';
  const caseSensitive = type === 'String' ? ' (case-sensitive)' : '';
  const caseSensitiveJa = type === 'String' ? ' (大文字と小文字を区別します)' : '';
  const key = '条件キーの値が、';
  const phrases: Record<Comparison, Text> = {
    Equals: { en: 'equals one of the listed values' + caseSensitive, ja: `${key}列挙した値のいずれかと等しい場合に true になります${caseSensitiveJa}。` },
    NotEquals: { en: 'equals none of the listed values' + caseSensitive, ja: `${key}列挙した値のどれとも等しくない場合に true になります${caseSensitiveJa}。` },
    EqualsIgnoreCase: {
      en: 'equals one of the listed values, ignoring case',
      ja: `${key}大文字と小文字を区別せずに、列挙した値のいずれかと等しい場合に true になります。`,
    },
    NotEqualsIgnoreCase: {
      en: 'equals none of the listed values, ignoring case',
      ja: `${key}大文字と小文字を区別せずに、列挙した値のどれとも等しくない場合に true になります。`,
    },
    Like: {
      en: 'matches one of the listed values, where `*` matches any run of characters and `?` any one character',
      ja: `${key}列挙した値のいずれかに一致する場合に true になります。\`*\` は任意の長さの文字列に、\`?\` は任意の 1 文字に一致します。`,
    },
    NotLike: {
      en: 'matches none of the listed values (`*` and `?` are wildcards)',
      ja: `${key}列挙した値のどれにも一致しない場合に true になります (\`*\` と \`?\` はワイルドカードです)。`,
    },
    LessThan: { en: `is ${before} the value`, ja: `${key}指定した値${type === 'Date' ? 'より前の' : 'より小さい'}場合に true になります。` },
    LessThanEquals: {
      en: `is ${before} or equal to the value`,
      ja: `${key}指定した値${type === 'Date' ? 'と同じかそれより前の' : '以下の'}場合に true になります。`,
    },
    GreaterThan: { en: `is ${after} the value`, ja: `${key}指定した値${type === 'Date' ? 'より後の' : 'より大きい'}場合に true になります。` },
    GreaterThanEquals: {
      en: `is ${after} or equal to the value`,
      ja: `${key}指定した値${type === 'Date' ? 'と同じかそれより後の' : '以上の'}場合に true になります。`,
    },
    // Operators named as a whole.
    Bool: { en: 'is the boolean given: `true` or `false`', ja: `${key}指定したブール値 (\`true\` または \`false\`) と等しい場合に true になります。` },
    BinaryEquals: { en: 'equals the base64-encoded value, byte for byte', ja: `${key}base64 でエンコードされた値とバイト単位で等しい場合に true になります。` },
    IpAddress: {
      en: 'is an IP address in one of the listed addresses or CIDR ranges',
      ja: `${key}列挙したアドレスまたは CIDR 範囲のいずれかに含まれる IP アドレスである場合に true になります。`,
    },
    NotIpAddress: {
      en: 'is an IP address in none of the listed addresses or CIDR ranges',
      ja: `${key}列挙したアドレスまたは CIDR 範囲のどれにも含まれない IP アドレスである場合に true になります。`,
    },
    Null: {
      en: 'matches `true` when the key is absent from the request, `false` when it is present (and not null)',
      ja: '条件キーがリクエストにあるかどうかをテストします。キーがリクエストにない場合は `true` に、キーがある (かつ null でない) 場合は `false` に一致します。',
    },
  };
  return Object.prototype.hasOwnProperty.call(phrases, rest) ? phrases[rest as Comparison] : undefined;
}

const SET_TEXT: Record<SetOperator, Text> = {
  ForAllValues: {
    en: 'For a multivalued key (such as `aws:TagKeys`): true when **every** value in the request matches one of the listed values. Also true when the key is absent or has no values, so pair it with a `Null` check when the key must be present.',
    ja: '複数値のキー (`aws:TagKeys` など) に使用します。リクエストの**すべての**値が、列挙した値のいずれかに一致する場合に true になります。キーがない場合や値が空の場合も true になるため、キーが必須のときは `Null` のチェックと組み合わせます。',
  },
  ForAnyValue: {
    en: 'For a multivalued key (such as `aws:TagKeys`): true when **at least one** value in the request matches one of the listed values; false when the key is absent.',
    ja: '複数値のキー (`aws:TagKeys` など) に使用します。リクエストの値の**少なくとも 1 つ**が、列挙した値のいずれかに一致する場合に true になります。キーがない場合は false になります。',
  },
};

const IF_EXISTS_TEXT: Text = {
  en: '`IfExists`: when the key is not in the request the condition is true; when it is, the comparison is made as usual.',
  ja: '`IfExists`: キーがリクエストにない場合、条件は true になります。キーがある場合は、通常どおり比較します。',
};

/** What the operator's values are, in each language. */
const VALUES: Record<'null' | 'negated' | 'positive', Text> = {
  null: { en: 'Value: `true` or `false`.', ja: '値は `true` または `false` です。' },
  negated: {
    en: 'Values: one, or an array (the condition is true when none matches).',
    ja: '値は 1 つ、または配列で指定します (どれも一致しない場合に条件が true になります)。',
  },
  positive: {
    en: 'Values: one, or an array (any one may match).',
    ja: '値は 1 つ、または配列で指定します (いずれか 1 つが一致すれば十分です)。',
  },
};

const GENERIC: Text = { en: 'A condition operator.', ja: '条件演算子です。' };
const GENERIC_OPERATORS: Text = { en: 'Condition condition operators', ja: '条件演算子' };
const MULTIVALUED: Text = { en: 'Multivalued keys', ja: '複数値のキー' };

/**
 * The first sentence for a base operator; `undefined` when its name is not one the generator knows how to describe.
 */
export function describeBaseOperator(base: string, locale: Locale = 'en'): string | undefined {
  const parsed = parseOperator(base);
  if (!parsed.valueType) return undefined;
  const info = TYPES[parsed.valueType];
  const rest = info.prefix && base.startsWith(info.prefix) ? base.slice(info.prefix.length) : base;
  const phrase = comparison(parsed.valueType, rest);
  if (!phrase) return undefined;
  if (locale === 'ja') return phrase.ja;
  return parsed.valueType === 'Null' ? `Tests whether a condition key is in the request: ${phrase.en}.` : `The value of the condition key ${phrase.en}.`;
}

/** Hover text for one operator name such as `ForAnyValue:StringLikeIfExists`. */
export function describeOperator(name: string, locale: Locale = 'en'): { description: string; markdownDescription: string } {
  const parsed = parseOperator(name);
  const base = parsed.base ?? name;
  const info = parsed.valueType ? TYPES[parsed.valueType] : undefined;
  const first = describeBaseOperator(base, locale) ?? GENERIC[locale];
  const notes = [parsed.ifExists ? IF_EXISTS_TEXT[locale] : '', parsed.set ? SET_TEXT[parsed.set][locale] : ''].filter(Boolean);
  const values = VALUES[parsed.valueType === 'Null' ? 'null' : parsed.negated ? 'negated' : 'positive'][locale];
  const example = info ? `"${name}": { ${exampleEntry(parsed.valueType, parsed.set !== undefined)} }` : '';
  const operators: Text = info ? { en: `${info.label} condition operators`, ja: info.ja.operators } : GENERIC_OPERATORS;
  const links = [`[${operators[locale]}](${docsUrl(OPERATORS_DOC, locale)}${info ? `#${info.anchor}` : ''})`];
  if (parsed.set) links.push(`[${MULTIVALUED[locale]}](${docsUrl(MULTIVALUED_DOC, locale)})`);
  const compares: Text | undefined = info && parsed.valueType !== 'Null' ? { en: ` Compares ${info.noun}.`, ja: info.ja.compares } : undefined;
  const markdown = [
    `**${name}**: ${first}${compares?.[locale] ?? ''}`,
    ...notes,
    values,
    example ? `\`\`\`json\n${example}\n\`\`\`` : '',
    links.join(' · '),
  ].filter(Boolean);
  return { description: `${name}: ${first.replace(/`/g, '')}`, markdownDescription: markdown.join('\n\n') };
}

/** `"key": value` for an example: a multivalued key for set operators where the family has one. */
function exampleEntry(type: ConditionValueType | undefined, set: boolean): string {
  if (set && type === 'String') return '"aws:TagKeys": ["team", "project"]';
  const info = TYPES[type ?? 'String'];
  return `"${info.key}": "${info.value}"`;
}

/** The definition that holds the shape of every operator of a family (so the schema states it once). */
function familyRef(type: ConditionValueType): string {
  return `#/definitions/${familyDefinition(type)}`;
}

function familyDefinition(type: ConditionValueType): string {
  return `operator${type}`;
}

/** The definitions the Condition element refers to: one operator block per family, with its completion skeleton. */
export function conditionDefinitions(locale: Locale = 'en'): Record<string, JsonSchema> {
  const definitions: Record<string, JsonSchema> = {};
  for (const [type, info] of Object.entries(TYPES) as [ConditionValueType, TypeInfo][]) {
    // The shape of a block (an object of condition keys) is element-type's to check; the schema only proposes it.
    const label: Text = { en: `${info.label} condition`, ja: info.ja.snippet };
    definitions[familyDefinition(type)] = {
      defaultSnippets: [{ label: label[locale], body: { [`\${1:${info.key}}`]: `\${2:${info.value}}` } }],
    };
  }
  return definitions;
}

/** The schema of one operator block: its hover text, and the shape shared by its family. */
function operatorSchema(name: string, locale: Locale): JsonSchema {
  const type = parseOperator(name).valueType ?? 'String';
  return { ...describeOperator(name, locale), allOf: [{ $ref: familyRef(type) }] };
}

/** The completion skeletons of the Condition element: a block of a common operator. */
const CONDITION_SNIPPETS: { label: Text; body: unknown }[] = [
  { label: { en: 'StringEquals condition', ja: 'StringEquals 条件' }, body: { StringEquals: { '${1:aws:ResourceTag/team}': '${2:ops}' } } },
  { label: { en: 'ArnLike condition', ja: 'ArnLike 条件' }, body: { ArnLike: { '${1:aws:SourceArn}': '${2:arn:aws:ssm:*:123456789012:*}' } } },
  { label: { en: 'Bool condition', ja: 'Bool 条件' }, body: { Bool: { '${1:aws:SecureTransport}': '${2:true}' } } },
];

/**
 * The Condition element: every operator IAM accepts (from condition-operators.ts), for completion and hover; an
 * operator IAM does not accept is condition-operator-unknown's finding.
 */
export function conditionSchema(doc: { description: string; markdownDescription: string }, locale: Locale = 'en'): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const name of OPERATOR_NAMES) properties[name] = operatorSchema(name, locale);
  return {
    ...doc,
    properties,
    defaultSnippets: CONDITION_SNIPPETS.map((s) => ({ label: s.label[locale], body: s.body })),
  };
}
