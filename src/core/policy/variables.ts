import type { ParsedPolicy } from './types';
import { walkNodes } from './walk';

/**
 * True when `${` appears anywhere in the policy: in its text, or in a string once JSON escapes are decoded
 * (`"\u0024{aws:username}"`). Under "2012-10-17" such text is a policy variable (or an escape such as `${*}`);
 * under "2008-10-17", or without a Version, it is literal, so changing the Version changes what the policy matches.
 */
export function mentionsPolicyVariable(policy: ParsedPolicy): boolean {
  if (policy.text.includes('${')) return true;
  // Only an escaped `$` or `{` can hide one from the text.
  if (!policy.text.includes('\\u')) return false;
  let found = false;
  walkNodes(policy.root, (node) => {
    if (found) return false;
    if (node.type === 'string' && typeof node.value === 'string' && node.value.includes('${')) found = true;
    return !found;
  });
  return found;
}
