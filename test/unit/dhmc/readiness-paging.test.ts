/**
 * Large fleets over HTTP (moto EC2, the SSM emulator): the readiness reads every page of DescribeInstances and of
 * DescribeInstanceInformation, survives throttling in the middle of a listing (the SDK retries that page), and a
 * listing throttled for good fails only its own Region.
 */
import * as assert from 'node:assert/strict';
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { createAwsAdapter, type AwsAdapter } from '../../../src/aws/adapter';
import { loadRegionReadiness } from '../../../src/core/dhmc/readiness-load';
import { DEFAULT_DHMC_ROLE } from '../../../src/core/dhmc/role-value';
import { DHMC_SETTING_ID } from '../../../src/core/ssm/dhmc';
import { awsRejection, useEmulators } from '../aws/emulators';

const REGION = 'eu-west-3';
const OTHER = 'eu-south-1';
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
/** moto's default image, accepted in every Region. */
const IMAGE = 'ami-12c6146b';

describe('dhmc readiness of a large fleet: paging and throttling mid-listing (over HTTP)', function () {
  this.timeout(90_000);
  const emulators = useEmulators();
  let aws: AwsAdapter;
  let ids: string[] = [];

  before(async () => {
    // Pages of 5 reservations: 12 take 3 pages; DescribeInstanceInformation pages 50 nodes at a time.
    aws = createAwsAdapter({ instancePageSize: 5 });
    // The role Systems Manager creates, so that DHMC serves the instances (the seeds below backdate the setting).
    await aws.registerDefaultHostManagement({ region: REGION }, { permissionModel: 'SERVICE_MANAGED' });
    for (const region of [REGION, OTHER]) {
      const ec2 = new EC2Client({ region, endpoint: emulators().motoUrl, credentials });
      // One reservation each: EC2 (and moto) page DescribeInstances by reservation.
      const launched: string[] = [];
      for (let i = 0; i < 12; i++) {
        const out = await ec2.send(new RunInstancesCommand({ ImageId: IMAGE, MinCount: 1, MaxCount: 1, MetadataOptions: { HttpTokens: 'required' } }));
        launched.push(out.Instances?.[0]?.InstanceId ?? '');
      }
      ec2.destroy();
      if (region === REGION) ids = launched;
      // 12 instances and 60 managed nodes (the 12, and 48 hybrid ones): more than a page of each.
      await emulators().seedNodes(region, [
        ...launched.map((instanceId) => ({ instanceId, agentVersion: '3.3.40.0' })),
        ...Array.from({ length: 48 }, (_, i) => ({ instanceId: `mi-${String(i).padStart(17, '0')}` })),
      ]);
      await emulators().seed({ region, settingId: DHMC_SETTING_ID, value: DEFAULT_DHMC_ROLE.value, lastModifiedDate: '2026-01-01T00:00:00Z' });
    }

  });
  after(() => aws?.dispose());
  afterEach(async () => emulators().clearFaults());

  const calls = async (operation: string): Promise<number> => (await emulators().stats()).byOperation[operation] ?? 0;

  it('reads every page of instances and of instance information', async () => {
    await emulators().resetStats();
    const r = await loadRegionReadiness(aws, { region: REGION });
    assert.deepEqual(r.instances.map((i) => i.instanceId).sort(), [...ids].sort());
    assert.equal(await calls('DescribeInstances'), 3, 'three pages of 5 reservations');
    assert.equal(await calls('DescribeInstanceInformation'), 2, 'two pages of 50');
    // Every instance found its agent, on whichever page of DescribeInstanceInformation it was.
    assert.equal(r.summary.managed, 12, JSON.stringify(r.summary));
  });

  it('a page throttled in the middle of a listing is asked again, and nothing is lost', async () => {
    await emulators().addFault({ service: 'ec2', region: REGION, kind: 'Throttling', operations: ['DescribeInstances'], skip: 1, count: 1 });
    await emulators().addFault({ service: 'ssm', region: REGION, kind: 'Throttling', operations: ['DescribeInstanceInformation'], skip: 1, count: 1 });
    await emulators().resetStats();
    const r = await loadRegionReadiness(aws, { region: REGION });
    assert.equal(r.instances.length, 12);
    assert.equal(r.summary.managed, 12);
    assert.equal(await calls('DescribeInstances'), 4, 'the second page twice');
    assert.equal(await calls('DescribeInstanceInformation'), 3, 'the second page twice');
  });

  it('a listing throttled for good fails its Region with a throttling error; another Region reads', async () => {
    await emulators().addFault({ service: 'ec2', region: REGION, kind: 'Throttling', operations: ['DescribeInstances'], skip: 1 });
    const [err, other] = await Promise.all([awsRejection(loadRegionReadiness(aws, { region: REGION })), loadRegionReadiness(aws, { region: OTHER })]);
    assert.equal(err.kind, 'throttled');
    assert.match(err.message, /^AWS throttled the requests in eu-west-3/);
    assert.equal(err.region, REGION);
    assert.equal(other.instances.length, 12);
  });
});
