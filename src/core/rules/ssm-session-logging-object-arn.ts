import { parseArn } from '../policy/arn';
import { appendValues, replaceNode } from '../policy/edits';
import { statementCoversAction } from '../policy/query';
import { hasPolicyVariable } from '../policy/resource-arns';
import type { ParsedPolicy } from '../policy/types';
import { allowItemGranting, describeGrant } from '../ssm/action-grants';
import { SESSION_CHANNEL_ACTIONS } from '../ssm/session-manager';
import { hasWildcard, wildcardToRegExp } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

const PUT_OBJECT = 's3:PutObject';

/**
 * In a policy for Session Manager (it grants the ssmmessages channel actions or s3:GetEncryptionConfiguration, as
 * the user guide's logging policy does), s3:PutObject on a bucket ARN or on a literal key prefix without "/*": session
 * logs are objects under the prefix ("prefix/<session-id>.log"), so the grant matches none of them.
 */
export const ssmSessionLoggingObjectArn: PolicyRule = {
  id: 'ssm-session-logging-object-arn',
  meta: {
    description: 'Session Manager writes its logs as objects under the bucket prefix: grant s3:PutObject on "bucket/prefix/*".',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity'],
    messages: {
      bucketArn:
        '{{grant}} on the bucket ARN "{{arn}}" matches no object: PutObject is checked against object ARNs ("{{arn}}/<key>"), and Session Manager writes each session log as an object, so logging to S3 fails. ' +
        'Grant it on "{{suggestion}}" (or on the key prefix set in the session preferences, followed by "/*").',
      prefixArn:
        '{{grant}} on "{{arn}}" matches only the object whose key is exactly "{{key}}". Session Manager writes each session log as a new object under the prefix ("{{key}}/<session ID>.log"), so logging to S3 fails. ' +
        'Grant it on "{{suggestion}}".',
      addObjects: 'Add "{{suggestion}}"',
      usePrefix: 'Write "{{suggestion}}"',
    },
  },
  check(policy) {
    if (!sessionManagerContext(policy)) return [];
    const findings: Finding[] = [];
    const grants = policy.statements.filter((st) => allowItemGranting(st, PUT_OBJECT));
    const covered = (objectArn: string): boolean =>
      grants.some((st) => (st.resource?.items ?? []).some((r) => r.value === '*' || (r.value.includes('/') && wildcardToRegExp(r.value).test(objectArn))));
    for (const st of grants) {
      const action = allowItemGranting(st, PUT_OBJECT);
      const resource = st.resource;
      if (!action || !resource) continue;
      const grant = describeGrant(action, PUT_OBJECT);
      for (const item of resource.items) {
        const arn = parseArn(item.value);
        if (!arn || arn.service !== 's3' || arn.region !== '' || arn.account !== '' || hasPolicyVariable(item.value)) continue;
        const slash = arn.resource.indexOf('/');
        const bucket = slash < 0 ? arn.resource : arn.resource.slice(0, slash);
        if (bucket === '' || hasWildcard(bucket)) continue;
        if (slash < 0) {
          const suggestion = `${item.value}/*`;
          if (covered(`${item.value}/session-log.log`)) continue;
          findings.push({
            messageId: 'bucketArn',
            node: item.node,
            data: { grant, arn: item.value, suggestion },
            suggestions: [{ messageId: 'addObjects', data: { suggestion }, fix: appendValues(policy.text, resource.node, [suggestion]) }],
          });
          continue;
        }
        const key = arn.resource.slice(slash + 1);
        // A wildcard already reaches the keys below; a key whose last segment has a dot names a file, not a prefix.
        if (key === '' || hasWildcard(key) || /\.[^/]*$/.test(key)) continue;
        const prefix = key.replace(/\/+$/, '');
        if (covered(`arn:${arn.partition}:s3:::${bucket}/${prefix}/session-log.log`)) continue;
        const suggestion = `${item.value.replace(/\/+$/, '')}/*`;
        findings.push({
          messageId: 'prefixArn',
          node: item.node,
          data: { grant, arn: item.value, key: prefix, suggestion },
          suggestions: [{ messageId: 'usePrefix', data: { suggestion }, fix: replaceNode(item.node, suggestion) }],
        });
      }
    }
    return findings;
  },
};

/** True when the policy is written for Session Manager: it allows a channel action or s3:GetEncryptionConfiguration. */
function sessionManagerContext(policy: ParsedPolicy): boolean {
  const markers = [...SESSION_CHANNEL_ACTIONS, 's3:GetEncryptionConfiguration'];
  return policy.statements.some((st) => st.effect?.value === 'Allow' && st.action && markers.some((a) => {
    const item = statementCoversAction(st, a);
    return item !== undefined && item !== true && !/^\*+$/.test(item.value);
  }));
}
