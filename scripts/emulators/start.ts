// Starts the local AWS for tests and the demo: moto_server (IAM, STS, EC2, SSM parameters) behind the project's own
// front server (./ssm-settings-server.ts). The SDK reaches every service at the front (AWS_ENDPOINT_URL_IAM, _STS,
// _EC2 and _SSM all point there); it answers the SSM service-setting and DHMC (Register/Deregister
// DefaultHostManagementConfiguration, creating and deleting the service-managed role in moto's IAM) operations
// itself, proxies everything else to moto byte for byte, counts every call and injects faults. `motoUrl` reaches moto directly, past the faults and the
// counts: read the real state there.
//
//   npx tsx scripts/emulators/start.ts [--demo] [--json]
// prints the environment to use and keeps running; Ctrl-C stops both servers. --demo seeds a realistic account.
// --json prints {motoUrl, frontUrl, ssmUrl (= frontUrl), env, unset} on one line.
//
// As a module: `const emu = await startEmulators(); const restore = applyEnv(emu); … await emu.stop(); restore();`
//
// moto_server comes from `pip install "moto[server]"` (or set MOTO_SERVER_BIN to the program); when it cannot be found
// startEmulators rejects at once with that hint (MotoServerNotFoundError), before spawning anything.
//
// Control API of the front server (JSON bodies; also wrapped by the handle's methods):
//   POST   /_control/faults  a fault or an array of them; answers them with their ids:
//            {kind, service?: ssm|iam|sts|ec2|"*" (default ssm), region?: code|"*" (default "*"; the Region the
//             request is signed for, IAM too), operations?: ["CreateRole", …] or ["*"] (default: the operations the
//             front answers itself for ssm, the three service-setting ones, Register/Deregister
//             DefaultHostManagementConfiguration and DescribeInstanceInformation; every operation for another service), count? (matching requests
//             it applies to, then it is removed; unlimited by default), skip? (matching requests that pass untouched
//             first: skip 1 hits the second page of a listing), ms?}
//            kind, before the store (the request never executes):
//              AccessDenied      SSM AccessDeniedException 400; IAM/STS AccessDenied 403; EC2 UnauthorizedOperation 403
//              Throttling        SSM ThrottlingException 400; IAM/STS Throttling 400; EC2 RequestLimitExceeded 503
//              InternalError     SSM InternalServerError 500; IAM ServiceFailure 500; STS InternalFailure 500; EC2 InternalError 500
//              RegionNotEnabled  SSM UnrecognizedClientException 400; IAM/STS InvalidClientTokenId 403; EC2 AuthFailure 401
//              UnknownOperation  the Region does not offer the operation: SSM UnknownOperationException 400;
//                                IAM/STS/EC2 InvalidAction 400
//              Latency           waits ms (default 200), then the request goes on (adds up with the other faults)
//            after the store (the request executes, at moto or in the settings store):
//              ResponseLost              then the connection is destroyed without an answer (socket hang up)
//              TimeoutAfterCommit        then the answer is withheld ms (default 30000; sent late) or until the client gives up
//              InternalErrorAfterCommit  then a 500 as InternalError above instead of the real answer
//            DelayedCommit: held ms (default 2000), then executed (whether or not the client still waits)
//            Errors have the service's shape: JSON `__type` for SSM, <ErrorResponse><Error><Type/><Code/><Message/>
//            for IAM and STS, <Response><Errors><Error> for EC2.
//   DELETE /_control/faults  [{id?, region?, service?}]  removes the faults matching all given fields (all without a body)
//   GET    /_control/faults
//   GET    /_control/stats   {requests, committed, inFlight, maxInFlight, byOperation: {Op: received},
//                             services: {iam: {CreateRole: {received, committed}}, …}, moto: {maxInFlight, busyMs}}:
//                             calls that reached the front and those executed against the store (an SDK retry of a
//                             write shows as committed twice); of the calls proxied to moto, how many waited for it at
//                             once and the milliseconds during which at least one did
//   DELETE /_control/stats   resets the counts
//   POST   /_control/seed    {region, settingId, value, status?, lastModifiedUser?, lastModifiedDate?} (or an array)
//   POST   /_control/reset   [{moto: false}]      clears settings, faults, stats and held requests (a DelayedCommit
//                                                 still held never lands), and resets moto unless moto is false
//   GET    /_control/state   GET /_control/health
//   GET    /_control/dhmc    {region: {model: SERVICE_MANAGED|SELF_MANAGED, value}} for the Regions where DHMC is registered
//   POST   /_control/nodes   {region, nodes: [{instanceId, agentVersion?, pingStatus?, lastPingDateTime?}]} adds managed
//                             nodes to the Region's fleet, which DescribeInstanceInformation pages through
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { DHMC_MANAGED_POLICY, DHMC_ROLE_NAME } from '../../src/core/ssm/dhmc';
import { DHMC_SETTING_ID } from '../../src/core/ssm/service-settings';
import type { SeededNode } from './ssm-settings-server';

