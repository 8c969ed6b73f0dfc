/**
 * The one error type of the AWS wing, used from the adapter (src/aws) to the screen: {@link AwsError}, its
 * classifier for anything an SDK call throws, and the words the views show for it. Pure: it sees a plain
 * `{ name, message, code, $metadata }` object, never an SDK class. Every message is free of secrets.
 */
import type { Localize } from '../language/localize';
import { code as codeSpan, escapeMarkdown } from '../util/markdown';

/**
 * What went wrong with an AWS call, in a few kinds the user can act on. `timeout` and `cancelled` come from the
 * Region loader (src/core/dhmc/load-regions.ts), the rest from the classifier.
 */
export type AwsErrorKind =
  | 'expiredSso'
  | 'noCredentials'
  | 'accessDenied'
  | 'regionNotEnabled'
  | 'throttled'
  | 'network'
  | 'other'
  | 'timeout'
  | 'cancelled';

/** A finer reason inside a kind, for logs and for callers that branch on it (e.g. `notFound` → create the role). */
export type AwsErrorReason =
  | 'ssoTokenExpired'
  | 'credentialsExpired'
  | 'noCredentials'
  | 'profileNotFound'
  | 'invalidCredentials'
  | 'accessDenied'
  | 'regionNotEnabled'
  | 'throttled'
  | 'network'
  | 'timeout'
  | 'serviceError'
  | 'notFound'
  | 'alreadyExists'
  | 'conflict'
  | 'invalidRequest'
  /** The endpoint does not offer the operation (a Region without a newer API): UnknownOperationException, InvalidAction. */
  | 'unsupported'
  | 'aborted'
  | 'other';

/** The parts of a thrown SDK error the classifier reads; every field is optional because anything may be thrown. */
export interface PlainAwsError {
  name?: string;
  message?: string;
  /** Node system errors (`ECONNREFUSED` …) and some SDK errors carry a code. */
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number; totalRetryDelay?: number };
  /** Set by the SDK on a few errors, e.g. a throttled response. */
  $retryable?: { throttling?: boolean };
  /** A wrapped cause (fetch and some providers wrap the network error). */
  cause?: unknown;
}

/** What the call was, so the message can name the action, the Region and the profile. */
export interface AwsCallContext {
  /** The IAM action of the call, e.g. `ssm:GetServiceSetting`. */
  action?: string;
  region?: string;
  /** The profile the credentials came from; undefined for the default chain. */
  profile?: string;
  /** True when the profile gets its credentials from IAM Identity Center (SSO). */
  ssoProfile?: boolean;
  /** True when the profile is in neither the config nor the credentials file. */
  profileMissing?: boolean;
  /** The Region's opt-in status from EC2 DescribeRegions, when known. */
  regionOptIn?: 'opt-in-not-required' | 'opted-in' | 'not-opted-in';
}

/** What an {@link AwsError} is made from; `reason`, `retryable` and `outcomeUnknown` default from the kind and reason. */
export interface AwsErrorInit {
  kind: AwsErrorKind;
  reason?: AwsErrorReason;
  /** One or two sentences for the user, free of secrets; the variable part last. */
  message: string;
  /** The IAM action of the call (for `accessDenied`: the action that was denied). */
  action?: string;
  /** The AWS error code (`ThrottlingException`, `NoSuchEntity` …) or the Node error code (`ECONNREFUSED`). */
  code?: string;
  region?: string;
  profile?: string;
  httpStatus?: number;
  requestId?: string;
  /** How many attempts the SDK made, retries included. */
  attempts?: number;
  retryable?: boolean;
  outcomeUnknown?: boolean;
}

const DEFAULT_REASON: Record<AwsErrorKind, AwsErrorReason> = {
  expiredSso: 'ssoTokenExpired',
  noCredentials: 'noCredentials',
  accessDenied: 'accessDenied',
  regionNotEnabled: 'regionNotEnabled',
  throttled: 'throttled',
  network: 'network',
  other: 'other',
  timeout: 'timeout',
  cancelled: 'aborted',
};

/** Network codes that mean the request never left: nothing can have happened on the AWS side. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'EPROTO']);

/**
 * True when a write that failed this way may or may not have happened: a 5xx, a timeout, a connection lost or reset
 * after sending, a call cancelled in flight. A refused connection or a denied, throttled or invalid request did not happen.
 */
