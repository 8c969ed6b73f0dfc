import * as assert from 'node:assert/strict';
import { accountRegions, createAwsAdapter, ssmServiceRegions, type AwsAdapter } from '../../../src/aws/adapter';
import { AwsClientFactory } from '../../../src/aws/client-factory';
import { builtinRegions } from '../../../src/core/aws/region-list';
import { closedPort, useEmulators, withEnv } from './emulators';

describe('aws/adapter: listSsmRegions (over HTTP, moto through the SSM endpoint)', function () {
  this.timeout(30_000);
  const emulators = useEmulators();
  let factory: AwsClientFactory;
  let aws: AwsAdapter;
  beforeEach(() => {
    factory = new AwsClientFactory({ maxAttempts: 2 });
    aws = createAwsAdapter({ factory });
  });
  afterEach(async () => {
    aws.dispose();
    await emulators().clearFaults();
  });

  it('reads every page of the public SSM Regions parameters (moto lists other partitions too)', async () => {
    const names = await ssmServiceRegions(factory, { region: 'us-east-1' });
    assert.ok(names.length > 10, `more than one page of 10: ${names.length}`);
    for (const r of ['us-east-1', 'eu-west-1', 'me-central-1', 'cn-north-1', 'us-gov-west-1']) assert.ok(names.includes(r), r);
  });

  it('reads DescribeRegions with every Region and its opt-in status', async () => {
    const regions = await accountRegions(factory, { region: 'us-east-1' });
    assert.equal(regions.find((r) => r.name === 'us-east-1')?.optInStatus, 'opt-in-not-required');
    assert.equal(regions.find((r) => r.name === 'me-central-1')?.optInStatus, 'not-opted-in');
  });

  it('intersects them: Regions of the partition where SSM is offered, the ones not opted in marked', async () => {
    const list = await aws.listSsmRegions({ region: 'us-east-1' });
    assert.deepEqual([list.ssmSource, list.optInSource, list.errors], ['aws', 'aws', []]);
    const byName = new Map(list.regions.map((r) => [r.name, r]));
    assert.deepEqual(byName.get('us-east-1'), { name: 'us-east-1', optInStatus: 'opt-in-not-required', enabled: true });
    assert.deepEqual(byName.get('me-central-1'), { name: 'me-central-1', optInStatus: 'not-opted-in', enabled: false });
    assert.ok(!byName.has('cn-north-1') && !byName.has('us-gov-west-1'), 'other partitions are dropped');
    assert.deepEqual([...byName.keys()], [...byName.keys()].sort());
    assert.ok(list.regions.length >= 30, `${list.regions.length} Regions`);
  });

  it('falls back to the built-in list when the parameters fail, keeping the opt-in status', async () => {
    await emulators().addFault({ region: 'us-east-1', kind: 'AccessDenied', operations: ['GetParametersByPath'] });
    const list = await aws.listSsmRegions({ region: 'us-east-1' });
    assert.deepEqual([list.ssmSource, list.optInSource], ['builtin', 'aws']);
    assert.equal(list.errors[0]?.kind, 'accessDenied');
    assert.equal(list.errors[0]?.action, 'ssm:GetParametersByPath');
    assert.equal(list.regions.find((r) => r.name === 'me-central-1')?.enabled, false);
  });

  it('offline: the built-in list of the partition, opt-in status unknown, two network errors', async () => {
    const port = await closedPort();
    const offline = { AWS_ENDPOINT_URL_SSM: `http://127.0.0.1:${port}`, AWS_ENDPOINT_URL_EC2: `http://127.0.0.1:${port}` };
    const list = await withEnv(offline, () => aws.listSsmRegions({ region: 'eu-west-1' }));
    assert.deepEqual([list.ssmSource, list.optInSource], ['builtin', 'unknown']);
    assert.deepEqual(list.errors.map((e) => [e.kind, e.code]), [
      ['network', 'ECONNREFUSED'],
      ['network', 'ECONNREFUSED'],
    ]);
    assert.deepEqual(list.regions.map((r) => r.name), builtinRegions('eu-west-1').sort());
    assert.ok(list.regions.every((r) => r.optInStatus === 'unknown' && r.enabled));
  });
});
