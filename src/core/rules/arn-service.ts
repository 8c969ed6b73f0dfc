import { parseArn } from '../policy/arn';
import { replaceNode } from '../policy/edits';
import type { Finding, PolicyRule } from './rule';

/** The service field of an ARN: lower case, and no wildcard that stands for several services. */
export const arnService: PolicyRule = {
  id: 'arn-service',
  meta: {
    description: 'The service field of an ARN is a lower-case service namespace; a wildcard in it can match services you did not mean.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      serviceCase: 'The service "{{service}}" in "{{value}}" is not lower case: service namespaces in ARNs are lower case, and IAM rejects the policy. Write "{{suggestion}}".',
      wildcardService:
        'The service field "{{service}}" of "{{value}}" is a pattern, so this ARN matches resources of every service whose name fits it, including services AWS adds later. Write the service namespace (s3, ssm, ec2 …) instead.',
      lowerCaseService: 'Change the service to "{{lower}}"',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const item of [...(st.resource?.items ?? []), ...(st.notResource?.items ?? [])]) {
        const arn = parseArn(item.value);
        if (!arn || arn.service.includes('${') || arn.service.includes('{{')) continue;
        const { service } = arn;
        if (/[*?]/.test(service)) {
          // "*" alone (arn:aws:*:…) says "any service" plainly; a partial pattern such as "*code*" is the surprise.
          if (service !== '*') findings.push({ messageId: 'wildcardService', node: item.node, severity: 'info', data: { service, value: item.value } });
          continue;
        }
        if (service !== service.toLowerCase()) {
          const suggestion = `arn:${arn.partition}:${service.toLowerCase()}:${arn.region}:${arn.account}:${arn.resource}`;
          // ARNs compare case-sensitively: the lower-cased ARN names other resources, so the author confirms it.
          findings.push({
            messageId: 'serviceCase',
            node: item.node,
            data: { service, value: item.value, suggestion },
            suggestions: [{ messageId: 'lowerCaseService', data: { lower: service.toLowerCase() }, fix: replaceNode(item.node, suggestion) }],
          });
        }
      }
    }
    return findings;
  },
};
