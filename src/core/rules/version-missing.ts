import { setAtPath } from '../policy/edits';
import { mentionsPolicyVariable } from '../policy/variables';
import type { Finding, PolicyRule } from './rule';

/**
 * A policy without Version is evaluated as 2008-10-17, where policy variables are literal text. Adding the Version is
 * a fix when no `${` appears in the policy (then both languages read it alike), else a suggestion.
 */
export const versionMissing: PolicyRule = {
  id: 'version-missing',
  meta: {
    description: 'Every policy should state "Version": "2012-10-17".',
    defaultSeverity: 'warning',
    fixable: true,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      missing:
        'The policy has no "Version". IAM then applies the 2008-10-17 language, where policy variables such as ${aws:username} are plain text. Add "Version": "2012-10-17".',
      addVersion: 'Add "Version": "2012-10-17"',
    },
  },
  check(policy) {
    if (policy.root?.type !== 'object' || policy.props.has('Version')) return [];
    // "version" in the wrong case is unknown-element's finding, and its fix renames the key: adding one would duplicate it.
    if ([...policy.props.keys()].some((key) => key.toLowerCase() === 'version')) return [];
    const brace = { offset: policy.root.offset, length: 1 };
    const edit = setAtPath(policy.text, ['Version'], '2012-10-17', true);
    const finding: Finding = { messageId: 'missing', range: brace };
    if (mentionsPolicyVariable(policy)) finding.suggestions = [{ messageId: 'addVersion', fix: edit }];
    else finding.fix = edit;
    return [finding];
  },
};
