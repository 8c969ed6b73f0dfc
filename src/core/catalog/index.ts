import { dhmcEntries } from './dhmc';
import { hybridServiceRoleEntries } from './hybrid-service-role';
import { managedEntries } from './managed';
import { quickSetupEntries } from './quick-setup';
import { runCommandEntries } from './run-command';
import { sessionManagerEntries } from './session-manager';
import type { CatalogEntry, CatalogPlaceholder } from './types';

export * from './types';
export { MANAGED_POLICY_NAMES, type ManagedPolicyName } from './managed-names';
export { managedPoliciesSource } from './managed';

/** Every policy of the catalog: the documented ones in the order of the guide's pages, then the AWS managed ones. */
export const catalog: readonly CatalogEntry[] = [
  ...hybridServiceRoleEntries,
  ...sessionManagerEntries,
  ...dhmcEntries,
  ...quickSetupEntries,
  ...runCommandEntries,
  ...managedEntries,
];

const byId = new Map(catalog.map((e) => [e.id, e]));

/** The entry with this id, or undefined. */
export function catalogEntry(id: string): CatalogEntry | undefined {
  return byId.get(id);
}

/** One place in an entry's text where a placeholder stands: the offset and length of its name. */
export interface PlaceholderOccurrence {
  placeholder: CatalogPlaceholder;
  offset: number;
  length: number;
}

/**
 * Where the placeholders of an entry stand in its text, in order of offset. A placeholder's token is its name with
 * some context (`:region:`, `"key-name"`, `patch-baseline-snapshot-region`); the occurrence covers the name only,
 * inside every occurrence of the token, so the context is kept when the name is replaced.
 */
export function placeholderOccurrences(entry: Pick<CatalogEntry, 'text' | 'placeholders'>): PlaceholderOccurrence[] {
  const out: PlaceholderOccurrence[] = [];
  for (const placeholder of entry.placeholders) {
    const inToken = placeholder.token.indexOf(placeholder.name);
    if (inToken < 0) continue;
    for (let at = entry.text.indexOf(placeholder.token); at >= 0; at = entry.text.indexOf(placeholder.token, at + 1)) {
      out.push({ placeholder, offset: at + inToken, length: placeholder.name.length });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * The entry's text with every placeholder replaced by the given value (by placeholder name), or by its example.
 * Replacements are made at the places found in the documented text, so a value never gets replaced again.
 */
export function fillPlaceholders(entry: Pick<CatalogEntry, 'text' | 'placeholders'>, values: Readonly<Record<string, string>> = {}): string {
  let out = '';
  let last = 0;
  for (const o of placeholderOccurrences(entry)) {
    if (o.offset < last) continue;
    out += entry.text.slice(last, o.offset) + (Object.hasOwn(values, o.placeholder.name) ? values[o.placeholder.name] : o.placeholder.example);
    last = o.offset + o.length;
  }
  return out + entry.text.slice(last);
}
