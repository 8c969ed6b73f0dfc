import { allowItemGranting, describeGrant } from '../ssm/action-grants';
import { DHMC_DOC_URL } from '../ssm/dhmc';
import type { Finding, PolicyRule } from './rule';

/** Explains that ssm:UpdateInstanceInformation in an instance profile makes SSM Agent ignore Default Host Management Configuration. */
export const ssmUpdateInstanceInformation: PolicyRule = {
  id: 'ssm-update-instance-information',
  meta: {
    description: 'An instance profile that allows ssm:UpdateInstanceInformation takes precedence over Default Host Management Configuration.',
    defaultSeverity: 'info',
    fixable: false,
    appliesTo: ['identity'],
    messages: {
      overridesDhmc:
        'This statement allows {{grant}}. If this policy is attached to an EC2 instance profile, SSM Agent registers with the instance profile ' +
        'and does not use Default Host Management Configuration (DHMC) on that instance. That is expected when you manage instances with instance profiles ' +
        '(AmazonSSMManagedInstanceCore grants this action too); if you rely on DHMC, remove the action from the instance profile. See ' +
        DHMC_DOC_URL,
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      const item = allowItemGranting(st, 'ssm:UpdateInstanceInformation');
      if (item) findings.push({ messageId: 'overridesDhmc', node: item.node, data: { grant: describeGrant(item, 'ssm:UpdateInstanceInformation') } });
    }
    return findings;
  },
};
