/**
 * The fixes the readiness of managed nodes offers, made so that they never surprise: each write through the port,
 * and an ambiguous failure (a 5xx, a timeout, a lost answer) settled by reading the state back. The confirmations
 * are in readiness-view.ts; the commands in src/features/dhmc.
 */
import type { AwsError } from '../aws/error';
import type { AwsPort, AwsTarget, CallOptions } from '../aws/port';
import { sendAndSettle, type WriteOutcome } from '../aws/writes';
import { formatMessage, type Localize } from '../language/localize';
import { mapInOrder } from '../util/map-in-order';

/** How one write of a fix ended. */
export interface FixResult {
  /** The instance id, or the role name. */
  subject: string;
  outcome: WriteOutcome;
  error?: AwsError;
}

/** Instances changed at once by Require IMDSv2. */
const IMDS_CONCURRENCY = 4;

/** Requires IMDSv2 (ModifyInstanceMetadataOptions, HttpTokens required) on each instance; never rejects. */
export async function requireImdsV2(port: AwsPort, target: AwsTarget, instanceIds: readonly string[], options: CallOptions = {}): Promise<FixResult[]> {
  return mapInOrder(instanceIds, IMDS_CONCURRENCY, async (instanceId): Promise<FixResult> => {
    const r = await sendAndSettle(
      () => port.requireImdsV2(target, instanceId, options),
      async () => (await port.describeInstances(target, options)).find((x) => x.instanceId === instanceId)?.httpTokens === 'required',
      (required) => required,
    );
    return r.error ? { subject: instanceId, outcome: r.outcome, error: r.error } : { subject: instanceId, outcome: r.outcome };
  });
}

/** Attaches a managed policy to a role (AttachRolePolicy is idempotent); never rejects. */
export async function attachPolicyToRole(port: AwsPort, target: AwsTarget, roleName: string, policyArn: string, options: CallOptions = {}): Promise<FixResult> {
  const r = await sendAndSettle(
    () => port.attachRolePolicy(target, roleName, policyArn, options),
    async () => (await port.listAttachedRolePolicies(target, roleName, options)).some((p) => p.arn === policyArn),
    (attached) => attached,
  );
  return r.error ? { subject: roleName, outcome: r.outcome, error: r.error } : { subject: roleName, outcome: r.outcome };
}

/** The report of a fix: "Done on 3 of 4: i-1, i-2, i-3." and a line per subject where something else happened. */
export function describeFixResults(results: readonly FixResult[], t: Localize = formatMessage): string {
  const done = results.filter((r) => r.outcome === 'applied').map((r) => r.subject);
  const lines = [t('Done on {0} of {1}: {2}.', done.length, results.length, done.join(', ') || t('none'))];
  for (const r of results) {
    if (r.outcome === 'applied') continue;
    if (r.outcome === 'notApplied') lines.push(t('{0}: not applied: {1}', r.subject, r.error?.message ?? ''));
    else lines.push(t('{0}: outcome unknown: {1} Check it again in a moment.', r.subject, r.error?.message ?? ''));
  }
  return lines.join('\n');
}