const here = __dirname;
const root = join(here, '..', '..');

/** The services the front server routes. */
export type EmulatorService = 'ssm' | 'iam' | 'sts' | 'ec2';

/**
 * What a fault does. Before the store (the request never executes): AccessDenied, Throttling, InternalError (a 5xx),
 * RegionNotEnabled, UnknownOperation (the Region does not offer the operation: SSM UnknownOperationException 400, the
 * query protocols' InvalidAction 400), Latency (waits, then the request goes on). After the store (the request executes first):
 * ResponseLost (the connection is destroyed without an answer), TimeoutAfterCommit (the answer is withheld `ms` or
 * until the client gives up), InternalErrorAfterCommit (a 500 instead of the answer). DelayedCommit: the request is
 * held `ms`, then executed.
 */
export type EmulatorFaultKind =
  | 'AccessDenied'
  | 'Throttling'
  | 'InternalError'
  | 'RegionNotEnabled'
  | 'UnknownOperation'
  | 'Latency'
  | 'ResponseLost'
  | 'TimeoutAfterCommit'
  | 'InternalErrorAfterCommit'
  | 'DelayedCommit';

/** A fault the front server injects. */
export interface EmulatorFault {
  kind: EmulatorFaultKind;
  /** The service it applies to; `ssm` by default. */
  service?: EmulatorService | '*';
  /** A Region code (of the request's SigV4 signature: the client's Region, for IAM too) or `*`, the default. */
  region?: string;
  /** Latency (default 200), TimeoutAfterCommit (default 30000), DelayedCommit (default 2000): milliseconds. */
  ms?: number;
  /** Operations it applies to, e.g. `CreateRole`; `['*']` for all. Default: for `ssm` the operations the front answers itself (the three service-setting ones, Register/DeregisterDefaultHostManagementConfiguration, DescribeInstanceInformation), every operation for another service. */
  operations?: string[];
  /** How many matching requests it applies to, then it is removed; unlimited by default. */
  count?: number;
  /** How many matching requests pass untouched first (e.g. 1: the second page of a listing is the first one hit). */
  skip?: number;
}

/** A fault as the front server holds it. */
export interface EmulatorActiveFault extends Omit<EmulatorFault, 'count'> {
  id: number;
  service: EmulatorService | '*';
  region: string;
  /** How many requests it still applies to; absent when unlimited. */
  remaining?: number;
}

/** A service setting to store as if it had been updated. */
export interface EmulatorSeed {
  region: string;
  settingId: string;
  value: string;
  status?: 'Customized' | 'PendingUpdate' | 'Default';
  lastModifiedUser?: string;
  /** ISO 8601. */
  lastModifiedDate?: string;
}

/** One stored setting, as GetServiceSetting returns it (dates in epoch seconds). */
export interface EmulatorSetting {
  SettingId: string;
  SettingValue: string;
  LastModifiedDate: number;
  LastModifiedUser: string;
  ARN: string;
  Status: string;
}

/** A Region's DHMC registration, as GET /_control/dhmc answers it. */
export interface EmulatorDhmcRegistration {
  model: 'SERVICE_MANAGED' | 'SELF_MANAGED';
  /** The setting value: the role's path and name without the leading slash. */
  value: string;
}

/** Counts of one operation. */
export interface EmulatorOperationStats {
  /** Requests that reached the front server (every SDK attempt counts). */
  received: number;
  /** Those executed against the store (moto or the settings): a retried write that landed twice counts 2. */
  committed: number;
}

export interface EmulatorStats {
  /** AWS requests that reached the front server, every service. */
  requests: number;
  /** Those executed against the store. */
  committed: number;
  inFlight: number;
  maxInFlight: number;
  /** Requests received per operation name, every service together. */
  byOperation: Record<string, number>;
  /** Per service (`iam`, `ssm`, …), then per operation. */
  services: Record<string, Record<string, EmulatorOperationStats>>;
  /** The calls proxied to moto: how many waited for its answer at once (max), and the milliseconds during which at least one did (moto busy, or its answer on the way). */
  moto: { maxInFlight: number; busyMs: number };
}

