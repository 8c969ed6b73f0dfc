/**
 * Whether a role can do what Default Host Management Configuration needs of it: its trust policy is one half
 * (./trust-check.ts), its permissions the other. A role whose AttachRolePolicy never happened trusts SSM and grants
 * nothing; DHMC pointed at it "works" and manages no instance. The engine reads the role's attached and inline
 * policies and passes their documents here.
 */
import { managedEntries } from '../catalog/managed';
import { parsePolicy } from '../policy/parse';
import { hasCondition, isAllow, isDeny, statementCoversAction } from '../policy/query';
import type { Statement } from '../policy/types';
import { DHMC_MANAGED_POLICY } from '../ssm/dhmc';

/**
 * What the SSM Agent must be allowed with DHMC credentials for the instance to be managed: registering and
 * reporting (UpdateInstanceInformation) and the control channel that Session Manager and Run Command use.
 */
export const DHMC_ESSENTIAL_ACTIONS: readonly string[] = [
  'ssm:UpdateInstanceInformation',
  'ssmmessages:CreateControlChannel',
  'ssmmessages:OpenControlChannel',
];

/** One policy of the role: where it comes from (an attached policy's ARN, or `inline:<name>`) and its document. */
export interface RolePolicyDocument {
  source: string;
  /** The document text; undefined when it could not be read (an AWS managed policy this build does not know). */
  text: string | undefined;
}

/** The verdict of {@link checkDhmcRolePermissions}. */
export interface DhmcRolePermissions {
  /** Every essential action is allowed by some policy and not denied. */
  ok: boolean;
  /** The essential actions no policy allows (or a Deny takes back). */
  missing: string[];
  /** The actions allowed only under a Condition, which the agent's call may not meet. */
  conditional: string[];
  /** Policies whose document could not be read, so the verdict may be too strict. */
  unread: string[];
}

/** The ARN suffix of the AWS managed policy DHMC attaches. */
const DHMC_POLICY_SUFFIX = `:iam::aws:policy/${DHMC_MANAGED_POLICY}`;

/** True for the ARN of the AWS managed policy that the documented DHMC role has attached. */
export function isDhmcManagedPolicyArn(arn: string): boolean {
  return arn.endsWith(DHMC_POLICY_SUFFIX) && arn.startsWith('arn:');
}

/** The document of an AWS managed policy this build knows (the catalog's generated copies), by ARN. */
export function knownManagedPolicyText(arn: string): string | undefined {
  const match = /^arn:[a-z-]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!match) return undefined;
  return managedEntries.find((e) => e.managed?.name === match[1])?.text;
}

function statementsOf(text: string): Statement[] {
  return parsePolicy(text, { kind: 'identity' }).statements;
}

/**
 * Checks that the role's policies allow every essential action (on any resource: the agent's calls name the
 * instance). A Deny without a Condition takes an action back; an Allow that holds only under a Condition counts,
 * and is reported in `conditional`.
 */
export function checkDhmcRolePermissions(policies: readonly RolePolicyDocument[]): DhmcRolePermissions {
  const statements: Statement[] = [];
  const unread: string[] = [];
  for (const p of policies) {
    if (p.text === undefined) unread.push(p.source);
    else statements.push(...statementsOf(p.text));
  }
  const missing: string[] = [];
  const conditional: string[] = [];
  for (const action of DHMC_ESSENTIAL_ACTIONS) {
    const allowing = statements.filter((st) => isAllow(st) && statementCoversAction(st, action) !== undefined);
    const denied = statements.some((st) => isDeny(st) && !hasCondition(st) && statementCoversAction(st, action) !== undefined);
    if (allowing.length === 0 || denied) missing.push(action);
    else if (allowing.every(hasCondition)) conditional.push(action);
  }
  return { ok: missing.length === 0, missing, conditional, unread };
}
