import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AwsPort, Ec2Instance, ManagedNodeInfo } from '../../../src/core/aws/port';
import type { ExtensionApi } from '../../../src/extension-api';
import type { DhmcNode } from '../../../src/features/dhmc/dhmc-tree';

/**
 * Measured by `npm run bench` (SSM_IT_SUITE=perf), not by npm test: a Region of 1,000 EC2 instances (half with one
 * of 20 instance profiles) read and listed under its row of the DHMC view inside the extension host, and the longest
 * the host's event loop was held while it happened (a timer ticking every 5 ms). The AWS port is an in-memory one
 * that answers each call after 20 ms, so what is measured is the extension's own work, not a network's. Prints one
 * `PERF_NODES {json}` line.
 */
describe('perf: a Region of 1,000 managed nodes in the DHMC view', () => {
  it('lists them without holding the extension host', async function () {
    this.timeout(120_000);
    const api = (await vscode.extensions.getExtension<ExtensionApi>('ssm-policy-studio.ssm-policy-studio')?.activate())?.awsViews;
    assert.ok(api, 'the test API (extension mode Test)');
    const config = vscode.workspace.getConfiguration('ssmPolicy.aws');
    await config.update('regions', ['us-east-1'], vscode.ConfigurationTarget.Global);
    const restore = api.usePort(fleetPort(1000));
    try {
      await vscode.commands.executeCommand('ssmPolicy.refreshDhmc');
      const region = api.dhmc.node('us-east-1');
      const runs: { listMs: number; itemsMs: number; maxStallMs: number }[] = [];
      for (let i = 0; i < 5; i++) {
        api.dhmc.managedNodes.forget('us-east-1');
        const stalls = watchEventLoop();
        const t0 = performance.now();
        const nodes: DhmcNode[] = await api.dhmc.getChildren(region);
        const listMs = performance.now() - t0;
        const t1 = performance.now();
        for (const n of nodes) api.dhmc.getTreeItem(n);
        const itemsMs = performance.now() - t1;
        const maxStallMs = stalls.stop();
        assert.equal(nodes.length, 1000);
        runs.push({ listMs, itemsMs, maxStallMs });
      }
      const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const result = {
        instances: 1000,
        listMs: median(runs.map((r) => r.listMs)),
        itemsMs: median(runs.map((r) => r.itemsMs)),
        maxStallMs: median(runs.map((r) => r.maxStallMs)),
        worstStallMs: Math.max(...runs.map((r) => r.maxStallMs)),
        summary: String(api.dhmc.getTreeItem(region).description ?? ''),
      };
      console.log(`PERF_NODES ${JSON.stringify(result)}`);
      assert.match(result.summary, /^\d+\/1000 managed/);
    } finally {
      restore.dispose();
      await config.update('regions', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

/** The longest gap between the ticks of a 5 ms timer, beyond the 5 ms, until stop(). */
function watchEventLoop(): { stop(): number } {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(worst, performance.now() - last - 5, 0);
    },
  };
}

/** An in-memory account: DHMC on with the documented role, `n` instances, every other one with one of 20 profiles. */
function fleetPort(n: number): AwsPort {
  const account = '123456789012';
  const core = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['ssm:UpdateInstanceInformation', 'ssm:ListInstanceAssociations', 'ssm:UpdateInstanceAssociationStatus', 'ssm:PutInventory'], Resource: '*' },
      { Effect: 'Allow', Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'], Resource: '*' },
      { Effect: 'Allow', Action: ['ec2messages:*'], Resource: '*' },
    ],
  });
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  const instances: Ec2Instance[] = Array.from({ length: n }, (_, i) => ({
    instanceId: `i-${String(i).padStart(17, '0')}`,
    name: `node-${i}`,
    state: 'running',
    httpTokens: i % 3 ? 'required' : 'optional',
    httpEndpoint: 'enabled',
    ...(i % 2 ? { instanceProfileArn: `arn:aws:iam::${account}:instance-profile/p${i % 20}` } : {}),
  }));
  const infos: ManagedNodeInfo[] = instances.filter((_, i) => i % 5 !== 0).map((i) => ({ instanceId: i.instanceId, agentVersion: '3.3.40.0', pingStatus: 'Online', lastPing: new Date() }));
  const later = <T>(value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), 20));
  const handlers: Partial<AwsPort> = {
    listProfiles: () => later([]),
    homeRegion: () => later('us-east-1'),
    getCallerIdentity: () => later({ account, arn: `arn:aws:sts::${account}:user/perf`, userId: 'AIDPERF' }),
    listSsmRegions: () => later({ regions: [{ name: 'us-east-1', optInStatus: 'opt-in-not-required', enabled: true }], ssmSource: 'builtin', optInSource: 'aws', errors: [] }),
    getServiceSetting: (_t, id) => later({ id, value: 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole', status: 'Customized', lastModifiedDate: new Date('2026-01-01T00:00:00Z') }),
    getRole: (_t, name) => later({ name, path: '/service-role/', arn: `arn:aws:iam::${account}:role/service-role/${name}`, trustPolicy: trust }),
    listAttachedRolePolicies: () => later([]),
    listRolePolicies: () => later(['core']),
    getRolePolicy: () => later(core),
    getInstanceProfile: (_t, name) => later({ name, path: '/', arn: `arn:aws:iam::${account}:instance-profile/${name}`, roleNames: [`role-${name}`] }),
    describeInstances: () => later(instances),
    describeInstanceInformation: () => later(infos),
  };
  return new Proxy(handlers, {
    get: (target, key) => (target as Record<string | symbol, unknown>)[key] ?? (() => Promise.reject(new Error(`not in the in-memory account: ${String(key)}`))),
  }) as AwsPort;
}
