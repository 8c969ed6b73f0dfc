import * as assert from 'node:assert/strict';
import {
  DHMC_SETTING_ID,
  SERVICE_SETTINGS,
  SERVICE_SETTING_NAMESPACES,
  closestServiceSettingId,
  isValidServiceSettingValue,
  patternReachesOpenNamespace,
  serviceSettingById,
  serviceSettingIdFromResource,
  serviceSettingNamespace,
  serviceSettingsMatching,
} from '../../../src/core/ssm/service-settings';

describe('ssm/service-settings', () => {
  it('lists every id of the UpdateServiceSetting API reference once, each in a namespace', () => {
    const api = SERVICE_SETTINGS.filter((s) => s.inApiReference).map((s) => s.id).sort();
    assert.deepEqual(api, [
      '/ssm/appmanager/appmanager-enabled',
      '/ssm/automation/customer-script-log-destination',
      '/ssm/automation/customer-script-log-group-name',
      '/ssm/automation/enable-adaptive-concurrency',
      '/ssm/documents/console/public-sharing-permission',
      '/ssm/managed-instance/activation-tier',
      '/ssm/managed-instance/default-ec2-instance-management-role',
      '/ssm/opsinsights/opscenter',
      '/ssm/parameter-store/default-parameter-tier',
      '/ssm/parameter-store/high-throughput-enabled',
    ]);
    const ids = SERVICE_SETTINGS.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const s of SERVICE_SETTINGS) {
      assert.ok(serviceSettingNamespace(s.id), `${s.id} has a namespace`);
      assert.ok(s.allowedValues || s.valuePattern, `${s.id} documents its values`);
      assert.match(s.docUrl, /^https:\/\/docs\.aws\.amazon\.com\//);
      if (s.defaultValue !== undefined) assert.equal(isValidServiceSettingValue(s.id, s.defaultValue), true, `${s.id} default`);
      if (s.valueExample !== undefined) assert.equal(isValidServiceSettingValue(s.id, s.valueExample), true, `${s.id} example`);
    }
    for (const ns of SERVICE_SETTING_NAMESPACES) assert.match(ns.prefix, /^\/.*\/$/);
  });

  it('validates values, including the DHMC role name with its path', () => {
    assert.equal(isValidServiceSettingValue(DHMC_SETTING_ID, 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole'), true);
    assert.equal(isValidServiceSettingValue(DHMC_SETTING_ID, '$None'), true);
    assert.equal(isValidServiceSettingValue(DHMC_SETTING_ID, 'arn:aws:iam::123456789012:role/x'), false);
    assert.equal(isValidServiceSettingValue('/ssm/parameter-store/default-parameter-tier', 'standard'), false);
    assert.equal(isValidServiceSettingValue('/ssm/nope', 'x'), undefined);
    assert.equal(serviceSettingById(DHMC_SETTING_ID)?.defaultValue, '$None');
  });

  it('suggests the closest id for typos, and nothing for plausible unlisted ids', () => {
    assert.equal(closestServiceSettingId('/ssm/managed-instance/default-instance-management-role'), DHMC_SETTING_ID);
    assert.equal(closestServiceSettingId('/managed-instance/default-ec2-instance-management-role'), DHMC_SETTING_ID);
    assert.equal(closestServiceSettingId('//ssm//parameter-store/default-parameter-tier/'), '/ssm/parameter-store/default-parameter-tier');
    assert.equal(closestServiceSettingId('/SSM/opsinsights/OpsCenter'), '/ssm/opsinsights/opscenter');
    assert.equal(closestServiceSettingId('/ssm/opsdata/ComputeOptimiser'), '/ssm/opsdata/ComputeOptimizer');
    assert.equal(closestServiceSettingId(DHMC_SETTING_ID), undefined);
    assert.equal(closestServiceSettingId('/ssm/opsitem/ECS'), undefined);
    assert.equal(closestServiceSettingId('/ssm/opsdata/Inventory'), undefined);
    assert.equal(closestServiceSettingId('/ssm/brand-new/setting'), undefined);
    assert.equal(closestServiceSettingId('x'.repeat(5000)), undefined);
  });

  it('matches wildcard patterns case-sensitively and knows the open namespaces', () => {
    assert.equal(serviceSettingsMatching('/ssm/parameter-store/*').length, 2);
    assert.equal(serviceSettingsMatching('/SSM/*').length, 0);
    assert.ok(serviceSettingsMatching('*').length === SERVICE_SETTINGS.length);
    assert.equal(patternReachesOpenNamespace('/integrations/*'), true);
    assert.equal(patternReachesOpenNamespace('/ssm/opsd*'), true);
    assert.equal(patternReachesOpenNamespace('/ssm/parameter-store/x*'), false);
    assert.equal(serviceSettingIdFromResource('servicesetting/ssm/opsinsights/opscenter'), '/ssm/opsinsights/opscenter');
    assert.equal(serviceSettingIdFromResource('document/x'), undefined);
  });
});
