/**
 * The local AWS for the src/aws tests: moto_server behind the emulators' front server (which serves the SSM service
 * settings, counts every call and injects faults), started once per mocha run (by the first suite that asks) and
 * stopped by a root after() hook. The environment (every endpoint at the front server, dummy credentials, isolated
 * config files) is applied to process.env while they run; `motoUrl` reads the real state past the faults.
 */
import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { IAMClient } from '@aws-sdk/client-iam';
import { createAwsAdapter, type AwsAdapter } from '../../../src/aws/adapter';
import { isAwsError, type AwsError } from '../../../src/core/aws/error';
import { applyEnv, startEmulators, type Emulators } from '../../../scripts/emulators/start';

let running: Promise<Emulators> | undefined;
let restoreEnv: (() => void) | undefined;

function start(): Promise<Emulators> {
  running ??= startEmulators().then((emu) => {
    restoreEnv = applyEnv(emu);
    return emu;
  });
  return running;
}

// Registered while the spec files load, so it is a root hook: it runs once, after every suite.
after(async function () {
  this.timeout(20_000);
  if (!running) return;
  const emu = await running.catch(() => undefined);
  running = undefined;
  restoreEnv?.();
  await emu?.stop();
});

/** Inside a describe: the emulators are running and reset (moto included) before the suite; returns a getter. */
export function useEmulators(): () => Emulators {
  let emu: Emulators | undefined;
  before(async function () {
    this.timeout(60_000);
    emu = await start();
    await emu.reset();
  });
  return () => {
    if (!emu) throw new Error('The emulators are not running (call useEmulators() inside a describe).');
    return emu;
  };
}

/** A local port where nothing listens (bound, then released), to produce real connection failures. */
export async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs fn with some environment variables set (undefined removes one), then restores them. */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(vars);
  try {
    return await fn();
  } finally {
    set(saved);
  }
}

/** The AwsError a call rejects with; fails the test when it succeeds or rejects with something else. */
export async function awsRejection(promise: Promise<unknown>): Promise<AwsError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(isAwsError(err), `an AwsError, not ${String(err)}`);
    return err;
  }
  assert.fail('the call succeeded');
}

/** What {@link useFaultClients} hands each test. */
export interface FaultClients {
  /** The adapter under test, with short timeouts so that late answers end the call within the test. */
  port: AwsAdapter;
  /** IAM at moto itself, past the faults: to set the state up and read it back. */
  moto: IAMClient;
}

/**
 * Inside a describe: an adapter with short timeouts (1.5 s request timeout, 20 ms write back-off) and a moto IAM
 * client, made before the suite's own hooks run and disposed after it; `reset` resets the emulators before each test.
 */
export function useFaultClients(emulators: () => Emulators, options: { reset?: boolean } = {}): () => FaultClients {
  let clients: FaultClients | undefined;
  before(() => {
    clients = {
      port: createAwsAdapter({ requestTimeoutMs: 1_500, writeBackoffMs: 20 }),
      moto: new IAMClient({ region: 'us-east-1', endpoint: emulators().motoUrl, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } }),
    };
  });
  if (options.reset) beforeEach(() => emulators().reset());
  after(() => {
    clients?.port.dispose();
    clients?.moto.destroy();
    clients = undefined;
  });
  return () => {
    if (!clients) throw new Error('useFaultClients(): only inside the suite that called it');
    return clients;
  };
}
