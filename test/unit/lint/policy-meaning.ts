/**
 * What a policy means to IAM, written so that two texts can be compared: the proof that fixes keep it. Written apart
 * from the linter (only jsonc-parser is shared), so a bug in a rule's reasoning is not repeated here.
 *
 * - Statements keep their order (no fix moves one); Sid and Id are left out (they play no part in authorization).
 *   IAM grants what any statement grants and denies what any statement denies, so a statement that means exactly what
 *   an earlier one means (the same Effect, Principal, Action, Resource, Condition …, read as below) adds nothing: it
 *   counts once, where it first appears.
 * - Element keys spelled exactly are those elements; a key in another case counts as the element when it is the only
 *   key of that spelling (IAM would reject it, and read it as nothing else); other keys stay unknown, by their text.
 * - Effect: "Allow" or "Deny" in any case. Principal and NotPrincipal: sets of values per principal type (AWS,
 *   Service, Federated, CanonicalUser; a type key in another case is read as an element key is).
 * - Action and NotAction: sets of lower-case items (IAM matches actions case-insensitively).
 * - Resource, NotResource and condition values: sets of strings, each read as the policy's Version reads it: under
 *   "2012-10-17" `${name}` is a variable and `${*}`, `${?}`, `${$}` are literal characters; under any other Version
 *   (or none) everything is literal text. ARNs stay case-sensitive.
 * - Condition: operator (case-sensitive) → condition key (case-insensitive) → set of values.
 */
import { parse, type ParseError } from 'jsonc-parser';

const TOP_LEVEL = ['Version', 'Id', 'Statement'];
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
const STATEMENT = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

/** One statement's meaning: actions as sets (compared with wildcard coverage), everything else as canonical JSON. */
export interface StatementMeaning {
  action?: Set<string>;
  notAction?: Set<string>;
  rest: string;
}

/** A policy's meaning, or undefined when the text is not JSON (comments and trailing commas allowed) at all. */
export interface PolicyMeaning {
  statements: StatementMeaning[];
  /** Everything outside the statements that could matter: unknown top-level keys, a Statement that is no list. */
  rest: string;
}

/** The meaning of a policy text, or undefined when it does not parse. */
export function meaningOf(text: string): PolicyMeaning | undefined {
  const errors: ParseError[] = [];
  const root: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) return undefined;
  if (!isObject(root)) return { statements: [], rest: canonical({ notAnObject: root }) };
  const top = elements(root, TOP_LEVEL);
  const variables = top.get('Version') === '2012-10-17';
  const statementValue = top.get('Statement');
  const list = Array.isArray(statementValue) ? statementValue : statementValue === undefined ? [] : [statementValue];
  const rest: Record<string, unknown> = { statementIsList: Array.isArray(statementValue), hasStatement: statementValue !== undefined };
  // A Version (in any case, even twice) matters only through the strings it makes variables of, read above.
  const versionLike = (key: string, value: unknown): boolean => key.replace(/^unknown:/, '').toLowerCase() === 'version' && typeof value !== 'object';
  for (const [key, value] of top) if (key !== 'Id' && key !== 'Statement' && !versionLike(key, value)) rest[key] = value;
  return { statements: list.map((st) => statementMeaning(st, variables)), rest: canonical(rest) };
}

/** Why two meanings differ (for the assertion message), or undefined when they are the same. */
export function meaningDifference(before: PolicyMeaning, after: PolicyMeaning): string | undefined {
  if (before.rest !== after.rest) return `outside the statements: ${before.rest} became ${after.rest}`;
  const was = distinct(before.statements);
  const is = distinct(after.statements);
  if (was.length !== is.length) return `${was.length} distinct statements became ${is.length}`;
  for (let i = 0; i < was.length; i++) {
    const b = was[i] as StatementMeaning;
    const a = is[i] as StatementMeaning;
    if (b.rest !== a.rest) return `statement ${i}: ${b.rest} became ${a.rest}`;
    for (const element of ['action', 'notAction'] as const) {
      const why = actionSetDifference(b[element], a[element]);
      if (why) return `statement ${i} ${element}: ${why}`;
    }
  }
  return undefined;
}

/**
 * The statements without those that mean exactly what an earlier one means: the same rest and the same action sets,
 * item for item (no wildcard coverage here: a statement only counts as a repeat when nothing at all differs).
 */
