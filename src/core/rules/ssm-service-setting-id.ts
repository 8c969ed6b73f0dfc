import { parseArn } from '../policy/arn';
import { replaceNode } from '../policy/edits';
import type { Located } from '../policy/types';
import {
  closestServiceSettingId,
  patternReachesOpenNamespace,
  serviceSettingById,
  serviceSettingIdFromResource,
  serviceSettingNamespace,
  serviceSettingsIn,
  serviceSettingsMatching,
} from '../ssm/service-settings';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/** A `servicesetting` ARN must name a documented setting id (or a wildcard that matches one); a mistyped id matches nothing. */
export const ssmServiceSettingId: PolicyRule = {
  id: 'ssm-service-setting-id',
  meta: {
    description: 'Systems Manager service setting ARNs must name a setting that exists.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      unknownId:
        '"{{id}}" is not a Systems Manager service setting, so this ARN matches nothing and the statement never applies to the setting. Did you mean "{{suggestion}}"? Write {{suggestedArn}}.',
      unknownIdInNamespace:
        '"{{id}}" is not a Systems Manager service setting, so this ARN matches nothing. The settings under {{namespace}} are: {{known}}.',
      wildcardMatchesNone:
        'The pattern "{{id}}" matches no Systems Manager service setting, so this ARN matches nothing.{{hint}}',
      changeArn: 'Change the ARN to "{{suggestedArn}}"',
      unknownSettingId: '"{{id}}" is not a Systems Manager service setting. Did you mean "{{suggestion}}"?',
      unknownSettingIdInNamespace: '"{{id}}" is not a Systems Manager service setting. The settings under {{namespace}} are: {{known}}.',
      changeId: 'Change the setting id to "{{suggestion}}"',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const item of [...(st.resource?.items ?? []), ...(st.notResource?.items ?? [])]) {
        const f = checkArn(item);
        if (f) findings.push(f);
      }
    }
    return findings;
  },
};

function checkArn(item: Located<string>): Finding | undefined {
  const arn = parseArn(item.value);
  if (!arn || arn.service !== 'ssm' || item.value.includes('${')) return undefined;
  const id = serviceSettingIdFromResource(arn.resource);
  if (id === undefined || serviceSettingById(id)) return undefined;
  const prefix = item.value.slice(0, item.value.length - id.length);

  if (hasWildcard(id)) {
    if (serviceSettingsMatching(id).length > 0 || patternReachesOpenNamespace(id)) return undefined;
    const repaired = repairPattern(id);
    if (repaired) {
      return {
        messageId: 'wildcardMatchesNone',
        node: item.node,
        data: { id, hint: ` Did you mean "${repaired}"? Write ${prefix}${repaired}.` },
        suggestions: [{ messageId: 'changeArn', data: { suggestedArn: `${prefix}${repaired}` }, fix: replaceNode(item.node, `${prefix}${repaired}`) }],
      };
    }
    // Only a pattern confined to a fully documented family is certainly empty; elsewhere an unlisted setting may exist.
    const ns = serviceSettingNamespace(literalPrefix(id));
    if (!ns || ns.open) return undefined;
    return { messageId: 'wildcardMatchesNone', node: item.node, data: { id, hint: ` The settings under ${ns.prefix} are: ${knownList(ns.prefix)}.` } };
  }

  const suggestion = closestServiceSettingId(id);
  if (suggestion) {
    const suggestedArn = `${prefix}${suggestion}`;
    return {
      messageId: 'unknownId',
      node: item.node,
      data: { id, suggestion, suggestedArn },
      suggestions: [{ messageId: 'changeArn', fix: replaceNode(item.node, suggestedArn) }],
    };
  }
  const ns = serviceSettingNamespace(id);
  if (!ns || ns.open) return undefined;
  return { messageId: 'unknownIdInNamespace', node: item.node, data: { id, namespace: ns.prefix, known: knownList(ns.prefix) } };
}

/** A wildcard pattern that matches nothing because of doubled slashes or a missing `/ssm` segment, repaired. */
function repairPattern(id: string): string | undefined {
  for (const candidate of [`/${id}`.replace(/\/{2,}/g, '/'), `/ssm/${id}`.replace(/\/{2,}/g, '/')]) {
    if (candidate !== id && serviceSettingsMatching(candidate).length > 0) return candidate;
  }
  return undefined;
}

function literalPrefix(pattern: string): string {
  return pattern.split(/[*?]/)[0] ?? '';
}

function knownList(prefix: string): string {
  const ns = serviceSettingNamespace(prefix);
  return ns ? serviceSettingsIn(ns).map((s) => s.id).join(', ') : '';
}
