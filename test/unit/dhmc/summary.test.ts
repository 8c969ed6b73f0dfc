import * as assert from 'node:assert/strict';
import { dhmcRegionStatus, dhmcStatusFromError, type DhmcRegionStatus } from '../../../src/core/dhmc/region-status';
import { compareRegions, groupLabel, groupRegions, sortRegions, summarizeRegions } from '../../../src/core/dhmc/summary';
import { AwsError } from '../../../src/core/aws/error';
const DHMC_ID = '/ssm/managed-instance/default-ec2-instance-management-role';

const on = (r: string): DhmcRegionStatus => dhmcRegionStatus(r, { setting: { id: DHMC_ID, value: 'service-role/R', status: 'Customized' } });
const off = (r: string): DhmcRegionStatus => dhmcRegionStatus(r, { setting: { id: DHMC_ID, value: '$None', status: 'Default' } });

describe('dhmc/summary', () => {
  it('sorts by partition, then by code with numbers as numbers', () => {
    assert.deepEqual(
      sortRegions(['us-gov-west-1', 'us-west-2', 'cn-north-1', 'ap-southeast-10', 'eu-west-1', 'ap-southeast-2', 'af-south-1', 'us-east-1', 'us-iso-east-1', 'xx-new-1', 'us-east-1']),
      ['af-south-1', 'ap-southeast-2', 'ap-southeast-10', 'eu-west-1', 'us-east-1', 'us-west-2', 'cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'xx-new-1'],
    );
    // A Region opened after the partition table still lands in its partition by its pattern.
    assert.ok(compareRegions('us-gov-north-1', 'cn-north-1') > 0);
    assert.ok(compareRegions('eu-east-9', 'cn-north-1') < 0);
  });

  it('summarises "9 of 17 regions enabled" with denied and errors', () => {
    const statuses: DhmcRegionStatus[] = [
      ...Array.from({ length: 9 }, (_, i) => on(`r-on-${i}`)),
      ...Array.from({ length: 5 }, (_, i) => off(`r-off-${i}`)),
      dhmcStatusFromError('r-denied', new AwsError({ kind: 'accessDenied', message: 'no', action: 'ssm:GetServiceSetting' })),
      dhmcStatusFromError('r-err-1', new AwsError({ kind: 'throttled', message: 'slow down' })),
      dhmcStatusFromError('r-err-2', new AwsError({ kind: 'network', message: 'ECONNRESET' })),
    ];
    const s = summarizeRegions(statuses);
    assert.deepEqual(
      { total: s.total, enabled: s.enabled, disabled: s.disabled, denied: s.denied, errors: s.errors, notOptedIn: s.notOptedIn, loading: s.loading },
      { total: 17, enabled: 9, disabled: 5, denied: 1, errors: 2, notOptedIn: 0, loading: 0 },
    );
    assert.equal(s.text, '9 of 17 regions enabled · 1 denied · 2 errors');
  });

  it('leaves Regions not opted in out of the total and counts the loading ones', () => {
    const s = summarizeRegions([on('a-1'), undefined, dhmcStatusFromError('me-south-1', new AwsError({ kind: 'regionNotEnabled', message: '' })), dhmcStatusFromError('b-1', new AwsError({ kind: 'other', message: '' }))]);
    assert.equal(s.text, '1 of 3 regions enabled · 1 error · 1 not opted in · 1 loading');
    assert.equal(summarizeRegions([off('a-1')]).text, '0 of 1 region enabled');
    assert.equal(summarizeRegions([]).text, '0 of 0 regions enabled');
  });

  it('groups the Regions by state, enabled first and the Regions not opted in last', () => {
    const notOptedIn = (r: string): DhmcRegionStatus => dhmcStatusFromError(r, new AwsError({ kind: 'regionNotEnabled', message: '' }));
    const denied = (r: string): DhmcRegionStatus => dhmcStatusFromError(r, new AwsError({ kind: 'accessDenied', message: '' }));
    const statuses = new Map<string, DhmcRegionStatus | undefined>([
      ['af-south-1', notOptedIn('af-south-1')],
      ['ap-south-1', denied('ap-south-1')],
      ['eu-west-1', off('eu-west-1')],
      ['me-south-1', notOptedIn('me-south-1')],
      ['sa-east-1', undefined],
      ['us-east-1', on('us-east-1')],
      ['us-east-2', on('us-east-2')],
    ]);
    assert.deepEqual(groupRegions(statuses), [
      { group: 'enabled', regions: ['us-east-1', 'us-east-2'] },
      { group: 'disabled', regions: ['eu-west-1'] },
      { group: 'denied', regions: ['ap-south-1'] },
      { group: 'loading', regions: ['sa-east-1'] },
      { group: 'notOptedIn', regions: ['af-south-1', 'me-south-1'] },
    ]);
    assert.equal(groupLabel('notOptedIn', 14), 'Not enabled in this account (14)');
    assert.equal(groupLabel('disabled', 1), 'Off (1)');
  });
});
