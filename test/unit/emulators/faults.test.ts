/**
 * The emulators' front server and its faults, over real HTTP with SDK clients made here: every request goes to the
 * front server (endpoint = frontUrl), the real state is read at moto directly (motoUrl) or in the settings store
 * (state()), past the faults. These prove what the fault-injection tests of the product rely on: a fault before the
 * store leaves it untouched, a fault after the store leaves the write made, the SDK classifies the errors as it does
 * AWS's, and the stats show every attempt and every write.
 */
import * as assert from 'node:assert/strict';
import { EC2Client, DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListPolicyVersionsCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  GetParameterCommand,
  GetServiceSettingCommand,
  PutParameterCommand,
  RegisterDefaultHostManagementConfigurationCommand,
  SSMClient,
  UpdateServiceSettingCommand,
} from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { EmulatorFault, EmulatorStats, Emulators } from '../../../scripts/emulators/start';
import { useEmulators } from '../aws/emulators';
import { rejection, type SdkError } from './sdk-errors';

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const DHMC_ID = '/ssm/managed-instance/default-ec2-instance-management-role';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const POLICY = (action: string): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

/** A network-type failure: the connection ended without an answer, or the client stopped waiting. */
function assertNetworkError(err: SdkError, code: 'ECONNRESET' | 'ETIMEDOUT'): void {
  assert.equal(err.code, code, `${err.name} ${err.code}: ${err.message}`);
  assert.equal(err.$metadata?.httpStatusCode, undefined, 'no HTTP answer');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until check() is true; fails after timeoutMs. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(100);
  }
  assert.fail(`${what}: not within ${timeoutMs} ms`);
}

const counts = (stats: EmulatorStats, service: string, operation: string): [number, number] => {
  const s = stats.services[service]?.[operation];
  return [s?.received ?? 0, s?.committed ?? 0];
};

