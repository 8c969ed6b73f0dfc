import { wildcardMatches } from '../util/wildcard';
import type { PolicyKind, StandaloneKind } from './types';

/** The conventional file names of policy files, by kind (the same patterns as `contributes.jsonValidation`). */
export const POLICY_FILE_PATTERNS: Readonly<Record<StandaloneKind, { include: readonly string[]; exclude: readonly string[] }>> = {
  scp: {
    include: ['*.scp.json', '*-scp.json', '*_scp.json', 'scp-*.json', 'scp_*.json', 'scp.json', '*.scp.policy.json', '*-scp-policy.json', '*_scp_policy.json'],
    exclude: [],
  },
  trust: {
    include: ['*.trust.json', '*-trust.json', '*_trust.json', '*trust-policy*.json', '*trust_policy*.json', 'trust.json'],
    exclude: ['*.scp.json'],
  },
  identity: {
    include: ['*.policy.json', '*-policy.json', '*_policy.json'],
    exclude: ['*trust-policy*.json', '*trust_policy*.json', 'scp-*.json', 'scp_*.json', '*.scp.policy.json', '*-scp-policy.json', '*_scp_policy.json'],
  },
};

/** True when a `*`/`?` file-name pattern matches a file name, case-sensitively as VS Code does; neither wildcard matches `/`. */
export function fileNameMatches(pattern: string, fileName: string): boolean {
  // Matched folder by folder, so a wildcard never reaches across a slash.
  const patternParts = pattern.split('/');
  const nameParts = fileName.split('/');
  return patternParts.length === nameParts.length && patternParts.every((p, i) => wildcardMatches(p, nameParts[i] as string, { caseSensitive: true }));
}

/** The policy kind a conventional file name stands for, or undefined for any other name. */
export function kindFromFileName(fileName: string): PolicyKind | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  for (const kind of ['scp', 'trust', 'identity'] as const) {
    const { include, exclude } = POLICY_FILE_PATTERNS[kind];
    if (include.some((p) => fileNameMatches(p, base)) && !exclude.some((p) => fileNameMatches(p, base))) return kind;
  }
  return undefined;
}

/**
 * True when a JSON text looks like an IAM policy: a top-level object whose "Statement" is an object or an array
 * of objects with "Effect", "Action" or "NotAction". Cheap: it looks only at the start of each statement's keys,
 * so any JSON file can be asked.
 */
export function looksLikePolicy(text: string): boolean {
  if (text.length > 8 * 1024 * 1024) return false;
  // Two linear searches: the first "Statement" that opens an object or array, then an element name after it. (One
  // RegExp with a lazy gap scanned the rest of the text again from every "Statement", quadratic in their number.)
  const head = text.slice(0, 200_000);
  const statement = /"Statement"\s*:\s*[[{]/.exec(head);
  if (!statement) return false;
  return /"(?:Effect|Action|NotAction)"\s*:/.test(head.slice(statement.index + statement[0].length));
}
