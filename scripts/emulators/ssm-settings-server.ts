/**
 * The project's own SSM endpoint for the service-setting operations moto does not implement
 * (GetServiceSetting, UpdateServiceSetting, ResetServiceSetting), speaking the SSM JSON 1.1 protocol with state
 * per Region; every other SSM operation (and any other path) is proxied to moto, so one AWS_ENDPOINT_URL_SSM
 * serves both. Faults (AccessDenied, throttling, 5xx, Region not enabled, latency) are injected per Region
 * through a small control API under /_control/ (described in ./start.mjs).
 *
 * Usually started by ./start.mjs. Alone: node --import tsx scripts/emulators/ssm-settings-server.ts
 *   [--port 0] [--upstream http://127.0.0.1:MOTO] [--account 123456789012] [--verbose] [--exit-with-stdin]
 * It prints "ssm-settings-server listening on http://127.0.0.1:PORT".
 */
import * as http from 'node:http';
import { partitionFor } from '../../src/core/aws/region-list';
import { SERVICE_SETTINGS, isValidServiceSettingValue, serviceSettingById, serviceSettingIdFromResource } from '../../src/core/ssm/service-settings';

/** The operations this server answers itself. */
export const SETTING_OPERATIONS = ['GetServiceSetting', 'UpdateServiceSetting', 'ResetServiceSetting'] as const;

/** The kinds of fault the control API injects. */
export type FaultKind = 'AccessDenied' | 'Throttling' | 'InternalError' | 'RegionNotEnabled' | 'Latency';
const FAULT_KINDS: readonly FaultKind[] = ['AccessDenied', 'Throttling', 'InternalError', 'RegionNotEnabled', 'Latency'];

