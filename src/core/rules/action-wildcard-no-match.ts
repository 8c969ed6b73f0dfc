import { splitAction } from '../policy/query';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/** An Action/NotAction wildcard pattern of a known service that matches none of its actions. */
export const actionWildcardNoMatch: PolicyRule = {
  id: 'action-wildcard-no-match',
  meta: {
    description: 'A wildcard action pattern should match at least one action of its service.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      noMatch:
        '"{{action}}" matches no action of {{serviceName}}, so it grants (or denies) nothing. Check the spelling of the part around the wildcard (IAM matches "*" and "?" case-insensitively against names such as "{{example}}").',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const item of [...(st.action?.items ?? []), ...(st.notAction?.items ?? [])]) {
        const parts = splitAction(item.value);
        if (!parts || !hasWildcard(parts.name) || hasWildcard(parts.service) || parts.name.length > 200) continue;
        const service = parts.service.toLowerCase();
        if (!ctx.iam.isLoaded(service)) continue;
        const actions = ctx.iam.actions(service);
        if (actions.length === 0 || (ctx.iam.matchActions(item.value)?.length ?? 1) > 0) continue;
        findings.push({
          messageId: 'noMatch',
          node: item.node,
          data: {
            action: item.value,
            serviceName: `${ctx.iam.serviceName(service) ?? service} (${service})`,
            example: `${parts.service}:${nearestByStart(parts.name, actions.map((a) => a.name))}`,
          },
        });
      }
    }
    return findings;
  },
};

/** The action name sharing the longest start with the pattern's literal start, as an example of real names. */
function nearestByStart(pattern: string, names: string[]): string {
  const literal = (pattern.split(/[*?]/)[0] ?? '').toLowerCase();
  let best = names[0] ?? '';
  let bestShared = -1;
  for (const name of names) {
    const lower = name.toLowerCase();
    let i = 0;
    while (i < literal.length && i < lower.length && literal[i] === lower[i]) i++;
    if (i > bestShared) {
      best = name;
      bestShared = i;
    }
  }
  return best;
}