function outcomeUnknownOf(reason: AwsErrorReason, code: string | undefined): boolean {
  if (reason === 'serviceError' || reason === 'timeout' || reason === 'aborted') return true;
  return reason === 'network' && !(code !== undefined && NOT_SENT_CODES.has(code));
}

/** True when trying the same call again later may succeed. */
function retryableOf(reason: AwsErrorReason): boolean {
  return reason === 'throttled' || reason === 'network' || reason === 'timeout' || reason === 'serviceError' || reason === 'conflict';
}

/**
 * An AWS call that failed, classified: what kind, why, and what the user can do, in words safe to show and to log.
 * The SDK error is not kept (it may hold request data). The class exists twice at run time (the extension bundle
 * and the lazily loaded dist/aws.js): test for it with {@link isAwsError}, never `instanceof`.
 */
export class AwsError extends Error {
  override readonly name = 'AwsError';
  readonly kind: AwsErrorKind;
  readonly reason: AwsErrorReason;
  declare readonly action?: string;
  declare readonly code?: string;
  declare readonly region?: string;
  declare readonly profile?: string;
  declare readonly httpStatus?: number;
  declare readonly requestId?: string;
  declare readonly attempts?: number;
  readonly retryable: boolean;
  /** True when a write may or may not have happened (5xx, timeout, connection lost after sending). */
  readonly outcomeUnknown: boolean;

  constructor(init: AwsErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.reason = init.reason ?? DEFAULT_REASON[init.kind];
    // Only the fields that have a value, so that two equal errors compare equal.
    for (const key of ['action', 'code', 'region', 'profile', 'httpStatus', 'requestId', 'attempts'] as const) {
      if (init[key] !== undefined) Object.defineProperty(this, key, { value: init[key], enumerable: true });
    }
    this.retryable = init.retryable ?? retryableOf(this.reason);
    this.outcomeUnknown = init.outcomeUnknown ?? outcomeUnknownOf(this.reason, init.code);
  }
}

const KINDS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_REASON));

/** True for an {@link AwsError} of either copy of the class: checked by its name and shape, not by `instanceof`. */
export function isAwsError(value: unknown): value is AwsError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<AwsError>;
  return v.name === 'AwsError' && typeof v.kind === 'string' && KINDS.has(v.kind) && typeof v.message === 'string';
}

/** Any thrown value as an {@link AwsError}: an AwsError passes through, anything else is `other` with its message. */
export function toAwsError(value: unknown): AwsError {
  if (isAwsError(value)) return value;
  if (value instanceof Error) return new AwsError({ kind: 'other', message: value.message || value.name });
  return new AwsError({ kind: 'other', message: String(value) });
}

/**
 * Regions that are disabled until the account opts in (every Region launched since March 2019). Used only when
 * the caller does not know the Region's opt-in status from DescribeRegions.
 */
export const OPT_IN_REGIONS: ReadonlySet<string> = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
]);

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
  'NotAuthorized',
]);
/** What AWS answers when the signature's credentials are unknown, and also when the Region is not enabled. */
const UNRECOGNIZED_CREDENTIALS = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'AuthFailure', 'InvalidAccessKeyId', 'SignatureDoesNotMatch']);
const EXPIRED_CREDENTIALS = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);
const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const NOT_FOUND = new Set(['NoSuchEntity', 'NoSuchEntityException', 'ServiceSettingNotFound', 'ParameterNotFound', 'ResourceNotFoundException']);
const ALREADY_EXISTS = new Set(['EntityAlreadyExists', 'EntityAlreadyExistsException']);
const CONFLICT = new Set(['DeleteConflict', 'ConcurrentModification', 'ConcurrentModificationException', 'ConflictException']);
const INVALID_REQUEST = new Set([
  'ValidationException',
  'ValidationError',
  'InvalidParameterValue',
  'InvalidParameterValueException',
  'InvalidInput',
  'MalformedPolicyDocument',
  'MalformedPolicyDocumentException',
  'LimitExceeded',
  'InvalidParameterCombination',
  'MissingParameter',
]);
const UNSUPPORTED = new Set(['UnknownOperation', 'UnknownOperationException', 'InvalidAction', 'UnsupportedOperation', 'UnsupportedOperationException']);
const SERVICE_ERRORS = new Set(['InternalServerError', 'InternalFailure', 'InternalError', 'ServiceUnavailable', 'ServiceUnavailableException', 'ServiceFailure']);

