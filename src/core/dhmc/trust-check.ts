/**
 * Checks the trust policy of a role before Default Host Management Configuration is pointed at it: the linter finds
 * mistakes, and the policy must let Systems Manager (`ssm.amazonaws.com`) call `sts:AssumeRole`.
 */
import { lintText, type LintFinding, type LintOptions } from '../lint';
import { isAllow, isDeny, statementCoversAction } from '../policy/query';
import type { PrincipalBlock, Statement } from '../policy/types';

/** The service principal DHMC roles must trust. */
export const SSM_SERVICE_PRINCIPAL = 'ssm.amazonaws.com';

/** The result of {@link checkDhmcTrustPolicy}. */
export interface DhmcTrustCheck {
  /** True when the role can be used: it trusts SSM and the linter found no error. */
  ok: boolean;
  /** An Allow statement lets `ssm.amazonaws.com` call `sts:AssumeRole`, and no unconditional Deny takes it back. */
  trustsSsm: boolean;
  /** The statement that trusts SSM has a Condition, so SSM's call may still be refused. */
  conditional: boolean;
  /** Linter findings of severity error. */
  errors: LintFinding[];
  /** The other linter findings. */
  warnings: LintFinding[];
}

function namesSsm(principal: PrincipalBlock | undefined, orAnyone: boolean): boolean {
  if (!principal) return false;
  if (principal.bare) return orAnyone && principal.bare.value === '*';
  return principal.entries.some(
    (e) => (e.type === 'Service' && e.values.some((v) => v.value === SSM_SERVICE_PRINCIPAL)) || (orAnyone && e.type === 'AWS' && e.values.some((v) => v.value === '*')),
  );
}

function grantsAssumeRole(st: Statement): boolean {
  return statementCoversAction(st, 'sts:AssumeRole') !== undefined;
}

/** Lints a trust policy and checks that it trusts ssm.amazonaws.com for sts:AssumeRole; never throws. */
export async function checkDhmcTrustPolicy(text: string, options: Pick<LintOptions, 'iam' | 'config'> = {}): Promise<DhmcTrustCheck> {
  const { policy, findings } = await lintText(text, { ...options, kind: 'trust' });
  const allowing = policy.statements.filter((st) => isAllow(st) && namesSsm(st.principal, false) && grantsAssumeRole(st));
  const denied = policy.statements.some(
    (st) => isDeny(st) && (st.condition?.operators.length ?? 0) === 0 && namesSsm(st.principal, true) && grantsAssumeRole(st),
  );
  const trustsSsm = allowing.length > 0 && !denied;
  const conditional = trustsSsm && allowing.every((st) => (st.condition?.operators.length ?? 0) > 0);
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity !== 'error');
  return { ok: trustsSsm && errors.length === 0, trustsSsm, conditional, errors, warnings };
}
