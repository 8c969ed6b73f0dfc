/** The messages of a failed apply step: the classified AWS error, said for the step that failed. */
import { formatMessage, type Localize } from '../language/localize';
import type { ApplyOutcome, ApplyStep } from './types';

/** The parts of an AwsError (src/core/aws/error.ts) a step message uses. */
export interface StepErrorInfo {
  reason: string;
  code?: string;
  message: string;
  action?: string;
}

/** A message for a step that failed, specific to the IAM errors an apply meets; the variable part last. */
export function applyErrorMessage(step: ApplyStep, info: StepErrorInfo): string {
  const code = (info.code ?? '').replace(/Exception$/, '');
  const what = `Could not ${step.description}`;
  switch (code) {
    case 'MalformedPolicyDocument':
      return `${what}: IAM rejected the policy document as malformed. ${info.message}`;
    case 'LimitExceeded':
      return `${what}: an IAM quota was exceeded (document size, policies per role, or five versions per policy). ${info.message}`;
    case 'NoSuchEntity':
      return `${what}: it does not exist (deleted meanwhile?). ${info.message}`;
    case 'EntityAlreadyExists':
      return `${what}: it already exists. ${info.message}`;
    case 'DeleteConflict':
      return `${what}: it is still in use. ${info.message}`;
  }
  if (info.reason === 'accessDenied') return `${what}: access denied. Missing permission: ${info.action ?? `iam:${step.action}`}`;
  return `${what}: ${info.message}`;
}

/**
 * The message that ends an apply, for the notification: what was applied (and which ambiguous failures turned out
 * applied), or the step that failed and whether it happened (not applied, unknown with what to check), what was
 * done, what the rollback restored, what it could not restore and what is left to clean up by hand.
 */
export function describeApplyOutcome(roleArn: string, outcome: ApplyOutcome, t: Localize = formatMessage): string {
  const actions = (steps: readonly ApplyStep[]): string => steps.map((s) => s.action).join(', ');
  const settled = (outcome.settled ?? []).map((s) => s.message);
  if (!outcome.failed) {
    const applied = t('Applied to {0}: {1}.', roleArn, actions(outcome.done));
    return settled.length > 0 ? `${applied} ${settled.join('. ')}.` : applied;
  }
  const parts = [
    outcome.failed.outcome === 'unknown'
      ? t('Outcome unknown at {0}: {1}', outcome.failed.step.action, outcome.failed.message)
      : t('Not applied: {0} failed: {1}', outcome.failed.step.action, outcome.failed.message),
    t('Done before it: {0}.', actions(outcome.done) || t('nothing')),
    t('Rolled back: {0}.', actions(outcome.rolledBack) || t('nothing')),
  ];
  parts.push(...settled.map((m) => `${m}.`));
  for (const n of outcome.notRestorable ?? []) parts.push(t('Not restorable: {0}.', n.reason));
  const left = (outcome.rollbackFailed ?? []).map((f) => f.message);
  if (left.length > 0) parts.push(t('Left behind, clean up by hand: {0}', left.join('; ')));
  parts.push(t('Role: {0}', roleArn));
  return parts.join(' ');
}
