/**
 * IAM wildcard matching without backtracking. A RegExp built from a pattern (`*` → `.*`) backtracks
 * exponentially on patterns such as `ssm:********Z`; this matcher splits the pattern at its `*` runs and finds the
 * pieces between them left to right, leftmost first, so a test costs at most pattern length × text length.
 */

/** A compiled wildcard pattern. `test` has the shape of `RegExp.prototype.test`, so callers of the old RegExp keep working. */
export interface WildcardMatcher {
  test(text: string): boolean;
}

/** A pattern piece that stands for any run of characters, even none (`*`). */
export const ANY_RUN = Symbol('*');
/** A pattern piece that stands for exactly one character (`?`). */
export const ANY_CHAR = Symbol('?');

/** One piece of a pattern: literal text (never a wildcard, whatever its characters), {@link ANY_RUN} or {@link ANY_CHAR}. */
export type WildcardPart = string | typeof ANY_RUN | typeof ANY_CHAR;

/** How to compare literal characters. */
export interface WildcardOptions {
  /** Compare case-sensitively, as IAM does for the resource part of ARNs; actions compare case-insensitively (the default). */
  caseSensitive?: boolean;
}

/** The literal text between two `*` runs; `anyAt[i]` marks a `?` at position i. */
interface Segment {
  text: string;
  anyAt: Uint8Array | undefined;
}

class SegmentMatcher implements WildcardMatcher {
  constructor(
    private readonly ignoreCase: boolean,
    /** False when the pattern has no `*`: the one segment is the whole text. */
    private readonly starred: boolean,
    /** The segment before the first `*` (may be empty). */
    private readonly head: Segment,
    /** The non-empty segments between `*` runs. */
    private readonly middle: readonly Segment[],
    /** The segment after the last `*` (may be empty). */
    private readonly tail: Segment,
    private readonly minLength: number,
  ) {}

  test(input: string): boolean {
    const text = String(input);
    const ic = this.ignoreCase;
    if (!this.starred) return text.length === this.head.text.length && matchesAt(this.head, text, 0, ic);
    if (text.length < this.minLength) return false;
    if (!matchesAt(this.head, text, 0, ic)) return false;
    const end = text.length - this.tail.text.length;
    if (!matchesAt(this.tail, text, end, ic)) return false;
    let pos = this.head.text.length;
    for (const segment of this.middle) {
      const found = find(segment, text, pos, end, ic);
      if (found < 0) return false;
      pos = found + segment.text.length;
    }
    return true;
  }
}

/** True when the segment matches the text at `at` (the caller makes sure it fits). */
function matchesAt(segment: Segment, text: string, at: number, ignoreCase: boolean): boolean {
  const { text: lit, anyAt } = segment;
  if (!anyAt && !ignoreCase) return text.startsWith(lit, at);
  for (let i = 0; i < lit.length; i++) {
    if (anyAt?.[i] === 1) continue;
    const c = text.charCodeAt(at + i);
    const p = lit.charCodeAt(i);
    if (c !== p && (!ignoreCase || foldUnit(c) !== p)) return false;
  }
  return true;
}

/** The first offset in [from, end - length] where the segment matches, or -1. */
function find(segment: Segment, text: string, from: number, end: number, ignoreCase: boolean): number {
  const last = end - segment.text.length;
  if (!segment.anyAt && !ignoreCase) {
    const at = text.indexOf(segment.text, from);
    return at >= 0 && at <= last ? at : -1;
  }
  for (let at = from; at <= last; at++) if (matchesAt(segment, text, at, ignoreCase)) return at;
  return -1;
}

/**
 * Case folding of one UTF-16 unit as a case-insensitive RegExp without the `u` flag does it (so `?` keeps its
 * width): ASCII letters to lower case; any other unit to its upper case when that is one non-ASCII unit, else itself.
 */
function foldUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  const upper = String.fromCharCode(c).toUpperCase();
  return upper.length === 1 && upper.charCodeAt(0) >= 0x80 ? upper.charCodeAt(0) : c;
}

function foldCase(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldUnit(s.charCodeAt(i)));
  return out;
}

const identity = (s: string): string => s;

