import { isRoleTrustStatement } from '../policy/elements';
import { renameKey } from '../policy/edits';
import { parseArn } from '../policy/arn';
import { WEB_IDENTITY_PROVIDERS } from '../policy/service-principals';
import type { PrincipalBlock } from '../policy/types';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
/** A host name: an OIDC provider is named by its domain (cognito-identity.amazonaws.com, accounts.google.com). */
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[\w.~/-]*)?$/i;
const ROLE_ID = /^AROA[A-Z0-9]{12,28}$/;
const USER_ID = /^AIDA[A-Z0-9]{12,28}$/;

/** The keys and values of Principal that IAM rejects or that name principals in a fragile or repeated way. */
export const principalFormat: PolicyRule = {
  id: 'principal-format',
  meta: {
    description: 'Principal types must be AWS, Service, Federated or CanonicalUser, a role trust policy cannot trust "*", and federated principals are provider domains or provider ARNs.',
    defaultSeverity: 'error',
    fixable: true,
    appliesTo: ['trust', 'resource'],
    messages: {
      invalidKey: '"{{key}}" is not a principal type, so IAM rejects the policy ("Invalid principal in policy"). Use "AWS", "Service", "Federated" or "CanonicalUser".',
      keyCase: 'The principal type "{{key}}" has the wrong case: principal types are case-sensitive and IAM rejects the policy. Write "{{suggestion}}".',
      trustWildcard:
        '"Principal": "*" is not accepted in a role trust policy: IAM rejects it. Name who may assume the role, or write { "AWS": "*" } with a condition such as "aws:PrincipalOrgID" if every principal of your organization may.',
      federatedFormat:
        '"{{value}}" is not a federated principal: IAM expects the domain of a web identity provider (cognito-identity.amazonaws.com, accounts.google.com …) or the ARN of a SAML or OIDC provider (arn:aws:iam::<account ID>:saml-provider/<name>, …:oidc-provider/<host>), and rejects anything else.',
      roleId:
        '"{{value}}" is the unique ID of an IAM role. IAM shows such an ID when the role was deleted; a new role of the same name gets a new ID, so this principal matches nothing. Write the role ARN (arn:aws:iam::<account ID>:role/<name>).',
      userId:
        '"{{value}}" is the unique ID of an IAM user. IAM shows such an ID when the user was deleted; a new user of the same name gets a new ID, so this principal matches nothing. Write the user ARN (arn:aws:iam::<account ID>:user/<name>).',
      redundantSession:
        '"{{value}}" is a session of the role "{{role}}", which this Principal already names; every session of the role is covered, so this entry adds nothing. Remove it.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      if (st.principal?.bare?.value === '*' && isRoleTrustStatement(st)) {
        findings.push({ messageId: 'trustWildcard', node: st.principal.bare.node });
      }
      for (const block of [st.principal, st.notPrincipal]) {
        if (block) checkBlock(block, findings);
      }
    }
    return findings;
  },
};

function checkBlock(block: PrincipalBlock, findings: Finding[]): void {
  const roles = new Set<string>();
  for (const entry of block.entries) {
    if (!PRINCIPAL_TYPES.includes(entry.type)) {
      const suggestion = PRINCIPAL_TYPES.find((t) => t.toLowerCase() === entry.type.toLowerCase());
      if (!suggestion) {
        findings.push({ messageId: 'invalidKey', node: entry.keyNode, data: { key: entry.type } });
        continue;
      }
      // IAM rejects the key and could read it as no other type: renaming it is a fix, unless another key is spelled
      // the same in some case ("Service" beside "service"), where the rename would make a duplicate or pick one of two.
      const alone = block.entries.filter((e) => e.type.toLowerCase() === entry.type.toLowerCase()).length === 1;
      findings.push({ messageId: 'keyCase', node: entry.keyNode, data: { key: entry.type, suggestion }, ...(alone ? { fix: renameKey(entry.keyNode, suggestion) } : {}) });
      continue;
    }
    for (const item of entry.values) {
      const value = item.value;
      if (entry.type === 'Federated' && !federatedOk(value)) {
        findings.push({ messageId: 'federatedFormat', node: item.node, data: { value: shorten(value) } });
      } else if (entry.type === 'AWS') {
        if (ROLE_ID.test(value)) findings.push({ messageId: 'roleId', node: item.node, severity: 'warning', data: { value } });
        else if (USER_ID.test(value)) findings.push({ messageId: 'userId', node: item.node, severity: 'warning', data: { value } });
        const arn = parseArn(value);
        if (arn?.service === 'iam' && arn.resource.startsWith('role/')) {
          roles.add(`${arn.partition}:${arn.account}:${arn.resource.split('/').pop() ?? ''}`);
        }
      }
    }
  }
  for (const entry of block.entries) {
    if (entry.type !== 'AWS') continue;
    for (const item of entry.values) {
      const arn = parseArn(item.value);
      if (arn?.service !== 'sts' || !arn.resource.startsWith('assumed-role/')) continue;
      const role = arn.resource.split('/')[1] ?? '';
      if (role && !hasWildcard(role) && roles.has(`${arn.partition}:${arn.account}:${role}`)) {
        findings.push({ messageId: 'redundantSession', node: item.node, severity: 'info', data: { value: shorten(item.value), role } });
      }
    }
  }
}

/** True for a provider domain or a SAML/OIDC provider ARN; placeholders and variables are left to other rules. */
function federatedOk(value: string): boolean {
  if (/\$\{|\{\{|<|>/.test(value) || value === '') return true;
  if (hasWildcard(value)) return false;
  if (WEB_IDENTITY_PROVIDERS.includes(value.toLowerCase())) return true;
  if (value.startsWith('arn:')) {
    const arn = parseArn(value);
    return !!arn && arn.service === 'iam' && /^(?:saml-provider|oidc-provider)\/.+/.test(arn.resource);
  }
  return HOST.test(value);
}

function shorten(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}
