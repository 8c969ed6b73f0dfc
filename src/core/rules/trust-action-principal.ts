import { parseArn } from '../policy/arn';
import { isTrustAction, TRUST_ACTIONS } from '../policy/elements';
import { actionPatternMatches, splitAction } from '../policy/query';
import { WEB_IDENTITY_PROVIDERS } from '../policy/service-principals';
import type { PrincipalBlock, Statement } from '../policy/types';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/** The kinds of principal a role trust statement can name, by the STS action each one calls to assume the role. */
type PrincipalKind = 'aws' | 'saml' | 'web';

const ASSUME: Record<PrincipalKind, string> = {
  aws: 'sts:AssumeRole',
  saml: 'sts:AssumeRoleWithSAML',
  web: 'sts:AssumeRoleWithWebIdentity',
};
const KINDS = Object.keys(ASSUME) as PrincipalKind[];
const TRUST_LIST = TRUST_ACTIONS.join(', ');
const MISMATCH = 'so this statement lets nobody assume the role (Access Analyzer: "Mismatched action for principal")';

/** File names that say the document is a role trust policy even when no statement grants an STS action yet. */
const TRUST_FILE = /(?:^|[^a-z])trust(?:[^a-z]|$)|assume[-_]?role/i;

/** A principal the statement names, as described in messages, with its kind (undefined: cannot be judged). */
interface NamedPrincipal {
  kind: PrincipalKind | undefined;
  label: string;
}

