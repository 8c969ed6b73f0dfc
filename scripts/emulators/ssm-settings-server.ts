/**
 * The emulators' front server: the one endpoint the SDK reaches for IAM, STS, EC2 and SSM. It answers the SSM
 * operations moto does not implement itself, speaking the SSM JSON 1.1 protocol with state per Region: the service
 * settings (GetServiceSetting, UpdateServiceSetting, ResetServiceSetting) and Default Host Management Configuration
 * (RegisterDefaultHostManagementConfiguration, DeregisterDefaultHostManagementConfiguration); it proxies every other
 * request to moto byte for byte. Each request is identified by service (the SigV4 credential scope) and operation
 * (`X-Amz-Target` for SSM, `Action=` for the query protocols of IAM, STS and EC2), counted, and can be hit by an
 * injected fault: an error before it reaches the store (denied, throttled, a 5xx, a Region not enabled, or an
 * operation the Region does not offer), latency, a write that lands late, or a response lost, withheld or replaced by
 * a 5xx after the write was made. The control API under /_control/ is described in
 * ./start.ts.
 *
 * DHMC (Register/DeregisterDefaultHostManagementConfiguration), as the SDK documents them, on the same state as the
 * service settings:
 * - Register {PermissionModel, RoleArn?, Overwrite?} sets the Region's DHMC setting
 *   (/ssm/managed-instance/default-ec2-instance-management-role) as UpdateServiceSetting does (the role's path and
 *   name without the leading slash, Customized, the caller and the time) and records the permission model; it answers
 *   {RoleArn}. SERVICE_MANAGED takes no RoleArn and registers service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole,
 *   which it creates in moto's IAM when missing (CreateRole with path /service-role/ and the documented trust policy
 *   for ssm.amazonaws.com, AttachRolePolicy of AmazonSSMManagedEC2InstanceDefaultPolicy); an existing role of that
 *   name is used as it is. SELF_MANAGED needs the RoleArn of a role of this account that exists in moto (GetRole).
 * - A Region is registered when its DHMC setting names a role (whatever set it: Register, UpdateServiceSetting or a
 *   seed; the model is SELF_MANAGED unless Register recorded SERVICE_MANAGED for that value). Registering the same
 *   role with the same model again succeeds and changes nothing; another role or another model without
 *   Overwrite: true fails with AlreadyExistsException and changes nothing (SSM's error for registering something
 *   already registered differently, as RegisterPatchBaselineForPatchGroup does; not ConflictException, whose
 *   documentation asks for a retry, which could never succeed here).
 * - Errors (the operations model none but InternalServerError, so these are the emulator's choice, named as SSM
 *   names them elsewhere): ValidationException for a missing or unknown PermissionModel, a SELF_MANAGED request
 *   without RoleArn, a SERVICE_MANAGED one with a RoleArn, and a RoleArn that is no role ARN of this account and
 *   partition; InvalidRole (naming the ARN) when the SELF_MANAGED role does not exist in IAM.
 * - Deregister {} resets the setting as ResetServiceSetting does ($None, Default) and forgets the model. When the
 *   Region was registered SERVICE_MANAGED, the service deletes the role it manages: DetachRolePolicy and DeleteRole
 *   at moto (unless another Region of this emulator still has it registered SERVICE_MANAGED: IAM is global). A
 *   self-managed role is never touched. Deregistering a Region that is not registered succeeds and changes nothing
 *   (the SDK documents no error for it).
 * - The IAM calls go to moto directly (`upstream`), past the faults and the stats; faults apply to the two SSM
 *   operations themselves, per Region and operation, as to the service-setting operations (both are in the default
 *   operations of an ssm fault). Without an upstream both answer InternalServerError.
 *
 * DescribeInstanceInformation answers the managed nodes seeded for the Region (POST /_control/nodes), in pages of
 * MaxResults (5 to 50, default 50) with a NextToken, as SSM pages them; faults apply to it as to the operations above.
 *
 * Usually started by ./start.ts. Alone: node --import tsx scripts/emulators/ssm-settings-server.ts
 *   [--port 0] [--upstream http://127.0.0.1:MOTO] [--account 123456789012] [--verbose] [--exit-with-stdin]
 * It prints "ssm-settings-server listening on http://127.0.0.1:PORT".
 */
import * as http from 'node:http';
import type { IAMClient } from '@aws-sdk/client-iam';
import { managedPolicyArn } from '../../src/core/aws/arn';
import { partitionFor } from '../../src/core/aws/region-list';
import { dhmcTrustPolicy } from '../../src/core/dhmc/role';
import { DEFAULT_DHMC_ROLE, DHMC_NONE, dhmcRoleArn, parseRoleArn, type DhmcRole } from '../../src/core/dhmc/role-value';
import { DHMC_MANAGED_POLICY, DHMC_SETTING_ID } from '../../src/core/ssm/dhmc';
import { SERVICE_SETTINGS, isValidServiceSettingValue, serviceSettingById, serviceSettingIdFromResource } from '../../src/core/ssm/service-settings';

/** The service-setting operations this server answers itself. */
export const SETTING_OPERATIONS = ['GetServiceSetting', 'UpdateServiceSetting', 'ResetServiceSetting'] as const;
/** The DHMC operations this server answers itself. */
export const DHMC_OPERATIONS = ['RegisterDefaultHostManagementConfiguration', 'DeregisterDefaultHostManagementConfiguration'] as const;
/** The managed-node operations this server answers itself, from the fleet seeded per Region. */
export const NODE_OPERATIONS = ['DescribeInstanceInformation'] as const;
/** Every SSM operation this server answers itself (the default operations of an ssm fault). */
export const OWN_OPERATIONS = [...SETTING_OPERATIONS, ...DHMC_OPERATIONS, ...NODE_OPERATIONS] as const;

