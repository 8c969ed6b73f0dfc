import { parseArn } from '../policy/arn';
import { replaceNode } from '../policy/edits';
import { ARN_FIELD, withArnField } from '../policy/resource-arns';
import type { Statement } from '../policy/types';
import { allowItemGranting, describeGrant } from '../ssm/action-grants';
import { wildcardToRegExp } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

const PASS_ROLE = 'iam:PassRole';

/**
 * iam:PassRole granted on an instance profile ARN (arn:aws:iam::111122223333:instance-profile/X): IAM checks PassRole
 * against the role inside the profile, so the entry matches nothing. Reported when no Allow of iam:PassRole in the
 * policy covers the role of the same name.
 */
export const passroleInstanceProfile: PolicyRule = {
  id: 'passrole-instance-profile',
  meta: {
    description: 'iam:PassRole is checked against the role, not the instance profile that holds it.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity'],
    messages: {
      instanceProfile:
        '{{grant}} on "{{arn}}" matches nothing: when an instance is launched or associated with an instance profile, IAM checks iam:PassRole against the role in the profile ({{roleArn}}), not against the profile. ' +
        'Name the role ARN (instance profiles created in the console have the name of their role).',
      useRole: 'Name the role: "{{roleArn}}"',
    },
  },
  check(policy) {
    const grants = policy.statements.filter((st) => allowItemGranting(st, PASS_ROLE));
    const findings: Finding[] = [];
    for (const st of grants) {
      const action = allowItemGranting(st, PASS_ROLE);
      if (!action) continue;
      for (const item of st.resource?.items ?? []) {
        const arn = parseArn(item.value);
        if (!arn || arn.service.toLowerCase() !== 'iam' || !/^instance-profile\//.test(arn.resource)) continue;
        const roleArn = withArnField(item.value, ARN_FIELD.resource, `role/${arn.resource.slice('instance-profile/'.length)}`);
        if (grants.some((g) => coversRole(g, roleArn))) continue;
        findings.push({
          messageId: 'instanceProfile',
          node: item.node,
          data: { grant: describeGrant(action, PASS_ROLE), arn: item.value, roleArn },
          suggestions: [{ messageId: 'useRole', data: { roleArn }, fix: replaceNode(item.node, roleArn) }],
        });
      }
    }
    return findings;
  },
};

/** True when a Resource item of the statement may match the role ARN (a pattern when the profile name has wildcards). */
function coversRole(st: Statement, roleArn: string): boolean {
  const patterned = /[*?]|\$\{/.test(roleArn);
  return (st.resource?.items ?? []).some((r) => {
    if (/^\*+$/.test(r.value)) return true;
    const arn = parseArn(r.value);
    if (!arn || !/^(?:iam|\*+)$/i.test(arn.service)) return false;
    // A wildcard or variable in the profile name: any role entry may be meant for it.
    if (patterned || /\$\{/.test(r.value)) return /^(?:role\/|\*)/.test(arn.resource) || arn.resource.startsWith('${');
    return wildcardToRegExp(r.value).test(roleArn);
  });
}
