/**
 * The demo account's fleet (seedDemoAccount): EC2 instances in moto, their managed nodes in the SSM emulator, the
 * instance profiles and DHMC roles in moto's IAM, read back over HTTP through the product's own adapter and
 * readiness model (loadRegionReadiness), as the extension reads them. Every verdict and every reason the model has
 * shows on some instance; each instance gets the verdict its Name tag announces.
 */
import * as assert from 'node:assert/strict';
import { createAwsAdapter, type AwsAdapter } from '../../../src/aws/adapter';
import type { ReadinessReason, ReadinessVerdict } from '../../../src/core/dhmc/readiness';
import { loadRegionReadiness, type RegionReadiness } from '../../../src/core/dhmc/readiness-load';
import { DEMO_FLEET, seedDemoAccount } from '../../../scripts/emulators/start';
import { useEmulators } from '../aws/emulators';

// Records over the model's unions: a verdict or reason added to the model fails to compile here until the demo shows it.
const VERDICTS: Record<ReadinessVerdict, true> = { 'managed-dhmc': true, 'managed-profile': true, pending: true, 'not-managed': true, 'not-running': true };
const REASONS: Record<ReadinessReason['code'], true> = {
  profilePrecedence: true,
  profileIncomplete: true,
  profileUnread: true,
  imdsOptional: true,
  imdsDisabled: true,
  agentOld: true,
  agentNotReporting: true,
  notRegistered: true,
  dhmcOff: true,
  dhmcRoleMissing: true,
  dhmcRolePath: true,
  dhmcRoleTrust: true,
  dhmcRolePermissions: true,
  pending: true,
};

/** Per Region, per Name tag: the verdict and the reason codes in order. */
const EXPECTED: Record<string, Record<string, string>> = {
  'us-east-1': {
    'web-1 (managed through DHMC)': 'managed-dhmc',
    'web-2 (IMDSv2 optional, not reporting)': 'not-managed imdsOptional,notRegistered',
    'worker-1 (SSM Agent too old)': 'not-managed agentOld,agentNotReporting',
    'worker-2 (agent lost its connection)': 'not-managed agentNotReporting',
    'batch-1 (never registered)': 'not-managed notRegistered',
    'app-1 (managed through its instance profile)': 'managed-profile',
    'legacy-1 (profile takes precedence, lacks the control channel)': 'not-managed profilePrecedence,profileIncomplete',
    'db-1 (metadata service turned off)': 'not-managed imdsDisabled,notRegistered',
    'old-web (stopped)': 'not-running',
  },
  'eu-west-1': {
    'api-1 (managed through DHMC)': 'managed-dhmc',
    'api-2 (managed through DHMC)': 'managed-dhmc',
  },
  'ap-northeast-1': {
    'web-1 (pending: DHMC switched on just now)': 'pending pending',
    'web-2 (pending: DHMC switched on just now)': 'pending pending',
  },
  'us-east-2': {
    'web-1 (DHMC off)': 'not-managed dhmcOff,notRegistered',
    'app-1 (managed through its instance profile)': 'managed-profile',
  },
  'us-west-1': { 'web-1 (the DHMC role does not exist)': 'not-managed dhmcRoleMissing,notRegistered' },
  'ap-southeast-2': { 'web-1 (the DHMC role has another path)': 'not-managed dhmcRolePath,notRegistered' },
  'ca-central-1': { 'web-1 (the DHMC role does not trust Systems Manager)': 'not-managed dhmcRoleTrust,notRegistered' },
  'eu-north-1': { 'web-1 (the DHMC role lacks permissions)': 'not-managed dhmcRolePermissions,notRegistered' },
  'ap-south-1': { 'app-1 (instance profile unreadable)': 'not-managed profileUnread,notRegistered' },
};

const label = (i: RegionReadiness['instances'][number]): string => [i.verdict, i.reasons.map((r) => r.code).join(',')].filter(Boolean).join(' ');

