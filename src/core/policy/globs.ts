import { kindFromFileName, looksLikePolicy } from './detect';
import type { PolicyKind } from './types';

/** A compiled file glob; `test` has the shape of `RegExp.prototype.test`. */
export interface GlobMatcher {
  test(path: string): boolean;
}

/**
 * A matcher for one glob as `json.schemas` `fileMatch` reads it (vscode-json-languageservice): a leading `/` is
 * dropped and a globstar segment put in front, so `policies/*.json` matches that folder at any depth. `*` and `?` stay
 * within one path segment, `**` spans segments, `{a,b}` and `[…]` work as in VS Code globs. The globs come from
 * settings and workspace files, so the matcher follows every reading of the glob at once (an automaton) instead of
 * backtracking like a RegExp: a test costs at most glob × path steps. Throws for a glob with an invalid range (`[z-a]`).
 */
export function fileMatchGlob(glob: string): GlobMatcher {
  let matcher = globCache.get(glob);
  if (!matcher) {
    matcher = compileGlob(`**/${glob.startsWith('/') ? glob.slice(1) : glob}`);
    if (globCache.size > 1000) globCache.clear();
    globCache.set(glob, matcher);
  }
  return matcher;
}

const globCache = new Map<string, GlobMatcher>();

type CharTest = (ch: string) => boolean;

/** One automaton state: a character edge, plain empty edges, and empty edges taken only at the end of the path. */
interface GlobState {
  test?: CharTest;
  to?: number;
  empty: number[];
  emptyAtEnd: number[];
}

const notSlash: CharTest = (ch) => ch !== '/';
// A trailing `**` read as `.*`, which does not cross line terminators.
const notLineBreak: CharTest = (ch) => ch !== '\n' && ch !== '\r' && ch !== '\u2028' && ch !== '\u2029';

class GlobAutomaton implements GlobMatcher {
  constructor(
    private readonly states: readonly GlobState[],
    private readonly start: number,
    private readonly accept: number,
  ) {}

  test(path: string): boolean {
    const text = String(path);
    let current = this.closure([this.start], text.length === 0);
    for (let i = 0; i < text.length && current.length > 0; i++) {
      const ch = text[i] as string;
      const moved: number[] = [];
      for (const s of current) {
        const state = this.states[s] as GlobState;
        if (state.test && state.to !== undefined && state.test(ch)) moved.push(state.to);
      }
      current = this.closure(moved, i + 1 === text.length);
    }
    return current.includes(this.accept);
  }

  /** The states reachable through empty edges, each once. */
  private closure(from: number[], atEnd: boolean): number[] {
    const seen = new Set<number>();
    const stack = [...from];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (seen.has(s)) continue;
      seen.add(s);
      const state = this.states[s] as GlobState;
      stack.push(...state.empty);
      if (atEnd) stack.push(...state.emptyAtEnd);
    }
    return [...seen];
  }
}

/** Builds the automaton of a glob, piece by piece (Thompson's construction); `{…,…}` groups nest. */
function compileGlob(pattern: string): GlobMatcher {
  const states: GlobState[] = [];
  const add = (): number => states.push({ empty: [], emptyAtEnd: [] }) - 1;
  const start = add();
  // Each open `{` keeps where its group started, where its alternatives end, and where it continues.
  const groups: { from: number; join: number }[] = [];
  let at = start;
  const step = (test: CharTest): void => {
    const to = add();
    Object.assign(states[at] as GlobState, { test, to });
    at = to;
  };
  const loop = (test: CharTest): void => {
    // Zero or more characters: a state that reads one and comes back, then leaves by an empty edge.
    const body = add();
    const out = add();
    (states[at] as GlobState).empty.push(body);
    Object.assign(states[body] as GlobState, { test, to: body });
    (states[body] as GlobState).empty.push(out);
    at = out;
  };
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*' && pattern[i + 1] === '*' && pattern[i + 2] === '/') {
      // A globstar segment: zero or more runs of non-slashes, each ended by a slash or the end of the path.
      const home = add();
      const segment = add();
      const out = add();
      (states[at] as GlobState).empty.push(home);
      (states[home] as GlobState).empty.push(out, segment);
      const slash = add();
      Object.assign(states[segment] as GlobState, { test: notSlash, to: segment });
      (states[segment] as GlobState).empty.push(slash);
      (states[segment] as GlobState).emptyAtEnd.push(home);
      Object.assign(states[slash] as GlobState, { test: (c: string) => c === '/', to: home });
      at = out;
      i += 2;
    } else if (ch === '*' && pattern[i + 1] === '*') {
      loop(notLineBreak);
      i += 1;
    } else if (ch === '*') {
      loop(notSlash);
    } else if (ch === '?') {
      step(notSlash);
    } else if (ch === '{') {
      const from = add();
      const join = add();
      (states[at] as GlobState).empty.push(from);
      groups.push({ from, join });
      at = add();
      (states[from] as GlobState).empty.push(at);
    } else if (ch === ',' && groups.length > 0) {
      const group = groups[groups.length - 1] as { from: number; join: number };
      (states[at] as GlobState).empty.push(group.join);
      at = add();
      (states[group.from] as GlobState).empty.push(at);
    } else if (ch === '}' && groups.length > 0) {
      const group = groups.pop() as { from: number; join: number };
      (states[at] as GlobState).empty.push(group.join);
      at = group.join;
    } else if (ch === '[' && pattern.indexOf(']', i + 1) >= 0) {
      const close = pattern.indexOf(']', i + 1);
      step(charClass(pattern.slice(i + 1, close)));
      i = close;
    } else {
      step((c) => c === ch);
    }
  }
  for (let group = groups.pop(); group; group = groups.pop()) {
    (states[at] as GlobState).empty.push(group.join);
    at = group.join;
  }
  return new GlobAutomaton(states, start, at);
}

