// Starts the local AWS for tests and the demo: moto_server (IAM, STS, EC2, SSM parameters) behind the project's own
// front server (./ssm-settings-server.ts). The SDK reaches every service at the front (AWS_ENDPOINT_URL_IAM, _STS,
// _EC2 and _SSM all point there); it answers the SSM service-setting operations itself, proxies everything else to
// moto byte for byte, counts every call and injects faults. `motoUrl` reaches moto directly, past the faults and the
// counts: read the real state there.
//
//   node scripts/emulators/start.mjs [--demo] [--json]
// prints the environment to use and keeps running; Ctrl-C stops both servers. --demo seeds a realistic account.
// --json prints {motoUrl, frontUrl, ssmUrl (= frontUrl), env, unset} on one line.
//
// As a module: `const emu = await startEmulators(); const restore = applyEnv(emu.env); … await emu.stop(); restore();`
//
// Control API of the front server (JSON bodies; also wrapped by the handle's methods):
//   POST   /_control/faults  a fault or an array of them; answers them with their ids:
//            {kind, service?: ssm|iam|sts|ec2|"*" (default ssm), region?: code|"*" (default "*"; the Region the
//             request is signed for, IAM too), operations?: ["CreateRole", …] or ["*"] (default: the three
//             service-setting operations for ssm, every operation for another service), count? (matching requests
//             it applies to, then it is removed; unlimited by default), ms?}
//            kind, before the store (the request never executes):
//              AccessDenied      SSM AccessDeniedException 400; IAM/STS AccessDenied 403; EC2 UnauthorizedOperation 403
//              Throttling        SSM ThrottlingException 400; IAM/STS Throttling 400; EC2 RequestLimitExceeded 503
//              InternalError     SSM InternalServerError 500; IAM ServiceFailure 500; STS InternalFailure 500; EC2 InternalError 500
//              RegionNotEnabled  SSM UnrecognizedClientException 400; IAM/STS InvalidClientTokenId 403; EC2 AuthFailure 401
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
//                             services: {iam: {CreateRole: {received, committed}}, …}}: calls that reached the front
//                             and those executed against the store (an SDK retry of a write shows as committed twice)
//   DELETE /_control/stats   resets the counts
//   POST   /_control/seed    {region, settingId, value, status?, lastModifiedUser?, lastModifiedDate?} (or an array)
//   POST   /_control/reset   [{moto: false}]      clears settings, faults, stats and held requests (a DelayedCommit
//                                                 still held never lands), and resets moto unless moto is false
//   GET    /_control/state   GET /_control/health
/* global fetch */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** The account id moto and the front server use. */
export const EMULATOR_ACCOUNT_ID = '123456789012';

/** Variables an emulator session must not inherit from the shell (they would point the SDK elsewhere). */
export const UNSET_VARIABLES = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN'];

/** Reads lines of a stream until one matches; rejects on timeout or when the process exits first. */
function waitForLine(child, streams, pattern, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`${what} did not start within ${timeoutMs} ms. Output:\n${seen.slice(-2000)}`)), timeoutMs);
    const onData = (chunk) => {
      seen += chunk.toString();
      const m = pattern.exec(seen);
      if (m) finish(undefined, m);
    };
    const onExit = (code, signal) => finish(new Error(`${what} exited (${signal ?? code}) before it was ready. Output:\n${seen.slice(-2000)}`));
    const onError = (err) =>
      finish(err.code === 'ENOENT' ? new Error(`${what} not found. Install it: pip install "moto[server]" (see TESTING.md §2).`) : err);
    function finish(err, match) {
      clearTimeout(timer);
      for (const s of streams) s.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      if (err) reject(err);
      else resolve(match);
    }
    for (const s of streams) s.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/** Resolves when the child has exited, or after timeoutMs (false then). */
