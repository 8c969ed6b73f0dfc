import { parseArn } from '../policy/arn';
import type { Node, Statement } from '../policy/types';
import type { Finding, PolicyRule } from './rule';

/**
 * Account IDs that AWS documentation uses in examples. 210987654321 and other arbitrary numbers are not listed:
 * only the ids the docs reserve for examples, or that no real account is likely to have.
 */
export const EXAMPLE_ACCOUNT_IDS: ReadonlySet<string> = new Set([
  '123456789012',
  '111122223333',
  '444455556666',
  '777788889999',
  '555555555555',
  '999999999999',
  '000000000000',
  '111111111111',
  '222222222222',
  '333333333333',
  '012345678901',
  '123456789000',
]);

/** Condition keys whose values are account IDs: aws:SourceAccount, aws:PrincipalAccount, kms:CallerAccount, aws:SourceOwner, ec2:Owner … */
const ACCOUNT_KEY = /(?:Account|Owner)$/i;
/** Longer values are shortened in messages. */
const MAX_SHOWN = 160;

/** A documentation example account id (123456789012, 111122223333 …) in an ARN, a principal or an account condition. */
export const exampleAccountId: PolicyRule = {
  id: 'example-account-id',
  meta: {
    description: 'Account IDs such as 123456789012 or 111122223333 are documentation examples; the policy was probably copied without filling them in.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      arn: '"{{account}}" in "{{value}}" is an example account ID from the AWS documentation: the ARN names an account that is not yours, so the statement matches nothing of yours. Write your 12-digit account ID (or * for any account).',
      principal:
        '"{{account}}" is an example account ID from the AWS documentation: the principal is an account that is not yours, and an Allow would grant access to whoever owns it. Write the 12-digit account ID you mean.',
      conditionValue:
        '"{{value}}" in {{key}} is an example account ID from the AWS documentation, so the condition compares against an account that is not yours. Write your 12-digit account ID.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) checkStatement(st, findings);
    return findings;
  },
};

function checkStatement(st: Statement, findings: Finding[]): void {
  for (const list of [st.resource, st.notResource]) {
    for (const item of list?.items ?? []) checkArn(item.node, item.value, findings);
  }
  for (const block of [st.principal, st.notPrincipal]) {
    const items = [...(block?.bare ? [block.bare] : []), ...(block?.entries ?? []).flatMap((e) => e.values)];
    for (const item of items) {
      if (EXAMPLE_ACCOUNT_IDS.has(item.value)) {
        findings.push({ messageId: 'principal', node: item.node, data: { account: item.value } });
      } else checkArn(item.node, item.value, findings, 'principal');
    }
  }
  for (const op of st.condition?.operators ?? []) {
    for (const entry of op.entries) {
      for (const item of entry.values) {
        const value = typeof item.value === 'number' ? String(item.value) : item.value;
        if (typeof value !== 'string') continue;
        if (EXAMPLE_ACCOUNT_IDS.has(value) && typeof entry.key === 'string' && ACCOUNT_KEY.test(entry.key)) {
          findings.push({ messageId: 'conditionValue', node: item.node, data: { key: entry.key, value } });
        } else checkArn(item.node, value, findings);
      }
    }
  }
}

function checkArn(node: Node, value: string, findings: Finding[], messageId = 'arn'): void {
  if (!value.startsWith('arn:') || value.length > 2048) return;
  const arn = parseArn(value);
  if (!arn || !EXAMPLE_ACCOUNT_IDS.has(arn.account)) return;
  const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
  findings.push({ messageId: messageId === 'principal' ? 'principal' : 'arn', node, data: { account: arn.account, value: shown } });
}