/** Which faults clearFaults removes: those matching every given field (all of them when none is given). */
export interface EmulatorFaultFilter {
  id?: number;
  region?: string;
  service?: EmulatorService | '*';
}

/** The running emulators. */
export interface Emulators {
  /** moto itself: the real state, past the faults and the counts. */
  motoUrl: string;
  /** The front server every AWS_ENDPOINT_URL_* of `env` points at; its control API is under /_control/. */
  frontUrl: string;
  /** The same as frontUrl (the SSM endpoint). */
  ssmUrl: string;
  accountId: string;
  /** The variables to set: endpoints, dummy credentials, an isolated config and credentials file. */
  env: Record<string, string>;
  /** The variables to remove. */
  unset: string[];
  configFile: string;
  credentialsFile: string;
  /** Clears the settings, faults, stats and held requests, and resets moto unless `moto` is false. */
  reset(body?: { moto?: boolean }): Promise<unknown>;
  /** Adds faults; resolves to them with their ids. */
  fault(fault: EmulatorFault | EmulatorFault[]): Promise<EmulatorActiveFault[]>;
  /** The same as fault(). */
  addFault(fault: EmulatorFault | EmulatorFault[]): Promise<EmulatorActiveFault[]>;
  faults(): Promise<EmulatorActiveFault[]>;
  /** Removes the faults of a Region (a string), those matching a filter, or all; resolves to the ones left. */
  clearFaults(filter?: string | EmulatorFaultFilter): Promise<EmulatorActiveFault[]>;
  seed(settings: EmulatorSeed | EmulatorSeed[]): Promise<unknown>;
  state(): Promise<Record<string, Record<string, EmulatorSetting>>>;
  /** The Regions where DHMC is registered, with the permission model and the role value. */
  dhmc(): Promise<Record<string, EmulatorDhmcRegistration>>;
  /** Adds managed nodes to a Region's fleet, which DescribeInstanceInformation answers (page by page). */
  seedNodes(region: string, nodes: SeededNode[]): Promise<unknown>;
  stats(): Promise<EmulatorStats>;
  resetStats(): Promise<EmulatorStats>;
  stop(): Promise<void>;
}

export interface StartEmulatorsOptions {
  log?: (line: string) => void;
  verbose?: boolean;
  /** The moto_server program: a name looked up on PATH or a path; default MOTO_SERVER_BIN, else `moto_server`. */
  motoServer?: string;
  accountId?: string;
  motoPort?: number;
  /** The front server's port; 0 (the default) picks a free one. */
  ssmPort?: number;
  /** How long each server may take to say it listens (default 30 s). */
  timeoutMs?: number;
  /** The PATH to look moto_server up on; process.env.PATH by default. */
  path?: string;
}

/** The account id moto and the front server use. */
export const EMULATOR_ACCOUNT_ID = '123456789012';

/** Variables an emulator session must not inherit from the shell (they would point the SDK elsewhere). */
export const UNSET_VARIABLES: readonly string[] = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN'];

/** How to get moto_server, said wherever it is missing. */
export const MOTO_INSTALL_HINT = 'Install it with `pip install "moto[server]"`, or set MOTO_SERVER_BIN to the moto_server program (see the Quick start in README.md).';

