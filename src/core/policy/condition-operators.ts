import { didYouMean, editDistance } from '../util/did-you-mean';

/** The kind of value a condition operator compares against. */
export type ConditionValueType = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IPAddress' | 'ARN' | 'Null';

/** A set qualifier that makes an operator compare multivalued keys. */
export type SetOperator = 'ForAllValues' | 'ForAnyValue';

/** A condition operator name split into its parts. */
export interface ParsedOperator {
  /** The operator as written. */
  name: string;
  /** The base operator (`StringEquals`), set only when that part is spelled exactly right. */
  base: string | undefined;
  ifExists: boolean;
  set: SetOperator | undefined;
  /** What the values must be; undefined when the base is not known. */
  valueType: ConditionValueType | undefined;
  /** True for operators that match when the value does NOT match (StringNotEquals, NotIpAddress …). */
  negated: boolean;
  /** True when IAM accepts the name exactly as written (operator names are case-sensitive). */
  known: boolean;
}

interface BaseOperator {
  valueType: ConditionValueType;
  negated: boolean;
  /** Whether a policy variable `${…}` in a value is substituted (IAM: only string, ARN and Bool operators). */
  variables: boolean;
}

const BASES: Record<string, BaseOperator> = {};
function define(valueType: ConditionValueType, variables: boolean, names: Record<string, boolean>): void {
  for (const [name, negated] of Object.entries(names)) BASES[name] = { valueType, negated, variables };
}
define('String', true, {
  StringEquals: false,
  StringNotEquals: true,
  StringEqualsIgnoreCase: false,
  StringNotEqualsIgnoreCase: true,
  StringLike: false,
  StringNotLike: true,
});
define('Numeric', false, {
  NumericEquals: false,
  NumericNotEquals: true,
  NumericLessThan: false,
  NumericLessThanEquals: false,
  NumericGreaterThan: false,
  NumericGreaterThanEquals: false,
});
define('Date', false, {
  DateEquals: false,
  DateNotEquals: true,
  DateLessThan: false,
  DateLessThanEquals: false,
  DateGreaterThan: false,
  DateGreaterThanEquals: false,
});
define('Bool', true, { Bool: false });
define('Binary', false, { BinaryEquals: false });
define('IPAddress', false, { IpAddress: false, NotIpAddress: true });
define('ARN', true, { ArnEquals: false, ArnLike: false, ArnNotEquals: true, ArnNotLike: true });
define('Null', false, { Null: false });

/** The base operator names, without set prefix or IfExists suffix. */
export const BASE_OPERATORS: readonly string[] = Object.keys(BASES);

/** The set qualifiers IAM accepts before an operator, followed by a colon. */
export const SET_OPERATORS: readonly SetOperator[] = ['ForAllValues', 'ForAnyValue'];

const IF_EXISTS = 'IfExists';

/** Every operator name IAM accepts: each base, with IfExists (not Null) and with either set prefix. */
export const OPERATOR_NAMES: readonly string[] = (() => {
  const names: string[] = [];
  for (const base of BASE_OPERATORS) {
    const forms = base === 'Null' ? [base] : [base, base + IF_EXISTS];
    for (const form of forms) {
      names.push(form);
      for (const set of SET_OPERATORS) names.push(`${set}:${form}`);
    }
  }
  return names;
})();

const NAME_SET = new Set(OPERATOR_NAMES);

/** Spellings that are too far from the real name for edit distance but common enough to recognise. */
const ALIASES = new Map<string, string>([
  ['boolean', 'Bool'],
  ['booleanequals', 'Bool'],
  ['boolequals', 'Bool'],
  ['binary', 'BinaryEquals'],
  ['ipaddressequals', 'IpAddress'],
  ['notipaddressequals', 'NotIpAddress'],
  ['numericlessthanorequals', 'NumericLessThanEquals'],
  ['numericgreaterthanorequals', 'NumericGreaterThanEquals'],
  ['datelessthanorequals', 'DateLessThanEquals'],
  ['dategreaterthanorequals', 'DateGreaterThanEquals'],
  ['isnull', 'Null'],
]);