/** The test of a `[…]` class body: `!` or `^` first negates, `a-z` is a range, anything else literal. */
function charClass(body: string): CharTest {
  let negate = false;
  let i = 0;
  if (body.startsWith('!') || body.startsWith('^')) {
    negate = true;
    i = 1;
  }
  const ranges: [number, number][] = [];
  for (; i < body.length; i++) {
    const lo = body.charCodeAt(i);
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const hi = body.charCodeAt(i + 2);
      if (hi < lo) throw new SyntaxError(`Range out of order in character class: [${body}]`);
      ranges.push([lo, hi]);
      i += 2;
    } else {
      ranges.push([lo, lo]);
    }
  }
  return (ch) => ranges.some(([lo, hi]) => ch.charCodeAt(0) >= lo && ch.charCodeAt(0) <= hi) !== negate;
}

/**
 * True when a path (forward slashes, as `Uri.path`) is selected by a list of `fileMatch` globs: the last glob
 * that matches decides, and a glob starting with `!` excludes.
 */
export function matchesFileGlobs(globs: readonly string[], path: string): boolean {
  let matched = false;
  for (const raw of globs) {
    if (typeof raw !== 'string') continue;
    const include = !raw.startsWith('!');
    const glob = include ? raw.trim() : raw.slice(1).trim();
    if (glob === '') continue;
    try {
      if (fileMatchGlob(glob).test(path)) matched = include;
    } catch {
      // A glob with an invalid range selects nothing.
    }
  }
  return matched;
}

/** The policy kind whose globs select a path (scp, then trust, then identity, as for file names), if any. */
export function kindFromGlobs(globs: Readonly<Partial<Record<PolicyKind, readonly string[]>>>, path: string): PolicyKind | undefined {
  for (const kind of ['scp', 'trust', 'identity'] as const) {
    const list = globs[kind];
    if (Array.isArray(list) && matchesFileGlobs(list, path)) return kind;
  }
  return undefined;
}

/** What decides whether an open JSON document is a policy. */
export interface DocumentFacts {
  /** The document's path with forward slashes (`Uri.path`). */
  path: string;
  text: string;
  /** The user's `ssmPolicy.schemas.*Files` globs by kind. */
  globs?: Readonly<Partial<Record<PolicyKind, readonly string[]>>>;
  /** `ssmPolicy.detectByContent`: also lint JSON that looks like a policy. */
  detectByContent?: boolean;
}

/** What told that a document is a policy: the user's globs, a conventional file name, or its content. */
export type PolicyDetection = 'setting' | 'fileName' | 'content';

/**
 * Whether a document is a policy, of which kind, and what told: the user's globs come first, then the conventional
 * file names, then (when enabled) the content, where the kind is `auto` (the linter reads it from the policy).
 */
export function detectPolicyDocument(facts: DocumentFacts): { kind: PolicyKind | 'auto'; by: PolicyDetection } | undefined {
  const byGlob = facts.globs ? kindFromGlobs(facts.globs, facts.path) : undefined;
  if (byGlob) return { kind: byGlob, by: 'setting' };
  const byName = kindFromFileName(facts.path);
  if (byName) return { kind: byName, by: 'fileName' };
  return facts.detectByContent !== false && looksLikePolicy(facts.text) ? { kind: 'auto', by: 'content' } : undefined;
}

/** The kind to lint a document as (see {@link detectPolicyDocument}), or undefined when it is not a policy. */
export function documentPolicyKind(facts: DocumentFacts): PolicyKind | 'auto' | undefined {
  return detectPolicyDocument(facts)?.kind;
}
