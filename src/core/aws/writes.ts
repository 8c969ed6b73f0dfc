/**
 * The writes the extension makes, and what a failed one means. A write is retried automatically only when a
 * second attempt cannot do harm: idempotent writes (the same request twice leaves the same state) may retry on
 * any retryable error; the others only when AWS said it did not run the request (throttling, a connection that
 * never opened). After an ambiguous failure (a 5xx, a timeout, a connection lost after the request was sent) the
 * engine reads the state back and settles the outcome with {@link settleWrite}.
 */
import { toAwsError, type AwsError } from './error';

/** Every AWS write the extension makes, as `service:Action`. */
export const WRITE_ACTIONS = [
  'iam:CreateRole',
  'iam:DeleteRole',
  'iam:PutRolePolicy',
  'iam:DeleteRolePolicy',
  'iam:UpdateAssumeRolePolicy',
  'iam:AttachRolePolicy',
  'iam:DetachRolePolicy',
  'iam:CreatePolicy',
  'iam:DeletePolicy',
  'iam:CreatePolicyVersion',
  'iam:DeletePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:CreateInstanceProfile',
  'iam:DeleteInstanceProfile',
  'iam:AddRoleToInstanceProfile',
  'iam:RemoveRoleFromInstanceProfile',
  'ssm:UpdateServiceSetting',
  'ssm:ResetServiceSetting',
  'ssm:RegisterDefaultHostManagementConfiguration',
  'ssm:DeregisterDefaultHostManagementConfiguration',
  'ec2:ModifyInstanceMetadataOptions',
] as const;

export type WriteAction = (typeof WRITE_ACTIONS)[number];

/**
 * Writes whose repetition leaves the state as one call would and answers the same: attaching an attached policy,
 * choosing a default version, setting a setting. Creations (a second CreatePolicyVersion makes a second version; a
 * second CreateRole fails with EntityAlreadyExists after the first succeeded) and deletions (the second answers
 * NoSuchEntity) are not; nor are PutRolePolicy and UpdateAssumeRolePolicy, whose document was chosen after reading
 * the current one: a late second attempt would overwrite whatever changed in between.
 */
const IDEMPOTENT: ReadonlySet<WriteAction> = new Set<WriteAction>([
  'iam:AttachRolePolicy',
  'iam:SetDefaultPolicyVersion',
  'ssm:UpdateServiceSetting',
  'ssm:ResetServiceSetting',
  // The same registration again succeeds and changes nothing; deregistering twice leaves DHMC off either way.
  'ssm:RegisterDefaultHostManagementConfiguration',
  'ssm:DeregisterDefaultHostManagementConfiguration',
  'ec2:ModifyInstanceMetadataOptions',
]);

/** True for an action of {@link WRITE_ACTIONS}. */
export function isWriteAction(action: string): action is WriteAction {
  return (WRITE_ACTIONS as readonly string[]).includes(action);
}

/** True when the write may be sent twice (see {@link IDEMPOTENT}). */
export function isIdempotentWrite(action: WriteAction): boolean {
  return IDEMPOTENT.has(action);
}

/** The parts of a classified failure ({@link AwsError}) this module reads. */
export type WriteFailure = Pick<AwsError, 'kind' | 'reason' | 'outcomeUnknown'>;

/**
 * How a failed write may have ended: `notApplied` when AWS refused it (a 4xx: denied, throttled, invalid, not
 * found…) or it was never sent (a refused connection); `ambiguous` when it may have run (a 5xx, a timeout, a
 * connection lost after the request was sent, a call cancelled in flight), so the state must be read back.
 */
export function failureCertainty(failure: WriteFailure): 'notApplied' | 'ambiguous' {
  return failure.outcomeUnknown ? 'ambiguous' : 'notApplied';
}

/** True when the request never reached AWS: a connection that was never made. */
function notSent(failure: WriteFailure): boolean {
  return failure.reason === 'network' && !failure.outcomeUnknown;
}

/**
 * True when the failure may be retried automatically for this write: any write when AWS did not run it
 * (throttling, no connection); an idempotent write also after an ambiguous failure. A cancelled call never.
 */
export function mayRetryWrite(action: WriteAction, failure: WriteFailure): boolean {
  if (failure.kind === 'cancelled') return false;
  if (failure.reason === 'throttled' || notSent(failure)) return true;
  return isIdempotentWrite(action) && failure.outcomeUnknown;
}

/** What a read-back after the failure found: the state the write would leave, the state before it, or no answer. */
export type ReadBack = 'changed' | 'unchanged' | 'unreadable';

/** The outcome of a write, as reported to the user. */
export type WriteOutcome = 'applied' | 'notApplied' | 'unknown';

/**
 * The outcome of a failed write, given what a read-back found. A refused write did not happen (whatever the
 * read says: someone else may have changed the same thing). An ambiguous one happened when the state shows it;
 * after a timeout an unchanged state does not prove it will not land later, so that stays `unknown` (the caller
 * says so and refreshes); after a 5xx or a lost connection it did not happen.
 */
export function settleWrite(failure: WriteFailure, readBack: ReadBack): WriteOutcome {
  if (failureCertainty(failure) === 'notApplied') return 'notApplied';
  if (readBack === 'changed') return 'applied';
  if (readBack === 'unreadable') return 'unknown';
  return failure.reason === 'timeout' || failure.reason === 'aborted' ? 'unknown' : 'notApplied';
}

/** How a write ended: its outcome, what it returned, why it failed, and what the read-back found. */
export interface SettledWrite<T, R> {
  outcome: WriteOutcome;
  /** What the write returned, when it answered. */
  value?: T;
  /** Why it failed (also when the read-back showed it applied). */
  error?: AwsError;
  /** After an ambiguous failure: the state read back. */
  readBack?: R;
  /** After an ambiguous failure: why the read-back failed. */
  readError?: AwsError;
}

/**
 * Sends a write; when it fails ambiguously (`outcomeUnknown`), reads the state back and settles the outcome with
 * {@link settleWrite} (`changed` says whether the state read shows the write). A refused write is `notApplied`
 * without a read. Never rejects: anything thrown becomes an {@link AwsError}.
 */
export async function sendAndSettle<T, R>(send: () => Promise<T>, readBack: () => Promise<R>, changed: (state: R) => boolean): Promise<SettledWrite<T, R>> {
  let error: AwsError;
  try {
    return { outcome: 'applied', value: await send() };
  } catch (err) {
    error = toAwsError(err);
  }
  if (!error.outcomeUnknown) return { outcome: 'notApplied', error };
  try {
    const state = await readBack();
    return { outcome: settleWrite(error, changed(state) ? 'changed' : 'unchanged'), error, readBack: state };
  } catch (err) {
    return { outcome: settleWrite(error, 'unreadable'), error, readError: toAwsError(err) };
  }
}
