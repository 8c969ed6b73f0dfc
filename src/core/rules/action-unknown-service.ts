import type { IamIndex } from '../iam';
import { replaceNode } from '../policy/edits';
import { splitAction } from '../policy/query';
import { closest } from '../util/closest';
import { ownEntry } from '../util/own';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/**
 * Names people write for a service instead of its IAM prefix, keyed by the name with everything but
 * letters and digits removed. Spellings that only differ by hyphens or case ("ssm-messages") are
 * found without this table.
 */
const ALIASES: Record<string, string> = {
  systemsmanager: 'ssm',
  systemmanager: 'ssm',
  awssystemsmanager: 'ssm',
  amazonssm: 'ssm',
  simplesystemsmanager: 'ssm',
  sessionmanager: 'ssm',
  parameterstore: 'ssm',
  ssmsessionmanager: 'ssm',
  ssmsession: 'ssmmessages',
  ssmmessage: 'ssmmessages',
  ec2message: 'ec2messages',
  incidentmanager: 'ssm-incidents',
  cloudwatchlogs: 'logs',
  cwlogs: 'logs',
  eventbridge: 'events',
  cloudwatchevents: 'events',
  secretmanager: 'secretsmanager',
  secretsmanagers: 'secretsmanager',
  stepfunctions: 'states',
  elb: 'elasticloadbalancing',
  elbv2: 'elasticloadbalancing',
  opensearch: 'es',
  kinesisfirehose: 'firehose',
  identitycenter: 'sso',
  awssso: 'sso',
  cognito: 'cognito-idp',
  awslambda: 'lambda',
  amazons3: 's3',
};

/** An Action/NotAction item whose `service:` prefix is no IAM service; a suggestion applies a did-you-mean to the prefix. */
export const actionUnknownService: PolicyRule = {
  id: 'action-unknown-service',
  meta: {
    description: 'The prefix of an action must be the IAM service prefix of an AWS service.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      unknownDidYouMean:
        '"{{prefix}}" is not an IAM service prefix, so "{{action}}" matches no action and grants (or denies) nothing. Did you mean "{{suggestion}}"?',
      unknown:
        '"{{prefix}}" is not an IAM service prefix in this linter\'s IAM data (a misspelling, or a retired service such as deepracer), so "{{action}}" matches no action and grants (or denies) nothing. Use the prefix from the Service Authorization Reference (ssm, ssmmessages, ec2messages, ec2 …); a service newer than this linter\'s data is fine.',
      changeAction: 'Change the action to "{{suggestion}}"',
    },
  },
  check(policy, ctx) {
    const prefixes = ctx.iam.servicePrefixes();
    // Without the service list every prefix would look unknown.
    if (prefixes.length === 0) return [];
    const findings: Finding[] = [];
    const suggestions = new Map<string, string | undefined>();
    for (const st of policy.statements) {
      for (const item of [...(st.action?.items ?? []), ...(st.notAction?.items ?? [])]) {
        const parts = splitAction(item.value);
        if (!parts || parts.service.length > 100 || hasWildcard(parts.service) || ctx.iam.hasService(parts.service)) continue;
        const key = parts.service.toLowerCase();
        if (!suggestions.has(key)) suggestions.set(key, suggestPrefix(parts.service, prefixes, ctx.iam));
        const suggestion = suggestions.get(key);
        const data = { prefix: parts.service, action: item.value };
        if (!suggestion) {
          findings.push({ messageId: 'unknown', node: item.node, data });
          continue;
        }
        const fixed = `${suggestion}:${parts.name}`;
        findings.push({
          messageId: 'unknownDidYouMean',
          node: item.node,
          data: { ...data, suggestion: fixed },
          suggestions: [{ messageId: 'changeAction', fix: replaceNode(item.node, fixed) }],
        });
      }
    }
    return findings;
  },
};

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A known alias, a spelling that differs only in hyphens or case, else the closest prefix. */
function suggestPrefix(prefix: string, prefixes: string[], iam: IamIndex): string | undefined {
  const norm = normalize(prefix);
  const alias = ownEntry(ALIASES, norm);
  if (alias && iam.hasService(alias)) return alias;
  return prefixes.find((p) => normalize(p) === norm) ?? closest(prefix, prefixes);
}
