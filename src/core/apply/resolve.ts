/** From what the user selected to the text to apply and the modes that fit it. */
import { catalogEntry, fillPlaceholders } from '../catalog';
import { parsePolicy } from '../policy/parse';
import type { PolicyKind } from '../policy/types';
import type { ApplyMode, PolicySource } from './types';

/** The connection placeholders are filled from. */
export interface ResolveContext {
  accountId: string;
  region: string;
}

/** The policy to apply, resolved: its text (none for an AWS managed policy), its kind and its placeholders. */
export interface ResolvedPolicy {
  /** The document, account and Region placeholders filled; undefined for an AWS managed policy (attached by name). */
  text?: string;
  kind: PolicyKind;
  label: string;
  /** Set for an AWS managed policy: attached by name, never written. */
  managedName?: string;
  /** The placeholders filled from the connection, for the confirmation. */
  filled: { name: string; value: string }[];
  /** The placeholders left in the text for the user to fill; the gate blocks the document while one remains. */
  unfilled: string[];
}

/**
 * Resolves a policy source: a catalog entry gets its account and Region placeholders filled from the connection and
 * keeps the others (so the gate blocks them); a text is taken as is; an AWS managed policy has no text.
 */
export function resolvePolicyText(source: PolicySource, context: ResolveContext): ResolvedPolicy {
  if (source.type === 'awsManaged') return { kind: 'identity', label: source.name, managedName: source.name, filled: [], unfilled: [] };
  if (source.type === 'text') {
    const kind = source.kind ?? parsePolicy(source.text).kind;
    return { text: source.text, kind, label: source.label, filled: [], unfilled: [] };
  }
  const entry = catalogEntry(source.entryId);
  if (!entry) throw new Error(`No catalog entry with the id: ${source.entryId}`);
  if (entry.managed) return { kind: entry.kind, label: entry.managed.name, managedName: entry.managed.name, filled: [], unfilled: [] };
  const values: Record<string, string> = {};
  const filled: { name: string; value: string }[] = [];
  const unfilled: string[] = [];
  for (const p of entry.placeholders) {
    const value = p.kind === 'account' ? context.accountId : p.kind === 'region' ? context.region : undefined;
    if (value) {
      values[p.name] = value;
      filled.push({ name: p.name, value });
    } else {
      // fillPlaceholders puts the example in for a missing value; the name itself keeps the placeholder visible.
      values[p.name] = p.name;
      unfilled.push(p.name);
    }
  }
  return { text: fillPlaceholders(entry, values), kind: entry.kind, label: entry.id, filled, unfilled };
}

/** The modes offered for a policy, or none and why. */
export interface ModeChoice {
  modes: ApplyMode[];
  /** Why no mode fits (a service control policy). */
  reason?: string;
}

function isManagedSource(source: PolicySource): boolean {
  return source.type === 'awsManaged' || (source.type === 'catalog' && catalogEntry(source.entryId)?.managed !== undefined);
}

/** The modes that fit a policy kind: identity → inline or customer managed (attach for an AWS managed policy), trust → trust, SCP → none. */
export function modesFor(kind: PolicyKind, source: PolicySource): ModeChoice {
  if (isManagedSource(source)) return { modes: ['attachManaged'] };
  switch (kind) {
    case 'identity':
      return { modes: ['inline', 'customerManaged'] };
    case 'trust':
      return { modes: ['trust'] };
    case 'scp':
      return { modes: [], reason: 'A service control policy is attached in AWS Organizations, not to a role.' };
    case 'resource':
      return { modes: [], reason: 'A resource policy is set on its resource (a bucket, a key), not on a role.' };
  }
}

/** The kind of document a mode writes (the gate lints it as that kind). */
export function kindForMode(mode: ApplyMode): PolicyKind {
  return mode === 'trust' ? 'trust' : 'identity';
}
