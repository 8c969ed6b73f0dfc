import { strict as assert } from 'node:assert';
import { summarizeReadiness, type InstanceReadiness } from '../../../src/core/dhmc/readiness';
import {
  attachPolicyConfirmation,
  imdsConfirmation,
  instanceRow,
  notCheckedRow,
  reasonRow,
  regionSummaryLine,
  shortSummary,
  sortForView,
} from '../../../src/core/dhmc/readiness-view';
import { describeFixResults } from '../../../src/core/dhmc/readiness-fixes';
import { AwsError } from '../../../src/core/aws/error';

const managed: InstanceReadiness = { instanceId: 'i-0b', name: 'web', verdict: 'managed-dhmc', reasons: [], notChecked: [] };
const legacy: InstanceReadiness = { instanceId: 'i-0c', name: 'legacy *bold*', verdict: 'not-managed', reasons: [{ code: 'imdsOptional' }, { code: 'notRegistered' }], notChecked: ['network'] };
const pending: InstanceReadiness = { instanceId: 'i-0d', verdict: 'pending', reasons: [{ code: 'pending', minutesLeft: 12 }], notChecked: ['network'] };
const stopped: InstanceReadiness = { instanceId: 'i-0a', verdict: 'not-running', reasons: [], notChecked: [] };
const profile: InstanceReadiness = { instanceId: 'i-0e', verdict: 'managed-profile', reasons: [], notChecked: [] };

describe('core/dhmc/readiness-view: the rows of managed nodes', () => {
  it('lists what needs attention first: not managed, pending, managed, then not running; by id within a verdict', () => {
    const other: InstanceReadiness = { ...legacy, instanceId: 'i-00' };
    assert.deepEqual(sortForView([stopped, managed, pending, legacy, profile, other]).map((i) => i.instanceId), ['i-00', 'i-0c', 'i-0d', 'i-0e', 'i-0b', 'i-0a']);
  });

  it('an instance row: its id, the verdict and Name, the reasons in an escaped tooltip, Require IMDSv2 offered only where IMDSv2 is optional', () => {
    const row = instanceRow(legacy);
    assert.equal(row.label, 'i-0c');
    assert.equal(row.description, 'Not managed · legacy *bold*');
    assert.equal(row.icon, 'error');
    assert.equal(row.contextValue, 'managedNodeImdsOptional');
    assert.match(row.tooltip, /legacy \\\*bold\\\*/, 'the Name tag cannot format the tooltip');
    assert.match(row.tooltip, /^- IMDSv2 is not required/m);
    assert.match(row.tooltip, /Not checked: the network path/);
    const ok = instanceRow(managed);
    assert.deepEqual([ok.description, ok.icon, ok.contextValue], ['Managed through Default Host Management Configuration · web', 'pass-filled', 'managedNode']);
    assert.doesNotMatch(ok.tooltip, /Not checked/);
    assert.equal(instanceRow(pending).description, 'Pending');
  });

  it('a reason row carries its code, which the fixes match on', () => {
    assert.deepEqual(reasonRow({ code: 'dhmcOff' }), {
      label: 'Default Host Management Configuration is off in this Region.',
      tooltip: 'Default Host Management Configuration is off in this Region.',
      icon: 'warning',
      contextValue: 'readinessReason.dhmcOff',
    });
    assert.equal(reasonRow({ code: 'pending', minutesLeft: 3 }).icon, 'watch');
    assert.equal(reasonRow({ code: 'dhmcRolePermissions', role: 'r', missing: ['ssm:UpdateInstanceInformation'] }).contextValue, 'readinessReason.dhmcRolePermissions');
    assert.equal(notCheckedRow().contextValue, 'readinessNotChecked');
  });

  it('summaries: short for the Region row, whole for the status bar', () => {
    const s = summarizeReadiness([managed, legacy, pending, stopped, profile]);
    assert.equal(shortSummary(s), '2/4 managed, 1 pending');
    assert.equal(regionSummaryLine('us-east-1', s), 'us-east-1: 2 of 4 running instances managed; 1 pending; 1 need IMDSv2');
  });

  it('the Require IMDSv2 confirmation names the account, one call per instance and what may break', () => {
    const one = imdsConfirmation('us-east-1', [{ instanceId: 'i-0c' }], undefined, { profile: 'dev', account: '111122223333' });
    assert.equal(one.message, 'Require IMDSv2 on i-0c in us-east-1?');
    assert.equal(one.confirm, 'Require IMDSv2');
    const two = imdsConfirmation('us-east-1', [{ instanceId: 'i-1' }, { instanceId: 'i-2' }], undefined, { profile: 'dev', account: '111122223333' });
    assert.equal(two.message, 'Require IMDSv2 on 2 instances in us-east-1?');
    assert.deepEqual(two.detail.split('\n').slice(0, 4), [
      'Account 111122223333 · profile dev',
      '',
      'ec2:ModifyInstanceMetadataOptions InstanceId=i-1 HttpTokens=required in us-east-1',
      'ec2:ModifyInstanceMetadataOptions InstanceId=i-2 HttpTokens=required in us-east-1',
    ]);
    assert.match(two.detail, /IMDSv1 \(no session token\) stops getting it/);
  });

  it('the attach confirmation names the call and every Region whose setting names the role', () => {
    const c = attachPolicyConfirmation('MyRole', 'arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy', ['eu-west-1', 'us-east-1'], undefined, { profile: 'dev' });
    assert.equal(c.message, 'Attach AmazonSSMManagedEC2InstanceDefaultPolicy to the DHMC role MyRole?');
    assert.match(c.detail, /^Account unknown · profile dev$/m);
    assert.match(c.detail, /^iam:AttachRolePolicy arn:aws:iam::aws:policy\/AmazonSSMManagedEC2InstanceDefaultPolicy to MyRole$/m);
    assert.match(c.detail, /\(eu-west-1, us-east-1\)\.$/);
  });

  it('the report of a fix says where it was done and what else happened', () => {
    const denied = new AwsError({ kind: 'accessDenied', message: 'Access denied in us-east-1. Missing permission: ec2:ModifyInstanceMetadataOptions' });
    const late = new AwsError({ kind: 'network', reason: 'timeout', message: 'The request to AWS timed out in us-east-1.' });
    assert.equal(
      describeFixResults([
        { subject: 'i-1', outcome: 'applied' },
        { subject: 'i-2', outcome: 'notApplied', error: denied },
        { subject: 'i-3', outcome: 'unknown', error: late },
      ]),
      [
        'Done on 1 of 3: i-1.',
        'i-2: not applied: Access denied in us-east-1. Missing permission: ec2:ModifyInstanceMetadataOptions',
        'i-3: outcome unknown: The request to AWS timed out in us-east-1. Check it again in a moment.',
      ].join('\n'),
    );
  });
});