/** One managed node as POST /_control/nodes seeds it (what DescribeInstanceInformation answers of it). */
export interface SeededNode {
  instanceId: string;
  agentVersion?: string;
  /** Online (default), ConnectionLost, Inactive. */
  pingStatus?: string;
  /** ISO date; now by default. */
  lastPingDateTime?: string;
  platformType?: string;
}
type OwnOperation = (typeof OWN_OPERATIONS)[number];

/** The permission models of RegisterDefaultHostManagementConfiguration. */
export type DhmcPermissionModel = 'SERVICE_MANAGED' | 'SELF_MANAGED';

/** A Region's DHMC registration: the model and the setting value (the role's path and name). */
export interface DhmcRegistration {
  model: DhmcPermissionModel;
  value: string;
}

/** The services the front server routes (to moto, or for the service settings to itself). */
export const SERVICES = ['ssm', 'iam', 'sts', 'ec2'] as const;
export type Service = (typeof SERVICES)[number];

/**
 * Faults answered before the request reaches the store: it never executes (Latency delays it, then it passes).
 * UnknownOperation: the Region does not offer the operation (SSM UnknownOperationException, the query protocols'
 * InvalidAction), as an endpoint answers an operation it does not know.
 */
export const BEFORE_COMMIT_KINDS = ['AccessDenied', 'Throttling', 'InternalError', 'RegionNotEnabled', 'UnknownOperation', 'Latency'] as const;
/** The kinds before the store that answer an error (all but Latency). */
type ErrorKind = Exclude<(typeof BEFORE_COMMIT_KINDS)[number], 'Latency'>;
const isErrorKind = (kind: string | undefined): kind is ErrorKind => kind !== 'Latency' && (BEFORE_COMMIT_KINDS as readonly (string | undefined)[]).includes(kind);
/** Faults that let the request execute, then spoil the response: lost (connection destroyed), withheld, or a 500. */
export const AFTER_COMMIT_KINDS = ['ResponseLost', 'TimeoutAfterCommit', 'InternalErrorAfterCommit'] as const;
/** The kinds of fault the control API injects; DelayedCommit holds the request for `ms`, then executes it. */
export const FAULT_KINDS = [...BEFORE_COMMIT_KINDS, ...AFTER_COMMIT_KINDS, 'DelayedCommit'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Default `ms` per kind. */
const DEFAULT_MS: Partial<Record<FaultKind, number>> = { Latency: 200, TimeoutAfterCommit: 30_000, DelayedCommit: 2000 };

/** One injected fault. */
export interface Fault {
  id: number;
  /** The service it applies to, or `*`; `ssm` by default. */
  service: Service | '*';
  /** A Region code (of the SigV4 scope: the client's Region, for IAM too), or `*` (the default) for every Region. */
  region: string;
  kind: FaultKind;
  /** Latency, TimeoutAfterCommit, DelayedCommit: milliseconds (defaults 200, 30000, 2000). */
  ms?: number;
  /** The operations it applies to; `*` for all. By default the operations this server answers itself for `ssm` (service settings, DHMC, DescribeInstanceInformation), all for another service. */
  operations?: string[];
  /** How many matching requests it still applies to (it is removed after the last); unlimited when undefined. */
  remaining?: number;
  /** How many matching requests still pass untouched before it applies (a fault in the middle of a listing). */
  skip?: number;
}

/** A service setting as this server stores it after an update, a reset or a seed. */
interface StoredSetting {
  value: string;
  status: 'Default' | 'Customized' | 'PendingUpdate';
  lastModifiedDate: Date;
  lastModifiedUser: string;
}

/** Options of {@link startSsmSettingsServer}. */
export interface SsmSettingsServerOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** moto's URL; every request but the operations answered here and the control API is proxied there, and the DHMC operations call its IAM. */
  upstream?: string;
  /** The account id in ARNs; moto's default. */
  accountId?: string;
  /** Who `LastModifiedUser` says changed a setting; moto's caller identity by default. */
  callerArn?: string;
  /** Receives one line per request when set. */
  log?: (line: string) => void;
}

/** A running server. */
export interface SsmSettingsServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Counts of one operation: requests that reached the front, and those executed against the store (moto or the settings). */
export interface OperationStats {
  received: number;
  committed: number;
}

/** What GET /_control/stats answers. */
export interface FrontStats {
  /** AWS requests that reached the front server (every service). */
  requests: number;
  /** Those executed against the store. */
  committed: number;
  inFlight: number;
  maxInFlight: number;
  /** Requests received per operation name, every service together. */
  byOperation: Record<string, number>;
  /** Per service, then per operation. */
  services: Record<string, Record<string, OperationStats>>;
  /** The calls proxied to moto: how many waited for its answer at once (max), and the milliseconds during which at least one did (moto busy, or its answer on the way). */
  moto: { maxInFlight: number; busyMs: number };
}

/**
 * Values the emulator reports for settings whose default the documentation does not give
 * (see defaultValue in src/core/ssm/service-settings.ts); they are the emulator's choice, not AWS data.
 */
const EMULATOR_DEFAULTS: Record<string, string> = {
  '/ssm/appmanager/appmanager-enabled': 'False',
  '/ssm/automation/customer-script-log-destination': 'None',
  '/ssm/automation/customer-script-log-group-name': '/aws/ssm/automation/executeScript',
  '/ssm/opsinsights/opscenter': 'Disabled',
  '/ssm/just-in-time-access/identity-provider': '$None',
};

function defaultValueOf(id: string): string {
  const info = serviceSettingById(id);
  if (info?.defaultValue !== undefined) return info.defaultValue;
  if (EMULATOR_DEFAULTS[id] !== undefined) return EMULATOR_DEFAULTS[id];
  if (info?.allowedValues?.includes('Disabled')) return 'Disabled';
  return '$None';
}

