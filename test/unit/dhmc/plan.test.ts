import * as assert from 'node:assert/strict';
import {
  describeResults,
  disableConfirmation,
  leftOutNote,
  pickableRegions,
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
      `ssm:UpdateServiceSetting default-ec2-instance-management-role = ${ROLE} in ca-central-1`,
      `ssm:UpdateServiceSetting default-ec2-instance-management-role = ${ROLE} in eu-west-1 (now ops/OtherRole)`,
      `ssm:UpdateServiceSetting default-ec2-instance-management-role = ${ROLE} in sa-east-1`,
      `ssm:UpdateServiceSetting default-ec2-instance-management-role = ${ROLE} in us-east-2 (now off)`,
      'ap-south-1: skipped, access denied (ssm:GetServiceSetting)',
      'me-south-1: skipped, the Region is not enabled for the account',
      `us-east-1: skipped, already enabled with ${ROLE}`,
    ]);
    const c = enableConfirmation(plan, undefined, { account: '111122223333', profile: 'dev', roleLines: ['iam:CreateRole X'] })!;
    assert.equal(c.message, `Enable Default Host Management Configuration in 4 Regions (ca-central-1, eu-west-1, sa-east-1, us-east-2) with the role ${ROLE}?`);
    assert.match(c.detail, /^Account 111122223333 · profile dev\n\niam:CreateRole X\nssm:UpdateServiceSetting /);
    assert.match(c.detail, /every EC2 instance in these Regions .*IMDSv2.*3\.2\.582\.0.*30 minutes/);
    assert.ok(!c.detail.includes('$None'), c.detail);
    const one = enableConfirmation(planEnable(['us-east-2'], statuses, ROLE))!;
    assert.match(one.detail, /every EC2 instance in this Region /);
    assert.ok(!one.detail.includes('these Regions') && !one.detail.includes('$None'), one.detail);
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
    const c = disableConfirmation(plan, undefined, { account: '111122223333', profile: 'dev' })!;
    assert.equal(c.message, 'Disable Default Host Management Configuration in 4 Regions (ca-central-1, eu-west-1, sa-east-1, us-east-1)?');
    assert.match(c.detail, /^EC2 instances in these Regions that have no instance profile granting Systems Manager access stop being managed by Systems Manager\./);
    assert.ok(c.detail.includes(`ssm:ResetServiceSetting default-ec2-instance-management-role in us-east-1 (back to off; now ${ROLE})`), c.detail);
    assert.ok(c.detail.includes('Account 111122223333 · profile dev'), c.detail);
    assert.ok(!c.detail.includes('$None'), c.detail);
    assert.ok(c.detail.includes('us-east-2: skipped, already disabled'));
    const one = disableConfirmation(planDisable(['us-east-1'], statuses))!;
    assert.equal(one.message, 'Disable Default Host Management Configuration in us-east-1?');
    assert.match(one.detail, /^EC2 instances in this Region /);
    assert.match(one.detail, /Account unknown · profile default credentials/);
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
      { region: 'us-east-1', ok: true, outcome: 'applied' },
      { region: 'us-east-2', ok: true, outcome: 'applied' },
      { region: 'eu-west-1', ok: false, outcome: 'notApplied', error: new AwsError({ kind: 'accessDenied', message: 'not authorized', action: 'iam:PassRole' }) },
      { region: 'sa-east-1', ok: false, outcome: 'unknown', error: new AwsError({ kind: 'timeout', message: 'late' }), message: 'outcome unknown: the call timed out' },
    ]);
    assert.equal(text, 'Enabled in 2 Regions: us-east-1, us-east-2.\nFailed in eu-west-1: Access denied: iam:PassRole (not authorized)\nsa-east-1: outcome unknown: the call timed out');
    assert.equal(describeResults('disable', [{ region: 'us-east-1', ok: true, outcome: 'applied' }]), 'Disabled in us-east-1.');
    const lost = describeResults('disable', [{ region: 'us-east-1', ok: true, outcome: 'applied', error: new AwsError({ kind: 'network', message: 'lost' }), message: 'applied (the response was lost)' }]);
    assert.equal(lost, 'Disabled in us-east-1.\nus-east-1: applied (the response was lost)');
  });

  it('offers in the pickers only the Regions where something changes, and counts the others', () => {
    const enable = pickableRegions(planEnable(all, statuses, ROLE));
    assert.deepEqual(enable.offered, ['ca-central-1', 'eu-west-1', 'sa-east-1', 'us-east-2']);
    assert.deepEqual(enable.leftOut, [
      { reason: 'alreadyEnabled', regions: ['us-east-1'] },
      { reason: 'denied', regions: ['ap-south-1'] },
      { reason: 'notOptedIn', regions: ['me-south-1'] },
    ]);
    assert.equal(leftOutNote(enable.leftOut), '3 Regions left out: 1 already enabled with this role, 1 access denied, 1 not enabled in this account');
    const disable = pickableRegions(planDisable(['us-east-1', 'us-east-2'], statuses));
    assert.deepEqual(disable, { offered: ['us-east-1'], leftOut: [{ reason: 'alreadyDisabled', regions: ['us-east-2'] }] });
    assert.equal(leftOutNote(disable.leftOut), '1 Region left out: 1 already off');
    assert.equal(leftOutNote([]), undefined);
  });

  describe('through the DHMC API', () => {
    const arn = 'arn:aws:iam::123456789012:role/ops/Mine';
    it('Register lines name the permission model, the role ARN and Overwrite where the Region names another role', () => {
      const plan = planEnable(['us-east-2', 'eu-west-1', 'sa-east-1'], statuses, 'ops/Mine', { model: 'SELF_MANAGED', roleArn: arn });
      assert.deepEqual(planLines(plan), [
        `ssm:RegisterDefaultHostManagementConfiguration PermissionModel=SELF_MANAGED RoleArn=${arn} Overwrite=true in eu-west-1 (now ops/OtherRole)`,
        `ssm:RegisterDefaultHostManagementConfiguration PermissionModel=SELF_MANAGED RoleArn=${arn} Overwrite=true in sa-east-1`,
        `ssm:RegisterDefaultHostManagementConfiguration PermissionModel=SELF_MANAGED RoleArn=${arn} in us-east-2 (now off)`,
        'Where a Region does not offer this API: ssm:UpdateServiceSetting default-ec2-instance-management-role = ops/Mine instead (the result says where).',
      ]);
    });
    it('SERVICE_MANAGED takes no ARN; a Region already on with the default role is skipped', () => {
      const plan = planEnable(['us-east-1', 'us-east-2'], statuses, ROLE, { model: 'SERVICE_MANAGED' });
      assert.deepEqual(planLines(plan), [
        'ssm:RegisterDefaultHostManagementConfiguration PermissionModel=SERVICE_MANAGED in us-east-2 (now off)',
        `Where a Region does not offer this API: ssm:UpdateServiceSetting default-ec2-instance-management-role = ${ROLE} instead (the result says where).`,
        `us-east-1: skipped, already enabled with ${ROLE}`,
      ]);
    });
    it('Disable deregisters, and warns that Systems Manager deletes a role it manages', () => {
      const plan = planDisable(['us-east-1', 'eu-west-1'], statuses, true);
      const confirmation = disableConfirmation(plan)!;
      assert.match(confirmation.detail, /^ssm:DeregisterDefaultHostManagementConfiguration in us-east-1 \(back to off; now service-role\/AWSSystemsManagerDefaultEC2InstanceManagementRole\)$/m);
      assert.match(confirmation.detail, /^Where a Region does not offer this API: ssm:ResetServiceSetting default-ec2-instance-management-role instead/m);
      assert.match(confirmation.detail, /deregistering deletes that role once no Region uses it/);
      // Another role only: Systems Manager manages only the default one.
      assert.doesNotMatch(disableConfirmation(planDisable(['eu-west-1'], statuses, true))!.detail, /deletes that role/);
      // Without the API (the setting path), no such warning either.
      assert.doesNotMatch(disableConfirmation(planDisable(['us-east-1'], statuses))!.detail, /deletes that role/);
    });
    it('the report names the Regions where the setting call replaced the API', () => {
      const text = describeResults('enable', [
        { region: 'us-east-2', ok: true, outcome: 'applied', message: 'applied', via: 'api' },
        { region: 'eu-west-3', ok: true, outcome: 'applied', message: 'RegisterDefaultHostManagementConfiguration is not available in this Region; used UpdateServiceSetting instead: applied', via: 'setting' },
      ]);
      assert.equal(text, 'Enabled in 2 Regions: us-east-2, eu-west-3.\neu-west-3: RegisterDefaultHostManagementConfiguration is not available in this Region; used UpdateServiceSetting instead: applied');
    });
  });
});
