import * as assert from 'node:assert/strict';
import {
  describeResults,
  disableConfirmation,
  enableConfirmation,
  nothingToDo,
  planDisable,
  planEnable,
  planLines,
} from '../../../src/core/dhmc/plan';
import { dhmcRegionStatus, dhmcStatusFromError, type DhmcRegionStatus } from '../../../src/core/dhmc/region-status';
import { DhmcRoleValueError } from '../../../src/core/dhmc/role-value';
import { AwsError } from '../../../src/core/aws/error';
const DHMC_ID = '/ssm/managed-instance/default-ec2-instance-management-role';

const ROLE = 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole';
const ID = '/ssm/managed-instance/default-ec2-instance-management-role';

const statuses: DhmcRegionStatus[] = [
  dhmcRegionStatus('us-east-1', { setting: { id: DHMC_ID, value: ROLE, status: 'Customized' } }),
  dhmcRegionStatus('us-east-2', { setting: { id: DHMC_ID, value: '$None', status: 'Default' } }),
  dhmcRegionStatus('eu-west-1', { setting: { id: DHMC_ID, value: 'ops/OtherRole', status: 'Customized' } }),
  dhmcStatusFromError('me-south-1', new AwsError({ kind: 'regionNotEnabled', message: '' })),
  dhmcStatusFromError('ap-south-1', new AwsError({ kind: 'accessDenied', message: '', action: 'ssm:GetServiceSetting' })),
  dhmcStatusFromError('sa-east-1', new AwsError({ kind: 'throttled', message: '' })),
];
const all = ['us-east-2', 'us-east-1', 'eu-west-1', 'me-south-1', 'ap-south-1', 'sa-east-1', 'ca-central-1'];

describe('dhmc/plan', () => {
  it('plans Enable: the exact calls in Region order and the skipped Regions with reasons', () => {
    const plan = planEnable(all, statuses, ROLE);
    assert.deepEqual(plan.changes, [
      { region: 'ca-central-1', operation: 'update', settingId: ID, value: ROLE },
      { region: 'eu-west-1', operation: 'update', settingId: ID, value: ROLE, from: 'ops/OtherRole' },
      { region: 'sa-east-1', operation: 'update', settingId: ID, value: ROLE },
      { region: 'us-east-2', operation: 'update', settingId: ID, value: ROLE, from: '$None' },
    ]);
    assert.deepEqual(planLines(plan), [
      `ca-central-1: set default-ec2-instance-management-role to ${ROLE}`,
      `eu-west-1: set default-ec2-instance-management-role to ${ROLE} (now ops/OtherRole)`,
      `sa-east-1: set default-ec2-instance-management-role to ${ROLE}`,
      `us-east-2: set default-ec2-instance-management-role to ${ROLE}`,
      'ap-south-1: skipped, access denied (ssm:GetServiceSetting)',
      'me-south-1: skipped, the Region is not enabled for the account',
      `us-east-1: skipped, already enabled with ${ROLE}`,
    ]);
    const c = enableConfirmation(plan)!;
    assert.equal(c.message, `Enable Default Host Management Configuration in 4 Regions (ca-central-1, eu-west-1, sa-east-1, us-east-2) with the role ${ROLE}?`);
    assert.match(c.detail, /IMDSv2.*3\.2\.582\.0.*30 minutes/);
    assert.equal(c.confirm, 'Enable');
  });

  it('accepts statuses as an array, a Map or a record', () => {
    const map = new Map(statuses.map((s) => [s.region, s]));
    const record = Object.fromEntries(statuses.map((s) => [s.region, s]));
    for (const lookup of [statuses, map, record]) assert.deepEqual(planEnable(['us-east-1', 'us-east-2'], lookup, ROLE).skipped, [{ region: 'us-east-1', reason: 'alreadyEnabled', detail: ROLE }]);
  });

  it('rejects an ARN or $None as the role value', () => {
    assert.throws(() => planEnable(['us-east-1'], [], `arn:aws:iam::111122223333:role/${ROLE}`), (e: unknown) => e instanceof DhmcRoleValueError && e.problem === 'arn');
    assert.throws(() => planEnable(['us-east-1'], [], '$None'), DhmcRoleValueError);
  });

  it('plans Disable and confirms naming the Regions and the instances that stop being managed', () => {
    const plan = planDisable(all, statuses);
    assert.deepEqual(
      plan.changes.map((c) => [c.region, c.operation, c.value, c.from]),
      [
        ['ca-central-1', 'reset', '$None', undefined],
        ['eu-west-1', 'reset', '$None', 'ops/OtherRole'],
        ['sa-east-1', 'reset', '$None', undefined],
        ['us-east-1', 'reset', '$None', ROLE],
      ],
    );
    assert.deepEqual(plan.skipped.map((s) => [s.region, s.reason]), [
      ['ap-south-1', 'denied'],
      ['me-south-1', 'notOptedIn'],
      ['us-east-2', 'alreadyDisabled'],
    ]);
    const c = disableConfirmation(plan)!;
    assert.equal(c.message, 'Disable Default Host Management Configuration in 4 Regions (ca-central-1, eu-west-1, sa-east-1, us-east-1)?');
    assert.match(c.detail, /^EC2 instances in these Regions that have no instance profile granting Systems Manager access stop being managed by Systems Manager\./);
    assert.ok(c.detail.includes('us-east-1: reset default-ec2-instance-management-role to default ($None)'));
    assert.ok(c.detail.includes('us-east-2: skipped, already disabled'));
    assert.equal(disableConfirmation(planDisable(['us-east-1'], statuses))!.message, 'Disable Default Host Management Configuration in us-east-1?');
  });

  it('has nothing to confirm when every Region is skipped', () => {
    const plan = planDisable(['us-east-2', 'me-south-1'], statuses);
    assert.equal(disableConfirmation(plan), undefined);
    assert.equal(enableConfirmation(planEnable(['us-east-1'], statuses, ROLE)), undefined);
    assert.equal(nothingToDo(plan), 'Nothing to change: me-south-1: skipped, the Region is not enabled for the account; us-east-2: skipped, already disabled');
  });

  it('localizes through the given function', () => {
    const t = (m: string, ...args: (string | number)[]): string => `[${m}](${args.join('|')})`;
    const c = disableConfirmation(planDisable(['us-east-1'], statuses), t)!;
    assert.equal(c.message, '[Disable Default Host Management Configuration in {0}?](us-east-1)');
    assert.equal(c.confirm, '[Disable]()');
  });

  it('reports the results per Region', () => {
    const text = describeResults('enable', [
      { region: 'us-east-1', ok: true },
      { region: 'us-east-2', ok: true },
      { region: 'eu-west-1', ok: false, error: new AwsError({ kind: 'accessDenied', message: 'not authorized', action: 'iam:PassRole' }) },
    ]);
    assert.equal(text, 'Enabled in 2 Regions: us-east-1, us-east-2.\nFailed in eu-west-1: Access denied: iam:PassRole (not authorized)');
    assert.equal(describeResults('disable', [{ region: 'us-east-1', ok: true }]), 'Disabled in us-east-1.');
  });
});
