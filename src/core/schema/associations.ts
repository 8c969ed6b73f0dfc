import type { PolicyKind } from '../policy/types';
import { SCHEMA_FILE_NAMES } from './build-schemas';

/** One entry of VS Code's `json.schemas` setting. */
export interface SchemaAssociation {
  fileMatch: string[];
  url: string;
  [other: string]: unknown;
}

/** The schema file of each policy kind, relative to the extension folder. */
export const SCHEMA_FILES: Readonly<Record<PolicyKind, string>> = {
  identity: `schemas/${SCHEMA_FILE_NAMES.identity}`,
  trust: `schemas/${SCHEMA_FILE_NAMES.trust}`,
  scp: `schemas/${SCHEMA_FILE_NAMES.scp}`,
};

/**
 * The `json.schemas` entries after putting ours in: entries whose url is one of our schemas are replaced by
 * one entry per kind that has globs; every other entry is kept as it was, in its place. Undefined when
 * nothing changes, so the caller writes the setting only when it must.
 */
export function withOurAssociations(
  current: unknown,
  globs: Readonly<Partial<Record<PolicyKind, readonly string[]>>>,
  schemaUrl: (kind: PolicyKind) => string,
): SchemaAssociation[] | undefined {
  const existing = Array.isArray(current) ? (current as unknown[]) : [];
  const ourUrls = new Set((Object.keys(SCHEMA_FILES) as PolicyKind[]).map(schemaUrl));
  const kept = existing.filter((e) => !isObject(e) || typeof e.url !== 'string' || !ourUrls.has(e.url));
  const ours: SchemaAssociation[] = [];
  for (const kind of Object.keys(SCHEMA_FILES) as PolicyKind[]) {
    const fileMatch = [...new Set((globs[kind] ?? []).filter((g) => typeof g === 'string' && g.trim() !== ''))];
    if (fileMatch.length > 0) ours.push({ fileMatch, url: schemaUrl(kind) });
  }
  const next = [...(kept as SchemaAssociation[]), ...ours];
  return JSON.stringify(next) === JSON.stringify(existing) ? undefined : next;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