/** An AWS error: `type` is the code (`__type` in JSON, `<Code>` in XML); `fault` the query protocols' `<Type>`. */
class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
  }
}

/** The Region and access key from the SigV4 credential scope of the Authorization header. */
export function signingScope(authorization: string | undefined): { region?: string; accessKeyId?: string; service?: string } {
  const m = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/.exec(authorization ?? '');
  return m ? { accessKeyId: m[1], region: m[2], service: m[3] } : {};
}

/** An AWS request as the front server sees it. */
export interface Call {
  /** The signing name of the credential scope (`ssm`, `iam`, `sts`, `ec2`, …); `ssm` for an unsigned SSM request. */
  service: string;
  region?: string;
  /** The SSM `X-Amz-Target` operation, or the query protocols' `Action`; `unknown` when neither is present. */
  operation: string;
}

/** Identifies the service and operation of a request; undefined for one that is not an AWS call (no scope, no SSM target). */
export function identifyCall(headers: http.IncomingHttpHeaders, url: string, body: Buffer): Call | undefined {
  const scope = signingScope(headers.authorization);
  const target = String(headers['x-amz-target'] ?? '');
  const ssmOperation = target.startsWith('AmazonSSM.') ? target.slice('AmazonSSM.'.length) : undefined;
  const service = scope.service ?? (ssmOperation ? 'ssm' : undefined);
  if (!service) return undefined;
  let operation = ssmOperation;
  if (!operation && target.includes('.')) operation = target.slice(target.lastIndexOf('.') + 1);
  if (!operation) {
    const query = new URL(url, 'http://front').searchParams.get('Action');
    const contentType = String(headers['content-type'] ?? '');
    const form = contentType.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body.toString('utf8')).get('Action') : null;
    operation = form ?? query ?? undefined;
  }
  return { service, region: scope.region, operation: operation ?? 'unknown' };
}

