import { iam } from '../../src/core/iam';
import { referencedNames } from '../../src/core/lint';
import { applyAll } from '../../src/core/policy/edits';
import { parsePolicy } from '../../src/core/policy/parse';
import type { PolicyKind } from '../../src/core/policy/types';
import { formatMessage, type PolicyRule } from '../../src/core/rules/rule';

/** One suggestion of a finding: its title and the text after applying it. */
export interface AppliedSuggestion {
  title: string;
  output: string;
}

/**
 * Runs one rule directly (the lint result does not carry suggestions) and returns, per finding, its suggestions
 * applied to the text.
 */
export async function suggestionsOf(rule: PolicyRule, code: string, kind?: PolicyKind): Promise<AppliedSuggestion[][]> {
  const policy = parsePolicy(code, { kind });
  const { services, conditionKeys } = referencedNames(policy);
  for (const s of rule.meta.needsServices ?? []) services.add(s);
  await iam.ensure(services, conditionKeys);
  return rule.check(policy, { iam, kind: policy.kind }).map((f) =>
    (f.suggestions ?? []).map((s) => ({ title: formatMessage(rule.meta.messages[s.messageId] ?? s.messageId, s.data), output: applyAll(code, s.fix) })),
  );
}