describe('emulators: the demo fleet shows every readiness verdict and reason (moto EC2 and IAM, the SSM emulator, over HTTP)', function () {
  this.timeout(90_000);
  const emulators = useEmulators();
  let aws: AwsAdapter;
  const read = new Map<string, RegionReadiness>();

  before(async () => {
    const started = performance.now();
    await seedDemoAccount(emulators());
    console.log(`      (seedDemoAccount: ${Math.round(performance.now() - started)} ms)`);
    aws = createAwsAdapter();
    const regions = Object.keys(DEMO_FLEET);
    const all = await Promise.all(regions.map((region) => loadRegionReadiness(aws, { region })));
    for (const r of all) read.set(r.region, r);
  });
  after(async () => {
    aws?.dispose();
    // The next suite starts from a clean account (the demo's faults included).
    await emulators().reset();
  });

  it('seeds a few dozen instances at most, each in the Region and with the name the fleet says', () => {
    const seeded = Object.values(DEMO_FLEET).flat().length;
    assert.ok(seeded >= 15 && seeded <= 36, `${seeded} instances`);
    for (const [region, instances] of Object.entries(DEMO_FLEET)) {
      assert.deepEqual(read.get(region)?.instances.map((i) => i.name).sort(), instances.map((i) => i.name).sort(), region);
    }
  });

  it('every instance gets the verdict and reasons its Name tag announces', () => {
    const actual = Object.fromEntries([...read].map(([region, r]) => [region, Object.fromEntries(r.instances.map((i) => [i.name ?? i.instanceId, label(i)]))]));
    assert.deepEqual(actual, EXPECTED);
  });

  it('every verdict and every reason of the model shows on some instance', () => {
    const instances = [...read.values()].flatMap((r) => r.instances);
    const verdicts = new Set(instances.map((i) => i.verdict));
    const reasons = new Set(instances.flatMap((i) => i.reasons.map((r) => r.code)));
    assert.deepEqual(Object.keys(VERDICTS).filter((v) => !verdicts.has(v as ReadinessVerdict)), [], 'verdicts not shown');
    assert.deepEqual(Object.keys(REASONS).filter((c) => !reasons.has(c as ReadinessReason['code'])), [], 'reasons not shown');
  });

  it('the reasons name what is wrong: the roles, the missing actions, the agent, the minutes left', () => {
    const find = (region: string, name: string) => read.get(region)?.instances.find((i) => i.name === name);
    const legacy = find('us-east-1', 'legacy-1 (profile takes precedence, lacks the control channel)');
    assert.deepEqual(legacy?.reasons[0], { code: 'profilePrecedence', role: 'demo-legacy-role', policy: 'inline:update-instance-information-only' });
    assert.deepEqual(legacy?.reasons[1], { code: 'profileIncomplete', role: 'demo-legacy-role', missing: ['ssmmessages:CreateControlChannel', 'ssmmessages:OpenControlChannel'] });
    assert.deepEqual(find('us-east-1', 'worker-1 (SSM Agent too old)')?.reasons[0], { code: 'agentOld', version: '3.1.1732.0' });
    const lost = find('us-east-1', 'worker-2 (agent lost its connection)')?.reasons[0];
    assert.ok(lost?.code === 'agentNotReporting' && lost.pingStatus === 'ConnectionLost' && lost.lastPing instanceof Date, JSON.stringify(lost));
    const pending = find('ap-northeast-1', 'web-1 (pending: DHMC switched on just now)')?.reasons[0];
    assert.ok(pending?.code === 'pending' && pending.minutesLeft > 20 && pending.minutesLeft <= 30, JSON.stringify(pending));
    assert.deepEqual(find('us-west-1', 'web-1 (the DHMC role does not exist)')?.reasons[0], { code: 'dhmcRoleMissing', role: 'service-role/DemoDhmcRoleDeleted' });
    assert.deepEqual(find('ap-southeast-2', 'web-1 (the DHMC role has another path)')?.reasons[0], { code: 'dhmcRolePath', role: 'service-role/DemoDhmcRoleAtRoot' });
    assert.deepEqual(find('ca-central-1', 'web-1 (the DHMC role does not trust Systems Manager)')?.reasons[0], { code: 'dhmcRoleTrust', role: 'service-role/DemoDhmcRoleTrustsEc2' });
    assert.deepEqual(find('eu-north-1', 'web-1 (the DHMC role lacks permissions)')?.reasons[0], {
      code: 'dhmcRolePermissions',
      role: 'service-role/DemoDhmcRoleWithoutMessages',
      missing: ['ssmmessages:CreateControlChannel', 'ssmmessages:OpenControlChannel'],
    });
    assert.deepEqual(find('ap-south-1', 'app-1 (instance profile unreadable)')?.reasons[0], { code: 'profileUnread', role: 'demo-app-profile' });
  });

  it('the Regions as the DHMC view shows them: summaries, and what the demo keeps from before (denied, off, untouched)', async () => {
    assert.deepEqual(read.get('us-east-1')?.summary, {
      total: 9,
      managed: 2,
      pending: 0,
      notManaged: 6,
      notRunning: 1,
      byReason: { imdsOptional: 1, notRegistered: 3, agentOld: 1, agentNotReporting: 2, profilePrecedence: 1, profileIncomplete: 1, imdsDisabled: 1 },
    });
    assert.equal(read.get('ap-northeast-1')?.summary.pending, 2);
    assert.ok(read.get('us-east-1')?.dhmc.role?.exists && read.get('us-east-1')?.dhmc.role?.permissions?.ok);
    // eu-central-1 stays denied: the Region's readiness fails as a whole, the others do not.
    await assert.rejects(loadRegionReadiness(aws, { region: 'eu-central-1' }), /denied|not authorized/i);
    // A Region the demo leaves alone: DHMC off, no instance.
    const west2 = await loadRegionReadiness(aws, { region: 'us-west-2' });
    assert.deepEqual([west2.dhmc.enabled, west2.instances.length], [false, 0]);
  });
});
