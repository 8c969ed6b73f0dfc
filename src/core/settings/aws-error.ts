import type { Localize } from '../language/localize';
import { code, escapeMarkdown } from './markdown';

/**
 * What went wrong with an AWS call, as src/aws classifies it. `timeout` and `cancelled` come from the
 * region loader ({@link ../dhmc/load-regions}), not from the SDK.
 */
export type AwsErrorKind =
  | 'accessDenied'
  | 'regionNotEnabled'
  | 'throttled'
  | 'expiredSso'
  | 'noCredentials'
  | 'network'
  | 'other'
  | 'timeout'
  | 'cancelled';

/** A classified AWS error: plain data, so the core never sees an SDK exception. */
export interface ClassifiedError {
  kind: AwsErrorKind;
  /** The message to show, free of secrets (src/aws writes it, e.g. which `aws sso login` to run). */
  message: string;
  /** For `accessDenied`: the IAM action that was denied, e.g. `ssm:GetServiceSetting`. */
  action?: string;
  /** The AWS error code when there is one (`ServiceSettingNotFound`, `ThrottlingException` …). */
  code?: string;
}

const KINDS: ReadonlySet<string> = new Set<AwsErrorKind>([
  'accessDenied',
  'regionNotEnabled',
  'throttled',
  'expiredSso',
  'noCredentials',
  'network',
  'other',
  'timeout',
  'cancelled',
]);

/** True for a value shaped like a {@link ClassifiedError} (thrown or returned by a region's fetch). */
export function isClassifiedError(value: unknown): value is ClassifiedError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ClassifiedError>;
  return typeof v.kind === 'string' && KINDS.has(v.kind) && typeof v.message === 'string';
}

/** Any thrown value as a {@link ClassifiedError}: classified errors pass through, the rest become `other`. */
export function toClassifiedError(value: unknown): ClassifiedError {
  if (isClassifiedError(value)) return value;
  if (value instanceof Error) return { kind: 'other', message: value.message || value.name };
  return { kind: 'other', message: String(value) };
}

/** A few words for the error, for a tree item's description: "Throttled", "SSO session expired" … */
export function errorLabel(error: ClassifiedError, t: Localize): string {
  switch (error.kind) {
    case 'accessDenied':
      return error.action ? t('Access denied: {0}', error.action) : t('Access denied');
    case 'regionNotEnabled':
      return t('Region not enabled');
    case 'throttled':
      return t('Throttled');
    case 'expiredSso':
      return t('SSO session expired');
    case 'noCredentials':
      return t('No credentials');
    case 'network':
      return t('Network error');
    case 'timeout':
      return t('Timed out');
    case 'cancelled':
      return t('Cancelled');
    default:
      return t('Error');
  }
}

/** What the user can do about the error, one sentence, or undefined when the message already says it. */
export function errorHint(error: ClassifiedError, t: Localize): string | undefined {
  switch (error.kind) {
    case 'accessDenied':
      return error.action
        ? t('Ask an administrator to allow {0}, then refresh.', code(error.action))
        : t('Ask an administrator for the missing permission, then refresh.');
    case 'regionNotEnabled':
      return t('Enable the Region for the account (Account settings, AWS Regions) or remove it from the Regions setting.');
    case 'throttled':
      return t('AWS throttled the calls even after retries; refresh this Region later.');
    case 'expiredSso':
      return t('Sign in again with aws sso login, then refresh.');
    case 'noCredentials':
      return t('Select an AWS profile or set credentials, then refresh.');
    case 'network':
    case 'timeout':
      return t('Check the network connection and proxy settings, then refresh this Region.');
    case 'cancelled':
      return t('Refresh to load it again.');
    default:
      return undefined;
  }
}

/** The Markdown paragraphs that explain an error in a tooltip: its label, the message, the hint. */
export function errorMarkdown(error: ClassifiedError, t: Localize): string[] {
  const parts = [`**${errorLabel(error, t)}**`];
  if (error.message) parts.push(escapeMarkdown(error.message));
  const hint = errorHint(error, t);
  if (hint) parts.push(hint);
  return parts;
}
