import { getLocation, type JSONPath } from 'jsonc-parser';
import { parsePolicy } from '../policy/parse';
import type { ParsedPolicy, PolicyKind, Statement } from '../policy/types';
import { variableSpans } from '../util/variables';

/** A string token of the text (a value or a property key) that the cursor is on. */
export interface StringToken {
  /** Offset of the opening quote. */
  offset: number;
  /** Length of the token, quotes included (no closing quote when the string is not terminated yet). */
  length: number;
  /** Offset of the first character inside the quotes. */
  start: number;
  /** Offset right after the last character inside the quotes. */
  end: number;
  /** The raw text between the quotes. */
  content: string;
  /** The raw text between the opening quote and the cursor. */
  before: string;
  /** The string's value (escapes decoded). */
  value: string;
  /** True for a property key. */
  isKey: boolean;
  /** True when the cursor is between the quotes (not on a quote), so a completion may replace the content. */
  inside: boolean;
}

/** Where the cursor is in a policy document. */
export interface CursorContext {
  text: string;
  offset: number;
  /** The JSON path of the cursor (jsonc-parser `getLocation`). */
  path: JSONPath;
  isAtPropertyKey: boolean;
  /** The string under the cursor, if any. */
  token?: StringToken;
  /**
   * The path below the statement that holds the cursor, e.g. `['Action', 1]` or `['Condition', 'StringEquals', '']`;
   * undefined when the cursor is not inside a statement.
   */
  element?: JSONPath;
  /** The statement that holds the cursor, when it is one of the policy's top-level statements. */
  statement?: Statement;
  policy: ParsedPolicy;
}

/** Reads where the cursor is: its JSON path, the string under it and the statement around it. Never throws. */
export function cursorContext(text: string, offset: number, kind?: PolicyKind): CursorContext {
  const at = Math.max(0, Math.min(offset, text.length));
  const policy = parsePolicy(text, { kind });
  let path: JSONPath = [];
  let isAtPropertyKey = false;
  let token: StringToken | undefined;
  try {
    const location = getLocation(text, at);
    path = location.path;
    isAtPropertyKey = location.isAtPropertyKey;
    const node = location.previousNode;
    if (node && (node.type === 'string' || node.type === 'property') && typeof node.value === 'string') {
      token = stringToken(text, at, node.offset, node.length, node.value, node.type === 'property');
    }
  } catch {
    // getLocation scans the whole text; a pathological text leaves the context empty.
  }
  const context: CursorContext = { text, offset: at, path, isAtPropertyKey, token, policy };
  const s = path.lastIndexOf('Statement');
  if (s >= 0) {
    const indexed = typeof path[s + 1] === 'number';
    context.element = path.slice(s + (indexed ? 2 : 1));
    if (s === 0) {
      context.statement = policy.statements.find((st) => st.node.offset <= at && at <= st.node.offset + st.node.length);
    }
  }
  return context;
}

function stringToken(text: string, at: number, offset: number, length: number, value: string, isKey: boolean): StringToken | undefined {
  if (text[offset] !== '"' || at < offset || at > offset + length) return undefined;
  const closed = length >= 2 && text[offset + length - 1] === '"' && !escaped(text, offset + length - 1, offset + 1);
  // Right after the closing quote the cursor has left the string.
  if (closed && at === offset + length) return undefined;
  const start = offset + 1;
  const end = closed ? offset + length - 1 : offset + length;
  const inside = at >= start && at <= end;
  return {
    offset,
    length,
    start,
    end,
    content: text.slice(start, end),
    before: inside ? text.slice(start, at) : '',
    value,
    isKey,
    inside,
  };
}

/** True when the character at `index` is escaped by an odd run of backslashes (not before `from`). */
function escaped(text: string, index: number, from: number): boolean {
  let n = 0;
  for (let i = index - 1; i >= from && text[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** The policy variable `${…}` of a string that holds the offset, with its offsets in the text. */
export function variableAt(token: StringToken, text: string, offset: number): { key: string; offset: number; length: number } | undefined {
  const raw = text.slice(token.start, token.end);
  for (const span of variableSpans(raw)) {
    const from = token.start + span.offset;
    if (offset >= from && offset < from + span.length) {
      // `${aws:username, 'default'}`: the default value after the comma is not part of the key.
      const key = span.inner.split(',')[0]?.trim() ?? '';
      return { key, offset: from, length: span.length };
    }
  }
  return undefined;
}
