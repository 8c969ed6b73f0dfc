/** Policy documents as IAM stores them: URL-encoded on the way out, compared as JSON values, shown pretty-printed. */

/** The JSON value with object keys sorted, so two documents that differ only in key order stringify alike. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** A canonical form of a document (strict JSON, keys sorted, no whitespace); undefined when the text is not strict JSON. */
export function normalizeDocument(text: string): string | undefined {
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return undefined;
  }
}

/** True when both texts parse as JSON and are equal as values (key order and whitespace ignored). */
export function sameDocument(a: string, b: string): boolean {
  const na = normalizeDocument(a);
  return na !== undefined && na === normalizeDocument(b);
}

/**
 * IAM returns policy documents URL-encoded (RFC 3986). A text that already reads as JSON is returned as is (some
 * emulators do not encode, and decoding would mangle a literal `%`); a text that does not decode is returned as is.
 */
export function decodeIamDocument(raw: string): string {
  if (/^\s*[{[]/.test(raw)) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The document pretty-printed with a two-space indent (the catalog's style); a text that is not JSON is returned as is. */
export function prettyDocument(json: string): string {
  if (json.trim() === '') return '';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** The document as sent to IAM: compact JSON (IAM's size quotas do not count whitespace, but the request is smaller). */
export function compactDocument(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/** An IAM path as IAM wants it: starting and ending with `/` (`/` when empty). */
export function iamPath(path: string): string {
  const p = path.trim() || '/';
  return `${p.startsWith('/') ? '' : '/'}${p}${p.endsWith('/') ? '' : '/'}`;
}
