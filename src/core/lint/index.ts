import { getNodePath, type JSONPath } from 'jsonc-parser';
import { iam as sharedIam, type IamIndex } from '../iam';
import { parsePolicy } from '../policy/parse';
import type { ParsedPolicy, PolicyKind } from '../policy/types';
import { allRules } from '../rules';
import { formatMessage, type Edit, type PolicyRule, type Severity } from '../rules/rule';
import type { LintConfig } from './config';
import { budgetNotice } from './notices';
import { LineMap, type Range } from './position';

export * from './config';
export * from './notices';
export * from './position';

/** One finding, resolved to a rule, a severity, a message and an exact range. */
export interface LintFinding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  range: Range;
  /** JSON path of the node the finding is about, when it is about a node. */
  path?: JSONPath;
  data?: Record<string, string>;
  /** Edits that keep what the policy means; applied by {@link fixText} and {@link applyFixes}. */
  fix?: Edit[];
  /** Edits that change what the policy means, offered one by one and never applied in bulk. */
  suggestions?: LintSuggestion[];
}

/** One suggestion of a finding: its message id, its message (filled) and its edits. */
export interface LintSuggestion {
  messageId: string;
  message: string;
  fix: Edit[];
  /** The suggestion's own values for its message's slots (with the finding's `data`, they fill it in any language). */
  data?: Record<string, string>;
}

/** Options for {@link lintText}. */
export interface LintOptions {
  kind?: PolicyKind | 'auto';
  fileName?: string;
  config?: LintConfig;
  /** The rules to run; all registered rules by default. */
  rules?: readonly PolicyRule[];
  iam?: IamIndex;
  /**
   * Milliseconds the rules may take together (IAM data loading does not count). When they are up, linting stops
   * between two rules and the findings so far come with a {@link LINT_BUDGET_RULE_ID} notice. No limit by default.
   */
  budgetMs?: number;
  /** The clock the budget is read from, in milliseconds; `performance.now` by default. */
  now?: () => number;
}

/** The result of linting one text. */
export interface LintResult {
  policy: ParsedPolicy;
  findings: LintFinding[];
}

/** The id used for findings that report a failure inside a rule (a bug, never a policy problem). */
export const INTERNAL_ERROR_RULE_ID = 'internal-error';

/** Services whose data the built-in SSM checks always need. */
const ALWAYS_LOADED = ['ssm', 'ssmmessages', 'ec2messages', 'iam', 'sts', 'ec2'];

