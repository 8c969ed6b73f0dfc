import { replaceNode } from '../policy/edits';
import { expandActions } from '../policy/query';
import { ARN_FIELD, resourceArns, withArnField } from '../policy/resource-arns';
import { diagnoseArnMixup } from '../ssm/arn-mixups';
import type { Finding, PolicyRule } from './rule';

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
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
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
      changeArn: 'Change the ARN to "{{suggestion}}"',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      const arns = resourceArns(st);
      if (arns.length === 0) continue;
      // Actions without resource-level permissions need "*", not a corrected ARN: resource-type-mismatch says so.
      const { actions, complete } = expandActions(st, ctx.iam);
      if (complete && actions.length > 0 && actions.every((a) => a.isWildcardOnly)) continue;
      for (const { item, arn } of arns) {
        const mixup = diagnoseArnMixup(item.value, arn, ctx.iam);
        if (!mixup) continue;
        let suggestion = withArnField(item.value, ARN_FIELD.resource, mixup.resource);
        suggestion = withArnField(suggestion, ARN_FIELD.service, mixup.service);
        const id = mixup.resource.slice(mixup.resource.indexOf('/') + 1);
        findings.push({
          messageId: mixup.messageId,
          node: item.node,
          data: { arn: item.value, suggestion, id },
          suggestions: [{ messageId: 'changeArn', fix: replaceNode(item.node, suggestion) }],
        });
      }
    }
    return findings;
  },
};