function distinct(statements: readonly StatementMeaning[]): StatementMeaning[] {
  const seen = new Set<string>();
  return statements.filter((st) => {
    const sorted = (set: Set<string> | undefined): string[] | null => (set ? [...set].sort() : null);
    const key = canonical([st.rest, sorted(st.action), sorted(st.notAction)]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Action lists are equal when they hold the same items, or when the only items that went are matched, whatever they
 * stand for, by an item that stayed (removing what a wildcard of the same list covers changes nothing).
 */
function actionSetDifference(before: Set<string> | undefined, after: Set<string> | undefined): string | undefined {
  if (before === undefined || after === undefined) return before === after ? undefined : 'the element appeared or disappeared';
  for (const item of after) if (!before.has(item)) return `"${item}" was added`;
  for (const item of before) {
    if (after.has(item)) continue;
    if (![...after].some((stays) => patternCovers(stays, item))) return `"${item}" was removed and no remaining item covers it`;
  }
  return undefined;
}

/**
 * True when every string the IAM pattern `inner` matches is matched by `outer` (lower-case items, `*` any run, `?` one
 * character). Each wildcard of `inner` becomes a symbol no literal can match: only a `*` of `outer` may absorb a `*`,
 * and a `*` or `?` of `outer` a `?`; then any string `inner` stands for is matched by the same alignment.
 */
export function patternCovers(outer: string, inner: string): boolean {
  if (outer.startsWith('raw:') || inner.startsWith('raw:')) return outer === inner;
  const STAR = '\u0001';
  const ONE = '\u0002';
  if (outer.includes(STAR) || outer.includes(ONE) || inner.includes(STAR) || inner.includes(ONE)) return outer === inner;
  const source = [...outer]
    .map((ch) => (ch === '*' ? '[\\s\\S]*' : ch === '?' ? `[^${STAR}]` : ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')))
    .join('');
  const symbolized = inner.replace(/\*/g, STAR).replace(/\?/g, ONE);
  return new RegExp(`^${source}$`, 'u').test(symbolized);
}

function statementMeaning(st: unknown, variables: boolean): StatementMeaning {
  if (!isObject(st)) return { rest: canonical({ notAnObject: st }) };
  const el = elements(st, STATEMENT);
  const rest: Record<string, unknown> = {};
  const meaning: StatementMeaning = { rest: '' };
  for (const [key, value] of el) {
    switch (key) {
      case 'Sid':
        break;
      case 'Effect':
        rest.Effect = typeof value === 'string' && /^(allow|deny)$/i.test(value) ? value.toLowerCase() : { raw: value };
        break;
      case 'Action':
        meaning.action = actionSet(value);
        break;
      case 'NotAction':
        meaning.notAction = actionSet(value);
        break;
      case 'Principal':
      case 'NotPrincipal':
        rest[key] = principal(value);
        break;
      case 'Resource':
      case 'NotResource':
        rest[key] = valueSet(value, variables);
        break;
      case 'Condition':
        rest.Condition = condition(value, variables);
        break;
      default:
        rest[key] = value;
    }
  }
  meaning.rest = canonical(rest);
  return meaning;
}

/**
 * An object's keys: an element spelled exactly is that element; a key in another case stands for the element only when
 * it is the one key of that spelling (IAM rejects it and could read it as nothing else); any other key is `unknown:<key>`.
 */
function elements(obj: Record<string, unknown>, names: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const keys = Object.keys(obj);
  for (const key of keys) {
    const lower = key.toLowerCase();
    const name = names.find((n) => n.toLowerCase() === lower);
    const alone = keys.filter((k) => k.toLowerCase() === lower).length === 1;
    out.set(name && (name === key || alone) ? name : `unknown:${key}`, obj[key]);
  }
  return out;
}

function actionSet(value: unknown): Set<string> {
  const items = Array.isArray(value) ? value : [value];
  return new Set(items.map((item) => (typeof item === 'string' ? item.toLowerCase() : `raw:${canonical(item)}`)));
}

/** Principal types are read like element keys: a type in another case is that type when no other key spells it. */
function principal(value: unknown): unknown {
  if (!isObject(value)) return { raw: value };
  const out: Record<string, string[]> = {};
  for (const [type, v] of elements(value, PRINCIPAL_TYPES)) out[type] = sortedUnique((Array.isArray(v) ? v : [v]).map((x) => canonical(x)));
  return out;
}

function valueSet(value: unknown, variables: boolean): string[] {
  const items = Array.isArray(value) ? value : [value];
  return sortedUnique(items.map((item) => (typeof item === 'string' ? `s:${readString(item, variables)}` : `raw:${canonical(item)}`)));
}

function condition(value: unknown, variables: boolean): unknown {
  if (!isObject(value)) return { raw: value };
  const out: Record<string, unknown> = {};
  for (const [operator, block] of Object.entries(value)) {
    if (!isObject(block)) {
      out[operator] = { raw: block };
      continue;
    }
    // Keys are case-insensitive; two spellings of one key stay two tests of that key.
    const tests = Object.entries(block).map(([key, v]) => canonical([key.toLowerCase(), valueSet(v, variables)]));
    out[operator] = tests.sort();
  }
  return out;
}

/**
 * A string as IAM reads it, in one spelling: literal characters escaped, wildcards bare, variables as `{name}`.
 * Under "2012-10-17" `${*}`, `${?}` and `${$}` stand for the literal character and `${name}` for a variable; under
 * any other Version every character is literal, except that `*` and `?` are wildcards under both.
 */
function readString(text: string, variables: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (variables && ch === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close > i + 2) {
        const inner = text.slice(i + 2, close);
        out += inner === '$' ? '$' : inner === '*' || inner === '?' ? `\\${inner}` : `{${inner}}`;
        i = close;
        continue;
      }
    }
    out += ch === '*' || ch === '?' ? ch : /[\\{}]/.test(ch) ? `\\${ch}` : ch;
  }
  return out;
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so that key order does not count. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}