/**
 * Removes what could be a secret from text that came from AWS or the SDK: access key ids, `name=value` pairs
 * of secret keys, tokens and signatures, and long opaque strings such as session tokens. Account ids and ARNs stay: they name, they do not grant.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(?:AKIA|ASIA|AROA|AIDA|ABIA|ACCA)[A-Z0-9]{12,}\b/g, '[redacted key id]')
    .replace(/(aws_secret_access_key|aws_session_token|x-amz-security-token|x-amz-signature|signature|credential)(\s*[=:]\s*)[^\s,;&"']+/gi, '$1$2[redacted]')
    // Session tokens are hundreds of base64 characters; names and paths rarely run this long without a - or a :.
    .replace(/[A-Za-z0-9/+]{100,}={0,2}/g, '[redacted]');
}

/** The codes and names of an error and of its wrapped causes (fetch and the providers wrap the network error). */
function causeCodes(err: PlainAwsError): string[] {
  const out: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const c = current as { code?: unknown; errno?: unknown; name?: unknown; cause?: unknown };
    if (typeof c.code === 'string') out.push(c.code);
    if (typeof c.name === 'string') out.push(c.name);
    current = c.cause;
  }
  return out;
}

/** "User: arn:… is not authorized to perform: ssm:GetServiceSetting on resource: arn:… because …". */
function deniedAction(message: string): { action?: string; because?: string } {
  const action = /not authorized to perform:?\s+([a-z0-9-]+:[A-Za-z0-9*]+)/i.exec(message)?.[1];
  const explicit = /with an (explicit deny in an? [^.]+?)\.?$/i.exec(message)?.[1];
  const because = /\bbecause\s+(.+?)\.?$/i.exec(message)?.[1] ?? (explicit ? `of an ${explicit}` : undefined);
  return { action, because };
}

function loginCommand(profile: string | undefined): string {
  return profile ? `aws sso login --profile ${profile}` : 'aws sso login';
}

function attemptsText(attempts: number | undefined): string {
  return attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
}