/** A complete HTTP response, held until the faults decide what the client gets. */
interface Answer {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

let requestCounter = 0;
function requestId(): string {
  requestCounter = (requestCounter + 1) % 1e12;
  return `00000000-0000-4000-8000-${requestCounter.toString(16).padStart(12, '0')}`;
}

function jsonAnswer(status: number, value: unknown, contentType = 'application/x-amz-json-1.1'): Answer {
  const body = Buffer.from(JSON.stringify(value));
  return { status, headers: { 'Content-Type': contentType, 'Content-Length': body.length, 'x-amzn-RequestId': requestId() }, body };
}

const xmlEscape = (text: string): string => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** XML namespaces of the query-protocol error documents. */
const QUERY_NAMESPACES: Record<string, string> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

/** An error in the protocol of the service: JSON `__type` for SSM, `<Response><Errors>` for EC2, `<ErrorResponse>` for IAM, STS and the rest. */
function errorAnswer(service: string, err: AwsError): Answer {
  if (service === 'ssm') return jsonAnswer(err.status, { __type: err.type, message: err.message });
  const id = requestId();
  const code = xmlEscape(err.type);
  const message = xmlEscape(err.message);
  const xml =
    service === 'ec2'
      ? `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${id}</RequestID></Response>`
      : `<ErrorResponse${QUERY_NAMESPACES[service] ? ` xmlns="${QUERY_NAMESPACES[service]}"` : ''}><Error><Type>${err.fault}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`;
  const body = Buffer.from(xml);
  return { status: err.status, headers: { 'Content-Type': 'text/xml', 'Content-Length': body.length, 'x-amzn-RequestId': id }, body };
}

/** The error an injected fault answers with, as the service would: codes and HTTP statuses the SDK classifies as AWS's. */
function faultError(kind: ErrorKind, call: Call, callerArn: string, accountId: string): AwsError {
  const region = call.region ?? 'us-east-1';
  if (kind === 'UnknownOperation') {
    // What an endpoint answers for an operation it does not know: SSM's JSON protocol names it UnknownOperationException,
    // the query protocols (IAM, STS, EC2) InvalidAction; both 400, not retried.
    const message = `The operation ${call.operation} is not available in this Region (injected by the emulator).`;
    return new AwsError(call.service === 'ssm' ? 'UnknownOperationException' : 'InvalidAction', message, 400);
  }
  const action = `${call.service}:${call.operation}`;
  const resource = call.service === 'iam' ? `arn:${partitionFor(region).id}:iam::${accountId}:*` : `arn:${partitionFor(region).id}:${call.service}:${region}:${accountId}:*`;
  const denied = `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
  if (call.service === 'ssm') {
    switch (kind) {
      case 'AccessDenied':
        return new AwsError('AccessDeniedException', denied);
      case 'Throttling':
        return new AwsError('ThrottlingException', 'Rate exceeded');
      case 'RegionNotEnabled':
        return new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
      default:
        return new AwsError('InternalServerError', 'An internal error occurred (injected by the emulator).', 500);
    }
  }
  if (call.service === 'ec2') {
    switch (kind) {
      case 'AccessDenied':
        return new AwsError('UnauthorizedOperation', `You are not authorized to perform this operation. User: ${callerArn} is not authorized to perform: ${action}`, 403);
      case 'Throttling':
        return new AwsError('RequestLimitExceeded', 'Request limit exceeded.', 503, 'Sender');
      case 'RegionNotEnabled':
        return new AwsError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
      default:
        return new AwsError('InternalError', 'An internal error has occurred (injected by the emulator).', 500);
    }
  }
  switch (kind) {
    case 'AccessDenied':
      return new AwsError('AccessDenied', denied, 403);
    case 'Throttling':
      return new AwsError('Throttling', 'Rate exceeded', 400);
    case 'RegionNotEnabled':
      return new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
    default:
      return new AwsError(call.service === 'iam' ? 'ServiceFailure' : 'InternalFailure', 'An internal error occurred (injected by the emulator).', 500);
  }
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Headers that belong to one connection, not to the message. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'te', 'trailer']);

/** Starts the server; resolves once it listens. */
export async function startSsmSettingsServer(options: SsmSettingsServerOptions = {}): Promise<SsmSettingsServer> {
  const accountId = options.accountId ?? '123456789012';
  const callerArn = options.callerArn ?? `arn:aws:sts::${accountId}:user/moto`;
  const upstream = options.upstream ? new URL(options.upstream) : undefined;
  const startedAt = new Date();
  const state = new Map<string, Map<string, StoredSetting>>();
  /** The permission model Register recorded per Region, with the value it set (it holds while the setting keeps it). */
  const dhmcModels = new Map<string, DhmcRegistration>();
  /** The managed nodes of each Region, as seeded. */
  const nodes = new Map<string, SeededNode[]>();
  let faults: Fault[] = [];
  let nextFaultId = 1;
  const emptyStats = (): FrontStats => ({ requests: 0, committed: 0, inFlight: 0, maxInFlight: 0, byOperation: {}, services: {}, moto: { maxInFlight: 0, busyMs: 0 } });
  let stats = emptyStats();
  let inFlight = 0;
  /** Calls proxied to moto that wait for its answer, and since when at least one has (while atMoto > 0). */
  let atMoto = 0;
  let motoBusySince = 0;
  const resetStats = (): void => {
    stats = { ...emptyStats(), inFlight, maxInFlight: inFlight, moto: { maxInFlight: atMoto, busyMs: 0 } };
    motoBusySince = performance.now();
  };
  /** The stats as of now: the time moto has been busy so far counted in. */
  const currentStats = (): FrontStats => ({ ...stats, moto: { ...stats.moto, busyMs: stats.moto.busyMs + (atMoto > 0 ? performance.now() - motoBusySince : 0) } });
  const opStats = (call: Call): OperationStats => {
    const byService = (stats.services[call.service] ??= {});
    return (byService[call.operation] ??= { received: 0, committed: 0 });
  };

  // Requests held by a fault (Latency, DelayedCommit, TimeoutAfterCommit): a reset or close() releases them as
  // cancelled, so a write held for a test that has ended never lands in the next one.
  const held = new Set<() => void>();
  /** Waits ms; resolves true when the time is up, false when cancelled (reset, close) or `until` settles first. */
  const hold = (ms: number, until?: Promise<unknown>): Promise<boolean> =>
    new Promise((resolve) => {
      const done = (elapsed: boolean): void => {
        clearTimeout(timer);
        held.delete(cancel);
        resolve(elapsed);
      };
      const cancel = (): void => done(false);
      const timer = setTimeout(() => done(true), ms);
      held.add(cancel);
      void until?.then(() => done(false));
    });
  const releaseHeld = (): void => {
    for (const cancel of [...held]) cancel();
  };

  const regionState = (region: string): Map<string, StoredSetting> => {
    let m = state.get(region);
    if (!m) state.set(region, (m = new Map()));
    return m;
  };

  const settingArn = (region: string, id: string): string => `arn:${partitionFor(region).id}:ssm:${region}:${accountId}:servicesetting${id}`;

  const view = (region: string, id: string): Record<string, unknown> => {
    const stored = state.get(region)?.get(id);
    return {
      SettingId: id,
      SettingValue: stored?.value ?? defaultValueOf(id),
      LastModifiedDate: Math.floor((stored?.lastModifiedDate ?? startedAt).getTime() / 1000),
      LastModifiedUser: stored?.lastModifiedUser ?? 'System',
      ARN: settingArn(region, id),
      Status: stored?.status ?? 'Default',
    };
  };

  /** The setting id of a request: the id itself or its full ARN, which must be of this Region and account. */
  const resolveId = (region: string, raw: unknown): string => {
    if (typeof raw !== 'string' || raw.length === 0) {
      throw new AwsError('ValidationException', "1 validation error detected: Value null at 'settingId' failed to satisfy constraint: Member must not be null");
    }
    if (raw.length > 1000) {
      throw new AwsError('ValidationException', "1 validation error detected: Value at 'settingId' failed to satisfy constraint: Member must have length less than or equal to 1000");
    }
    let id = raw;
    if (raw.startsWith('arn:')) {
      const [, partition, service, arnRegion, account, ...rest] = raw.split(':');
      const fromResource = serviceSettingIdFromResource(rest.join(':'));
      if (service !== 'ssm' || !fromResource) throw new AwsError('ValidationException', `Invalid service setting ARN: ${raw}`);
      if (arnRegion !== region || account !== accountId || partition !== partitionFor(region).id) {
        throw new AwsError('ValidationException', `The service setting ARN does not belong to this account and Region (${accountId}, ${region}): ${raw}`);
      }
      id = fromResource;
    }
    if (!serviceSettingById(id)) throw new AwsError('ServiceSettingNotFound', `ServiceSetting ${id} is not found.`);
    return id;
  };

  /** A Region's DHMC registration: its setting names a role (set by Register, UpdateServiceSetting or a seed). */
  const registration = (region: string): DhmcRegistration | undefined => {
    const stored = state.get(region)?.get(DHMC_SETTING_ID);
    if (!stored || stored.value === DHMC_NONE) return undefined;
    const recorded = dhmcModels.get(region);
    return { model: recorded?.value === stored.value ? recorded.model : 'SELF_MANAGED', value: stored.value };
  };

  // moto's IAM, for the DHMC role (loaded on the first DHMC call; IAM is global, signed for us-east-1).
  let iamClient: Promise<{ iam: typeof import('@aws-sdk/client-iam'); client: IAMClient }> | undefined;
  const iam = (): Promise<{ iam: typeof import('@aws-sdk/client-iam'); client: IAMClient }> => {
    if (!upstream) throw new AwsError('InternalServerError', 'This emulator reaches no IAM for the DHMC role: start it with --upstream (moto\'s URL).', 500);
    iamClient ??= import('@aws-sdk/client-iam').then((mod) => ({
      iam: mod,
      client: new mod.IAMClient({ region: 'us-east-1', endpoint: upstream.href, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 }),
    }));
    return iamClient;
  };
  const isNoSuchEntity = (err: unknown): boolean => err instanceof Error && (err.name === 'NoSuchEntityException' || err.name === 'NoSuchEntity');
  /** An IAM failure the emulator did not expect, as a 500 that names the call. */
  const iamFailure = (call: string, err: unknown): AwsError =>
    new AwsError('InternalServerError', `IAM ${call} failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`, 500);

  /** The ARN of a role of this account, in the Region's partition. */
  const roleArn = (region: string, role: DhmcRole): string => dhmcRoleArn(role, accountId, partitionFor(region).id);

  /** Creates the service-managed role when it does not exist (path /service-role/, the documented trust policy, the managed policy). */
  const ensureServiceRole = async (region: string): Promise<void> => {
    const { iam: m, client } = await iam();
    const name = DEFAULT_DHMC_ROLE.name;
    try {
      await client.send(new m.GetRoleCommand({ RoleName: name }));
      return;
    } catch (err) {
      if (!isNoSuchEntity(err)) throw iamFailure('GetRole', err);
    }
    try {
      await client.send(new m.CreateRoleCommand({ RoleName: name, Path: DEFAULT_DHMC_ROLE.path, AssumeRolePolicyDocument: dhmcTrustPolicy() }));
      await client.send(new m.AttachRolePolicyCommand({ RoleName: name, PolicyArn: managedPolicyArn(region, DHMC_MANAGED_POLICY) }));
    } catch (err) {
      throw iamFailure('CreateRole/AttachRolePolicy', err);
    }
  };

  /** Deletes the service-managed role: detaches the managed policy, deletes the role (either already gone is fine). */
  const deleteServiceRole = async (region: string): Promise<void> => {
    const { iam: m, client } = await iam();
    const name = DEFAULT_DHMC_ROLE.name;
    try {
      await client.send(new m.DetachRolePolicyCommand({ RoleName: name, PolicyArn: managedPolicyArn(region, DHMC_MANAGED_POLICY) }));
    } catch (err) {
      if (!isNoSuchEntity(err)) throw iamFailure('DetachRolePolicy', err);
    }
    try {
      await client.send(new m.DeleteRoleCommand({ RoleName: name }));
    } catch (err) {
      if (!isNoSuchEntity(err)) throw iamFailure('DeleteRole', err);
    }
  };

  /** Fails with InvalidRole, naming the ARN, when the self-managed role does not exist in IAM (at that path). */
  const checkRoleExists = async (role: DhmcRole, arn: string): Promise<void> => {
    const { iam: m, client } = await iam();
    try {
      const found = await client.send(new m.GetRoleCommand({ RoleName: role.name }));
      if (found.Role?.Path === role.path) return;
    } catch (err) {
      if (!isNoSuchEntity(err)) throw iamFailure('GetRole', err);
    }
    // InvalidRole: SSM's error for a role it cannot use (the operation models no error of its own for this).
    throw new AwsError('InvalidRole', `The role does not exist: ${arn}`);
  };

  // The DHMC operations read, then write (IAM and the setting) across awaits: one at a time, so that two requests
  // never both pass the overwrite check.
  let dhmcQueue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = dhmcQueue.then(work);
    dhmcQueue = run.catch(() => undefined);
    return run;
  };

  const handlers: Record<OwnOperation, (region: string, input: Record<string, unknown>) => unknown> = {
    DescribeInstanceInformation(region, input) {
      const max = input.MaxResults === undefined ? 50 : Number(input.MaxResults);
      if (!Number.isInteger(max) || max < 5 || max > 50) {
        throw new AwsError('ValidationException', `1 validation error detected: Value '${String(input.MaxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value between 5 and 50`);
      }
      const start = input.NextToken === undefined ? 0 : Number(input.NextToken);
      if (!Number.isInteger(start) || start < 0) throw new AwsError('InvalidNextToken', 'The specified token is not valid.');
      const all = nodes.get(region) ?? [];
      const page = all.slice(start, start + max).map((n) => ({
        InstanceId: n.instanceId,
        PingStatus: n.pingStatus ?? 'Online',
        LastPingDateTime: (n.lastPingDateTime ? new Date(n.lastPingDateTime) : new Date()).getTime() / 1000,
        AgentVersion: n.agentVersion ?? '3.3.40.0',
        IsLatestVersion: false,
        PlatformType: n.platformType ?? 'Linux',
        ResourceType: 'EC2Instance',
      }));
      return { InstanceInformationList: page, ...(start + max < all.length ? { NextToken: String(start + max) } : {}) };
    },
    GetServiceSetting(region, input) {
      return { ServiceSetting: view(region, resolveId(region, input.SettingId)) };
    },
    UpdateServiceSetting(region, input) {
      const id = resolveId(region, input.SettingId);
      const value = input.SettingValue;
      if (typeof value !== 'string' || value.length === 0) {
        throw new AwsError('ValidationException', "1 validation error detected: Value null at 'settingValue' failed to satisfy constraint: Member must not be null");
      }
      if (value.length > 4096 || !isValidServiceSettingValue(id, value)) {
        const allowed = serviceSettingById(id)?.allowedValues;
        throw new AwsError('ValidationException', `Invalid value for the setting ${id}: ${value}${allowed ? `. Valid values: ${allowed.join(', ')}` : ''}`);
      }
      regionState(region).set(id, { value, status: 'Customized', lastModifiedDate: new Date(), lastModifiedUser: callerArn });
      return {};
    },
    ResetServiceSetting(region, input) {
      const id = resolveId(region, input.SettingId);
      regionState(region).set(id, { value: defaultValueOf(id), status: 'Default', lastModifiedDate: new Date(), lastModifiedUser: callerArn });
      return { ServiceSetting: view(region, id) };
    },
    RegisterDefaultHostManagementConfiguration(region, input) {
      const model = input.PermissionModel;
      if (model === undefined || model === null) {
        throw new AwsError('ValidationException', "1 validation error detected: Value null at 'permissionModel' failed to satisfy constraint: Member must not be null");
      }
      if (model !== 'SERVICE_MANAGED' && model !== 'SELF_MANAGED') {
        throw new AwsError('ValidationException', `1 validation error detected: Value '${String(model)}' at 'permissionModel' failed to satisfy constraint: Member must satisfy enum value set: [SERVICE_MANAGED, SELF_MANAGED]`);
      }
      let role: DhmcRole;
      if (model === 'SERVICE_MANAGED') {
        if (input.RoleArn !== undefined && input.RoleArn !== null) {
          throw new AwsError('ValidationException', 'RoleArn must not be set when PermissionModel is SERVICE_MANAGED: Systems Manager creates and manages the role.');
        }
        role = DEFAULT_DHMC_ROLE;
      } else {
        if (typeof input.RoleArn !== 'string' || input.RoleArn.length === 0) {
          throw new AwsError('ValidationException', 'RoleArn is required when PermissionModel is SELF_MANAGED.');
        }
        const parsed = parseRoleArn(input.RoleArn);
        const [, partition, , , account] = input.RoleArn.split(':');
        if (!parsed || partition !== partitionFor(region).id || account !== accountId) {
          throw new AwsError('ValidationException', `RoleArn must be the ARN of an IAM role of this account (${accountId}) in the partition ${partitionFor(region).id}: ${input.RoleArn}`);
        }
        role = parsed;
      }
      const arn = roleArn(region, role);
      return oneAtATime(async () => {
        const current = registration(region);
        if (current && current.value === role.value && current.model === model) return { RoleArn: arn };
        if (current && input.Overwrite !== true) {
          // AlreadyExistsException: see the header comment (the overwrite rule).
          throw new AwsError(
            'AlreadyExistsException',
            `Default Host Management Configuration is already registered in ${region} with the role ${current.value} (${current.model}). Set Overwrite to true to replace it.`,
          );
        }
        if (model === 'SERVICE_MANAGED') await ensureServiceRole(region);
        else await checkRoleExists(role, arn);
        regionState(region).set(DHMC_SETTING_ID, { value: role.value, status: 'Customized', lastModifiedDate: new Date(), lastModifiedUser: callerArn });
        dhmcModels.set(region, { model, value: role.value });
        return { RoleArn: arn };
      });
    },
    DeregisterDefaultHostManagementConfiguration(region) {
      return oneAtATime(async () => {
        const current = registration(region);
        // Not registered: nothing to remove, a success (the SDK documents no error for it).
        if (!current) return {};
        if (current.model === 'SERVICE_MANAGED') {
          const stillUsed = [...state.keys()].some((r) => r !== region && registration(r)?.model === 'SERVICE_MANAGED');
          if (!stillUsed) await deleteServiceRole(region);
        }
        regionState(region).set(DHMC_SETTING_ID, { value: defaultValueOf(DHMC_SETTING_ID), status: 'Default', lastModifiedDate: new Date(), lastModifiedUser: callerArn });
        dhmcModels.delete(region);
        return {};
      });
    },
  };

  const matches = (f: Fault, call: Call): boolean => {
    if (f.service !== '*' && f.service !== call.service) return false;
    if (f.region !== '*' && f.region !== call.region) return false;
    if (f.operations) return f.operations.includes('*') || f.operations.includes(call.operation);
    return f.service === 'ssm' ? (OWN_OPERATIONS as readonly string[]).includes(call.operation) : true;
  };
  const consume = (f: Fault): void => {
    if (f.remaining === undefined) return;
    f.remaining -= 1;
    if (f.remaining <= 0) faults = faults.filter((x) => x !== f);
  };

  /** Sends moto the request as it came and reads its whole answer. */
  const forward = (req: http.IncomingMessage, body: Buffer): Promise<Answer> => {
    if (!upstream) {
      return Promise.resolve(jsonAnswer(400, { __type: 'UnknownOperationException', message: `This emulator does not implement: ${req.headers['x-amz-target'] ?? req.url}` }));
    }
    const headers: http.OutgoingHttpHeaders = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    delete headers.connection;
    if (atMoto++ === 0) motoBusySince = performance.now();
    stats.moto.maxInFlight = Math.max(stats.moto.maxInFlight, atMoto);
    let answered = false;
    return new Promise<Answer>((settle) => {
      const resolve = (answer: Answer): void => {
        if (answered) return;
        answered = true;
        if (--atMoto === 0) stats.moto.busyMs += performance.now() - motoBusySince;
        settle(answer);
      };
      const out = http.request({ hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (upstreamRes) => {
        const chunks: Buffer[] = [];
        upstreamRes.on('data', (c: Buffer) => chunks.push(c));
        upstreamRes.on('end', () => {
          const answerBody = Buffer.concat(chunks);
          const answerHeaders: http.OutgoingHttpHeaders = {};
          for (const [k, v] of Object.entries(upstreamRes.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) answerHeaders[k] = v;
          if (req.method !== 'HEAD') answerHeaders['content-length'] = String(answerBody.length);
          resolve({ status: upstreamRes.statusCode ?? 502, headers: answerHeaders, body: answerBody });
        });
        upstreamRes.on('error', (err) => resolve(jsonAnswer(502, { __type: 'InternalServerError', message: `The emulator lost moto's answer: ${err.message}` })));
      });
      out.on('error', (err) => resolve(jsonAnswer(502, { __type: 'InternalServerError', message: `The emulator could not reach moto: ${err.message}` })));
      out.end(body);
    });
  };

  /** Executes an AWS call against the store: a service-setting operation here, anything else at moto. */
  const execute = async (call: Call, req: http.IncomingMessage, body: Buffer): Promise<Answer> => {
    const handler = call.service === 'ssm' ? (handlers as Record<string, ((r: string, i: Record<string, unknown>) => unknown) | undefined>)[call.operation] : undefined;
    if (!handler || !call.region) return forward(req, body);
    try {
      let input: Record<string, unknown>;
      try {
        input = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        throw new AwsError('SerializationException', 'The request body is not valid JSON.');
      }
      return jsonAnswer(200, await handler(call.region, input));
    } catch (err) {
      return errorAnswer('ssm', err instanceof AwsError ? err : new AwsError('InternalServerError', err instanceof Error ? err.message : String(err), 500));
    }
  };

  const send = (res: http.ServerResponse, answer: Answer): void => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };

  /** Serves one AWS call: counts it, applies the faults that match, executes it (or not) and answers (or not). */
  const serveCall = async (call: Call, req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> => {
    const closed = new Promise<void>((resolve) => res.once('close', () => resolve()));
    const log = (what: string): void => options.log?.(`${call.service} ${call.region ?? '-'} ${call.operation} ${what}`);
    stats.requests += 1;
    stats.byOperation[call.operation] = (stats.byOperation[call.operation] ?? 0) + 1;
    opStats(call).received += 1;
    inFlight += 1;
    stats.inFlight = inFlight;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    const counted = stats;
    try {
      if (call.service === 'ssm' && !call.region) {
        log('400 MissingAuthenticationTokenException');
        return send(res, jsonAnswer(400, { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' }));
      }
      const matching = faults.filter((f) => {
        if (!matches(f, call)) return false;
        if (!f.skip) return true;
        f.skip -= 1;
        return false;
      });
      const latency = matching.filter((f) => f.kind === 'Latency');
      for (const f of latency) consume(f);
      const delay = latency.reduce((sum, f) => sum + (f.ms ?? DEFAULT_MS.Latency!), 0);
      if (delay > 0 && !(await hold(delay))) return void res.destroy();
      const fault = matching.find((f) => f.kind !== 'Latency');
      if (fault) consume(fault);
      const kind = fault?.kind;
      if (isErrorKind(kind)) {
        const err = faultError(kind, call, callerArn, accountId);
        log(`${err.status} ${err.type} (injected ${kind})`);
        return send(res, errorAnswer(call.service, err));
      }
      if (kind === 'DelayedCommit' && !(await hold(fault!.ms ?? DEFAULT_MS.DelayedCommit!))) {
        log('dropped: the emulators were reset while it was held (DelayedCommit)');
        return void res.destroy();
      }
      // Counted in the stats the request was received in (not in the next ones after a stats reset).
      if (counted === stats) {
        stats.committed += 1;
        opStats(call).committed += 1;
      }
      const answer = await execute(call, req, body);
      log(`${answer.status}${kind ? ` (${kind})` : ''}`);
      switch (kind) {
        case 'ResponseLost':
          // Executed; the client sees the connection end without an answer (socket hang up, ECONNRESET).
          req.socket.destroy();
          return;
        case 'TimeoutAfterCommit':
          // Executed; the answer is withheld until ms pass (then sent late) or the client gives up.
          if (await hold(fault!.ms ?? DEFAULT_MS.TimeoutAfterCommit!, closed)) return send(res, answer);
          return void res.destroy();
        case 'InternalErrorAfterCommit':
          return send(res, errorAnswer(call.service, faultError('InternalError', call, callerArn, accountId)));
        default:
          return send(res, answer);
      }
    } finally {
      inFlight -= 1;
      stats.inFlight = inFlight;
    }
  };

  const parseFault = (f: Record<string, unknown>): Fault | string => {
    if (!FAULT_KINDS.includes(f.kind as FaultKind)) return `A fault needs a kind, one of: ${FAULT_KINDS.join(', ')}`;
    const service = f.service ?? 'ssm';
    if (service !== '*' && !(SERVICES as readonly unknown[]).includes(service)) return `A fault's service is one of: ${SERVICES.join(', ')}, * (default ssm)`;
    if (f.region !== undefined && typeof f.region !== 'string') return 'A fault\'s region is a Region code or "*" (the default)';
    if (f.operations !== undefined && !(Array.isArray(f.operations) && f.operations.every((o) => typeof o === 'string'))) return 'A fault\'s operations are a list of operation names or ["*"]';
    if (f.count !== undefined && !(Number.isInteger(f.count) && (f.count as number) > 0)) return 'A fault\'s count is a positive integer';
    if (f.ms !== undefined && !(typeof f.ms === 'number' && f.ms >= 0)) return 'A fault\'s ms is a number of milliseconds';
    if (f.skip !== undefined && !(Number.isInteger(f.skip) && (f.skip as number) >= 0)) return 'A fault\'s skip is a whole number of requests';
    const fault: Fault = { id: nextFaultId++, service: service as Service | '*', region: (f.region as string | undefined) ?? '*', kind: f.kind as FaultKind };
    if (typeof f.ms === 'number') fault.ms = f.ms;
    if (Array.isArray(f.operations)) fault.operations = f.operations as string[];
    if (typeof f.count === 'number') fault.remaining = f.count;
    if (typeof f.skip === 'number' && f.skip > 0) fault.skip = f.skip;
    return fault;
  };

  const control = async (req: http.IncomingMessage, res: http.ServerResponse, path: string, body: Buffer): Promise<void> => {
    const json = (status: number, value: unknown): void => send(res, jsonAnswer(status, value, 'application/json'));
    let input: Record<string, unknown>;
    try {
      input = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
    } catch {
      return json(400, { error: 'The body is not valid JSON' });
    }
    if (path === '/_control/health') return json(200, { ok: true, upstream: upstream?.href });
    if (path === '/_control/reset' && req.method === 'POST') {
      state.clear();
      dhmcModels.clear();
      nodes.clear();
      faults = [];
      releaseHeld();
      resetStats();
      if (upstream && input.moto !== false) {
        const r = await fetch(new URL('/moto-api/reset', upstream), { method: 'POST' });
        if (!r.ok) return json(502, { error: `moto reset failed: HTTP ${r.status}` });
      }
      return json(200, { ok: true });
    }
    if (path === '/_control/faults') {
      if (req.method === 'GET') return json(200, faults);
      if (req.method === 'DELETE') {
        const keep = (f: Fault): boolean =>
          (input.id !== undefined && f.id !== input.id) ||
          (typeof input.region === 'string' && f.region !== input.region) ||
          (typeof input.service === 'string' && f.service !== input.service);
        faults = faults.filter(keep);
        return json(200, faults);
      }
      if (req.method === 'POST') {
        const list = Array.isArray(input) ? (input as Record<string, unknown>[]) : [input];
        const parsed = list.map(parseFault);
        const bad = parsed.find((f) => typeof f === 'string');
        if (bad !== undefined) return json(400, { error: bad });
        faults.push(...(parsed as Fault[]));
        return json(200, parsed);
      }
    }
    if (path === '/_control/seed' && req.method === 'POST') {
      const list = Array.isArray(input) ? (input as Record<string, unknown>[]) : [input];
      for (const s of list) {
        if (typeof s.region !== 'string' || typeof s.settingId !== 'string' || typeof s.value !== 'string' || !serviceSettingById(s.settingId)) {
          return json(400, { error: 'A seed needs a region, a documented settingId and a value' });
        }
        regionState(s.region).set(s.settingId, {
          value: s.value,
          status: s.status === 'PendingUpdate' || s.status === 'Default' ? s.status : 'Customized',
          lastModifiedDate: typeof s.lastModifiedDate === 'string' ? new Date(s.lastModifiedDate) : new Date(),
          lastModifiedUser: typeof s.lastModifiedUser === 'string' ? s.lastModifiedUser : callerArn,
        });
      }
      return json(200, { ok: true });
    }
    if (path === '/_control/nodes' && req.method === 'POST') {
      if (typeof input.region !== 'string' || !Array.isArray(input.nodes) || !input.nodes.every((n) => typeof n === 'object' && n !== null && typeof (n as SeededNode).instanceId === 'string')) {
        return json(400, { error: 'Nodes need a region and a list of { instanceId, agentVersion?, pingStatus?, lastPingDateTime? }' });
      }
      nodes.set(input.region, [...(nodes.get(input.region) ?? []), ...(input.nodes as SeededNode[])]);
      return json(200, { ok: true, count: nodes.get(input.region)?.length });
    }
    if (path === '/_control/state' && req.method === 'GET') {
      const out: Record<string, Record<string, unknown>> = {};
      for (const [region, settings] of state) out[region] = Object.fromEntries([...settings.keys()].map((id) => [id, view(region, id)]));
      return json(200, out);
    }
    if (path === '/_control/dhmc' && req.method === 'GET') {
      const out: Record<string, DhmcRegistration> = {};
      for (const region of state.keys()) {
        const r = registration(region);
        if (r) out[region] = r;
      }
      return json(200, out);
    }
    if (path === '/_control/stats') {
      if (req.method === 'GET') return json(200, currentStats());
      if (req.method === 'DELETE') {
        resetStats();
        return json(200, currentStats());
      }
    }
    return json(404, { error: `Unknown control path: ${req.method} ${path}` });
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (path.startsWith('/_control/')) return control(req, res, path, body);
      const call = identifyCall(req.headers, req.url ?? '/', body);
      if (!call) return send(res, await forward(req, body));
      return serveCall(call, req, res, body);
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, jsonAnswer(500, { __type: 'InternalServerError', message: err instanceof Error ? err.message : String(err) }, 'application/json'));
      else res.destroy();
    });
  });
  // Requests of the SDK keep connections alive; close() must not wait for them.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        releaseHeld();
        void iamClient?.then(({ client }) => client.destroy(), () => undefined);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Every setting id this server knows (the documented table). */
export const KNOWN_SETTING_IDS: readonly string[] = SERVICE_SETTINGS.map((s) => s.id);

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  startSsmSettingsServer({
    host: argValue(args, '--host'),
    port: Number(argValue(args, '--port') ?? 0),
    upstream: argValue(args, '--upstream'),
    accountId: argValue(args, '--account'),
    log: args.includes('--verbose') ? (line) => console.error(line) : undefined,
  }).then(
    (server) => {
      console.log(`ssm-settings-server listening on ${server.url}`);
      const stop = (): void => void server.close().then(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
      if (args.includes('--exit-with-stdin')) {
        // The parent (start.ts) holds our stdin open; when it dies, stdin ends: never outlive it.
        process.stdin.on('end', stop);
        process.stdin.resume();
      }
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
