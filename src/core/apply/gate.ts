/** The safety gate in front of every write: the linter's errors block, its warnings need "apply anyway". */
import { LineMap, lintText, type ConfiguredSeverity, type LintConfig, type LintFinding } from '../lint';
import type { IamIndex } from '../iam';
import type { PolicyKind } from '../policy/types';
import { resolvePolicyText, type ResolveContext } from './resolve';
import type { ApplyGate, PolicySource } from './types';

/**
 * Rules that block whatever the user's configuration says: IAM rejects these documents, but an emulator (moto) accepts
 * a Principal in an identity policy and any trust policy, so the gate, not the call, has to stop them.
 */
export const ALWAYS_BLOCKING_RULES: readonly string[] = [
  'json-syntax',
  'json-comments',
  'json-trailing-comma',
  'statement-missing',
  'missing-effect',
  'effect-value',
  'missing-action',
  'missing-resource',
  'missing-principal',
  'principal-in-identity',
  'trust-policy-resource',
  'placeholder',
  'policy-size',
];

/** Options of {@link gate}. */
export interface GateOptions {
  /** The user's lint configuration; the {@link ALWAYS_BLOCKING_RULES} stay errors whatever it says. */
  config?: LintConfig;
  iam?: IamIndex;
  /** Catalog placeholders left unfilled: each one still in the text blocks the document. */
  placeholders?: readonly string[];
}

function syntheticError(text: string, ruleId: string, messageId: string, message: string, offset: number, length: number): LintFinding {
  return { ruleId, messageId, severity: 'error', message, offset, length, range: new LineMap(text).range(offset, length) };
}

/** Lints the document about to be written as `kind`; never throws. */
export async function gate(text: string, kind: PolicyKind, options: GateOptions = {}): Promise<ApplyGate> {
  const rules: Record<string, ConfiguredSeverity> = { ...(options.config?.rules ?? {}) };
  for (const id of ALWAYS_BLOCKING_RULES) rules[id] = 'error';
  const { findings } = await lintText(text, { kind, config: { ...options.config, kind, rules }, iam: options.iam });
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  // IAM takes strict JSON only; the linter reads JSON with comments, so make sure nothing it tolerates slips through.
  if (errors.length === 0) {
    try {
      const value: unknown = JSON.parse(text);
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        errors.push(syntheticError(text, 'json-syntax', 'notObject', 'A policy document must be a JSON object.', 0, text.length));
      }
    } catch (err) {
      errors.push(syntheticError(text, 'json-syntax', 'strictJson', `IAM accepts strict JSON only: ${err instanceof Error ? err.message : String(err)}`, 0, text.length));
    }
  }
  for (const name of options.placeholders ?? []) {
    const at = text.indexOf(name);
    if (at >= 0 && !errors.some((e) => e.ruleId === 'placeholder' && e.offset <= at && at < e.offset + Math.max(e.length, 1))) {
      errors.push(syntheticError(text, 'placeholder', 'unfilled', `Fill in the placeholder before applying: ${name}`, at, name.length));
    }
  }
  errors.sort((a, b) => a.offset - b.offset);
  return { errors, warnings, blocked: errors.length > 0 };
}

/** Two gates as one (the policy and, for a new role, its trust policy). */
export function mergeGates(...gates: ApplyGate[]): ApplyGate {
  const errors = gates.flatMap((g) => g.errors);
  const warnings = gates.flatMap((g) => g.warnings);
  return { errors, warnings, blocked: gates.some((g) => g.blocked) };
}

/** A gate with nothing to say (an AWS managed policy is attached, never written). */
export function openGate(): ApplyGate {
  return { errors: [], warnings: [], blocked: false };
}

/**
 * Valid stand-ins for the placeholders the connection fills (the account id, the Region), so that a policy can be
 * gated before the account is read: those placeholders are not errors yet, the others are.
 */
export const STAND_IN_CONNECTION: ResolveContext = { accountId: '000000000000', region: 'eu-west-1' };

/**
 * The gate of a policy as soon as its text is known, before anything else is asked: a document's text, a catalog
 * entry with its account and Region placeholders taken as filled ({@link STAND_IN_CONNECTION}) and its other
 * placeholders blocking, as the plan's gate will. An AWS managed policy is attached, never written: no gate.
 * `kind` is the kind the document is written as (see kindForMode), by default the policy's own.
 */
export async function gatePolicySource(source: PolicySource, kind?: PolicyKind, options: Omit<GateOptions, 'placeholders'> = {}): Promise<ApplyGate> {
  const resolved = resolvePolicyText(source, STAND_IN_CONNECTION);
  if (resolved.text === undefined) return openGate();
  return gate(resolved.text, kind ?? resolved.kind, { ...options, placeholders: resolved.unfilled });
}