/** Classifies any thrown value from an AWS call (an {@link AwsError} passes through); the result is safe to show and to log. */
export function classifyAwsError(thrown: unknown, ctx: AwsCallContext = {}): AwsError {
  if (isAwsError(thrown)) return thrown;
  const err: PlainAwsError = thrown && typeof thrown === 'object' ? (thrown as PlainAwsError) : { message: String(thrown) };
  const name = typeof err.name === 'string' ? err.name : '';
  const code = typeof err.code === 'string' && err.code ? err.code : name && name !== 'Error' ? name : undefined;
  const rawMessage = typeof err.message === 'string' ? err.message : '';
  const message = redactSecrets(rawMessage);
  const status = err.$metadata?.httpStatusCode;
  const attempts = err.$metadata?.attempts;
  const where = ctx.region ? ` in ${ctx.region}` : '';
  const base = {
    code,
    region: ctx.region,
    profile: ctx.profile,
    httpStatus: status,
    requestId: err.$metadata?.requestId,
    attempts,
  };
  // The SDK names IAM's and STS's errors with an Exception suffix (EntityAlreadyExists → EntityAlreadyExistsException).
  const bare = name.replace(/Exception$/, '');
  const is = (set: ReadonlySet<string>): boolean => set.has(name) || set.has(bare) || (code !== undefined && set.has(code));
  const make = (kind: AwsErrorKind, reason: AwsErrorReason, text: string, extra: Partial<AwsErrorInit> = {}): AwsError =>
    new AwsError({ kind, reason, message: text, ...base, ...extra });

  if (name === 'AbortError') return make('other', 'aborted', `The request was cancelled${where}.`);

  // Credentials: the providers throw before any request is sent, so there is no $metadata.
  if (name === 'CredentialsProviderError' || name === 'TokenProviderError' || name === 'ProviderError') {
    if (/\bSSO\b/i.test(rawMessage) && /(expired|invalid|refresh|not found|sso login)/i.test(rawMessage)) {
      return make('expiredSso', 'ssoTokenExpired', `The SSO session has expired or is missing. Run: ${loginCommand(ctx.profile)}`);
    }
    if ((ctx.profile && ctx.profileMissing) || /could not resolve credentials using profile|profile .*(was not found|could not be found)/i.test(rawMessage)) {
      return make(
        'noCredentials',
        'profileNotFound',
        ctx.profile ? `The AWS profile is not in the config or credentials file: ${ctx.profile}` : 'The AWS profile was not found.',
      );
    }
    return make(
      'noCredentials',
      'noCredentials',
      ctx.profile
        ? `Could not load AWS credentials for the profile: ${ctx.profile}`
        : 'No AWS credentials found. Select an AWS profile or set credentials in the environment.',
    );
  }
  if (name === 'UnauthorizedException' && /sso|token/i.test(rawMessage)) {
    // The IAM Identity Center portal rejects a token that expired on the server side.
    return make('expiredSso', 'ssoTokenExpired', `The SSO session has expired. Run: ${loginCommand(ctx.profile)}`);
  }
  if (is(EXPIRED_CREDENTIALS)) {
    if (ctx.ssoProfile) return make('expiredSso', 'ssoTokenExpired', `The SSO credentials have expired. Run: ${loginCommand(ctx.profile)}`);
    return make('noCredentials', 'credentialsExpired', ctx.profile ? `The AWS credentials have expired for the profile: ${ctx.profile}` : 'The AWS credentials have expired.');
  }

  if (is(ACCESS_DENIED)) {
    const parsed = deniedAction(rawMessage);
    const action = parsed.action ?? ctx.action;
    const why = parsed.because ? ` (denied because ${redactSecrets(parsed.because)})` : '';
    return make('accessDenied', 'accessDenied', action ? `Access denied${where}${why}. Missing permission: ${action}` : `Access denied${where}${why}.`, { action });
  }

  if (is(UNRECOGNIZED_CREDENTIALS)) {
    const optIn = ctx.regionOptIn ?? (ctx.region && OPT_IN_REGIONS.has(ctx.region) ? 'not-opted-in' : undefined);
    if (ctx.region && optIn === 'not-opted-in') {
      return make('regionNotEnabled', 'regionNotEnabled', `The Region is not enabled for this account: ${ctx.region}`);
    }
    return make(
      'noCredentials',
      'invalidCredentials',
      ctx.profile ? `AWS did not accept the credentials of the profile: ${ctx.profile}` : 'AWS did not accept the credentials (invalid key or token).',
    );
  }

  if (is(THROTTLING) || status === 429 || err.$retryable?.throttling) {
    return make('throttled', 'throttled', `AWS throttled the requests${where}${attemptsText(attempts)}. Try again later.`);
  }

  const codes = causeCodes(err);
  // A connection reset or closed before the answer: the SDK names it TimeoutError, but nothing timed out. For a
  // write this is a lost answer (it may have run), not a late one (which may still land).
  const lost = codes.find((c) => c === 'ECONNRESET' || c === 'EPIPE') ?? (/socket hang up/i.test(rawMessage) ? 'ECONNRESET' : undefined);
  if (lost) {
    return make('network', 'network', `The connection to AWS was lost before its answer${where}${attemptsText(attempts)}.`, { code: lost });
  }
  if (TIMEOUTS.has(name) || codes.some((c) => TIMEOUTS.has(c))) {
    return make('network', 'timeout', `The request to AWS timed out${where}${attemptsText(attempts)}.`);
  }
  const netCode = codes.find((c) => NETWORK_CODES.has(c));
  if (netCode || (!err.$metadata?.httpStatusCode && /socket hang up|network|fetch failed|getaddrinfo/i.test(rawMessage))) {
    return make('network', 'network', `Could not reach AWS${where}${netCode ? ` (${netCode})` : ''}. Check the network connection and proxy settings.`, {
      code: netCode ?? code,
    });
  }

  if (is(NOT_FOUND)) return make('other', 'notFound', message || `Not found${where}.`);
  if (is(ALREADY_EXISTS)) return make('other', 'alreadyExists', message || 'It already exists.');
  if (is(CONFLICT)) return make('other', 'conflict', message || 'The request conflicts with the current state.');
  if (is(UNSUPPORTED)) return make('other', 'unsupported', `The operation${ctx.action ? ` ${ctx.action}` : ''} is not available${where}.`, { action: ctx.action });
  if (is(INVALID_REQUEST)) return make('other', 'invalidRequest', message ? `AWS rejected the request: ${message}` : 'AWS rejected the request.');
  if (is(SERVICE_ERRORS) || err.$fault === 'server' || (status !== undefined && status >= 500)) {
    return make('other', 'serviceError', `AWS returned an internal error${where}${status ? ` (HTTP ${status})` : ''}${attemptsText(attempts)}.`);
  }
  return make('other', 'other', message ? `The AWS call failed${where}: ${message}` : `The AWS call failed${where}: ${code ?? 'unknown error'}`);
}

