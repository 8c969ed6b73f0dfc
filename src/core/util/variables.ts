/**
 * Policy variables (`${aws:username}`) found with two `indexOf` calls each. The RegExp `/\$\{[^}]*\}/` does the same
 * but, in a text with many `${` and no `}` after them, scans the rest of the text again from each one: quadratic.
 */

/** One `${…}` of a text: its offset and length, and the text between the braces. */
export interface VariableSpan {
  offset: number;
  length: number;
  inner: string;
}

/** The `${…}` spans of a text, left to right; each ends at the first `}` after its `${`. */
export function variableSpans(text: string): VariableSpan[] {
  const spans: VariableSpan[] = [];
  let from = 0;
  for (let open = text.indexOf('${'); open >= 0; open = text.indexOf('${', from)) {
    const close = text.indexOf('}', open + 2);
    // No `}` after this `${`: none after any later one either.
    if (close < 0) break;
    spans.push({ offset: open, length: close + 1 - open, inner: text.slice(open + 2, close) });
    from = close + 1;
  }
  return spans;
}

/** True when the text holds a `${…}` closed by a `}`. */
export function hasVariableSpan(text: string): boolean {
  const open = text.indexOf('${');
  return open >= 0 && text.indexOf('}', open + 2) >= 0;
}

/** The text with each `${…}` span replaced by `by`. */
export function replaceVariableSpans(text: string, by: string): string {
  let out = '';
  let from = 0;
  for (const span of variableSpans(text)) {
    out += text.slice(from, span.offset) + by;
    from = span.offset + span.length;
  }
  return out + text.slice(from);
}

/** The text without its `${…}` spans. */
export function withoutVariableSpans(text: string): string {
  return replaceVariableSpans(text, '');
}
