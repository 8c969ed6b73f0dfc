import type { PolicyKind } from '../policy/types';
import type { PolicyRule, Severity } from '../rules/rule';

/** A severity as written in configuration. */
export type ConfiguredSeverity = Severity | 'off';

/** The shared configuration of the CLI and the editor (`.ssm-policy-lint.json`). */
export interface LintConfig {
  /** Severity overrides by rule id. */
  rules?: Record<string, ConfiguredSeverity>;
  /** Forces a policy kind for every file. */
  kind?: PolicyKind | 'auto';
}

/** The conventional file name of the configuration, looked up from the working directory. */
export const CONFIG_FILE_NAME = '.ssm-policy-lint.json';

/** A configuration that cannot be used; the message says what to change. */
export class ConfigError extends Error {}

const SEVERITIES = new Set<string>(['error', 'warning', 'info', 'off']);
const KINDS = new Set<string>(['auto', 'identity', 'trust', 'scp']);

/** Validates a parsed configuration object against the known rules; throws {@link ConfigError}. */
export function validateConfig(raw: unknown, rules: readonly PolicyRule[], source = 'configuration'): LintConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${source}: expected a JSON object such as { "rules": { "rule-id": "warning" } }`);
  }
  const obj = raw as Record<string, unknown>;
  const known = new Set(rules.map((r) => r.id));
  for (const key of Object.keys(obj)) {
    if (key !== 'rules' && key !== 'kind' && key !== '$schema') {
      throw new ConfigError(`${source}: unknown property "${key}" (allowed: rules, kind)`);
    }
  }
  const config: LintConfig = {};
  if (obj.kind !== undefined) {
    if (typeof obj.kind !== 'string' || !KINDS.has(obj.kind)) {
      throw new ConfigError(`${source}: "kind" must be one of auto, identity, trust, scp; got ${JSON.stringify(obj.kind)}`);
    }
    config.kind = obj.kind as LintConfig['kind'];
  }
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      throw new ConfigError(`${source}: "rules" must be an object of rule id to severity`);
    }
    const out: Record<string, ConfiguredSeverity> = {};
    for (const [id, sev] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!known.has(id)) throw new ConfigError(`${source}: unknown rule id "${id}"`);
      if (typeof sev !== 'string' || !SEVERITIES.has(sev)) {
        throw new ConfigError(`${source}: rule "${id}" has severity ${JSON.stringify(sev)}; use error, warning, info or off`);
      }
      out[id] = sev as ConfiguredSeverity;
    }
    config.rules = out;
  }
  return config;
}
