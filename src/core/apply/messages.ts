/** The messages of a failed apply step: the classified AWS error, said for the step that failed. */
import type { ApplyStep } from './types';

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