/** Splits a condition operator name into set prefix, base and IfExists suffix; never throws. */
export function parseOperator(name: string): ParsedOperator {
  let rest = name;
  let set: SetOperator | undefined;
  const colon = rest.indexOf(':');
  let prefixOk = true;
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    set = SET_OPERATORS.find((s) => s === prefix);
    prefixOk = set !== undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.endsWith(IF_EXISTS) && rest.length > IF_EXISTS.length) {
    ifExists = true;
    rest = rest.slice(0, -IF_EXISTS.length);
  }
  const info = Object.prototype.hasOwnProperty.call(BASES, rest) ? BASES[rest] : undefined;
  return {
    name,
    base: info ? rest : undefined,
    ifExists,
    set,
    valueType: info?.valueType,
    negated: info?.negated ?? false,
    known: prefixOk && NAME_SET.has(name),
  };
}

/** True when IAM substitutes policy variables in values of this base operator. */
export function operatorAllowsVariables(base: string): boolean {
  return Object.prototype.hasOwnProperty.call(BASES, base) ? (BASES[base]?.variables ?? false) : false;
}

/**
 * The pattern (Like) operator that compares a String operator's values the same way, or undefined for the
 * IgnoreCase operators, which have none, and for every other operator.
 */
export function stringLikeForm(base: string): 'StringLike' | 'StringNotLike' | undefined {
  switch (base) {
    case 'StringEquals':
    case 'StringLike':
      return 'StringLike';
    case 'StringNotEquals':
    case 'StringNotLike':
      return 'StringNotLike';
    default:
      return undefined;
  }
}

/**
 * The Like operator that compares a parsed String operator's values the same way, keeping its set prefix and
 * IfExists (`ForAnyValue:StringEqualsIfExists` → `ForAnyValue:StringLikeIfExists`); undefined when there is none.
 */
export function likeOperatorFor(parsed: { known: boolean; base?: string; set?: SetOperator; ifExists?: boolean }): string | undefined {
  const base = parsed.known && parsed.base ? stringLikeForm(parsed.base) : undefined;
  return base ? formatOperator({ base, set: parsed.set, ifExists: parsed.ifExists }) : undefined;
}

/** Builds an operator name from its parts. */
export function formatOperator(parts: { base: string; ifExists?: boolean; set?: SetOperator }): string {
  return `${parts.set ? `${parts.set}:` : ''}${parts.base}${parts.ifExists ? IF_EXISTS : ''}`;
}

/**
 * The valid operator the author most likely meant, or undefined when nothing is close.
 * Each part is corrected on its own (set prefix, base, IfExists), so `ForAllValue:stringequal`
 * becomes `ForAllValues:StringEquals`; `NullIfExists` becomes `Null`.
 */
export function suggestOperator(name: string): string | undefined {
  const trimmed = name.trim();
  if (NAME_SET.has(trimmed)) return trimmed;
  let rest = trimmed;
  let set: SetOperator | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).trim();
    // Only near spellings count: ForSomeValues is not a typo of ForAllValues.
    const [best] = SET_OPERATORS.map((s) => ({ s, d: editDistance(prefix, s, 2) })).sort((a, b) => a.d - b.d);
    set = best && best.d <= 2 ? best.s : undefined;
    if (!set) return undefined;
    rest = rest.slice(colon + 1).trim();
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith(IF_EXISTS.toLowerCase()) && rest.length > IF_EXISTS.length) {
    ifExists = true;
    rest = rest.slice(0, -IF_EXISTS.length);
  }
  const base = ALIASES.get(rest.toLowerCase()) ?? didYouMean(rest, BASE_OPERATORS);
  if (!base) return didYouMean(trimmed, OPERATOR_NAMES);
  const suggestion = formatOperator({ base, set, ifExists: ifExists && base !== 'Null' });
  return NAME_SET.has(suggestion) ? suggestion : undefined;
}