function exited(child, timeoutMs) {
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
// SIGKILL, the pipe closes, `cat` returns and the shell stops moto. No orphaned servers.
const MOTO_GUARD = 'trap \'kill "$m" 2>/dev/null\' INT TERM HUP; "$0" "$@" & m=$!; cat >/dev/null; kill "$m" 2>/dev/null; wait "$m"';

/**
 * Starts moto_server and the front server; resolves to a handle with the environment to use and
 * control methods. Rejects (having stopped what it started) when either cannot start.
 */
export async function startEmulators(options = {}) {
  const log = options.log ?? (() => {});
  const motoBin = options.motoServer ?? process.env.MOTO_SERVER_BIN ?? 'moto_server';
  const accountId = options.accountId ?? EMULATOR_ACCOUNT_ID;
  const children = [];
  const configDir = mkdtempSync(join(tmpdir(), 'ssm-policy-emulators-'));
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killNow);
    await Promise.all(
      children.map(async ({ child, group }) => {
        child.stdin?.end();
        if (!(await exited(child, 1500))) {
          try {
            process.kill(group ? -child.pid : child.pid, 'SIGTERM');
          } catch {
            // already gone
          }
          if (!(await exited(child, 3000))) {
            try {
              process.kill(group ? -child.pid : child.pid, 'SIGKILL');
            } catch {
              // already gone
            }
          }
        }
      }),
    );
    rmSync(configDir, { recursive: true, force: true });
  };
  // Last resort when the process exits without calling stop(): synchronous kills only.
  const killNow = () => {
    for (const { child, group } of children) {
      try {
        process.kill(group ? -child.pid : child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
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
    moto.stdout.on('data', (d) => log(`moto: ${d.toString().trimEnd()}`));
    moto.stderr.on('data', (d) => log(`moto: ${d.toString().trimEnd()}`));
    const motoUrl = `http://127.0.0.1:${motoPort}`;

    const server = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'ssm-settings-server.ts'), '--upstream', motoUrl, '--account', accountId, '--port', String(options.ssmPort ?? 0), '--exit-with-stdin', ...(options.verbose ? ['--verbose'] : [])],
      { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    children.push({ child: server, group: false });
    const [, frontUrl] = await waitForLine(server, [server.stdout, server.stderr], /listening on (http:\/\/[\d.]+:\d+)/, options.timeoutMs ?? 30_000, 'ssm-settings-server');
    server.stdout.on('data', (d) => log(`front: ${d.toString().trimEnd()}`));
    server.stderr.on('data', (d) => log(`front: ${d.toString().trimEnd()}`));

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

    const env = {
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

    const control = async (method, path, body) => {
      const res = await fetch(new URL(path, frontUrl), {
        method,
        headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const value = await res.json();
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
export function applyEnv(handle, target = process.env) {
  const saved = {};
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

/** The DHMC setting id and the documented role, repeated here so this script needs no TypeScript. */
const DHMC_SETTING_ID = '/ssm/managed-instance/default-ec2-instance-management-role';
const DHMC_ROLE_NAME = 'AWSSystemsManagerDefaultEC2InstanceManagementRole';

/**
 * Seeds a realistic account for the demo: the DHMC role in IAM (created as the docs do), DHMC on in a few
 * Regions and off elsewhere, one Region denied, one throttled once, a Parameter Store tier customised.
 */
export async function seedDemoAccount(handle) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { IAMClient, CreateRoleCommand, AttachRolePolicyCommand } = await import('@aws-sdk/client-iam');
  const iam = new IAMClient({ region: 'us-east-1', endpoint: handle.motoUrl, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const trust = { Version: '2012-10-17', Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  await iam.send(new CreateRoleCommand({ RoleName: DHMC_ROLE_NAME, Path: '/service-role/', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: DHMC_ROLE_NAME, PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy' }));
  iam.destroy();
  const admin = `arn:aws:sts::${handle.accountId}:assumed-role/Admin/alice`;
  await handle.seed([
    { region: 'us-east-1', settingId: DHMC_SETTING_ID, value: `service-role/${DHMC_ROLE_NAME}`, lastModifiedUser: admin, lastModifiedDate: '2026-03-02T09:15:00Z' },
    { region: 'eu-west-1', settingId: DHMC_SETTING_ID, value: `service-role/${DHMC_ROLE_NAME}`, lastModifiedUser: admin, lastModifiedDate: '2026-05-11T14:02:00Z' },
    { region: 'ap-northeast-1', settingId: DHMC_SETTING_ID, value: `service-role/${DHMC_ROLE_NAME}`, status: 'PendingUpdate', lastModifiedUser: admin },
    { region: 'us-east-1', settingId: '/ssm/parameter-store/default-parameter-tier', value: 'Intelligent-Tiering', lastModifiedUser: admin },
  ]);
  await handle.addFault({ region: 'eu-central-1', kind: 'AccessDenied' });
  await handle.addFault({ region: 'sa-east-1', kind: 'Throttling', count: 1 });
}

async function main() {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const handle = await startEmulators({ verbose, log: verbose ? (line) => console.error(line) : undefined });
  let stopping = false;
  const shutdown = async () => {
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
    if (args.includes('--demo')) console.log('Seeded: DHMC on in us-east-1, eu-west-1 (ap-northeast-1 pending), AccessDenied in eu-central-1, sa-east-1 throttled once.');
    console.log('\n# Use these in another shell:');
    for (const key of handle.unset) console.log(`unset ${key}`);
    for (const [key, value] of Object.entries(handle.env)) console.log(`export ${key}=${value}`);
    console.log('\nCtrl-C stops both servers.');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
