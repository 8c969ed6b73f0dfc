import { setAtPath } from '../policy/edits';
import type { PolicyRule } from './rule';

/** A policy without Version is evaluated as 2008-10-17, where policy variables are literal text. */
export const versionMissing: PolicyRule = {
  id: 'version-missing',
  meta: {
    description: 'Every policy should state "Version": "2012-10-17".',
    defaultSeverity: 'warning',
    fixable: true,
    appliesTo: ['identity', 'trust', 'scp'],
    messages: {
      missing:
        'The policy has no "Version". IAM then applies the 2008-10-17 language, where policy variables such as ${aws:username} are plain text. Add "Version": "2012-10-17".',
    },
  },
  check(policy) {
    if (policy.root?.type !== 'object' || policy.props.has('Version')) return [];
    const brace = { offset: policy.root.offset, length: 1 };
    return [{ messageId: 'missing', range: brace, fix: setAtPath(policy.text, ['Version'], '2012-10-17', true) }];
  },
};