/** Compiles a pattern given as pieces: literal text and the {@link ANY_RUN} / {@link ANY_CHAR} wildcards. */
export function compileWildcardParts(parts: readonly WildcardPart[], options: WildcardOptions = {}): WildcardMatcher {
  const fold = options.caseSensitive ? identity : foldCase;
  // Runs of `*` collapse into one; `?` stays inside its segment as a position that matches any character.
  const segments: Segment[] = [];
  let text = '';
  let anyAt: number[] = [];
  let starred = false;
  const close = (): void => {
    let mask: Uint8Array | undefined;
    if (anyAt.length > 0) {
      mask = new Uint8Array(text.length);
      for (const i of anyAt) mask[i] = 1;
    }
    segments.push({ text, anyAt: mask });
    text = '';
    anyAt = [];
  };
  for (const part of parts) {
    if (part === ANY_RUN) {
      close();
      starred = true;
    } else if (part === ANY_CHAR) {
      anyAt.push(text.length);
      // Any one code unit will do at this position; the placeholder itself is never compared.
      text += '?';
    } else {
      text += fold(part);
    }
  }
  close();
  const head = segments[0] as Segment;
  const tail = segments[segments.length - 1] as Segment;
  const middle = segments.slice(1, -1).filter((s) => s.text.length > 0);
  const minLength = segments.reduce((n, s) => n + s.text.length, 0);
  return new SegmentMatcher(!options.caseSensitive, starred, head, middle, starred ? tail : { text: '', anyAt: undefined }, minLength);
}

/** The pieces of an IAM wildcard pattern: `*` any run, `?` one character, everything else literal. */
export function wildcardParts(pattern: string): WildcardPart[] {
  const parts: WildcardPart[] = [];
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch !== '*' && ch !== '?') continue;
    if (i > start) parts.push(pattern.slice(start, i));
    parts.push(ch === '*' ? ANY_RUN : ANY_CHAR);
    start = i + 1;
  }
  if (start < pattern.length) parts.push(pattern.slice(start));
  return parts;
}

/**
 * The pieces of an IAM-data template such as `ssm:resourceTag/${TagKey}`: each `${Variable}` stands for one or more
 * characters; the text between variables becomes pieces through `between` (literal text by default).
 */
export function templateParts(template: string, between: (text: string) => WildcardPart[] = (text) => [text]): WildcardPart[] {
  const parts: WildcardPart[] = [];
  let start = 0;
  for (let open = template.indexOf('${'); open >= 0; open = template.indexOf('${', start)) {
    const close = template.indexOf('}', open + 2);
    if (close < 0) break;
    if (open > start) parts.push(...between(template.slice(start, open)));
    parts.push(ANY_CHAR, ANY_RUN);
    start = close + 1;
  }
  if (start < template.length) parts.push(...between(template.slice(start)));
  return parts;
}

const caches = { insensitive: new Map<string, WildcardMatcher>(), sensitive: new Map<string, WildcardMatcher>() };

/** Compiles an IAM wildcard pattern (`*` any run, `?` one character), anchored at both ends; compiled patterns are cached. */
export function compileWildcard(pattern: string, options: WildcardOptions = {}): WildcardMatcher {
  const cache = options.caseSensitive ? caches.sensitive : caches.insensitive;
  let matcher = cache.get(pattern);
  if (!matcher) {
    matcher = compileWildcardParts(wildcardParts(pattern), options);
    if (cache.size > 10_000) cache.clear();
    cache.set(pattern, matcher);
  }
  return matcher;
}

/** True when the text matches the IAM wildcard pattern as a whole (case-insensitive unless asked otherwise). */
export function wildcardMatches(pattern: string, text: string, options: WildcardOptions = {}): boolean {
  return compileWildcard(pattern, options).test(text);
}

/**
 * A case-insensitive, anchored matcher for an IAM wildcard pattern, with the `test` method of the RegExp this
 * function used to return.
 * @deprecated Use {@link compileWildcard}; the name stays for callers written against the RegExp.
 */
export function wildcardToRegExp(pattern: string): WildcardMatcher {
  return compileWildcard(pattern);
}

/** True when the text contains an IAM wildcard character. */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}