describe('emulators: the front server and its faults (over HTTP, SDK clients)', function () {
  this.timeout(60_000);
  const emulators = useEmulators();
  const clients: { destroy(): void }[] = [];
  /** A client of the front server (faults apply); `timeoutMs` makes the client give up on a withheld answer. */
  const front = <C extends { destroy(): void }>(
    Client: new (config: Record<string, unknown>) => C,
    options: { maxAttempts?: number; timeoutMs?: number; region?: string } = {},
  ): C => {
    const client = new Client({
      region: options.region ?? 'us-east-1',
      endpoint: emulators().frontUrl,
      credentials,
      maxAttempts: options.maxAttempts ?? 1,
      ...(options.timeoutMs ? { requestHandler: { requestTimeout: options.timeoutMs, throwOnRequestTimeout: true } } : {}),
    });
    clients.push(client);
    return client;
  };
  let moto: IAMClient;
  const roleExists = async (name: string): Promise<boolean> => {
    try {
      await moto.send(new GetRoleCommand({ RoleName: name }));
      return true;
    } catch (err) {
      if ((err as Error).name === 'NoSuchEntityException') return false;
      throw err;
    }
  };
  const dhmcValue = async (region: string): Promise<string | undefined> => (await emulators().state())[region]?.[DHMC_ID]?.SettingValue;
  let emu: Emulators;

  before(() => {
    moto = new IAMClient({ region: 'us-east-1', endpoint: emulators().motoUrl, credentials });
  });
  after(() => moto.destroy());
  beforeEach(async () => {
    emu = emulators();
    await emu.reset();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await emu.clearFaults();
  });

  describe('routing: every service through the front, counted', () => {
    it('the environment points IAM, STS, EC2 and SSM at the front server; moto stays reachable', () => {
      for (const service of ['IAM', 'STS', 'EC2', 'SSM']) assert.equal(emu.env[`AWS_ENDPOINT_URL_${service}`], emu.frontUrl, service);
      assert.equal(emu.ssmUrl, emu.frontUrl);
      assert.notEqual(emu.motoUrl, emu.frontUrl);
    });

    it('STS, EC2, IAM and moto\'s SSM operations are proxied and counted per service and operation', async () => {
      const id = await front(STSClient).send(new GetCallerIdentityCommand({}));
      assert.equal(id.Account, emu.accountId);
      const regions = await front(EC2Client).send(new DescribeRegionsCommand({ AllRegions: true }));
      assert.ok((regions.Regions?.length ?? 0) > 20);
      await front(IAMClient).send(new CreateRoleCommand({ RoleName: 'proxied', AssumeRolePolicyDocument: TRUST }));
      assert.ok(await roleExists('proxied'));
      const ssm = front(SSMClient, { region: 'eu-west-1' });
      await ssm.send(new PutParameterCommand({ Name: '/p', Value: 'v', Type: 'String' }));
      assert.equal((await ssm.send(new GetParameterCommand({ Name: '/p' }))).Parameter?.Value, 'v');
      await ssm.send(new GetServiceSettingCommand({ SettingId: DHMC_ID }));
      const stats = await emu.stats();
      assert.deepEqual(stats.services, {
        sts: { GetCallerIdentity: { received: 1, committed: 1 } },
        ec2: { DescribeRegions: { received: 1, committed: 1 } },
        iam: { CreateRole: { received: 1, committed: 1 } },
        ssm: { PutParameter: { received: 1, committed: 1 }, GetParameter: { received: 1, committed: 1 }, GetServiceSetting: { received: 1, committed: 1 } },
      });
      assert.equal(stats.requests, 6);
      assert.equal(stats.committed, 6);
      assert.equal(stats.byOperation.CreateRole, 1);
    });

    it('resetStats() and reset() start the counts again', async () => {
      await front(STSClient).send(new GetCallerIdentityCommand({}));
      assert.equal((await emu.stats()).requests, 1);
      const cleared = await emu.resetStats();
      assert.deepEqual([cleared.requests, cleared.committed, cleared.services], [0, 0, {}]);
      await front(STSClient).send(new GetCallerIdentityCommand({}));
      await emu.reset({ moto: false });
      assert.equal((await emu.stats()).requests, 0);
    });

    it('the calls proxied to moto are timed there: how many waited for it at once, and how long at least one did (injected latency not included)', async () => {
      await emu.resetStats();
      await front(SSMClient).send(new GetServiceSettingCommand({ SettingId: DHMC_ID }));
      assert.deepEqual((await emu.stats()).moto, { maxInFlight: 0, busyMs: 0 }, 'answered by the front, never at moto');
      await emu.addFault({ service: 'ec2', kind: 'Latency', ms: 300 });
      const ec2 = front(EC2Client);
      const t0 = performance.now();
      await Promise.all([0, 1, 2, 3].map(() => ec2.send(new DescribeRegionsCommand({ AllRegions: true }))));
      const wall = performance.now() - t0;
      const { moto } = await emu.stats();
      assert.ok(moto.maxInFlight >= 1 && moto.maxInFlight <= 4, `maxInFlight ${moto.maxInFlight}`);
      assert.ok(moto.busyMs > 0 && moto.busyMs < wall - 300, `busy ${moto.busyMs} ms of ${wall} ms, 300 ms of them injected`);
      assert.deepEqual((await emu.resetStats()).moto, { maxInFlight: 0, busyMs: 0 });
    });
  });

  describe('after the store: the write is made, the answer is not', () => {
    it('ResponseLost on CreateRole: the call fails as a lost connection and the role exists', async () => {
      await emu.fault({ service: 'iam', operations: ['CreateRole'], kind: 'ResponseLost' });
      const err = await rejection(front(IAMClient).send(new CreateRoleCommand({ RoleName: 'lost', AssumeRolePolicyDocument: TRUST })));
      assertNetworkError(err, 'ECONNRESET');
      assert.ok(await roleExists('lost'), 'the role was created');
      assert.deepEqual(counts(await emu.stats(), 'iam', 'CreateRole'), [1, 1]);
    });

    it('ResponseLost once on CreatePolicyVersion with the SDK\'s default retries: the call succeeds and two versions are created', async () => {
      const { Policy } = await moto.send(new CreatePolicyCommand({ PolicyName: 'twice', PolicyDocument: POLICY('ssm:GetParameter') }));
      await emu.fault({ service: 'iam', operations: ['CreatePolicyVersion'], kind: 'ResponseLost', count: 1 });
      const iam = front(IAMClient, { maxAttempts: 3 });
      const out = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: Policy!.Arn, PolicyDocument: POLICY('ssm:*'), SetAsDefault: true }));
      assert.equal(out.$metadata.attempts, 2, 'the SDK retried the lost answer');
      const versions = await moto.send(new ListPolicyVersionsCommand({ PolicyArn: Policy!.Arn }));
      assert.equal(versions.Versions?.length, 3, 'v1 and two copies of the new document');
      assert.deepEqual(counts(await emu.stats(), 'iam', 'CreatePolicyVersion'), [2, 2]);
      assert.deepEqual(await emu.faults(), [], 'a fault with count 1 is gone after one request');
    });

    it('TimeoutAfterCommit on CreateRole: the client gives up, the role exists', async () => {
      await emu.fault({ service: 'iam', operations: ['CreateRole'], kind: 'TimeoutAfterCommit' });
      const t = performance.now();
      const err = await rejection(front(IAMClient, { timeoutMs: 1000 }).send(new CreateRoleCommand({ RoleName: 'slow', AssumeRolePolicyDocument: TRUST })));
      assertNetworkError(err, 'ETIMEDOUT');
      assert.ok(performance.now() - t < 20_000, 'the client gave up long before the default 30 s');
      assert.ok(await roleExists('slow'));
      assert.deepEqual(counts(await emu.stats(), 'iam', 'CreateRole'), [1, 1]);
    });

    it('TimeoutAfterCommit with ms: a client that waits gets the real answer late', async () => {
      await emu.fault({ service: 'iam', operations: ['CreateRole'], kind: 'TimeoutAfterCommit', ms: 600 });
      const t = performance.now();
      const out = await front(IAMClient).send(new CreateRoleCommand({ RoleName: 'late', AssumeRolePolicyDocument: TRUST }));
      assert.ok(performance.now() - t >= 550);
      assert.equal(out.Role?.RoleName, 'late');
    });

    it('InternalErrorAfterCommit on PutRolePolicy: a 500 ServiceFailure, and the inline policy is there', async () => {
      await moto.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: TRUST }));
      await emu.fault({ service: 'iam', operations: ['PutRolePolicy'], kind: 'InternalErrorAfterCommit' });
      const err = await rejection(front(IAMClient).send(new PutRolePolicyCommand({ RoleName: 'r', PolicyName: 'inline', PolicyDocument: POLICY('ssm:GetParameter') })));
      assert.deepEqual([err.name, err.$metadata?.httpStatusCode, err.$fault], ['ServiceFailureException', 500, 'server']);
      const inline = await moto.send(new GetRolePolicyCommand({ RoleName: 'r', PolicyName: 'inline' }));
      assert.match(decodeURIComponent(inline.PolicyDocument ?? ''), /ssm:GetParameter/);
    });

    it('DelayedCommit on CreateRole: the client times out, the role lands later', async () => {
      await emu.fault({ service: 'iam', operations: ['CreateRole'], kind: 'DelayedCommit', ms: 3000 });
      const err = await rejection(front(IAMClient, { timeoutMs: 500 }).send(new CreateRoleCommand({ RoleName: 'later', AssumeRolePolicyDocument: TRUST })));
      assertNetworkError(err, 'ETIMEDOUT');
      assert.equal(await roleExists('later'), false, 'not yet');
      assert.deepEqual(counts(await emu.stats(), 'iam', 'CreateRole'), [1, 0]);
      await eventually(() => roleExists('later'), 15_000, 'the role lands');
      assert.deepEqual(counts(await emu.stats(), 'iam', 'CreateRole'), [1, 1]);
    });

    it('reset() drops a write still held by DelayedCommit: it never lands', async () => {
      await emu.fault({ service: 'iam', operations: ['CreateRole'], kind: 'DelayedCommit', ms: 1500 });
      const pending = rejection(front(IAMClient).send(new CreateRoleCommand({ RoleName: 'never', AssumeRolePolicyDocument: TRUST })));
      await eventually(async () => (await emu.stats()).requests === 1, 10_000, 'the request reaches the front');
      await emu.reset({ moto: false });
      assertNetworkError(await pending, 'ECONNRESET');
      await sleep(2000);
      assert.equal(await roleExists('never'), false);
    });

    it('SSM: ResponseLost, TimeoutAfterCommit, InternalErrorAfterCommit on UpdateServiceSetting leave the value set', async () => {
      const cases: [EmulatorFault['kind'], string, (err: SdkError) => void][] = [
        ['ResponseLost', 'us-east-1', (err) => assertNetworkError(err, 'ECONNRESET')],
        ['TimeoutAfterCommit', 'eu-west-1', (err) => assertNetworkError(err, 'ETIMEDOUT')],
        ['InternalErrorAfterCommit', 'ap-south-1', (err) => assert.deepEqual([err.name, err.$metadata?.httpStatusCode], ['InternalServerError', 500])],
      ];
      for (const [kind, region, check] of cases) {
        await emu.fault({ region, kind });
        const ssm = front(SSMClient, { region, timeoutMs: 1000 });
        check(await rejection(ssm.send(new UpdateServiceSettingCommand({ SettingId: DHMC_ID, SettingValue: 'service-role/x' }))));
        assert.equal(await dhmcValue(region), 'service-role/x', `${kind}: the value was stored`);
      }
      assert.deepEqual(counts(await emu.stats(), 'ssm', 'UpdateServiceSetting'), [3, 3]);
    });

    it('SSM: DelayedCommit on UpdateServiceSetting lands after ms', async () => {
      await emu.fault({ region: 'eu-west-2', kind: 'DelayedCommit', ms: 3000 });
      const ssm = front(SSMClient, { region: 'eu-west-2', timeoutMs: 500 });
      assertNetworkError(await rejection(ssm.send(new UpdateServiceSettingCommand({ SettingId: DHMC_ID, SettingValue: 'service-role/y' }))), 'ETIMEDOUT');
      assert.equal(await dhmcValue('eu-west-2'), undefined, 'not yet');
      await eventually(async () => (await dhmcValue('eu-west-2')) === 'service-role/y', 15_000, 'the value lands');
    });

    it('SSM: ResponseLost on an operation moto serves (PutParameter): the parameter exists', async () => {
      await emu.fault({ operations: ['PutParameter'], kind: 'ResponseLost' });
      const ssm = front(SSMClient, { region: 'eu-west-1' });
      assertNetworkError(await rejection(ssm.send(new PutParameterCommand({ Name: '/lost', Value: 'v', Type: 'String' }))), 'ECONNRESET');
      await emu.clearFaults();
      assert.equal((await ssm.send(new GetParameterCommand({ Name: '/lost' }))).Parameter?.Value, 'v');
    });
  });

  describe('before the store: the errors of the service, nothing written', () => {
    const iamCases: { kind: EmulatorFault['kind']; name: string; status: number; retried: boolean }[] = [
      { kind: 'AccessDenied', name: 'AccessDenied', status: 403, retried: false },
      { kind: 'Throttling', name: 'Throttling', status: 400, retried: true },
      { kind: 'InternalError', name: 'ServiceFailureException', status: 500, retried: true },
      { kind: 'RegionNotEnabled', name: 'InvalidClientTokenId', status: 403, retried: false },
    ];
    for (const c of iamCases) {
      it(`IAM ${c.kind}: ${c.name} ${c.status}, ${c.retried ? 'retried' : 'not retried'}, no role`, async () => {
        await emu.fault({ service: 'iam', operations: ['CreateRole'], kind: c.kind });
        const err = await rejection(front(IAMClient, { maxAttempts: 2 }).send(new CreateRoleCommand({ RoleName: 'denied', AssumeRolePolicyDocument: TRUST })));
        assert.deepEqual([err.name, err.$metadata?.httpStatusCode, err.$metadata?.attempts], [c.name, c.status, c.retried ? 2 : 1]);
        assert.equal(err.$fault, c.status >= 500 ? 'server' : 'client');
        if (c.kind === 'AccessDenied') assert.match(err.message, /not authorized to perform: iam:CreateRole/);
        assert.equal(await roleExists('denied'), false);
        assert.deepEqual(counts(await emu.stats(), 'iam', 'CreateRole'), [c.retried ? 2 : 1, 0]);
      });
    }

    const ssmCases: { kind: EmulatorFault['kind']; name: string; status: number; retried: boolean }[] = [
      { kind: 'AccessDenied', name: 'AccessDeniedException', status: 400, retried: false },
      { kind: 'Throttling', name: 'ThrottlingException', status: 400, retried: true },
      { kind: 'InternalError', name: 'InternalServerError', status: 500, retried: true },
      { kind: 'RegionNotEnabled', name: 'UnrecognizedClientException', status: 400, retried: false },
    ];
    for (const c of ssmCases) {
      it(`SSM ${c.kind}: ${c.name} ${c.status}, ${c.retried ? 'retried' : 'not retried'}, the setting unchanged`, async () => {
        await emu.seed({ region: 'eu-central-1', settingId: DHMC_ID, value: 'service-role/before' });
        await emu.fault({ region: 'eu-central-1', kind: c.kind });
        const ssm = front(SSMClient, { region: 'eu-central-1', maxAttempts: 2 });
        const err = await rejection(ssm.send(new UpdateServiceSettingCommand({ SettingId: DHMC_ID, SettingValue: 'service-role/after' })));
        assert.deepEqual([err.name, err.$metadata?.httpStatusCode, err.$metadata?.attempts], [c.name, c.status, c.retried ? 2 : 1]);
        assert.equal(await dhmcValue('eu-central-1'), 'service-role/before');
        assert.deepEqual(counts(await emu.stats(), 'ssm', 'UpdateServiceSetting'), [c.retried ? 2 : 1, 0]);
      });
    }

    it('SSM UnknownOperation: the Region does not offer Register…; UnknownOperationException 400, not retried, nothing registered, another Region works', async () => {
      const role = 'AWSSystemsManagerDefaultEC2InstanceManagementRole';
      await emu.fault({ kind: 'UnknownOperation', region: 'eu-west-3', operations: ['RegisterDefaultHostManagementConfiguration'] });
      const register = new RegisterDefaultHostManagementConfigurationCommand({ PermissionModel: 'SERVICE_MANAGED' });
      const err = await rejection(front(SSMClient, { region: 'eu-west-3', maxAttempts: 2 }).send(register));
      assert.deepEqual([err.name, err.$metadata?.httpStatusCode, err.$metadata?.attempts, err.$fault], ['UnknownOperationException', 400, 1, 'client']);
      assert.equal(err.message, 'The operation RegisterDefaultHostManagementConfiguration is not available in this Region (injected by the emulator).');
      assert.equal(await dhmcValue('eu-west-3'), undefined, 'the setting was not changed');
      assert.equal(await roleExists(role), false, 'the service-managed role was not created');
      assert.deepEqual(counts(await emu.stats(), 'ssm', 'RegisterDefaultHostManagementConfiguration'), [1, 0]);
      const setting = await front(SSMClient, { region: 'eu-west-3' }).send(new GetServiceSettingCommand({ SettingId: DHMC_ID }));
      assert.equal(setting.ServiceSetting?.SettingValue, '$None', 'the other operations of the Region still answer');
      const out = await front(SSMClient, { region: 'eu-west-1' }).send(register);
      assert.equal(out.RoleArn, `arn:aws:iam::${emu.accountId}:role/service-role/${role}`, 'another Region offers it');
      assert.equal(await dhmcValue('eu-west-1'), `service-role/${role}`);
      assert.equal(await dhmcValue('eu-west-3'), undefined);
    });

    it('UnknownOperation for the query protocols: EC2, IAM and STS answer InvalidAction 400', async () => {
      await emu.fault([
        { service: 'ec2', kind: 'UnknownOperation', operations: ['DescribeRegions'], count: 1 },
        { service: 'iam', kind: 'UnknownOperation', operations: ['CreateRole'], count: 1 },
        { service: 'sts', kind: 'UnknownOperation', count: 1 },
      ]);
      const ec2 = await rejection(front(EC2Client, { maxAttempts: 2 }).send(new DescribeRegionsCommand({})));
      assert.deepEqual([ec2.name, ec2.$metadata?.httpStatusCode, ec2.$metadata?.attempts], ['InvalidAction', 400, 1]);
      assert.match(ec2.message, /The operation DescribeRegions is not available in this Region/);
      const iam = await rejection(front(IAMClient, { maxAttempts: 2 }).send(new CreateRoleCommand({ RoleName: 'unknown', AssumeRolePolicyDocument: TRUST })));
      assert.deepEqual([iam.name, iam.$metadata?.httpStatusCode, iam.$metadata?.attempts], ['InvalidAction', 400, 1]);
      assert.equal(await roleExists('unknown'), false);
      const sts = await rejection(front(STSClient).send(new GetCallerIdentityCommand({})));
      assert.deepEqual([sts.name, sts.$metadata?.httpStatusCode], ['InvalidAction', 400]);
      assert.equal((await emu.stats()).committed, 0);
    });

    it('EC2 and STS answer in their own shapes', async () => {
      await emu.fault([
        { service: 'ec2', kind: 'AccessDenied', count: 1 },
        { service: 'ec2', kind: 'Throttling', count: 1 },
        { service: 'sts', kind: 'InternalError', count: 1 },
        { service: 'sts', kind: 'AccessDenied', count: 1 },
      ]);
      const ec2 = front(EC2Client);
      const denied = await rejection(ec2.send(new DescribeRegionsCommand({})));
      assert.deepEqual([denied.name, denied.$metadata?.httpStatusCode], ['UnauthorizedOperation', 403]);
      const throttled = await rejection(ec2.send(new DescribeRegionsCommand({})));
      assert.deepEqual([throttled.name, throttled.$metadata?.httpStatusCode], ['RequestLimitExceeded', 503]);
      const sts = front(STSClient);
      const failed = await rejection(sts.send(new GetCallerIdentityCommand({})));
      assert.deepEqual([failed.name, failed.$metadata?.httpStatusCode, failed.$fault], ['InternalFailure', 500, 'server']);
      const stsDenied = await rejection(sts.send(new GetCallerIdentityCommand({})));
      assert.deepEqual([stsDenied.name, stsDenied.$metadata?.httpStatusCode], ['AccessDenied', 403]);
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, emu.accountId, 'every count used up: the calls pass');
      assert.equal((await emu.stats()).committed, 1);
    });

    it('Latency delays, then the request executes', async () => {
      await emu.fault({ service: 'iam', kind: 'Latency', ms: 500 });
      const t = performance.now();
      await front(IAMClient).send(new CreateRoleCommand({ RoleName: 'delayed', AssumeRolePolicyDocument: TRUST }));
      assert.ok(performance.now() - t >= 450);
      assert.ok(await roleExists('delayed'));
    });
  });

  describe('matching and counts', () => {
    it('count: a throttling fault with count 2 answers two requests (a retry included), then the call passes', async () => {
      await emu.fault({ service: 'iam', operations: ['CreateRole'], kind: 'Throttling', count: 2 });
      assert.equal((await emu.faults())[0]?.remaining, 2);
      const iam = front(IAMClient, { maxAttempts: 3 });
      const out = await iam.send(new CreateRoleCommand({ RoleName: 'third-time', AssumeRolePolicyDocument: TRUST }));
      assert.equal(out.$metadata.attempts, 3);
      assert.deepEqual(counts(await emu.stats(), 'iam', 'CreateRole'), [3, 1]);
      assert.deepEqual(await emu.faults(), []);
    });

    it('skip: the first matching requests pass untouched, then the fault applies (the middle of a listing)', async () => {
      await emu.fault({ operations: ['GetServiceSetting'], kind: 'AccessDenied', skip: 2, count: 1 });
      assert.equal((await emu.faults())[0]?.skip, 2);
      const ssm = front(SSMClient);
      for (let i = 0; i < 2; i++) await ssm.send(new GetServiceSettingCommand({ SettingId: DHMC_ID }));
      assert.equal((await rejection(ssm.send(new GetServiceSettingCommand({ SettingId: DHMC_ID })))).name, 'AccessDeniedException', 'the third request');
      await ssm.send(new GetServiceSettingCommand({ SettingId: DHMC_ID }));
      assert.deepEqual(await emu.faults(), []);
    });

    it('without count a fault stays; operations and service pick the requests it applies to', async () => {
      await emu.fault({ service: 'iam', operations: ['CreateRole'], kind: 'AccessDenied' });
      const iam = front(IAMClient);
      for (const name of ['a', 'b']) assert.equal((await rejection(iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST })))).name, 'AccessDenied');
      await moto.send(new CreateRoleCommand({ RoleName: 'c', AssumeRolePolicyDocument: TRUST }));
      assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'c' }))).Role?.RoleName, 'c', 'another IAM operation passes');
      assert.equal((await front(STSClient).send(new GetCallerIdentityCommand({}))).Account, emu.accountId, 'another service passes');
      await front(SSMClient).send(new GetServiceSettingCommand({ SettingId: DHMC_ID }));
      assert.equal((await emu.faults()).length, 1);
    });

    it('the default service is ssm (its service-setting operations); "*" and operations ["*"] reach every call', async () => {
      await emu.fault({ kind: 'AccessDenied' });
      await front(IAMClient).send(new CreateRoleCommand({ RoleName: 'untouched', AssumeRolePolicyDocument: TRUST }));
      const ssm = front(SSMClient);
      await ssm.send(new PutParameterCommand({ Name: '/ok', Value: 'v', Type: 'String' }));
      assert.equal((await rejection(ssm.send(new GetServiceSettingCommand({ SettingId: DHMC_ID })))).name, 'AccessDeniedException');
      await emu.clearFaults();
      await emu.fault({ service: '*', operations: ['*'], kind: 'Throttling' });
      assert.equal((await rejection(front(EC2Client).send(new DescribeRegionsCommand({})))).name, 'RequestLimitExceeded');
      assert.equal((await rejection(front(STSClient).send(new GetCallerIdentityCommand({})))).name, 'Throttling');
      assert.equal((await rejection(ssm.send(new GetParameterCommand({ Name: '/ok' })))).name, 'ThrottlingException');
    });

    it('region: a fault of one Region (of the request\'s signature) leaves the others', async () => {
      await emu.fault({ service: '*', operations: ['*'], region: 'eu-west-3', kind: 'AccessDenied' });
      assert.equal((await rejection(front(STSClient, { region: 'eu-west-3' }).send(new GetCallerIdentityCommand({})))).name, 'AccessDenied');
      await front(STSClient, { region: 'eu-west-1' }).send(new GetCallerIdentityCommand({}));
      await front(IAMClient).send(new CreateRoleCommand({ RoleName: 'global', AssumeRolePolicyDocument: TRUST }));
      assert.equal((await rejection(front(IAMClient, { region: 'eu-west-3' }).send(new GetRoleCommand({ RoleName: 'global' })))).name, 'AccessDenied');
    });

    it('clearFaults by service, Region or id; invalid faults are refused', async () => {
      const [a, b, c] = await emu.fault([
        { service: 'iam', kind: 'Throttling' },
        { service: 'ssm', region: 'eu-west-1', kind: 'Throttling' },
        { service: 'ssm', region: 'eu-west-2', kind: 'Throttling' },
      ]);
      assert.deepEqual([a!.region, a!.service, b!.operations], ['*', 'iam', undefined]);
      assert.deepEqual((await emu.clearFaults({ service: 'iam' })).map((f) => f.id), [b!.id, c!.id]);
      assert.deepEqual((await emu.clearFaults('eu-west-1')).map((f) => f.id), [c!.id]);
      assert.deepEqual(await emu.clearFaults({ id: c!.id }), []);
      await assert.rejects(emu.fault({ kind: 'Nope' as EmulatorFault['kind'] }), /HTTP 400.*kind/);
      await assert.rejects(emu.fault({ service: 's3' as EmulatorFault['service'], kind: 'Throttling' }), /HTTP 400.*service/);
      await assert.rejects(emu.fault({ kind: 'Throttling', count: 0 }), /HTTP 400.*count/);
      assert.deepEqual(await emu.faults(), [], 'a refused list adds none');
    });
  });
});
