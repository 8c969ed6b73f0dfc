import type { IamIndex } from '../iam';
import type { ArnParts } from '../policy/arn';
import { replaceNode } from '../policy/edits';
import { ARN_FIELD, arnCanMatchType, ownResourceTypes, resourceArns, withArnField } from '../policy/resource-arns';
import type { Finding, PolicyRule } from './rule';

interface Mixup {
  messageId: string;
  service: string;
  resource: string;
}

/**
 * EC2 instances and hybrid managed nodes written under the wrong service or resource type:
 * `arn:aws:ssm:…:instance/i-…` (an ec2 ARN), `arn:aws:ec2:…:managed-instance/mi-…` (an ssm ARN),
 * `…:instance/mi-…` (a managed node is a managed-instance) and `…:managed-instance/i-…` (an EC2 instance).
 */
export const ssmArnMixup: PolicyRule = {
  id: 'ssm-arn-mixup',
  meta: {
    description: 'EC2 instances are ec2 ARNs (instance/i-…); hybrid managed nodes are ssm ARNs (managed-instance/mi-…).',
    defaultSeverity: 'warning',
    fixable: true,
    appliesTo: ['identity', 'trust', 'scp'],
    needsServices: ['ssm', 'ec2'],
    messages: {
      instanceUnderSsm:
        'EC2 instances have ec2 ARNs ("arn:…:ec2:region:account:instance/i-…"); no ssm ARN has an instance/ resource, so "{{arn}}" matches nothing. Write "{{suggestion}}".',
      managedInstanceUnderEc2:
        'Hybrid managed nodes (mi-…) have ssm ARNs ("arn:…:ssm:region:account:managed-instance/mi-…"); no ec2 ARN has a managed-instance/ resource, so "{{arn}}" matches nothing. Write "{{suggestion}}".',
      managedNodeAsInstance:
        '"{{id}}" is a hybrid managed node (mi-…), whose ARN is "arn:…:ssm:region:account:managed-instance/mi-…"; as an instance/ ARN it matches nothing. Write "{{suggestion}}".',
      ec2AsManagedInstance:
        '"{{id}}" is an EC2 instance (i-…), whose ARN is "arn:…:ec2:region:account:instance/i-…"; managed-instance/ ARNs are for hybrid nodes (mi-…), so this one matches nothing. Write "{{suggestion}}".',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const { item, arn } of resourceArns(st)) {
        const mixup = diagnose(item.value, arn, ctx.iam);
        if (!mixup) continue;
        let suggestion = withArnField(item.value, ARN_FIELD.resource, mixup.resource);
        suggestion = withArnField(suggestion, ARN_FIELD.service, mixup.service);
        const id = mixup.resource.slice(mixup.resource.indexOf('/') + 1);
        findings.push({
          messageId: mixup.messageId,
          node: item.node,
          data: { arn: item.value, suggestion, id },
          fix: replaceNode(item.node, suggestion),
        });
      }
    }
    return findings;
  },
};

/** A mixup found from the node ID (mi-…, i-…) rather than from the resource type. */
function byId(mixup: Mixup): boolean {
  return mixup.messageId === 'managedNodeAsInstance' || mixup.messageId === 'ec2AsManagedInstance';
}

function diagnose(text: string, arn: ArnParts, iam: IamIndex): Mixup | undefined {
  const service = arn.service.toLowerCase();
  if (service !== 'ssm' && service !== 'ec2') return undefined;
  const slash = arn.resource.indexOf('/');
  if (slash < 0) return undefined;
  const type = arn.resource.slice(0, slash).toLowerCase();
  const id = arn.resource.slice(slash + 1);
  let mixup: Mixup | undefined;
  // The node ID says what the resource is, whatever the service field claims.
  if (type === 'instance' && /^mi-/i.test(id)) mixup = { messageId: 'managedNodeAsInstance', service: 'ssm', resource: `managed-instance/${id}` };
  else if (type === 'managed-instance' && /^i-/i.test(id)) mixup = { messageId: 'ec2AsManagedInstance', service: 'ec2', resource: `instance/${id}` };
  else if (service === 'ssm' && type === 'instance') mixup = { messageId: 'instanceUnderSsm', service: 'ec2', resource: arn.resource };
  else if (service === 'ec2' && type === 'managed-instance') mixup = { messageId: 'managedInstanceUnderEc2', service: 'ssm', resource: arn.resource };
  if (!mixup) return undefined;
  // Only when the IAM data agrees: the written ARN names no type of its service, the corrected one does.
  if (!byId(mixup) && ownResourceTypes(iam, service).some((t) => arnCanMatchType(text, t))) return undefined;
  const corrected = withArnField(withArnField(text, ARN_FIELD.resource, mixup.resource), ARN_FIELD.service, mixup.service);
  if (!ownResourceTypes(iam, mixup.service).some((t) => arnCanMatchType(corrected, t))) return undefined;
  return mixup;
}