/** Lints one policy text; never throws for any input text. */
export async function lintText(text: string, options: LintOptions = {}): Promise<LintResult> {
  const iam = options.iam ?? sharedIam;
  const kind = options.kind && options.kind !== 'auto' ? options.kind : options.config?.kind;
  const policy = parsePolicy(text, { kind, fileName: options.fileName });
  const rules = options.rules ?? allRules;
  const overrides = options.config?.rules ?? {};
  const active = rules.filter((r) => r.meta.appliesTo.includes(policy.kind) && overrides[r.id] !== 'off');
  const { services, conditionKeys } = referencedNames(policy);
  for (const r of active) for (const s of r.meta.needsServices ?? []) services.add(s);
  try {
    await iam.ensure(services, conditionKeys);
  } catch {
    // Missing data degrades the IAM-aware rules to silence; they treat unloaded services as unknown.
  }
  // Most texts get no finding: index their lines only when one needs a range.
  let lines: LineMap | undefined;
  const lineMap = (): LineMap => (lines ??= new LineMap(text));
  const findings: LintFinding[] = [];
  const now = options.now ?? (() => performance.now());
  const started = options.budgetMs === undefined ? 0 : now();
  // Indexed loops here and below: this runs once per rule and finding of every text, and a CLI run keeps its code
  // unoptimised (see src/cli/index.ts), where each step of a for…of allocates an iterator result.
  for (let ran = 0; ran < active.length; ran++) {
    const rule = active[ran] as PolicyRule;
    // Between two rules: the editor lints on the extension host's only thread, so a slow document must not hold it.
    const elapsed = options.budgetMs === undefined || ran === 0 ? 0 : now() - started;
    if (options.budgetMs !== undefined && elapsed > options.budgetMs) {
      findings.push(budgetNotice(elapsed, ran, active.length));
      break;
    }
    const configured = overrides[rule.id] as Severity | undefined;
    let raw;
    try {
      raw = rule.check(policy, { iam, kind: policy.kind, fileName: options.fileName });
    } catch (err) {
      findings.push({
        ruleId: INTERNAL_ERROR_RULE_ID,
        messageId: 'ruleFailed',
        severity: 'warning',
        message: `Rule ${rule.id} failed on this document and was skipped: ${err instanceof Error ? err.message : String(err)}`,
        data: { rule: rule.id, error: err instanceof Error ? err.message : String(err) },
        offset: 0,
        length: 0,
        range: lineMap().range(0, 0),
      });
      continue;
    }
    for (let i = 0; i < raw.length; i++) {
      const f = raw[i] as (typeof raw)[number];
      const offset = f.node ? f.node.offset : (f.range?.offset ?? 0);
      const length = f.node ? f.node.length : (f.range?.length ?? 0);
      const template = rule.meta.messages[f.messageId] ?? f.messageId;
      const suggestions = (rule.meta.hasSuggestions ? f.suggestions : undefined)
        ?.filter((s) => s.fix.length > 0)
        .map((s): LintSuggestion => ({
          messageId: s.messageId,
          message: formatMessage(rule.meta.messages[s.messageId] ?? s.messageId, { ...f.data, ...s.data }),
          fix: s.fix,
          ...(s.data ? { data: s.data } : {}),
        }));
      findings.push({
        ruleId: rule.id,
        messageId: f.messageId,
        severity: configured ?? f.severity ?? rule.meta.defaultSeverity,
        message: formatMessage(template, f.data),
        offset,
        length,
        range: lineMap().range(offset, length),
        path: f.node ? getNodePath(f.node) : undefined,
        data: f.data,
        // A rule that does not declare itself fixable cannot slip an edit into --fix (ESLint refuses such a rule too).
        fix: rule.meta.fixable && f.fix && f.fix.length > 0 ? f.fix : undefined,
        ...(suggestions && suggestions.length > 0 ? { suggestions } : {}),
      });
    }
  }
  // Rule ids are lower-case ASCII words and hyphens, which code-unit order sorts as localeCompare did, without ICU.
  findings.sort((a, b) => a.offset - b.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { policy, findings };
}

/** The service prefixes and condition keys a policy refers to, so their IAM data can be loaded first. */
export function referencedNames(policy: ParsedPolicy): { services: Set<string>; conditionKeys: Set<string> } {
  const services = new Set<string>(ALWAYS_LOADED);
  const conditionKeys = new Set<string>();
  for (const st of policy.statements) {
    for (const item of [...(st.action?.items ?? []), ...(st.notAction?.items ?? [])]) {
      const colon = item.value.indexOf(':');
      if (colon > 0 && colon < 100) services.add(item.value.slice(0, colon).toLowerCase());
    }
    for (const item of [...(st.resource?.items ?? []), ...(st.notResource?.items ?? [])]) {
      const parts = item.value.split(':', 4);
      if (parts[0] === 'arn' && parts[2] && parts[2].length < 100) services.add(parts[2].toLowerCase());
    }
    for (const op of st.condition?.operators ?? []) {
      for (const entry of op.entries) {
        if (entry.key.length > 200) continue;
        conditionKeys.add(entry.key);
        const colon = entry.key.indexOf(':');
        if (colon > 0) services.add(entry.key.slice(0, colon).toLowerCase());
        // ARNs in condition values (aws:SourceArn, aws:PrincipalArn) are checked against their service's data too.
        for (const { value } of entry.values) {
          const parts = typeof value === 'string' ? value.split(':', 4) : [];
          if (parts[0] === 'arn' && parts[2] && parts[2].length < 100) services.add(parts[2].toLowerCase());
        }
      }
    }
    if (services.size > 500 || conditionKeys.size > 2000) break;
  }
  return { services, conditionKeys };
}

/**
 * Lints and applies fixes repeatedly (at most 10 passes) until none applies; returns the text and what remains.
 * Only fixes apply (never suggestions), and only those of the rules `options.config` leaves on.
 */
export async function fixText(text: string, options: LintOptions = {}): Promise<{ text: string; findings: LintFinding[]; passes: number }> {
  let current = text;
  for (let pass = 1; pass <= 10; pass++) {
    const { findings } = await lintText(current, options);
    const next = applyFixes(current, findings);
    if (next === current) return { text: current, findings, passes: pass - 1 };
    current = next;
  }
  return { text: current, findings: (await lintText(current, options)).findings, passes: 10 };
}

/** Applies the fixes (not the suggestions) of the given findings that do not overlap, in one pass (like ESLint's fixer). */
export function applyFixes(text: string, findings: readonly Pick<LintFinding, 'fix'>[]): string {
  const edits: Edit[] = [];
  let lastEnd = -1;
  const groups = findings
    .filter((f) => f.fix && f.fix.length > 0)
    .map((f) => [...(f.fix as Edit[])].sort((a, b) => a.offset - b.offset))
    .sort((a, b) => (a[0]?.offset ?? 0) - (b[0]?.offset ?? 0));
  for (const group of groups) {
    const start = group[0]?.offset ?? 0;
    if (start < lastEnd) continue;
    edits.push(...group);
    const last = group[group.length - 1];
    lastEnd = last ? last.offset + last.length : lastEnd;
  }
  // From the end; of two edits at one offset (an insertion, then a deletion that starts there), the later one first,
  // so the insertion is not deleted with the text after it.
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.offset - a.e.offset || b.i - a.i);
  let out = text;
  for (const { e } of order) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}
