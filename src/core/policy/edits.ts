import { getNodePath, modify, type Edit, type FormattingOptions, type JSONPath, type Node } from 'jsonc-parser';

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
  return modify(text, path, value, {
    formattingOptions: detectFormatting(text),
    getInsertionIndex: insertFirst ? () => 0 : undefined,
  });
}

/** Removes the node (an array item or a property value's property) with its separating comma. */
export function removeNode(text: string, node: Node): Edit[] {
  const target = node.parent?.type === 'property' ? node.parent : node;
  const path = target.type === 'property' ? getNodePath(target.children?.[1] ?? target) : getNodePath(target);
  return modify(text, path, undefined, { formattingOptions: detectFormatting(text) });
}

/** Appends values to the array at `arrayNode`, or turns a single string into an array with them. */
export function appendValues(text: string, valueNode: Node, values: string[]): Edit[] {
  if (valueNode.type === 'string') {
    return replaceNode(valueNode, [valueNode.value as string, ...values]).map((e) => ({
      ...e,
      content: formatInlineArray([valueNode.value as string, ...values]),
    }));
  }
  const path = getNodePath(valueNode);
  const count = valueNode.children?.length ?? 0;
  const edits: Edit[] = [];
  let current = text;
  values.forEach((v, i) => {
    const step = modify(current, [...path, count + i], v, {
      formattingOptions: detectFormatting(text),
      isArrayInsertion: true,
    });
    current = applyAll(current, step);
  });
  // Express the sequence as one replacement of the array so the edits never overlap.
  const newArrayText = current.slice(valueNode.offset, valueNode.offset + valueNode.length + (current.length - text.length));
  edits.push({ offset: valueNode.offset, length: valueNode.length, content: newArrayText });
  return edits;
}

function formatInlineArray(values: string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** Applies edits to a text (highest offset first). */
export function applyAll(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  }
  return out;
}