/** moto_server is not installed (or MOTO_SERVER_BIN names no program): nothing was started. */
export class MotoServerNotFoundError extends Error {
  readonly code = 'MOTO_SERVER_NOT_FOUND';
  constructor(readonly program: string, detail: string) {
    super(`moto_server not found: ${detail}. ${MOTO_INSTALL_HINT}`);
    this.name = 'MotoServerNotFoundError';
  }
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The moto_server program to run: `program` itself when it is a path (absolute, or relative with a slash) to an
 * executable file, else the first executable `program` on `path`. Throws MotoServerNotFoundError otherwise, so a
 * missing moto fails at once with the install hint rather than after the start timeout (the program runs under
 * `sh -c`, where a missing program is no spawn error).
 */
export function resolveMotoServer(program: string, path: string = process.env.PATH ?? ''): string {
  if (program.includes('/')) {
    const file = resolve(program);
    if (isExecutableFile(file)) return file;
    throw new MotoServerNotFoundError(program, `${program} is not an executable file`);
  }
  for (const dir of path.split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const file = join(dir, program);
    if (isExecutableFile(file)) return file;
  }
  throw new MotoServerNotFoundError(program, `no ${program} on PATH`);
}

/** Reads lines of a stream until one matches; rejects on timeout or when the process exits first. */
function waitForLine(child: ChildProcess, streams: Readable[], pattern: RegExp, timeoutMs: number, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`${what} did not start within ${timeoutMs} ms. Output:\n${seen.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const m = pattern.exec(seen);
      if (m) finish(undefined, m);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      finish(new Error(`${what} exited (${signal ?? code}) before it was ready.${code === 127 ? ` ${MOTO_INSTALL_HINT}` : ''} Output:\n${seen.slice(-2000)}`));
    const onError = (err: NodeJS.ErrnoException): void => finish(err.code === 'ENOENT' ? new Error(`${what} not found. ${MOTO_INSTALL_HINT}`) : err);
    function finish(err: Error | undefined, match?: RegExpExecArray): void {
      clearTimeout(timer);
      for (const s of streams) s.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      if (err) reject(err);
      else resolve(match!);
    }
    for (const s of streams) s.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/** Resolves when the child has exited, or after timeoutMs (false then). */
function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

// moto_server runs under a small shell that holds our pipe as its stdin: when this process goes away, even by
// SIGKILL, the pipe closes, `cat` returns and the shell stops moto. No orphaned servers. When moto itself ends
// first (it cannot start), the shell ends with its status, so the caller hears of it at once. (A background job of
// a non-interactive shell reads /dev/null, so the pipe reaches `cat` through fd 3.)
const MOTO_GUARD = [
  'trap \'kill "$m" 2>/dev/null\' INT TERM HUP',
  'exec 3<&0',
  '"$0" "$@" 3<&- & m=$!',
  '{ cat <&3 >/dev/null; kill "$m" 2>/dev/null; } &',
  'exec 3<&-',
  'wait "$m"; s=$?',
  'exit "$s"',
].join('\n');

/**
 * Starts moto_server and the front server; resolves to a handle with the environment to use and
 * control methods. Rejects (having stopped what it started) when either cannot start, at once with
 * MotoServerNotFoundError when moto_server is not installed.
 */
export async function startEmulators(options: StartEmulatorsOptions = {}): Promise<Emulators> {
  const log = options.log ?? ((): void => {});
  const motoBin = resolveMotoServer(options.motoServer ?? process.env.MOTO_SERVER_BIN ?? 'moto_server', options.path);
  const accountId = options.accountId ?? EMULATOR_ACCOUNT_ID;
  const children: { child: ChildProcess; group: boolean }[] = [];
  const configDir = mkdtempSync(join(tmpdir(), 'ssm-policy-emulators-'));
  let stopped = false;

  const signal = (child: ChildProcess, group: boolean, sig: NodeJS.Signals): void => {
    try {
      if (child.pid) process.kill(group ? -child.pid : child.pid, sig);
    } catch {
      // already gone
    }
  };
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killNow);
    await Promise.all(
      children.map(async ({ child, group }) => {
        child.stdin?.end();
        if (!(await exited(child, 1500))) {
          signal(child, group, 'SIGTERM');
          if (!(await exited(child, 3000))) signal(child, group, 'SIGKILL');
        }
        // The guard's `cat` may outlive the shell by a moment: end the rest of moto's group too.
        if (group) signal(child, group, 'SIGTERM');
      }),
    );
    rmSync(configDir, { recursive: true, force: true });
  };
  // Last resort when the process exits without calling stop(): synchronous kills only.
  const killNow = (): void => {
    for (const { child, group } of children) signal(child, group, 'SIGKILL');
    rmSync(configDir, { recursive: true, force: true });
  };
  process.on('exit', killNow);

  try {
    const moto = spawn('sh', ['-c', MOTO_GUARD, motoBin, '-H', '127.0.0.1', '-p', String(options.motoPort ?? 0)], {
      env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true', MOTO_ACCOUNT_ID: accountId },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    children.push({ child: moto, group: true });
    const [, motoPort] = await waitForLine(moto, [moto.stdout, moto.stderr], /Running on http:\/\/127\.0\.0\.1:(\d+)/, options.timeoutMs ?? 30_000, motoBin);
    // Keep draining: moto logs every request, and a full pipe would block it.
    moto.stdout.on('data', (d: Buffer) => log(`moto: ${d.toString().trimEnd()}`));
    moto.stderr.on('data', (d: Buffer) => log(`moto: ${d.toString().trimEnd()}`));
    const motoUrl = `http://127.0.0.1:${motoPort}`;

    const server = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'ssm-settings-server.ts'), '--upstream', motoUrl, '--account', accountId, '--port', String(options.ssmPort ?? 0), '--exit-with-stdin', ...(options.verbose ? ['--verbose'] : [])],
      { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    children.push({ child: server, group: false });
    const [, frontUrl] = await waitForLine(server, [server.stdout, server.stderr], /listening on (http:\/\/[\d.]+:\d+)/, options.timeoutMs ?? 30_000, 'ssm-settings-server');
    server.stdout.on('data', (d: Buffer) => log(`front: ${d.toString().trimEnd()}`));
    server.stderr.on('data', (d: Buffer) => log(`front: ${d.toString().trimEnd()}`));
    // A config of its own, so a session never reads (or sends) the user's real profiles.
    const configFile = join(configDir, 'config');
    const credentialsFile = join(configDir, 'credentials');
    writeFileSync(
      configFile,
      [
        '[default]',
        'region = us-east-1',
        '',
        '[profile emulator]',
        'region = eu-west-1',
        '',
        '# An IAM Identity Center profile without a cached token: its calls fail with "run aws sso login".',
        '[profile emulator-sso]',
        'sso_session = emulator',
        'sso_account_id = ' + accountId,
        'sso_role_name = Admin',
        'region = us-east-1',
        '',
        '[sso-session emulator]',
        'sso_start_url = https://emulator.awsapps.com/start',
        'sso_region = us-east-1',
        'sso_registration_scopes = sso:account:access',
        '',
      ].join('\n'),
    );
    writeFileSync(
      credentialsFile,
      ['[default]', 'aws_access_key_id = testing', 'aws_secret_access_key = testing', '', '[emulator]', 'aws_access_key_id = testing', 'aws_secret_access_key = testing', ''].join('\n'),
    );

    const env: Record<string, string> = {
      AWS_ENDPOINT_URL_IAM: frontUrl,
      AWS_ENDPOINT_URL_STS: frontUrl,
      AWS_ENDPOINT_URL_EC2: frontUrl,
      AWS_ENDPOINT_URL_SSM: frontUrl,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };

    const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const res = await fetch(new URL(path, frontUrl), {
        method,
        headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const value = (await res.json()) as T;
      if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(value)}`);
      return value;
    };

    return {
      motoUrl,
      frontUrl,
      ssmUrl: frontUrl,
      accountId,
      env,
      unset: [...UNSET_VARIABLES],
      configFile,
      credentialsFile,
      reset: (body) => control('POST', '/_control/reset', body),
      fault: (fault) => control('POST', '/_control/faults', fault),
      addFault: (fault) => control('POST', '/_control/faults', fault),
      faults: () => control('GET', '/_control/faults'),
      clearFaults: (filter) => control('DELETE', '/_control/faults', typeof filter === 'string' ? { region: filter } : filter),
      seed: (settings) => control('POST', '/_control/seed', settings),
      state: () => control('GET', '/_control/state'),
      dhmc: () => control('GET', '/_control/dhmc'),
      seedNodes: (region, nodes) => control('POST', '/_control/nodes', { region, nodes }),
      stats: () => control('GET', '/_control/stats'),
      resetStats: () => control('DELETE', '/_control/stats'),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Sets the emulator environment on process.env (and removes the variables that would point elsewhere); returns a restore function. */
export function applyEnv(handle: Pick<Emulators, 'env' | 'unset'>, target: NodeJS.ProcessEnv = process.env): () => void {
  const saved: Record<string, string | undefined> = {};
  for (const key of [...Object.keys(handle.env), ...handle.unset]) saved[key] = target[key];
  for (const key of handle.unset) delete target[key];
  Object.assign(target, handle.env);
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete target[key];
      else target[key] = value;
    }
  };
}

/** One EC2 instance of the demo fleet; its Name tag says what the readiness of managed nodes shows for it. */
export interface DemoInstance {
  name: string;
  /** MetadataOptions.HttpTokens; `required` (IMDSv2 only) by default. */
  httpTokens?: 'required' | 'optional';
  /** MetadataOptions.HttpEndpoint; `enabled` by default. */
  httpEndpoint?: 'enabled' | 'disabled';
  /** The instance profile it is launched with (seedDemoAccount creates both). */
  profile?: typeof DEMO_APP_PROFILE | typeof DEMO_LEGACY_PROFILE;
  /** What DescribeInstanceInformation says of it; none: it never registered with Systems Manager. */
  agent?: { version: string; pingStatus?: 'Online' | 'ConnectionLost' | 'Inactive'; lastPingHoursAgo?: number };
  /** Stopped after it is launched. */
  stopped?: boolean;
}

/** The instance profile whose role has AmazonSSMManagedInstanceCore attached: its instances are managed through it. */
export const DEMO_APP_PROFILE = 'demo-app-profile';
/** The instance profile whose role allows only ssm:UpdateInstanceInformation: it takes precedence and cannot manage. */
export const DEMO_LEGACY_PROFILE = 'demo-legacy-profile';

/** An image in moto's default list, which it loads into every Region. */
const DEMO_IMAGE_ID = 'ami-12c6146b';
const AGENT = '3.3.1142.0';
const OLD_AGENT = '3.1.1732.0';

/**
 * The demo's EC2 instances per Region (launched in moto) and their managed nodes (seeded in the front server), so
 * that every verdict and reason of src/core/dhmc/readiness.ts shows somewhere. The Regions' DHMC settings and roles
 * are seeded by seedDemoAccount; eu-central-1 (denied) and sa-east-1 (throttled once) have no instances.
 */
export const DEMO_FLEET: Readonly<Record<string, readonly DemoInstance[]>> = {
  // DHMC on with the documented role: one instance per way of being managed or not.
  'us-east-1': [
    { name: 'web-1 (managed through DHMC)', agent: { version: AGENT } },
    { name: 'web-2 (IMDSv2 optional, not reporting)', httpTokens: 'optional' },
    { name: 'worker-1 (SSM Agent too old)', agent: { version: OLD_AGENT, pingStatus: 'ConnectionLost', lastPingHoursAgo: 24 * 12 } },
    { name: 'worker-2 (agent lost its connection)', agent: { version: AGENT, pingStatus: 'ConnectionLost', lastPingHoursAgo: 2 } },
    { name: 'batch-1 (never registered)' },
    { name: 'app-1 (managed through its instance profile)', profile: DEMO_APP_PROFILE, agent: { version: AGENT } },
    { name: 'legacy-1 (profile takes precedence, lacks the control channel)', profile: DEMO_LEGACY_PROFILE, agent: { version: '3.2.923.0' } },
    { name: 'db-1 (metadata service turned off)', httpEndpoint: 'disabled' },
    { name: 'old-web (stopped)', stopped: true, agent: { version: AGENT, pingStatus: 'ConnectionLost', lastPingHoursAgo: 24 * 30 } },
  ],
  'eu-west-1': [
    { name: 'api-1 (managed through DHMC)', agent: { version: AGENT } },
    { name: 'api-2 (managed through DHMC)', agent: { version: AGENT } },
  ],
  // DHMC switched on just now (PendingUpdate): instances that report nothing yet are pending.
  'ap-northeast-1': [{ name: 'web-1 (pending: DHMC switched on just now)' }, { name: 'web-2 (pending: DHMC switched on just now)' }],
  // DHMC off: only an instance profile manages.
  'us-east-2': [{ name: 'web-1 (DHMC off)' }, { name: 'app-1 (managed through its instance profile)', profile: DEMO_APP_PROFILE, agent: { version: AGENT } }],
  'us-west-1': [{ name: 'web-1 (the DHMC role does not exist)' }],
  'ap-southeast-2': [{ name: 'web-1 (the DHMC role has another path)' }],
  'ca-central-1': [{ name: 'web-1 (the DHMC role does not trust Systems Manager)' }],
  'eu-north-1': [{ name: 'web-1 (the DHMC role lacks permissions)' }],
  // IAM denies reading instance profiles here (an injected fault): the profile's role cannot be read.
  'ap-south-1': [{ name: 'app-1 (instance profile unreadable)', profile: DEMO_APP_PROFILE }],
};

/**
 * The Regions whose DHMC setting names a wrong role: its name (under service-role/ in the setting), and the role as
 * created, with AmazonSSMManagedEC2InstanceDefaultPolicy attached unless an inline policy allows only `inlineAction`
 * (no role: it does not exist).
 */
const DEMO_BROKEN_DHMC_ROLES: { region: string; name: string; role?: { path: string; trusts: string; inlineAction?: string } }[] = [
  { region: 'us-west-1', name: 'DemoDhmcRoleDeleted' },
  { region: 'ap-southeast-2', name: 'DemoDhmcRoleAtRoot', role: { path: '/', trusts: 'ssm.amazonaws.com' } },
  { region: 'ca-central-1', name: 'DemoDhmcRoleTrustsEc2', role: { path: '/service-role/', trusts: 'ec2.amazonaws.com' } },
  { region: 'eu-north-1', name: 'DemoDhmcRoleWithoutMessages', role: { path: '/service-role/', trusts: 'ssm.amazonaws.com', inlineAction: 'ssm:UpdateInstanceInformation' } },
];

/** What seedDemoAccount seeds, in one line. */
export const DEMO_ACCOUNT_SUMMARY =
  'DHMC on in us-east-1, eu-west-1 and ap-south-1 (ap-northeast-1 pending), off elsewhere; the DHMC role missing in us-west-1, ' +
  'at another path in ap-southeast-2, not trusting Systems Manager in ca-central-1, without permissions in eu-north-1; ' +
  `eu-central-1 denied; sa-east-1 throttled once; ${Object.values(DEMO_FLEET).flat().length} EC2 instances showing every readiness verdict ` +
  '(most in us-east-1; DHMC off in us-east-2; instance profiles unreadable in ap-south-1)';

/**
 * Seeds a realistic account for the demo: the DHMC role in IAM (created as the docs do), DHMC on in a few
 * Regions and off elsewhere, one Region denied, one throttled once, a Parameter Store tier customised; and a fleet
 * ({@link DEMO_FLEET}) of EC2 instances in moto with their managed nodes, instance profiles and DHMC roles that
 * show every readiness verdict and reason: a role missing, at another path, not trusting ssm.amazonaws.com, or
 * without the permissions, each in a Region of its own, and IAM's GetInstanceProfile denied in ap-south-1.
 */
export async function seedDemoAccount(handle: Emulators): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { IAMClient, CreateRoleCommand, AttachRolePolicyCommand, PutRolePolicyCommand, CreateInstanceProfileCommand, AddRoleToInstanceProfileCommand } = await import('@aws-sdk/client-iam');
  const { EC2Client, DescribeInstancesCommand, RunInstancesCommand, StopInstancesCommand } = await import('@aws-sdk/client-ec2');
  // Straight to moto, past the faults and the counts.
  const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
  const ec2Of = (region: string): InstanceType<typeof EC2Client> => new EC2Client({ region, endpoint: handle.motoUrl, credentials });

  const seedIam = async (): Promise<void> => {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: handle.motoUrl, credentials });
    const trustOf = (service: string): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
    const managed = (name: string): string => `arn:aws:iam::aws:policy/${name}`;
    const role = async (name: string, path: string, trusts: string, policy: { managed: string } | { inline: string; action: string }): Promise<void> => {
      await iam.send(new CreateRoleCommand({ RoleName: name, Path: path, AssumeRolePolicyDocument: trustOf(trusts) }));
      if ('managed' in policy) await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: managed(policy.managed) }));
      else {
        const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: policy.action, Resource: '*' }] });
        await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: policy.inline, PolicyDocument: document }));
      }
    };
    const profile = async (name: string, roleName: string): Promise<void> => {
      await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: name }));
      await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: roleName }));
    };
    try {
      await Promise.all([
        role(DHMC_ROLE_NAME, '/service-role/', 'ssm.amazonaws.com', { managed: DHMC_MANAGED_POLICY }),
        role('demo-app-role', '/', 'ec2.amazonaws.com', { managed: 'AmazonSSMManagedInstanceCore' }).then(() => profile(DEMO_APP_PROFILE, 'demo-app-role')),
        role('demo-legacy-role', '/', 'ec2.amazonaws.com', { inline: 'update-instance-information-only', action: 'ssm:UpdateInstanceInformation' }).then(() =>
          profile(DEMO_LEGACY_PROFILE, 'demo-legacy-role'),
        ),
        ...DEMO_BROKEN_DHMC_ROLES.flatMap(({ name, role: r }) =>
          r ? [role(name, r.path, r.trusts, r.inlineAction ? { inline: 'only-some-of-it', action: r.inlineAction } : { managed: DHMC_MANAGED_POLICY })] : [],
        ),
      ]);
    } finally {
      iam.destroy();
    }
  };
  // moto builds its EC2 backend on the first EC2 call (a second or two, longer when many calls race to it): one
  // call builds it while IAM is seeded, before the Regions launch their instances in parallel.
  const warmUpEc2 = async (): Promise<void> => {
    const ec2 = ec2Of('us-east-1');
    try {
      await ec2.send(new DescribeInstancesCommand({}));
    } finally {
      ec2.destroy();
    }
  };
  await Promise.all([seedIam(), warmUpEc2()]);

  const admin = `arn:aws:sts::${handle.accountId}:assumed-role/Admin/alice`;
  await handle.seed([
    { region: 'us-east-1', settingId: DHMC_SETTING_ID, value: `service-role/${DHMC_ROLE_NAME}`, lastModifiedUser: admin, lastModifiedDate: '2026-03-02T09:15:00Z' },
    { region: 'eu-west-1', settingId: DHMC_SETTING_ID, value: `service-role/${DHMC_ROLE_NAME}`, lastModifiedUser: admin, lastModifiedDate: '2026-05-11T14:02:00Z' },
    { region: 'ap-northeast-1', settingId: DHMC_SETTING_ID, value: `service-role/${DHMC_ROLE_NAME}`, status: 'PendingUpdate', lastModifiedUser: admin },
    { region: 'us-east-1', settingId: '/ssm/parameter-store/default-parameter-tier', value: 'Intelligent-Tiering', lastModifiedUser: admin },
    { region: 'ap-south-1', settingId: DHMC_SETTING_ID, value: `service-role/${DHMC_ROLE_NAME}`, lastModifiedUser: admin, lastModifiedDate: '2026-04-07T08:30:00Z' },
    ...DEMO_BROKEN_DHMC_ROLES.map(({ region, name }) => ({ region, settingId: DHMC_SETTING_ID, value: `service-role/${name}`, lastModifiedUser: admin, lastModifiedDate: '2026-04-21T16:45:00Z' })),
  ]);
  await handle.addFault({ region: 'eu-central-1', kind: 'AccessDenied' });
  await handle.addFault({ region: 'sa-east-1', kind: 'Throttling', count: 1 });
  // IAM is global, but the emulator matches a fault to the Region the request is signed for: the readers of this
  // Region only may not read instance profiles.
  await handle.addFault({ service: 'iam', region: 'ap-south-1', operations: ['GetInstanceProfile'], kind: 'AccessDenied' });

  // The fleet: a RunInstances per instance (each has its own tags and options), the stopped ones stopped, then the
  // managed nodes Systems Manager knows of.
  const now = Date.now();
  const launch = async (region: string, instances: readonly DemoInstance[]): Promise<void> => {
    const ec2 = ec2Of(region);
    try {
      const ids = await Promise.all(
        instances.map(async (i) => {
          const out = await ec2.send(
            new RunInstancesCommand({
              ImageId: DEMO_IMAGE_ID,
              InstanceType: 't3.micro',
              MinCount: 1,
              MaxCount: 1,
              MetadataOptions: { HttpTokens: i.httpTokens ?? 'required', HttpEndpoint: i.httpEndpoint ?? 'enabled' },
              ...(i.profile ? { IamInstanceProfile: { Name: i.profile } } : {}),
              TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: i.name }] }],
            }),
          );
          const id = out.Instances?.[0]?.InstanceId;
          if (!id) throw new Error(`moto launched no instance for ${i.name} in ${region}`);
          return id;
        }),
      );
      const stopped = ids.filter((_, n) => instances[n]?.stopped);
      if (stopped.length > 0) await ec2.send(new StopInstancesCommand({ InstanceIds: stopped }));
      const nodes = instances.flatMap((i, n): SeededNode[] => {
        if (!i.agent || !ids[n]) return [];
        const lastPing = new Date(now - (i.agent.lastPingHoursAgo ?? 0) * 3_600_000);
        return [{ instanceId: ids[n], agentVersion: i.agent.version, pingStatus: i.agent.pingStatus ?? 'Online', lastPingDateTime: lastPing.toISOString(), platformType: 'Linux' }];
      });
      if (nodes.length > 0) await handle.seedNodes(region, nodes);
    } finally {
      ec2.destroy();
    }
  };
  await Promise.all(Object.entries(DEMO_FLEET).map(([region, instances]) => launch(region, instances)));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const handle = await startEmulators({ verbose, log: verbose ? (line) => console.error(line) : undefined });
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await handle.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  if (args.includes('--demo')) await seedDemoAccount(handle);
  if (args.includes('--json')) {
    console.log(JSON.stringify({ motoUrl: handle.motoUrl, frontUrl: handle.frontUrl, ssmUrl: handle.ssmUrl, env: handle.env, unset: handle.unset }));
  } else {
    console.log(`moto_server:   ${handle.motoUrl}  (the real state, past the faults)`);
    console.log(`front server:  ${handle.frontUrl}  (IAM, STS, EC2, SSM; control API: ${handle.frontUrl}/_control/…)`);
    if (args.includes('--demo')) console.log(`Seeded: ${DEMO_ACCOUNT_SUMMARY}.`);
    console.log('\n# Use these in another shell:');
    for (const key of handle.unset) console.log(`unset ${key}`);
    for (const [key, value] of Object.entries(handle.env)) console.log(`export ${key}=${value}`);
    console.log('\nCtrl-C stops both servers.');
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
