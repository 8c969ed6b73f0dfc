import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { PolicyRule } from '../rules/rule';
import { parseJsonValue } from '../util/safe-json';
import { CONFIG_FILE_NAME, ConfigError, validateConfig, type ConfiguredSeverity, type LintConfig } from './config';

const SEVERITIES = new Set<string>(['error', 'warning', 'info', 'off']);

/** Parses the text of a `.ssm-policy-lint.json` (comments and trailing commas allowed, a leading BOM ignored); throws {@link ConfigError}. */
export function parseConfigText(text: string, rules: readonly PolicyRule[], source = CONFIG_FILE_NAME): LintConfig {
  const errors: ParseError[] = [];
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    // Null-prototype objects: a "__proto__" key is reported as unknown instead of configuring through inheritance.
    raw = parseJsonValue(text, errors, { allowTrailingComma: true });
  } catch (err) {
    if (err instanceof RangeError) throw new ConfigError(`${source}: nested too deeply`);
    throw err;
  }
  const first = errors[0];
  if (first) {
    const line = text.slice(0, first.offset).split('\n').length;
    throw new ConfigError(`${source}: not valid JSON (${printParseErrorCode(first.error)} on line ${line})`);
  }
  return validateConfig(raw, rules, source);
}

/** The usable part of the `ssmPolicy.rules` setting: known rule ids with a known severity; the rest is listed. */
export function ruleSeveritiesFromSetting(
  raw: unknown,
  rules: readonly PolicyRule[],
): { rules: Record<string, ConfiguredSeverity>; ignored: string[] } {
  const out: Record<string, ConfiguredSeverity> = {};
  const ignored: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { rules: out, ignored };
  const known = new Set(rules.map((r) => r.id));
  for (const [id, severity] of Object.entries(raw as Record<string, unknown>)) {
    if (known.has(id) && typeof severity === 'string' && SEVERITIES.has(severity)) out[id] = severity as ConfiguredSeverity;
    else ignored.push(id);
  }
  return { rules: out, ignored };
}

/** The configuration the editor lints with: the workspace's file, with the user's setting winning rule by rule. */
export function mergeLintConfig(file: LintConfig | undefined, setting: Readonly<Record<string, ConfiguredSeverity>> = {}): LintConfig {
  const merged: LintConfig = { rules: { ...(file?.rules ?? {}), ...setting } };
  if (file?.kind !== undefined) merged.kind = file.kind;
  return merged;
}
