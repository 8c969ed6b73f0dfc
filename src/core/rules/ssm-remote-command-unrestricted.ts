import { hasCondition, hasWildcardResource } from '../policy/query';
import { allowItemGranting, describeGrant } from '../ssm/action-grants';
import type { Finding, PolicyRule } from './rule';

/** ssm:SendCommand or ssm:StartSession on `*` without a condition reaches every managed node of the account. */
export const ssmRemoteCommandUnrestricted: PolicyRule = {
  id: 'ssm-remote-command-unrestricted',
  meta: {
    description: 'Run Command and Session Manager grants should be limited to some managed nodes.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity'],
    messages: {
      sendCommand:
        '{{grant}} on "*" without a condition lets whoever has this policy run any command, as root or SYSTEM, on every managed node of the account. ' +
        'Limit it to some nodes: name instance ARNs (arn:aws:ec2:us-east-2:111122223333:instance/i-0123456789abcdef0) or add a tag condition such as "StringLike": { "ssm:resourceTag/Team": "web" }, ' +
        'and grant the documents to run in a separate statement.',
      startSession:
        '{{grant}} on "*" without a condition gives whoever has this policy an interactive shell on every managed node of the account. ' +
        'Limit it to some nodes: name instance ARNs or add a tag condition such as "StringLike": { "ssm:resourceTag/Team": "web" }.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      if (!hasWildcardResource(st) || hasCondition(st)) continue;
      const send = allowItemGranting(st, 'ssm:SendCommand');
      if (send) findings.push({ messageId: 'sendCommand', node: send.node, data: { grant: describeGrant(send, 'ssm:SendCommand') } });
      const session = allowItemGranting(st, 'ssm:StartSession');
      if (session) findings.push({ messageId: 'startSession', node: session.node, data: { grant: describeGrant(session, 'ssm:StartSession') } });
    }
    return findings;
  },
};
