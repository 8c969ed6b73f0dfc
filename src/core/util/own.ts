/**
 * The table's own entry for a key that comes from a policy, or undefined. `table[key]` would answer for
 * `constructor`, `toString` or `__proto__` with a member of Object.prototype.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