/** One injected fault. */
export interface Fault {
  id: number;
  /** A Region code, or `*` for every Region. */
  region: string;
  kind: FaultKind;
  /** For Latency: the delay in milliseconds (default 200). */
  ms?: number;
  /** The SSM operations it applies to; default the three service-setting operations; `*` for every SSM operation. */
  operations?: string[];
  /** How many requests it still applies to; unlimited when undefined. */
  remaining?: number;
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
  /** moto's URL; SSM operations other than the service-setting ones and other paths are proxied there. */
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

/** An AWS-shaped JSON 1.1 error: the SDK maps `__type` to the exception class. */
class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** The Region and access key from the SigV4 credential scope of the Authorization header. */
export function signingScope(authorization: string | undefined): { region?: string; accessKeyId?: string; service?: string } {
  const m = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/.exec(authorization ?? '');
  return m ? { accessKeyId: m[1], region: m[2], service: m[3] } : {};
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, contentType = 'application/x-amz-json-1.1'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': requestId() });
  res.end(text);
}

let requestCounter = 0;
function requestId(): string {
  requestCounter = (requestCounter + 1) % 1e12;
  return `00000000-0000-4000-8000-${requestCounter.toString(16).padStart(12, '0')}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the server; resolves once it listens. */
export async function startSsmSettingsServer(options: SsmSettingsServerOptions = {}): Promise<SsmSettingsServer> {
  const accountId = options.accountId ?? '123456789012';
  const callerArn = options.callerArn ?? `arn:aws:sts::${accountId}:user/moto`;
  const upstream = options.upstream ? new URL(options.upstream) : undefined;
  const startedAt = new Date();
  const state = new Map<string, Map<string, StoredSetting>>();
  let faults: Fault[] = [];
  let nextFaultId = 1;
  const stats = { requests: 0, inFlight: 0, maxInFlight: 0, byOperation: {} as Record<string, number> };

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

  const handlers: Record<(typeof SETTING_OPERATIONS)[number], (region: string, input: Record<string, unknown>) => unknown> = {
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
  };

  /** Applies the faults that match; returns the error to answer with, if any. */
  const applyFaults = async (region: string, operation: string): Promise<AwsError | undefined> => {
    const matching = faults.filter(
      (f) =>
        (f.region === '*' || f.region === region) &&
        (f.operations ? f.operations.includes('*') || f.operations.includes(operation) : (SETTING_OPERATIONS as readonly string[]).includes(operation)),
    );
    const consume = (f: Fault): void => {
      if (f.remaining === undefined) return;
      f.remaining -= 1;
      if (f.remaining <= 0) faults = faults.filter((x) => x !== f);
    };
    const delay = matching.filter((f) => f.kind === 'Latency').reduce((sum, f) => (consume(f), sum + (f.ms ?? 200)), 0);
    if (delay > 0) await sleep(delay);
    const fault = matching.find((f) => f.kind !== 'Latency');
    if (!fault) return undefined;
    consume(fault);
    switch (fault.kind) {
      case 'AccessDenied':
        return new AwsError(
          'AccessDeniedException',
          `User: ${callerArn} is not authorized to perform: ssm:${operation} on resource: arn:${partitionFor(region).id}:ssm:${region}:${accountId}:* because no identity-based policy allows the ssm:${operation} action`,
        );
      case 'Throttling':
        return new AwsError('ThrottlingException', 'Rate exceeded');
      case 'RegionNotEnabled':
        return new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
      default:
        return new AwsError('InternalServerError', 'An internal error occurred (injected by the emulator).', 500);
    }
  };

  const proxy = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void => {
    if (!upstream) {
      sendJson(res, 400, { __type: 'UnknownOperationException', message: `This emulator does not implement: ${req.headers['x-amz-target'] ?? req.url}` });
      return;
    }
    const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    const out = http.request({ hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
      upstreamRes.pipe(res);
    });
    out.on('error', (err) => {
      if (!res.headersSent) sendJson(res, 502, { __type: 'InternalServerError', message: `The emulator could not reach moto: ${err.message}` });
      else res.destroy();
    });
    out.end(body);
  };

  const control = async (req: http.IncomingMessage, res: http.ServerResponse, path: string, body: Buffer): Promise<void> => {
    const input = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
    const json = (status: number, value: unknown): void => sendJson(res, status, value, 'application/json');
    if (path === '/_control/health') return json(200, { ok: true, upstream: upstream?.href });
    if (path === '/_control/reset' && req.method === 'POST') {
      state.clear();
      faults = [];
      Object.assign(stats, { requests: 0, inFlight: stats.inFlight, maxInFlight: 0, byOperation: {} });
      if (upstream && input.moto !== false) {
        const r = await fetch(new URL('/moto-api/reset', upstream), { method: 'POST' });
        if (!r.ok) return json(502, { error: `moto reset failed: HTTP ${r.status}` });
      }
      return json(200, { ok: true });
    }
    if (path === '/_control/faults') {
      if (req.method === 'GET') return json(200, faults);
      if (req.method === 'DELETE') {
        faults = typeof input.region === 'string' ? faults.filter((f) => f.region !== input.region) : [];
        return json(200, faults);
      }
      if (req.method === 'POST') {
        const list = Array.isArray(input) ? (input as Record<string, unknown>[]) : [input];
        const added: Fault[] = [];
        for (const f of list) {
          if (typeof f.region !== 'string' || !FAULT_KINDS.includes(f.kind as FaultKind)) {
            return json(400, { error: `A fault needs a region (or "*") and a kind, one of: ${FAULT_KINDS.join(', ')}` });
          }
          const fault: Fault = { id: nextFaultId++, region: f.region, kind: f.kind as FaultKind };
          if (typeof f.ms === 'number') fault.ms = f.ms;
          if (Array.isArray(f.operations)) fault.operations = f.operations.map(String);
          if (typeof f.count === 'number') fault.remaining = f.count;
          faults.push(fault);
          added.push(fault);
        }
        return json(200, added);
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
    if (path === '/_control/state' && req.method === 'GET') {
      const out: Record<string, Record<string, unknown>> = {};
      for (const [region, settings] of state) out[region] = Object.fromEntries([...settings.keys()].map((id) => [id, view(region, id)]));
      return json(200, out);
    }
    if (path === '/_control/stats' && req.method === 'GET') return json(200, stats);
    return json(404, { error: `Unknown control path: ${req.method} ${path}` });
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (path.startsWith('/_control/')) return control(req, res, path, body);
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.startsWith('AmazonSSM.') ? target.slice('AmazonSSM.'.length) : undefined;
      if (req.method !== 'POST' || path !== '/' || !operation) return proxy(req, res, body);
      const { region } = signingScope(req.headers.authorization);
      if (!region) {
        return sendJson(res, 400, { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
      }
      stats.requests += 1;
      stats.byOperation[operation] = (stats.byOperation[operation] ?? 0) + 1;
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        const fault = await applyFaults(region, operation);
        if (fault) throw fault;
        const handler = (handlers as Record<string, ((r: string, i: Record<string, unknown>) => unknown) | undefined>)[operation];
        if (!handler) return proxy(req, res, body);
        let input: Record<string, unknown>;
        try {
          input = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
        } catch {
          throw new AwsError('SerializationException', 'The request body is not valid JSON.');
        }
        const output = handler(region, input);
        options.log?.(`${region} ${operation} 200`);
        sendJson(res, 200, output);
      } catch (err) {
        const e = err instanceof AwsError ? err : new AwsError('InternalServerError', err instanceof Error ? err.message : String(err), 500);
        options.log?.(`${region} ${operation} ${e.status} ${e.type}`);
        sendJson(res, e.status, { __type: e.type, message: e.message });
      } finally {
        stats.inFlight -= 1;
      }
    })().catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { __type: 'InternalServerError', message: err instanceof Error ? err.message : String(err) }, 'application/json');
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
        // The parent (start.mjs) holds our stdin open; when it dies, stdin ends: never outlive it.
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
