import { kindFromFileName, looksLikePolicy } from './detect';
import type { PolicyKind } from './types';

/**
 * A RegExp for one glob as `json.schemas` `fileMatch` reads it (vscode-json-languageservice): a leading `/` is
 * dropped and a globstar segment put in front, so `policies/*.json` matches that folder at any depth. `*` and `?` stay
 * within one path segment, `**` spans segments, `{a,b}` and `[…]` work as in VS Code globs.
 */
export function fileMatchRegExp(glob: string): RegExp {
  const pattern = `**/${glob.startsWith('/') ? glob.slice(1) : glob}`;
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        // A globstar segment matches zero or more whole segments; a trailing `**` matches the rest.
        if (pattern[i + 2] === '/') {
          out += '(?:[^/]*(?:/|$))*';
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else {
        out += '[^/]*';
      }
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '{') {
      braces++;
      out += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (ch === ',' && braces > 0) {
      out += '|';
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) {
        out += '\\[';
      } else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else {
      out += ch.replace(/[.+^$()|[\]\\/{}]/g, '\\$&');
    }
  }
  while (braces-- > 0) out += ')';
  return new RegExp(`^${out}$`);
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
      if (fileMatchRegExp(glob).test(path)) matched = include;
    } catch {
      // A glob that makes no valid RegExp selects nothing.
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

/**
 * The kind to lint a document as, or undefined when it is not a policy. The user's globs come first, then the
 * conventional file names, then (when enabled) the content: a content-detected policy gets `auto`.
 */
export function documentPolicyKind(facts: DocumentFacts): PolicyKind | 'auto' | undefined {
  const byGlob = facts.globs ? kindFromGlobs(facts.globs, facts.path) : undefined;
  if (byGlob) return byGlob;
  const byName = kindFromFileName(facts.path);
  if (byName) return byName;
  return facts.detectByContent !== false && looksLikePolicy(facts.text) ? 'auto' : undefined;
}
