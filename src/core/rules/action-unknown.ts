import { replaceNode } from '../policy/edits';
import { splitAction } from '../policy/query';
import { closest } from '../util/closest';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/** An Action/NotAction item of a known service naming no action of it (no wildcard); a suggestion applies the did-you-mean. */
export const actionUnknown: PolicyRule = {
  id: 'action-unknown',
  meta: {
    description: 'An action must exist in its service.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      unknownDidYouMean:
        'The IAM data has no {{serviceName}} action "{{name}}": a misspelled action matches nothing, so "{{action}}" grants (or denies) nothing. Did you mean "{{suggestion}}"?',
      unknown:
        'The IAM data has no {{serviceName}} action "{{name}}": a misspelled or retired action matches nothing, so "{{action}}" grants (or denies) nothing. Check the name in the Service Authorization Reference (an action newer than this linter\'s data is fine).',
      changeAction: 'Change the action to "{{suggestion}}"',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const item of [...(st.action?.items ?? []), ...(st.notAction?.items ?? [])]) {
        const parts = splitAction(item.value);
        if (!parts || hasWildcard(item.value) || parts.name.length > 200) continue;
        const service = parts.service.toLowerCase();
        // An unloaded service (data failed to load) or one without actions cannot be judged.
        if (!ctx.iam.isLoaded(service) || ctx.iam.action(service, parts.name)) continue;
        const names = ctx.iam.actions(service).map((a) => a.name);
        if (names.length === 0) continue;
        const data = { action: item.value, name: parts.name, serviceName: `${ctx.iam.serviceName(service) ?? service} (${service})` };
        const suggested = closest(parts.name, names);
        if (!suggested) {
          findings.push({ messageId: 'unknown', node: item.node, data });
          continue;
        }
        // Keep the prefix as the user wrote it; only the name changes.
        const suggestion = `${parts.service}:${suggested}`;
        findings.push({
          messageId: 'unknownDidYouMean',
          node: item.node,
          data: { ...data, suggestion },
          suggestions: [{ messageId: 'changeAction', fix: replaceNode(item.node, suggestion) }],
        });
      }
    }
    return findings;
  },
};
