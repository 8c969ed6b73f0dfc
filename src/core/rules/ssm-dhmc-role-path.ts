import { arnFieldOffset, parseArn } from '../policy/arn';
import { replaceNode } from '../policy/edits';
import type { Located, Statement } from '../policy/types';
import { DHMC_ROLE_NAME, DHMC_ROLE_PATH } from '../ssm/dhmc';
import type { Finding, PolicyRule } from './rule';

const NO_PATH = `role/${DHMC_ROLE_NAME}`.toLowerCase();

/** An ARN of the DHMC role without its `/service-role/` path names a role that does not exist, so it never matches. */
export const ssmDhmcRolePath: PolicyRule = {
  id: 'ssm-dhmc-role-path',
  meta: {
    description: `ARNs of ${DHMC_ROLE_NAME} must include its ${DHMC_ROLE_PATH} path.`,
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      missingPath:
        `Default Host Management Configuration creates ${DHMC_ROLE_NAME} with the path ${DHMC_ROLE_PATH}, so its ARN is ` +
        '{{expected}}. This ARN has no path and matches no such role (an iam:PassRole grant or deny on it has no effect). ' +
        'Write {{expected}}, unless you created your own role of that name without a path.',
      addPath: `Add the ${DHMC_ROLE_PATH} path to the role ARN`,
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const item of arnCandidates(st)) {
        const expected = withServiceRolePath(item.value);
        if (!expected) continue;
        // A role of that name without a path may exist: the author confirms.
        findings.push({ messageId: 'missingPath', node: item.node, data: { expected }, suggestions: [{ messageId: 'addPath', fix: replaceNode(item.node, expected) }] });
      }
    }
    return findings;
  },
};

/** Every string of a statement that may hold a role ARN: resources, principals and condition values. */
function arnCandidates(st: Statement): Located<string>[] {
  const out: Located<string>[] = [...(st.resource?.items ?? []), ...(st.notResource?.items ?? [])];
  for (const block of [st.principal, st.notPrincipal]) {
    for (const entry of block?.entries ?? []) out.push(...entry.values);
  }
  for (const op of st.condition?.operators ?? []) {
    for (const entry of op.entries) {
      for (const v of entry.values) if (typeof v.value === 'string') out.push({ value: v.value, node: v.node });
    }
  }
  return out;
}

/** The ARN with `service-role/` inserted, when it names the DHMC role without any path. */
function withServiceRolePath(value: string): string | undefined {
  if (value.length > 2048 || !value.toLowerCase().endsWith(NO_PATH)) return undefined;
  const arn = parseArn(value);
  if (arn?.service !== 'iam' || arn.resource.toLowerCase() !== NO_PATH) return undefined;
  const at = arnFieldOffset(value, 5) + 'role/'.length;
  return `${value.slice(0, at)}${DHMC_ROLE_PATH.slice(1)}${value.slice(at)}`;
}
