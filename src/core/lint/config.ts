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
const KINDS = new Set<string>(['auto', 'identity', 'trust', 'resource', 'scp']);

/**
 * Validates a parsed configuration object against the known rules; throws {@link ConfigError}. Reads own properties
 * only, so a value inherited through a prototype (jsonc-parser's `parse` turns a `"__proto__"` key into one) never
 * configures anything; parse with `parseJsonValue` (core/util/safe-json) to have such keys reported instead.
 */
export function validateConfig(raw: unknown, rules: readonly PolicyRule[], source = 'configuration'): LintConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${source}: expected a JSON object such as { "rules": { "rule-id": "warning" } }`);
  }
  const obj = ownProperties(raw);
  const known = new Set(rules.map((r) => r.id));
  for (const key of obj.keys()) {
    if (key !== 'rules' && key !== 'kind' && key !== '$schema') {
      throw new ConfigError(`${source}: unknown property "${key}" (allowed: rules, kind)`);
    }
  }
  const config: LintConfig = {};
  const kind = obj.get('kind');
  if (kind !== undefined) {
    if (typeof kind !== 'string' || !KINDS.has(kind)) {
      throw new ConfigError(`${source}: "kind" must be one of auto, identity, trust, resource, scp; got ${JSON.stringify(kind)}`);
    }
    config.kind = kind as LintConfig['kind'];
  }
  const ruleSeverities = obj.get('rules');
  if (ruleSeverities !== undefined) {
    if (typeof ruleSeverities !== 'object' || ruleSeverities === null || Array.isArray(ruleSeverities)) {
      throw new ConfigError(`${source}: "rules" must be an object of rule id to severity`);
    }
    // Only known rule ids reach `out`, so it cannot gain a "__proto__" or "toString" entry.
    const out: Record<string, ConfiguredSeverity> = {};
    for (const [id, sev] of ownProperties(ruleSeverities)) {
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

/** The own enumerable string-keyed properties of an object, whatever its prototype. */
function ownProperties(obj: object): Map<string, unknown> {
  return new Map(Object.keys(obj).map((key) => [key, (obj as Record<string, unknown>)[key]]));
}
