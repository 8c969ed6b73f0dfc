import { strict as assert } from 'node:assert';
import type { AwsPort, Ec2Instance, ManagedNodeInfo, Role, ServiceSetting } from '../../../src/core/aws/port';
import { loadRegionReadiness } from '../../../src/core/dhmc/readiness-load';
import { dhmcTrustPolicy } from '../../../src/core/dhmc/role';

const NOW = new Date('2026-12-02T12:00:00Z');
const DHMC_ROLE: Role = {
  name: 'AWSSystemsManagerDefaultEC2InstanceManagementRole',
  path: '/service-role/',
  arn: 'arn:aws:iam::210987654321:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole',
  trustPolicy: dhmcTrustPolicy(),
} as Role;
const CORE_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ssm:UpdateInstanceInformation', 'ssmmessages:*'], Resource: '*' }] });

/** The reads the loader makes, answered from memory; every call is counted. */
function fakePort(over: { setting?: Partial<ServiceSetting>; instances: Ec2Instance[]; infos: ManagedNodeInfo[]; failInstances?: boolean }): { port: AwsPort; calls: string[] } {
  const calls: string[] = [];
  const port = {
    getServiceSetting: async () => {
      calls.push('GetServiceSetting');
      return { id: 'x', value: 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole', status: 'Customized', lastModifiedDate: new Date('2026-11-01T00:00:00Z'), ...over.setting };
    },
    getRole: async (_t: unknown, name: string) => (name === DHMC_ROLE.name ? DHMC_ROLE : undefined),
    listAttachedRolePolicies: async (_t: unknown, role: string) => {
      calls.push(`ListAttachedRolePolicies ${role}`);
      return role === DHMC_ROLE.name ? [{ name: 'AmazonSSMManagedEC2InstanceDefaultPolicy', arn: 'arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy' }] : [];
    },
    listRolePolicies: async (_t: unknown, role: string) => (role === 'app-role' ? ['ssm'] : []),
    getRolePolicy: async () => CORE_POLICY,
    getInstanceProfile: async (_t: unknown, name: string) => {
      calls.push(`GetInstanceProfile ${name}`);
      if (name === 'broken') throw new Error('AccessDenied: iam:GetInstanceProfile');
      return { name, path: '/', arn: `arn:aws:iam::210987654321:instance-profile/${name}`, roleNames: ['app-role'] };
    },
    describeInstances: async () => {
      calls.push('DescribeInstances');
      if (over.failInstances) throw new Error('AccessDenied: ec2:DescribeInstances');
      return over.instances;
    },
    describeInstanceInformation: async () => {
      calls.push('DescribeInstanceInformation');
      return over.infos;
    },
  } as unknown as AwsPort;
  return { port, calls };
}

describe('dhmc readiness: reading a Region', () => {
  it('decides each instance from EC2, Systems Manager and its profile, reading each profile once', async () => {
    const profile = 'arn:aws:iam::210987654321:instance-profile/app';
    const { port, calls } = fakePort({
      instances: [
        { instanceId: 'i-3', state: 'running', httpTokens: 'required', instanceProfileArn: profile },
        { instanceId: 'i-1', state: 'running', httpTokens: 'required' },
        { instanceId: 'i-2', state: 'running', httpTokens: 'optional' },
        { instanceId: 'i-4', state: 'running', httpTokens: 'required', instanceProfileArn: profile },
        { instanceId: 'i-5', state: 'stopped', httpTokens: 'optional' },
        { instanceId: 'i-6', state: 'running', httpTokens: 'required', instanceProfileArn: 'arn:aws:iam::210987654321:instance-profile/broken' },
      ],
      infos: [
        { instanceId: 'i-1', agentVersion: '3.3.40.0', pingStatus: 'Online', lastPing: NOW },
        { instanceId: 'i-3', agentVersion: '3.3.40.0', pingStatus: 'Online', lastPing: NOW },
        { instanceId: 'i-4', agentVersion: '3.3.40.0', pingStatus: 'ConnectionLost', lastPing: NOW },
      ],
    });
    const r = await loadRegionReadiness(port, { region: 'eu-west-1' }, {}, NOW);
    assert.deepEqual(
      r.instances.map((i) => `${i.instanceId} ${i.verdict} ${i.reasons.map((x) => x.code).join(',')}`),
      [
        'i-1 managed-dhmc ',
        'i-2 not-managed imdsOptional,notRegistered',
        'i-3 managed-profile ',
        'i-4 not-managed profilePrecedence,agentNotReporting',
        'i-5 not-running ',
        'i-6 not-managed profileUnread,notRegistered',
      ],
    );
    assert.equal(calls.filter((c) => c === 'GetInstanceProfile app').length, 1, 'the shared profile is read once');
    assert.equal(r.summary.managed, 2);
    assert.ok(r.dhmc.enabled && r.dhmc.role?.exists && r.dhmc.role.trust?.trustsSsm && r.dhmc.role.permissions?.ok);
  });

  it('reads DHMC off without reading a role, and a setting that names a missing role', async () => {
    const off = fakePort({ setting: { value: '$None', status: 'Default' }, instances: [{ instanceId: 'i-1', state: 'running', httpTokens: 'required' }], infos: [] });
    const r = await loadRegionReadiness(off.port, { region: 'eu-west-1' }, {}, NOW);
    assert.deepEqual(r.instances[0]?.reasons.map((x) => x.code), ['dhmcOff', 'notRegistered']);
    assert.ok(!off.calls.some((c) => c.startsWith('ListAttachedRolePolicies')));
    const missing = fakePort({ setting: { value: 'service-role/NoSuchRole' }, instances: [{ instanceId: 'i-1', state: 'running', httpTokens: 'required' }], infos: [] });
    assert.deepEqual((await loadRegionReadiness(missing.port, { region: 'eu-west-1' }, {}, NOW)).instances[0]?.reasons.map((x) => x.code), ['dhmcRoleMissing', 'notRegistered']);
  });

  it('rejects with the failing read, so one Region\'s failure stays its own', async () => {
    const { port } = fakePort({ instances: [], infos: [], failInstances: true });
    await assert.rejects(loadRegionReadiness(port, { region: 'eu-west-1' }, {}, NOW), /DescribeInstances/);
  });
});
