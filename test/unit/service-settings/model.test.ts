import * as assert from 'node:assert/strict';
import {
  chargeNote,
  resetConfirmation,
  serviceSettingLabel,
  settingRow,
  settingValuePicks,
  settingViews,
  updateConfirmation,
  validateSettingValue,
} from '../../../src/core/service-settings/model';
import { SERVICE_SETTINGS, serviceSettingById } from '../../../src/core/ssm/service-settings';
import { AwsError } from '../../../src/core/aws/error';
const DHMC_ID = '/ssm/managed-instance/default-ec2-instance-management-role';

const setting = (id: string) => serviceSettingById(id)!;
const TIER = '/ssm/parameter-store/default-parameter-tier';
const DHMC = '/ssm/managed-instance/default-ec2-instance-management-role';

describe('settings/model', () => {
  it('gives every documented setting a label, a description and a way to edit it', () => {
    const views = settingViews();
    assert.equal(views.length, SERVICE_SETTINGS.length);
    const labels = views.map((v) => v.label);
    assert.equal(new Set(labels).size, labels.length, 'labels are unique');
    for (const v of views) {
      assert.notEqual(v.label, v.id, `${v.id} has a label`);
      assert.ok(v.description.length > 10);
      if (v.edit.kind === 'pick') assert.deepEqual(v.edit.values, setting(v.id).allowedValues);
    }
    const byId = new Map(views.map((v) => [v.id, v]));
    assert.equal(byId.get(DHMC)!.edit.kind, 'dhmcRole');
    assert.equal(byId.get('/ssm/just-in-time-access/identity-provider')!.edit.kind, 'none');
    assert.deepEqual(byId.get('/ssm/automation/customer-script-log-group-name')!.edit, { kind: 'text', pattern: setting('/ssm/automation/customer-script-log-group-name').valuePattern, example: 'my-log-group' });
    assert.equal(serviceSettingLabel('/ssm/opsdata/SecurityHub'), 'Explorer OpsData source: SecurityHub');
    assert.equal(serviceSettingLabel('/ssm/opsitem/EC2'), 'OpsCenter default rule: EC2 OpsItems');
    assert.equal(serviceSettingLabel('/ssm/unknown'), '/ssm/unknown');
  });

  it('builds the pick list with the current and default values marked and charges noted', () => {
    assert.deepEqual(settingValuePicks(setting(TIER), 'Intelligent-Tiering'), [
      { value: 'Standard', label: 'Standard', description: 'default', picked: false },
      { value: 'Advanced', label: 'Advanced', description: '', detail: 'Advanced parameters are charged.', picked: false },
      {
        value: 'Intelligent-Tiering',
        label: 'Intelligent-Tiering',
        description: 'current',
        detail: 'Parameters that need the advanced tier become advanced parameters, which are charged.',
        picked: true,
      },
    ]);
    assert.equal(settingValuePicks(setting(TIER), 'Standard')[0]!.description, 'current, default');
    assert.deepEqual(settingValuePicks(setting(DHMC), '$None'), []);
    assert.ok(chargeNote('/ssm/parameter-store/high-throughput-enabled', 'true'));
    assert.equal(chargeNote('/ssm/parameter-store/high-throughput-enabled', 'false'), undefined);
  });

  it('validates typed values, case-sensitively', () => {
    assert.equal(validateSettingValue(setting(TIER), 'Advanced'), undefined);
    assert.equal(validateSettingValue(setting(TIER), 'advanced'), 'Use one of: Standard, Advanced, Intelligent-Tiering (case matters).');
    const group = setting('/ssm/automation/customer-script-log-group-name');
    assert.equal(validateSettingValue(group, '/aws/ssm/my-group'), undefined);
    assert.equal(validateSettingValue(group, 'bad group!'), 'Not a valid value for this setting; for example: my-log-group');
  });

  it('builds the row of a setting in a Region: value, status, last modified', () => {
    const custom = settingRow('us-east-1', setting(TIER), {
      setting: { id: TIER, value: 'Advanced', status: 'Customized', lastModifiedUser: 'arn:aws:iam::111122223333:user/admin', lastModifiedDate: new Date('2024-05-01T10:00:00Z') },
    });
    assert.equal(custom.label, 'Parameter Store: default parameter tier');
    assert.equal(custom.description, 'Advanced');
    assert.deepEqual([custom.value, custom.status, custom.icon, custom.contextValue], ['Advanced', 'Customized', 'pass', 'serviceSettingCustomized']);
    assert.equal(custom.lastModified?.date?.toISOString(), '2024-05-01T10:00:00.000Z');
    assert.match(custom.tooltip, /Value: `Advanced`, status `Customized`/);
    assert.match(custom.tooltip, /Advanced parameters are charged/);
    assert.match(custom.tooltip, /Last modified by `arn:aws:iam::111122223333:user\/admin` on 2024-05-01 10:00 UTC/);
    assert.match(custom.tooltip, /\[Documentation\]\(https:\/\/docs\.aws\.amazon\.com\//);

    const def = settingRow('us-east-1', setting(TIER), { setting: { id: DHMC_ID, value: 'Standard', status: 'Default' } });
    assert.deepEqual([def.description, def.contextValue, def.icon], ['Standard · default', 'serviceSettingDefault', 'circle-outline']);
    const pending = settingRow('us-east-1', setting(TIER), { setting: { id: DHMC_ID, value: 'Advanced', status: 'PendingUpdate' } });
    assert.deepEqual([pending.description, pending.contextValue, pending.icon], ['Advanced · update pending', 'serviceSettingPending', 'sync']);
    const jit = settingRow('us-east-1', setting('/ssm/just-in-time-access/identity-provider'), { setting: { id: DHMC_ID, value: 'x', status: 'Customized' } });
    assert.equal(jit.contextValue, 'serviceSettingReadOnly');
  });

  it('builds rows for errors: not set, denied, not opted in, other', () => {
    const notSet = settingRow('us-east-1', setting('/ssm/opsinsights/opscenter'), { error: new AwsError({ kind: 'other', code: 'ServiceSettingNotFound', message: 'not found' }) });
    assert.deepEqual([notSet.description, notSet.status, notSet.contextValue], ['not set', 'NotSet', 'serviceSettingDefault']);
    const denied = settingRow('us-east-1', setting(TIER), { error: new AwsError({ kind: 'accessDenied', message: 'no', action: 'ssm:GetServiceSetting' }) });
    assert.deepEqual([denied.description, denied.icon, denied.contextValue, denied.value], ['Access denied: ssm:GetServiceSetting', 'lock', 'serviceSettingDenied', undefined]);
    assert.match(denied.tooltip, /allow `ssm:GetServiceSetting`/);
    const region = settingRow('me-south-1', setting(TIER), { error: new AwsError({ kind: 'regionNotEnabled', message: '' }) });
    assert.deepEqual([region.icon, region.contextValue], ['cloud-download', 'serviceSettingNotOptedIn']);
    const err = settingRow('us-east-1', setting(TIER), { error: new AwsError({ kind: 'throttled', message: 'Rate exceeded' }) });
    assert.deepEqual([err.description, err.icon, err.contextValue], ['Throttled', 'error', 'serviceSettingError']);
  });

  it('confirms a reset naming the Regions and the default, and an update with old and new values', () => {
    const one = resetConfirmation(setting(TIER), ['us-east-1']);
    assert.deepEqual(one, { message: 'Reset Parameter Store: default parameter tier to its default in us-east-1?', detail: 'The value goes back to Standard.', confirm: 'Reset' });
    const dhmc = resetConfirmation(setting(DHMC), ['us-east-1', 'eu-west-1', 'us-east-1']);
    assert.equal(dhmc.message, 'Reset Default Host Management Configuration to its default in 2 Regions (us-east-1, eu-west-1)?');
    assert.match(dhmc.detail, /^The value goes back to off \(no role\)\.\nEC2 instances in these Regions that have no instance profile .* stop being managed/);
    assert.ok(!dhmc.detail.includes('$None'), dhmc.detail);
    const dhmcOne = resetConfirmation(setting(DHMC), ['us-east-1'], undefined, { account: '111122223333', profile: 'dev' });
    assert.equal(
      dhmcOne.detail,
      'The value goes back to off (no role).\nEC2 instances in this Region that have no instance profile granting Systems Manager access stop being managed by Systems Manager.\n\nAccount 111122223333 · profile dev\nssm:ResetServiceSetting /ssm/managed-instance/default-ec2-instance-management-role in us-east-1',
    );
    assert.equal(resetConfirmation(setting('/ssm/opsinsights/opscenter'), ['us-east-1']).detail, 'The value goes back to the AWS default.');
    const update = updateConfirmation(setting(TIER), 'us-east-1', 'Standard', 'Advanced');
    assert.equal(update.message, 'Change Parameter Store: default parameter tier in us-east-1 from Standard to Advanced?');
    assert.match(update.detail, /Advanced parameters are charged\.$/);
    const named = updateConfirmation(setting(TIER), 'us-east-1', 'Standard', 'Advanced', undefined, { account: '111122223333', profile: 'dev' });
    assert.match(named.detail, /Advanced parameters are charged\.\n\nAccount 111122223333 · profile dev\nssm:UpdateServiceSetting \/ssm\/parameter-store\/default-parameter-tier = Advanced in us-east-1$/);
    assert.equal(updateConfirmation(setting(TIER), 'us-east-1', undefined, 'Advanced').message, 'Set Parameter Store: default parameter tier to Advanced in us-east-1?');
  });
});
