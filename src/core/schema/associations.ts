import type { Locale } from '../i18n';
import type { PolicyKind, StandaloneKind } from '../policy/types';
import { SCHEMA_FILE_NAMES } from './build-schemas';

/** One entry of VS Code's `json.schemas` setting. */
export interface SchemaAssociation {
  fileMatch: string[];
  url: string;
  [other: string]: unknown;
}

/**
 * The folder of each language's schemas, relative to the extension folder. VS Code cannot localize a schema, so the
 * Japanese texts are a second set of files, which the extension serves when VS Code's display language is Japanese.
 */
export const SCHEMA_DIRS: Readonly<Record<Locale, string>> = { en: 'schemas', ja: 'schemas/ja' };

/** The languages the schemas are written in. */
export const SCHEMA_LOCALES = Object.keys(SCHEMA_DIRS) as Locale[];

/** The schema file of each policy kind in a language, relative to the extension folder. */
export function schemaFiles(locale: Locale): Readonly<Record<StandaloneKind, string>> {
  const dir = SCHEMA_DIRS[locale];
  return { identity: `${dir}/${SCHEMA_FILE_NAMES.identity}`, trust: `${dir}/${SCHEMA_FILE_NAMES.trust}`, scp: `${dir}/${SCHEMA_FILE_NAMES.scp}` };
}

/** The schema file of each policy kind, relative to the extension folder: the English ones, which `contributes.jsonValidation` names. */
export const SCHEMA_FILES: Readonly<Record<StandaloneKind, string>> = schemaFiles('en');

/**
 * The `json.schemas` entries after putting ours in: entries whose url is one of our schemas (`schemaUrl`'s, or one of
 * `otherUrls`: our schemas in the other languages, written before the display language changed) are replaced by
 * one entry per kind that has globs; every other entry is kept as it was, in its place. Undefined when
 * nothing changes, so the caller writes the setting only when it must.
 */
export function withOurAssociations(
  current: unknown,
  globs: Readonly<Partial<Record<StandaloneKind, readonly string[]>>>,
  schemaUrl: (kind: StandaloneKind) => string,
  otherUrls: readonly string[] = [],
): SchemaAssociation[] | undefined {
  const existing = Array.isArray(current) ? (current as unknown[]) : [];
  const ourUrls = new Set([...(Object.keys(SCHEMA_FILES) as StandaloneKind[]).map(schemaUrl), ...otherUrls]);
  const kept = existing.filter((e) => !isObject(e) || typeof e.url !== 'string' || !ourUrls.has(e.url));
  const ours: SchemaAssociation[] = [];
  for (const kind of Object.keys(SCHEMA_FILES) as StandaloneKind[]) {
    const fileMatch = [...new Set((globs[kind] ?? []).filter((g) => typeof g === 'string' && g.trim() !== ''))];
    if (fileMatch.length > 0) ours.push({ fileMatch, url: schemaUrl(kind) });
  }
  const next = [...(kept as SchemaAssociation[]), ...ours];
  return JSON.stringify(next) === JSON.stringify(existing) ? undefined : next;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A document the extension associates with a schema itself: its `Uri.path`, and the policy kind whose schema it gets. */
export interface DocumentAssociation {
  path: string;
  kind: PolicyKind;
}

/** Characters that VS Code's JSON language service reads as glob syntax in a `fileMatch` pattern. */
const GLOB_SYNTAX = /[*?[\]{}\\]/;

/**
 * The `fileMatch` pattern that selects one document in VS Code's JSON language service: its absolute path, which the
 * service matches at the end of the document's URI (it reads `/a/b.json` as `**\/a/b.json`, where `**` ends at a
 * slash), so the document and nothing else with another path. Undefined for a path holding glob syntax, which the
 * service would read as a wildcard, and for a relative path (an untitled document's `Untitled-1`, which no pattern
 * can select since its URI has no slash).
 */
export function documentPattern(path: string): string | undefined {
  if (!path.startsWith('/') || path.length < 2 || GLOB_SYNTAX.test(path)) return undefined;
  return path;
}

/**
 * The text of the schema association registry the extension serves to VS Code's JSON language features
 * (`contributes.jsonValidationRegistry`): `{ "schemas": [{ "fileMatch": [...], "url": ... }] }`, one entry per kind
 * that has documents, their patterns sorted, so that the same documents always give the same text.
 */
export function registryText(documents: readonly DocumentAssociation[], schemaUrl: (kind: StandaloneKind) => string): string {
  const schemas: SchemaAssociation[] = [];
  for (const kind of Object.keys(SCHEMA_FILES) as StandaloneKind[]) {
    const fileMatch = [...new Set(documents.filter((d) => d.kind === kind).map((d) => documentPattern(d.path)))]
      .filter((p): p is string => p !== undefined)
      .sort();
    if (fileMatch.length > 0) schemas.push({ fileMatch, url: schemaUrl(kind) });
  }
  return `${JSON.stringify({ schemas }, null, 2)}\n`;
}
