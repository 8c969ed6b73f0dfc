import { parseArn } from '../policy/arn';
import { isAllow } from '../policy/query';
import { WEB_IDENTITY_PROVIDERS } from '../policy/service-principals';
import type { Node, Statement } from '../policy/types';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

const GITHUB = 'token.actions.githubusercontent.com';

/** Trusting an OIDC provider without conditions on its claims lets every identity of that provider assume the role. */
export const trustFederatedConditions: PolicyRule = {
  id: 'trust-federated-conditions',
  meta: {
    description: 'A role that trusts an OIDC provider should limit which identities of that provider may assume it (aud, sub; for GitHub the repository and branch).',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['trust'],
    messages: {
      oidcNoCondition:
        'This statement trusts the identity provider "{{provider}}" without a condition on its keys ({{provider}}:aud, {{provider}}:sub …), so any identity that provider issues tokens for may assume the role. Add a condition on "{{provider}}:aud" (and usually ":sub").',
      githubNoSub:
        'This statement trusts GitHub Actions without a "token.actions.githubusercontent.com:sub" condition, so a workflow in any GitHub repository, including other people\'s, may assume the role. Add "StringLike": { "token.actions.githubusercontent.com:sub": "repo:<owner>/<repository>:ref:refs/heads/<branch>" }.',
      githubSubWildcard:
        '"{{value}}" lets any repository or branch that fits the wildcard assume the role. Name the repository and branch ("repo:<owner>/<repository>:ref:refs/heads/main"), or add a "token.actions.githubusercontent.com:ref" condition for the branch.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      if (!isAllow(st)) continue;
      for (const entry of st.principal?.entries ?? []) {
        if (entry.type !== 'Federated') continue;
        for (const item of entry.values) {
          const provider = oidcProvider(item.value);
          if (!provider) continue;
          const keys = conditionKeys(st);
          if (provider === GITHUB) {
            const sub = keys.filter((k) => k.key === `${GITHUB}:sub`);
            if (sub.length === 0) {
              findings.push({ messageId: 'githubNoSub', node: item.node });
              continue;
            }
            if (keys.some((k) => k.key === `${GITHUB}:ref`)) continue;
            for (const { values } of sub) {
              for (const v of values) {
                if (typeof v.value === 'string' && hasWildcard(v.value)) findings.push({ messageId: 'githubSubWildcard', node: v.node, data: { value: v.value } });
              }
            }
          } else if (!keys.some((k) => k.key.startsWith(`${provider}:`))) {
            findings.push({ messageId: 'oidcNoCondition', node: item.node, data: { provider } });
          }
        }
      }
    }
    return findings;
  },
};

/** The host of an OIDC provider (its condition key prefix), lower case; undefined for SAML and anything else. */
function oidcProvider(value: string): string | undefined {
  const lower = value.toLowerCase();
  if (WEB_IDENTITY_PROVIDERS.includes(lower)) return lower;
  const arn = value.startsWith('arn:') ? parseArn(value) : undefined;
  if (!arn || arn.service !== 'iam' || !arn.resource.startsWith('oidc-provider/')) return undefined;
  const host = arn.resource.slice('oidc-provider/'.length).toLowerCase();
  return host && !hasWildcard(host) && !host.includes('${') ? host : undefined;
}

/** The statement's condition keys, lower case, with their values. */
function conditionKeys(st: Statement): { key: string; values: { value: unknown; node: Node }[] }[] {
  const out: { key: string; values: { value: unknown; node: Node }[] }[] = [];
  for (const op of st.condition?.operators ?? []) for (const e of op.entries) out.push({ key: e.key.toLowerCase(), values: e.values });
  return out;
}
