import type { LiteralWriter, SourceSpan, TemplateFinding } from '../types';

/**
 * The tree both CloudFormation readers (YAML, JSON) build before intrinsic functions are understood: what the
 * parser saw, located, with the short-form tag (`!Sub`) when there is one. A `bad` node stands for a value already
 * reported (alias, unknown tag, too deep) that is never read.
 */
export type RawNode = RawMap | RawSeq | RawScalar | RawBad;

interface RawBase {
  span: SourceSpan;
  /** The intrinsic function's short-form tag without `!` (`Sub`, `GetAtt`), when the node is tagged. */
  tag?: string;
}

export interface RawEntry {
  key: string;
  keySpan: SourceSpan;
  writeKey?: LiteralWriter;
  keyContentOffset?: number;
  value: RawNode;
  span: SourceSpan;
}

export interface RawMap extends RawBase {
  kind: 'map';
  entries: RawEntry[];
}

export interface RawSeq extends RawBase {
  kind: 'seq';
  items: RawNode[];
}

export interface RawScalar extends RawBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  write?: LiteralWriter;
  contentOffset?: number;
  /** For a tagged scalar (`!Sub 'text'`): the scalar's own span, without the tag, which {@link write} replaces. */
  valueSpan?: SourceSpan;
}

export interface RawBad extends RawBase {
  kind: 'bad';
}

/** Deeper than this, values are not read (`tooDeep`). */
export const MAX_DEPTH = 64;

/** Syntax errors reported per file: after a bad bracket, a parser may report one at every line that follows. */
export const MAX_SYNTAX_FINDINGS = 20;

/** What a reader hands to the resource walker. */
export interface RawDocument {
  root: RawNode | undefined;
  findings: TemplateFinding[];
  /** Offsets of syntax errors (and of input too deep to parse): a policy whose resource holds one is not extracted. */
  errorOffsets: number[];
}

export function finding(messageId: string, span: SourceSpan, data?: Record<string, string>): TemplateFinding {
  return data ? { ruleId: 'template-syntax', messageId, data, span } : { ruleId: 'template-syntax', messageId, span };
}

export function spanOf(start: number, end: number): SourceSpan {
  return { offset: start, length: Math.max(0, end - start) };
}

export function entryOf(map: RawNode | undefined, key: string): RawEntry | undefined {
  if (!map || map.kind !== 'map' || map.tag) return undefined;
  return map.entries.find((e) => e.key === key);
}

/**
 * Replaces, offset for offset, the parts of `text` nested deeper than `limit` brackets (`[`/`{`, outside strings and
 * comments) with a `0` and spaces (line breaks kept), so a recursive parser never overflows the stack. Returns the
 * text unchanged when nothing is that deep, with the offsets of what was replaced.
 */
export function flattenDeepBrackets(text: string, limit: number, yaml: boolean): { text: string; cut: SourceSpan[] } {
  const cut: SourceSpan[] = [];
  let depth = 0;
  let out: string[] | undefined;
  let last = 0;
  let cutStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */ || (yaml && c === 0x27 /* ' */ && depth > 0)) {
      // skip a quoted string
      const q = c;
      i++;
      while (i < text.length) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */ && q === 0x22) i++;
        else if (d === q) break;
        i++;
      }
      continue;
    }
    if (yaml && c === 0x23 /* # */ && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth === limit + 1 && cutStart < 0) cutStart = i;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth === limit + 1 && cutStart >= 0) {
        (out ??= []).push(text.slice(last, cutStart), blank(text.slice(cutStart, i + 1)));
        cut.push(spanOf(cutStart, i + 1));
        last = i + 1;
        cutStart = -1;
      }
      if (depth > 0) depth--;
    }
  }
  if (cutStart >= 0) {
    (out ??= []).push(text.slice(last, cutStart), blank(text.slice(cutStart)));
    cut.push(spanOf(cutStart, text.length));
    last = text.length;
  }
  if (!out) return { text, cut };
  out.push(text.slice(last));
  return { text: out.join(''), cut };
}

function blank(s: string): string {
  return '0' + s.slice(1).replace(/[^\r\n]/g, ' ');
}