/** The fields of an error the words below read (an {@link AwsError}, or its shape in a test). */
type ErrorWords = Pick<AwsError, 'kind' | 'message'> & { action?: string };

/** A few words for the error, for a tree item's description: "Throttled", "SSO session expired" … */
export function errorLabel(error: ErrorWords, t: Localize): string {
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
export function errorHint(error: ErrorWords, t: Localize): string | undefined {
  switch (error.kind) {
    case 'accessDenied':
      return error.action
        ? t('Ask an administrator to allow {0}, then refresh.', codeSpan(error.action))
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
export function errorMarkdown(error: ErrorWords, t: Localize): string[] {
  const parts = [`**${errorLabel(error, t)}**`];
  if (error.message) parts.push(escapeMarkdown(error.message));
  const hint = errorHint(error, t);
  if (hint) parts.push(hint);
  return parts;
}

/**
 * The same error with its message written again through `t` (the editor's display language), from its kind, reason
 * and fields: credentials, denied actions, Regions, throttling, network. AWS's own words (a validation message, a
 * name that was not found) stay as AWS wrote them. An error without a Region is returned as it is.
 */
export function localizedAwsError(error: AwsError, t: Localize): AwsError {
  const { region, profile, action } = error;
  const attempts = error.attempts && error.attempts > 1 ? error.attempts : undefined;
  const login = loginCommand(profile);
  const message = ((): string | undefined => {
    switch (error.reason) {
      case 'ssoTokenExpired':
        return t('The SSO session has expired or is missing. Run: {0}', login);
      case 'profileNotFound':
        return profile ? t('The AWS profile is not in the config or credentials file: {0}', profile) : undefined;
      case 'noCredentials':
        return profile ? t('Could not load AWS credentials for the profile: {0}', profile) : t('No AWS credentials found. Select an AWS profile or set credentials in the environment.');
      case 'credentialsExpired':
        return profile ? t('The AWS credentials have expired for the profile: {0}', profile) : t('The AWS credentials have expired.');
      case 'invalidCredentials':
        return profile ? t('AWS did not accept the credentials of the profile: {0}', profile) : t('AWS did not accept the credentials (invalid key or token).');
      case 'accessDenied': {
        if (!region) return undefined;
        const because = /\(denied because ([^)]*)\)/.exec(error.message)?.[1];
        if (action) return because ? t('Access denied in {0} (denied because {1}). Missing permission: {2}', region, because, action) : t('Access denied in {0}. Missing permission: {1}', region, action);
        return t('Access denied in {0}.', region);
      }
      case 'regionNotEnabled':
        return region ? t('The Region is not enabled for this account: {0}', region) : undefined;
      case 'throttled':
        if (!region) return undefined;
        return attempts ? t('AWS throttled the requests in {0} after {1} attempts. Try again later.', region, attempts) : t('AWS throttled the requests in {0}. Try again later.', region);
      case 'timeout':
        if (error.kind === 'timeout' || !region) return undefined;
        return t('The request to AWS timed out in {0}.', region);
      case 'network':
        if (!region) return undefined;
        return /lost before its answer/.test(error.message) ? t('The connection to AWS was lost before its answer in {0}.', region) : t('Could not reach AWS in {0}. Check the network connection and proxy settings.', region);
      case 'serviceError':
        return region ? t('AWS returned an internal error in {0}.', region) : undefined;
      case 'unsupported':
        return region && action ? t('The operation {0} is not available in {1}.', action, region) : undefined;
      case 'aborted':
        return region ? t('The request was cancelled in {0}.', region) : undefined;
      default:
        return undefined;
    }
  })();
  if (message === undefined || message === error.message) return error;
  const init: AwsErrorInit = { kind: error.kind, reason: error.reason, message, retryable: error.retryable, outcomeUnknown: error.outcomeUnknown };
  for (const key of ['action', 'code', 'region', 'profile', 'httpStatus', 'requestId', 'attempts'] as const) {
    const value = error[key];
    if (value !== undefined) (init as unknown as Record<string, unknown>)[key] = value;
  }
  return new AwsError(init);
}
