import type { Edit } from 'jsonc-parser';
import type { IamIndex } from '../iam';
import type { Node, ParsedPolicy, PolicyKind } from '../policy/types';

export type { Edit } from 'jsonc-parser';

/** How serious a finding is; `off` (in configuration only) disables a rule. */
export type Severity = 'error' | 'warning' | 'info';

/** What a rule reports: a message id, where (a node, or an offset range for text-level findings) and optional fixes. */
export interface Finding {
  messageId: string;
  node?: Node;
  /** For findings that are not a JSON node (comments, commas, syntax errors). */
  range?: { offset: number; length: number };
  /** Values for the `{{name}}` slots of the message. */
  data?: Record<string, string>;
  /**
   * A fix: text edits (jsonc-parser `Edit`s), applied together, that provably keep what the policy means (comments,
   * trailing commas, the case IAM requires, `Version` where no policy variable is affected, removing what is
   * redundant). `--fix` and "Fix all" apply fixes only.
   */
  fix?: Edit[];
  /**
   * Suggestions: edits that change what a statement matches or grants (a did-you-mean, a role path, a condition,
   * extra actions). Offered one by one in the editor; never applied by `--fix` or "Fix all".
   */
  suggestions?: Suggestion[];
  /** A severity for this finding instead of the rule's default (the configuration still overrides both). */
  severity?: Severity;
}

/** One change a user may choose; its title is `meta.messages[messageId]` filled from the finding's `data`, then this `data`. */
export interface Suggestion {
  messageId: string;
  data?: Record<string, string>;
  fix: Edit[];
}

/** What a rule may use besides the policy itself. */
export interface RuleContext {
  iam: IamIndex;
  kind: PolicyKind;
  fileName?: string;
}

/** Static facts about a rule, used by the registry, docs, SARIF and configuration. */
export interface RuleMeta {
  description: string;
  defaultSeverity: Severity;
  /** True when the rule's findings may carry a {@link Finding.fix}; the engine drops fixes of other rules. */
  fixable: boolean;
  /** True when the rule offers suggestions (see {@link Finding.suggestions}); the engine drops suggestions of other rules. */
  hasSuggestions?: boolean;
  appliesTo: PolicyKind[];
  /** Message templates by id; `{{name}}` slots are filled from a finding's `data`. */
  messages: Record<string, string>;
  /** Services whose IAM data the rule reads even when the policy does not name them. */
  needsServices?: string[];
}

/** One lint rule: a stable kebab-case id, its metadata and a pure check. */
export interface PolicyRule {
  id: string;
  meta: RuleMeta;
  check(policy: ParsedPolicy, ctx: RuleContext): Finding[];
}

/** Where each rule's documentation page lives; diagnostics and SARIF link to it. */
export const RULE_DOCS_BASE = 'https://github.com/ssm-policy-studio/ssm-policy-studio/blob/main/docs/rules/';

/** The documentation URL of a rule; the Japanese page (`docs/rules/ja/`) for `ja`. */
export function ruleDocsUrl(ruleId: string, locale: 'en' | 'ja' = 'en'): string {
  return `${RULE_DOCS_BASE}${locale === 'ja' ? 'ja/' : ''}${ruleId}.md`;
}

/** Fills `{{name}}` slots of a message template. */
export function formatMessage(template: string, data: Record<string, string> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => data[name] ?? whole);
}
