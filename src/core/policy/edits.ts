import { modify, type Edit, type FormattingOptions, type JSONPath, type Node } from 'jsonc-parser';

/** Formatting used by fixes that insert JSON: detected from the text's first indented line. */
export function detectFormatting(text: string): FormattingOptions {
  const m = /\n([ \t]+)\S/.exec(text);
  const indent = m?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t')
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: Math.max(1, Math.min(8, indent.length)), eol };
}

/** Replaces a node's text with a JSON value. */
export function replaceNode(node: Node, value: unknown): Edit[] {
  return [{ offset: node.offset, length: node.length, content: JSON.stringify(value) }];
}

/** Renames a property: replaces its key node with a new key. */
export function renameKey(keyNode: Node, newKey: string): Edit[] {
  return replaceNode(keyNode, newKey);
}

/** Sets (inserts or replaces) a value at a JSON path, keeping the document's formatting. */
export function setAtPath(text: string, path: JSONPath, value: unknown, insertFirst = false): Edit[] {
  return minimalEdit(
    text,
    modify(text, path, value, {
      formattingOptions: detectFormatting(text),
      getInsertionIndex: insertFirst ? () => 0 : undefined,
    }),
  );
}

/**
 * Appends strings to a string-or-array value with one insertion after its last item, copying the
 * separator the array already uses, so nothing else in the document is reformatted.
 */
export function appendValues(text: string, valueNode: Node, values: readonly string[]): Edit[] {
  if (values.length === 0) return [];
  if (valueNode.type === 'string') {
    return [{ offset: valueNode.offset, length: valueNode.length, content: formatInlineArray([valueNode.value as string, ...values]) }];
  }
  if (valueNode.type !== 'array') return [];
  const items = valueNode.children ?? [];
  const last = items[items.length - 1];
  if (!last) return [{ offset: valueNode.offset, length: valueNode.length, content: formatInlineArray([...values]) }];
  const separator = separatorOf(text, valueNode, items);
  return [{ offset: last.offset + last.length, length: 0, content: values.map((v) => `${separator}${JSON.stringify(v)}`).join('') }];
}

function separatorOf(text: string, array: Node, items: Node[]): string {
  const first = items[0];
  const second = items[1];
  if (first && second) {
    const between = text.slice(first.offset + first.length, second.offset);
    // Only whitespace around one comma can be copied; anything else (comments) falls back to a computed separator.
    if (/^\s*,\s*$/.test(between)) return between.replace(/^\s*/, '');
  }
  const last = items[items.length - 1] ?? array;
  const lineStart = text.lastIndexOf('\n', last.offset - 1) + 1;
  const before = text.slice(lineStart, last.offset);
  if (lineStart > array.offset && /^\s*$/.test(before)) {
    const eol = text[lineStart - 2] === '\r' ? '\r\n' : '\n';
    return `,${eol}${before}`;
  }
  return ', ';
}

function formatInlineArray(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/**
 * Shrinks edits to the one replacement that turns `text` into the edited text, trimming the common
 * prefix and suffix: jsonc-parser may rewrite far more than changed, which would make unrelated fixes overlap.
 */
export function minimalEdit(text: string, edits: readonly Edit[]): Edit[] {
  if (edits.length === 0) return [];
  const next = applyAll(text, edits);
  if (next === text) return [];
  let start = 0;
  const max = Math.min(text.length, next.length);
  while (start < max && text.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endOld = text.length;
  let endNew = next.length;
  while (endOld > start && endNew > start && text.charCodeAt(endOld - 1) === next.charCodeAt(endNew - 1)) {
    endOld--;
    endNew--;
  }
  return [{ offset: start, length: endOld - start, content: next.slice(start, endNew) }];
}

/** Applies edits to a text (highest offset first). */
export function applyAll(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  }
  return out;
}
