import * as assert from 'node:assert/strict';

/**
 * Expands a snippet body the way VS Code does when the user accepts each tab stop's value: `${n:default}`,
 * `${n|a,b|}` and `$n` become the value chosen for n, escapes are undone.
 */
export function expand(body: string[], values: Map<number, string>): string {
  const text = body.join('\n');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      out += text[++i];
      continue;
    }
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const m = /^\$(?:\{(\d+)(?::((?:\\.|[^}\\])*)|\|((?:\\.|[^|\\])*)\|)\}|(\d+))/.exec(text.slice(i));
    assert.ok(m, `an unescaped "$" at ${i}: ${text.slice(i, i + 30)}`);
    const index = Number(m[1] ?? m[4]);
    const fallback = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3]?.split(/(?<!\\),/)[0] ?? '').replace(/\\(.)/g, '$1');
    out += values.get(index) ?? fallback;
    i += m[0].length - 1;
  }
  return out;
}
