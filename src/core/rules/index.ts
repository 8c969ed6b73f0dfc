import { jsonSyntax } from './json-syntax';
import type { PolicyRule } from './rule';
import { versionMissing } from './version-missing';

/** Every rule, in the order findings are documented. */
export const allRules: readonly PolicyRule[] = [jsonSyntax, versionMissing];

/** A rule by id. */
export function ruleById(id: string): PolicyRule | undefined {
  return allRules.find((r) => r.id === id);
}