/** In a role trust policy, an action that does not fit the statement's principals, or that is not an STS role-session action. */
export const trustActionPrincipal: PolicyRule = {
  id: 'trust-action-principal',
  meta: {
    description: 'A role trust policy grants only STS role-session actions, and the assume action must fit the principal: sts:AssumeRoleWithSAML for SAML providers, sts:AssumeRoleWithWebIdentity for OIDC providers, sts:AssumeRole for AWS and service principals.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['trust'],
    needsServices: ['sts'],
    messages: {
      needsSaml: `"{{action}}" cannot be used by {{principals}}: users of a SAML identity provider assume a role with sts:AssumeRoleWithSAML, ${MISMATCH}. Did you mean "{{suggestion}}"?`,
      needsWebIdentity: `"{{action}}" cannot be used by {{principals}}: users of an OIDC or web identity provider assume a role with sts:AssumeRoleWithWebIdentity, ${MISMATCH}. Did you mean "{{suggestion}}"?`,
      needsAssumeRole: `"{{action}}" is only for identity providers under "Federated" (SAML or OIDC), but this statement names {{principals}}, which assume a role with sts:AssumeRole, ${MISMATCH}. Did you mean "{{suggestion}}"?`,
      mismatch: `"{{action}}" fits none of this statement's principals ({{principals}}), ${MISMATCH}. Did you mean {{suggestion}}? A statement per kind of principal keeps this clear.`,
      rolesAnywhere:
        'IAM Roles Anywhere calls sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession to assume a role, and this statement does not allow {{missing}}, so Roles Anywhere cannot deliver credentials for the role. Add {{missing}}.',
      notTrustAction: `"{{action}}" is not an action a role trust policy can grant: the trust policy only says who may assume the role (${TRUST_LIST}), and IAM rejects anything else ("AssumeRole policy may only specify STS AssumeRole actions"). Did you mean "{{suggestion}}"? Grant "{{action}}" in the role's permissions policy instead.`,
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    const named = (st: Statement): boolean => !!(st.principal ?? st.notPrincipal);
    const roleTrust =
      policy.statements.some((st) => named(st) && (st.action?.items ?? []).some((item) => isTrustAction(item.value))) ||
      (typeof ctx.fileName === 'string' && TRUST_FILE.test(baseName(ctx.fileName)));
    if (!roleTrust) return findings;
    const stsLoaded = ctx.iam.isLoaded('sts');
    for (const st of policy.statements) {
      if (!named(st) || !st.action) continue;
      rolesAnywhere(st, findings);
      const principals = principalsOf(st.principal);
      const kinds = principals && new Set(principals.map((p) => p.kind as PrincipalKind));
      for (const item of st.action.items) {
        const action = item.value;
        if (action === '*' || action.length > 200) continue;
        if (!isTrustAction(action)) {
          const parts = splitAction(action);
          // No prefix: action-missing-prefix reports it. An sts: action IAM does not know: action-unknown offers the did-you-mean.
          if (!parts) continue;
          if (parts.service.toLowerCase() === 'sts' && !hasWildcard(action) && stsLoaded && !ctx.iam.action('sts', parts.name)) continue;
          const suggestion = kinds && kinds.size === 1 ? ASSUME[[...kinds][0] as PrincipalKind] : ASSUME.aws;
          findings.push({ messageId: 'notTrustAction', node: item.node, data: { action, suggestion } });
          continue;
        }
        if (st.effect?.value !== 'Allow' || !principals || !kinds || kinds.size === 0) continue;
        const assumes = KINDS.filter((k) => actionPatternMatches(action, ASSUME[k]));
        // sts:TagSession, sts:SetSourceIdentity and sts:SetContext go with any principal.
        if (assumes.length === 0 || assumes.some((k) => kinds.has(k))) continue;
        const wanted = KINDS.filter((k) => kinds.has(k));
        const messageId =
          wanted.length > 1 ? 'mismatch' : wanted[0] === 'saml' ? 'needsSaml' : wanted[0] === 'web' ? 'needsWebIdentity' : 'needsAssumeRole';
        const suggestion = wanted.length > 1 ? wanted.map((k) => `"${ASSUME[k]}"`).join(' or ') : ASSUME[wanted[0] as PrincipalKind];
        findings.push({ messageId, node: item.node, data: { action, suggestion, principals: describe(principals) } });
      }
    }
    return findings;
  },
};

const ROLES_ANYWHERE_ACTIONS = ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'];

/** An Allow that trusts IAM Roles Anywhere but lacks one of the three actions it calls. */
function rolesAnywhere(st: Statement, findings: Finding[]): void {
  if (st.effect?.value !== 'Allow' || !st.action || !st.principal) return;
  const service = st.principal.entries.find((e) => e.type === 'Service');
  const item = service?.values.find((v) => v.value.toLowerCase() === 'rolesanywhere.amazonaws.com');
  if (!item) return;
  const missing = ROLES_ANYWHERE_ACTIONS.filter((a) => !st.action?.items.some((i) => actionPatternMatches(i.value, a)));
  if (missing.length === 0) return;
  findings.push({ messageId: 'rolesAnywhere', node: st.action.node, severity: 'error', data: { missing: missing.join(' and ') } });
}

/**
 * The principals of a Principal element with their kinds; undefined when some principal cannot be judged
 * ("*", an unknown type or provider, a malformed element), so the statement's actions are not checked against them.
 */
function principalsOf(block: PrincipalBlock | undefined): NamedPrincipal[] | undefined {
  if (!block || block.bare || block.node.type !== 'object') return undefined;
  const out: NamedPrincipal[] = [];
  for (const entry of block.entries) {
    if (entry.valueNode.type !== 'string' && entry.valueNode.type !== 'array') return undefined;
    for (const { value } of entry.values) {
      const kind = kindOf(entry.type, value);
      if (!kind) return undefined;
      out.push({ kind, label: labelOf(kind, entry.type, value) });
    }
  }
  return out.length > 0 ? out : undefined;
}

function kindOf(type: string, value: string): PrincipalKind | undefined {
  if (type === 'Service') return 'aws';
  // "AWS": "*" stands for every principal, anonymous callers included.
  if (type === 'AWS') return value === '*' ? undefined : 'aws';
  if (type !== 'Federated') return undefined;
  if (WEB_IDENTITY_PROVIDERS.includes(value)) return 'web';
  const arn = value.startsWith('arn:') ? parseArn(value) : undefined;
  if (!arn || arn.service !== 'iam') return undefined;
  if (arn.resource.startsWith('saml-provider/')) return 'saml';
  if (arn.resource.startsWith('oidc-provider/')) return 'web';
  return undefined;
}

function labelOf(kind: PrincipalKind, type: string, value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  if (kind === 'saml') return `the SAML provider "${shown}"`;
  if (kind === 'web') return `the identity provider "${shown}"`;
  return type === 'Service' ? `the service "${shown}"` : `"${shown}"`;
}

function describe(principals: NamedPrincipal[]): string {
  const labels = [...new Set(principals.map((p) => p.label))];
  return labels.length > 3 ? `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more` : labels.join(', ');
}

function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] ?? fileName;
}
