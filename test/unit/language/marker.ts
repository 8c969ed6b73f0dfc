/** Splits a text with one `|` cursor marker into the text without it and the cursor's offset. */
export function atCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error(`expected exactly one | in ${marked}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** The offset of the first occurrence of `needle` in `text` plus `delta`; fails loudly when absent. */
export function offsetOf(text: string, needle: string, delta = 1): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in text`);
  return at + delta;
}
