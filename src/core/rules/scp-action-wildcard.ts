import type { Finding, PolicyRule } from './rule';

/** SCP actions accept a wildcard only at the end of the action (`iam:Get*`, not `iam:*Role`). */
export const scpActionWildcard: PolicyRule = {
  id: 'scp-action-wildcard',
  meta: {
    description: 'In a service control policy, a wildcard may appear only at the end of an action.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['scp'],
    messages: {
      midWildcard: '"{{action}}" has a wildcard before its end, which service control policies do not accept: AWS Organizations rejects the policy. Write a trailing "*" ("{{prefix}}*") or list the actions one by one.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const item of [...(st.action?.items ?? []), ...(st.notAction?.items ?? [])]) {
        const value = item.value;
        const first = value.search(/[*?]/);
        if (first < 0 || (first === value.length - 1 && value[first] === '*')) continue;
        findings.push({ messageId: 'midWildcard', node: item.node, data: { action: value, prefix: value.slice(0, first) } });
      }
    }
    return findings;
  },
};
