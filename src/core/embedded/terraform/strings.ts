/**
 * HCL string literals: decoding with a map back to the source, and writing a value back as an HCL quoted string.
 * Pure text functions: no parser here.
 */

/** A decoded piece of source text: `value[i]` came from the source range `[start[i], end[i])`. */
export interface Decoded {
  value: string;
  start: number[];
  end: number[];
}

/** The escapes of an HCL quoted string (`\n \r \t \" \\ \uNNNN \UNNNNNNNN`) and of every template (`$${`, `%%{`). */
export function decodeQuoted(raw: string, base: number): Decoded {
  return decode(raw, base, true);
}

/** A heredoc's text: no backslash escapes, only `$${` and `%%{`. */
export function decodeHeredoc(raw: string, base: number): Decoded {
  return decode(raw, base, false);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function decode(raw: string, base: number, backslashes: boolean): Decoded {
  const out: Decoded = { value: '', start: [], end: [] };
  const push = (s: string, from: number, to: number): void => {
    out.value += s;
    for (let k = 0; k < s.length; k++) {
      out.start.push(base + from);
      out.end.push(base + to);
    }
  };
  let i = 0;
  while (i < raw.length) {
    const c = raw[i] as string;
    if (backslashes && c === '\\' && i + 1 < raw.length) {
      const n = raw[i + 1] as string;
      const simple = SIMPLE_ESCAPES[n];
      if (simple !== undefined) {
        push(simple, i, i + 2);
        i += 2;
        continue;
      }
      const width = n === 'u' ? 4 : n === 'U' ? 8 : 0;
      const hex = raw.slice(i + 2, i + 2 + width);
      if (width > 0 && hex.length === width && /^[0-9a-fA-F]+$/.test(hex)) {
        const code = Number.parseInt(hex, 16);
        push(code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd', i, i + 2 + width);
        i += 2 + width;
        continue;
      }
    }
    if ((c === '$' || c === '%') && raw[i + 1] === c && raw[i + 2] === '{') {
      push(`${c}{`, i, i + 3);
      i += 3;
      continue;
    }
    push(c, i, i + 1);
    i += 1;
  }
  return out;
}

/** True when every decoded character is the one source character at the same distance from `base`. */
export function isIdentity(d: Decoded, from = 0, to = d.value.length): boolean {
  if (to <= from) return true;
  const base = (d.start[from] as number) - from;
  for (let i = from; i < to; i++) {
    if (d.start[i] !== base + i || d.end[i] !== base + i + 1) return false;
  }
  return true;
}

/** The template markers `${` and `%{` escaped, as every HCL template (quoted or heredoc) needs. */
export function escapeTemplateMarkers(s: string): string {
  return s.replace(/([$%])\{/g, '$1$1{');
}

/** The inside of an HCL quoted string for a value. */
export function hclEscape(value: string): string {
  let s = '';
  for (const ch of value) {
    if (ch === '\\') s += '\\\\';
    else if (ch === '"') s += '\\"';
    else if (ch === '\n') s += '\\n';
    else if (ch === '\r') s += '\\r';
    else if (ch === '\t') s += '\\t';
    else if (ch < ' ') s += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else s += ch;
  }
  return escapeTemplateMarkers(s);
}

/** An HCL quoted string for a value: the {@link LiteralWriter} of every HCL string literal. */
export function hclQuote(value: string): string {
  return `"${hclEscape(value)}"`;
}
