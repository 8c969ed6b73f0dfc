import * as assert from 'node:assert/strict';
import { dhmcRegionItem, dhmcRegionStatus, dhmcStatusFromError, type DhmcEnabled } from '../../../src/core/dhmc/region-status';
import { AwsError } from '../../../src/core/aws/error';
import type { ServiceSetting } from '../../../src/core/aws/port';
import { toDate } from '../../../src/core/service-settings/setting-state';

const ID = '/ssm/managed-instance/default-ec2-instance-management-role';
const ROLE = 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole';

function setting(over: Partial<ServiceSetting>): ServiceSetting {
  return { id: ID, value: '', status: '', arn: `arn:aws:ssm:us-east-2:111122223333:servicesetting${ID}`, ...over };
}

describe('dhmc/region-status', () => {
  it('reads an enabled Region: role with path, status, last modified by and when', () => {
    const s = dhmcRegionStatus('us-east-2', {
      setting: setting({ value: ROLE, status: 'Customized', lastModifiedUser: 'arn:aws:iam::111122223333:user/admin', lastModifiedDate: new Date('2022-11-28T16:21:03.576Z') }),
    });
    assert.equal(s.kind, 'enabled');
    const e = s as DhmcEnabled;
    assert.deepEqual(e.role, { name: 'AWSSystemsManagerDefaultEC2InstanceManagementRole', path: '/service-role/', value: ROLE });
    assert.equal(e.settingStatus, 'Customized');
    assert.equal(e.pending, false);
    assert.deepEqual(e.warnings, []);
    const item = dhmcRegionItem(s);
    assert.equal(item.label, 'us-east-2');
    assert.equal(item.description, `Enabled: ${ROLE}`);
    assert.equal(item.icon, 'pass-filled');
    assert.equal(item.contextValue, 'dhmcEnabled');
    assert.match(item.tooltip, /is on\*\* in `us-east-2`/);
    assert.match(item.tooltip, /path `\/service-role\/`, name `AWSSystemsManagerDefaultEC2InstanceManagementRole`/);
    assert.match(item.tooltip, /Last modified by `arn:aws:iam::111122223333:user\/admin` on 2022-11-28 16:21 UTC/);
  });

  it('shows a pending update and accepts dates as ISO text or epoch seconds', () => {
    const s = dhmcRegionStatus('eu-west-1', { setting: setting({ value: ROLE, status: 'PendingUpdate', lastModifiedDate: toDate(1669652463) }) }) as DhmcEnabled;
    assert.equal(s.pending, true);
    assert.equal(s.lastModified.date?.toISOString(), '2022-11-28T16:21:03.000Z');
    const item = dhmcRegionItem(s);
    assert.equal(item.description, `Enabled (update pending): ${ROLE}`);
    assert.match(item.tooltip, /PendingUpdate.*30 minutes/);
    const iso = dhmcRegionStatus('eu-west-1', { setting: setting({ value: ROLE, lastModifiedDate: toDate('2022-11-28T08:21:03.576000-08:00') }) }) as DhmcEnabled;
    assert.equal(iso.lastModified.date?.toISOString(), '2022-11-28T16:21:03.576Z');
    const bad = dhmcRegionStatus('eu-west-1', { setting: setting({ value: ROLE, lastModifiedDate: toDate('yesterday') }) }) as DhmcEnabled;
    assert.equal(bad.lastModified.date, undefined);
  });

  it('reads a disabled Region from $None / Default, and from a missing value', () => {
    const s = dhmcRegionStatus('us-west-2', { setting: setting({ value: '$None', status: 'Default', lastModifiedUser: 'System' }) });
    assert.equal(s.kind, 'disabled');
    const item = dhmcRegionItem(s);
    assert.deepEqual([item.description, item.icon, item.contextValue], ['Disabled', 'circle-slash', 'dhmcDisabled']);
    assert.match(item.tooltip, /is off\*\* in `us-west-2`/);
    assert.match(item.tooltip, /instance profile/);
    assert.match(item.tooltip, /Last modified by `System`/);
    assert.equal(dhmcRegionStatus('us-west-2', { setting: { id: ID, value: '', status: '' } }).kind, 'disabled');
    assert.equal(dhmcRegionItem(dhmcRegionStatus('us-west-2', { setting: setting({ value: '$None', status: 'PendingUpdate' }) })).description, 'Disabled (reset pending)');
  });

  it('maps errors: not opted in, access denied naming the action, others as errors', () => {
    const notOptedIn = dhmcRegionItem(dhmcStatusFromError('me-south-1', new AwsError({ kind: 'regionNotEnabled', message: 'The security token included in the request is invalid' })));
    assert.deepEqual([notOptedIn.icon, notOptedIn.contextValue], ['cloud-download', 'dhmcNotOptedIn']);
    const denied = dhmcRegionStatus('ap-south-1', { error: new AwsError({ kind: 'accessDenied', message: 'User: x is not authorized to perform: ssm:GetServiceSetting', action: 'ssm:GetServiceSetting' }) });
    assert.equal(denied.kind, 'denied');
    const item = dhmcRegionItem(denied);
    assert.deepEqual([item.description, item.icon, item.contextValue], ['Access denied: ssm:GetServiceSetting', 'lock', 'dhmcDenied']);
    assert.match(item.tooltip, /may not call `ssm:GetServiceSetting`/);
    assert.equal((dhmcStatusFromError('ap-south-1', new AwsError({ kind: 'accessDenied', message: 'denied' })) as { action: string }).action, 'ssm:GetServiceSetting');
    const cases = [
      ['throttled', 'Throttled'],
      ['expiredSso', 'SSO session expired'],
      ['noCredentials', 'No credentials'],
      ['network', 'Network error'],
      ['timeout', 'Timed out'],
      ['other', 'Error'],
    ] as const;
    for (const [kind, description] of cases) {
      const e = dhmcRegionItem(dhmcStatusFromError('sa-east-1', new AwsError({ kind, message: `msg <${kind}>` })));
      assert.deepEqual([e.description, e.icon, e.contextValue], [description, 'error', 'dhmcError'], kind);
      assert.match(e.tooltip, /Could not read the setting\*\* in `sa-east-1`/);
      assert.ok(e.tooltip.includes(`msg \\<${kind}\\>`), 'the message is escaped Markdown');
    }
  });

  it('warns when the value leaves out /service-role/ or is an ARN', () => {
    const bare = dhmcRegionStatus('us-east-1', { setting: setting({ value: 'AWSSystemsManagerDefaultEC2InstanceManagementRole', status: 'Customized' }) }) as DhmcEnabled;
    assert.deepEqual(bare.warnings, [{ code: 'defaultRoleOutsideServiceRole', severity: 'warning' }]);
    assert.equal(bare.role?.path, '/');
    const bareItem = dhmcRegionItem(bare);
    assert.equal(bareItem.icon, 'warning');
    assert.equal(bareItem.contextValue, 'dhmcEnabled');
    assert.match(bareItem.tooltip, /\*\*Warning:\*\* The value names `AWSSystemsManagerDefaultEC2InstanceManagementRole` at path `\/`.*the documented value is `service-role\/AWSSystemsManagerDefaultEC2InstanceManagementRole`/);

    const custom = dhmcRegionStatus('us-east-1', { setting: setting({ value: 'ops/MyDhmcRole', status: 'Customized' }) }) as DhmcEnabled;
    assert.deepEqual(custom.warnings, [{ code: 'outsideServiceRole', severity: 'info' }]);
    const customItem = dhmcRegionItem(custom);
    assert.equal(customItem.icon, 'pass-filled', 'a custom path is only a note');
    assert.match(customItem.tooltip, /\*\*Note:\*\* The role is at path `\/ops\/`/);

    const arn = dhmcRegionStatus('us-east-1', { setting: setting({ value: `arn:aws:iam::111122223333:role/${ROLE}` }) }) as DhmcEnabled;
    assert.deepEqual(arn.warnings, [{ code: 'valueIsArn', severity: 'warning' }]);
    assert.equal(arn.role?.value, ROLE);
    assert.equal(dhmcRegionItem(arn).icon, 'warning');
    assert.match(dhmcRegionItem(arn).tooltip, /The value is an ARN/);

    const junk = dhmcRegionStatus('us-east-1', { setting: setting({ value: '/service-role/X' }) }) as DhmcEnabled;
    assert.deepEqual(junk.warnings, [{ code: 'invalidValue', severity: 'warning' }]);
    assert.equal(junk.role, undefined);
    assert.match(dhmcRegionItem(junk).tooltip, /Value: `\/service-role\/X`/);
  });

  it('passes every text through the localize function', () => {
    const seen: string[] = [];
    const t = (m: string, ...args: (string | number)[]): string => {
      seen.push(m);
      return `«${m.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)]))}»`;
    };
    const item = dhmcRegionItem(dhmcRegionStatus('us-east-1', { setting: setting({ value: 'AWSSystemsManagerDefaultEC2InstanceManagementRole', status: 'Customized', lastModifiedUser: 'System' }) }), t);
    assert.equal(item.description, '«Enabled: AWSSystemsManagerDefaultEC2InstanceManagementRole»');
    assert.ok(seen.includes('Warning:') && seen.includes('Last modified by {0}'), seen.join(' | '));
  });
});
