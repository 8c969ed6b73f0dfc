import type { PolicyKind } from './types';

/** The conventional file names of policy files, by kind (the same patterns as `contributes.jsonValidation`). */
export const POLICY_FILE_PATTERNS: Readonly<Record<PolicyKind, { include: readonly string[]; exclude: readonly string[] }>> = {
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

/** True when a `*`/`?` file-name pattern (no slash) matches a file name, case-sensitively as VS Code does. */
export function fileNameMatches(pattern: string, fileName: string): boolean {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`).test(fileName);
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
  if (text.length > 8 * 1024 * 1024 || !/"Statement"\s*:/.test(text)) return false;
  return /"Statement"\s*:\s*[[{][\s\S]*?"(?:Effect|Action|NotAction)"\s*:/.test(text.slice(0, 200_000));
}
