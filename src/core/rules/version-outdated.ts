import { replaceNode } from '../policy/edits';
import type { Statement } from '../policy/types';
import { mentionsPolicyVariable } from '../policy/variables';
import type { Finding, PolicyRule } from './rule';

const OLD = '2008-10-17';
const CURRENT = '2012-10-17';
// `${$}` is the escape for a literal dollar; excluding `$` inside keeps the scan linear on `${${${...`.
// An empty `${}` names no variable.
const VARIABLE = /\$\{(?:[^}$]+|\$)\}/;

/**
 * `"Version": "2008-10-17"`: the old policy language, in which `${...}` policy variables are literal text. Changing it
 * is a fix when no `${` appears in the policy, else a suggestion (the change makes IAM substitute the variables).
 */
export const versionOutdated: PolicyRule = {
  id: 'version-outdated',
  meta: {
    description: 'Policies should use "Version": "2012-10-17", not the old "2008-10-17" language.',
    defaultSeverity: 'warning',
    fixable: true,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      outdated:
        '"2008-10-17" is the old policy language: it lacks policy variables and newer features, and AWS recommends "2012-10-17" for every policy. Change the Version to "2012-10-17".',
      outdatedWithVariables:
        'This policy uses the policy variable {{variable}}, but under "Version": "2008-10-17" IAM does not substitute variables: it matches "{{variable}}" as literal text, so the statement does not match what it appears to. Change the Version to "2012-10-17".',
      changeVersion: 'Change the Version to "2012-10-17"',
    },
  },
  check(policy) {
    const version = policy.version;
    if (policy.root?.type !== 'object' || version?.value !== OLD) return [];
    const edit = replaceNode(version.node, CURRENT);
    const variable = firstVariable(policy.statements);
    const finding: Finding = variable
      ? { messageId: 'outdatedWithVariables', node: version.node, data: { variable } }
      : { messageId: 'outdated', node: version.node };
    if (mentionsPolicyVariable(policy)) finding.suggestions = [{ messageId: 'changeVersion', fix: edit }];
    else finding.fix = edit;
    return [finding];
  },
};

/**
 * The first `${...}` where IAM (2012-10-17) substitutes variables: Resource, NotResource and condition values.
 * Elsewhere (Action, condition keys …) a `${...}` is text under either version, so the version is not to blame.
 */
function firstVariable(statements: readonly Statement[]): string | undefined {
  for (const st of statements) {
    const values: unknown[] = [...(st.resource?.items ?? []), ...(st.notResource?.items ?? [])].map((item) => item.value);
    for (const op of st.condition?.operators ?? []) for (const entry of op.entries) for (const v of entry.values) values.push(v.value);
    for (const value of values) {
      if (typeof value !== 'string') continue;
      const m = VARIABLE.exec(value);
      if (m) return m[0].length > 80 ? `${m[0].slice(0, 77)}...` : m[0];
    }
  }
  return undefined;
}
