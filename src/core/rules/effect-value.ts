import { replaceNode } from '../policy/edits';
import { didYouMean } from '../util/did-you-mean';
import type { Finding, PolicyRule } from './rule';

const EFFECTS = ['Allow', 'Deny'] as const;

/** An Effect string other than exactly "Allow" or "Deny"; the wrong case is fixed, a close typo has a suggestion. */
export const effectValue: PolicyRule = {
  id: 'effect-value',
  meta: {
    description: 'Effect must be exactly "Allow" or "Deny".',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      wrongCase: 'Effect "{{value}}" has the wrong case: IAM accepts only "Allow" or "Deny", spelled exactly, and rejects the policy. Write "{{suggestion}}".',
      typo: 'Effect "{{value}}" is not "Allow" or "Deny", so IAM rejects the policy. Did you mean "{{suggestion}}"?',
      invalid: 'Effect "{{value}}" is not valid: IAM accepts only "Allow" or "Deny" and rejects the policy. Write "Allow" to grant or "Deny" to forbid.',
      changeEffect: 'Change the Effect to "{{suggestion}}"',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      const effect = st.effect;
      if (!effect || (EFFECTS as readonly string[]).includes(effect.value)) continue;
      const value = effect.value.length > 40 ? `${effect.value.slice(0, 40)}…` : effect.value;
      const suggestion = effect.value.length <= 20 ? didYouMean(effect.value.trim(), EFFECTS) : undefined;
      if (!suggestion) {
        findings.push({ messageId: 'invalid', node: effect.node, data: { value } });
        continue;
      }
      const edit = replaceNode(effect.node, suggestion);
      // Only a case-only difference has one reading; a typo ("Alow", " Allow ") is a guess the author confirms.
      if (effect.value.toLowerCase() === suggestion.toLowerCase()) findings.push({ messageId: 'wrongCase', node: effect.node, data: { value, suggestion }, fix: edit });
      else findings.push({ messageId: 'typo', node: effect.node, data: { value, suggestion }, suggestions: [{ messageId: 'changeEffect', fix: edit }] });
    }
    return findings;
  },
};
