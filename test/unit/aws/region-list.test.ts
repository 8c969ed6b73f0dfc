import * as assert from 'node:assert/strict';
import { builtinRegions, partitionFor, ssmRegionsFrom } from '../../../src/core/aws/region-list';

describe('core/aws/region-list: ssmRegionsFrom', () => {
  const ec2 = [
    { name: 'us-east-1', optInStatus: 'opt-in-not-required' },
    { name: 'eu-west-1', optInStatus: 'opt-in-not-required' },
    { name: 'me-central-1', optInStatus: 'not-opted-in' },
    { name: 'af-south-1', optInStatus: 'opted-in' },
  ];

  it('intersects the SSM Regions with DescribeRegions and marks the ones not opted in', () => {
    const out = ssmRegionsFrom(['us-east-1', 'eu-west-1', 'me-central-1', 'af-south-1', 'ap-southeast-7'], ec2, 'us-east-1');
    assert.deepEqual(out, [
      { name: 'af-south-1', optInStatus: 'opted-in', enabled: true },
      { name: 'eu-west-1', optInStatus: 'opt-in-not-required', enabled: true },
      { name: 'me-central-1', optInStatus: 'not-opted-in', enabled: false },
      { name: 'us-east-1', optInStatus: 'opt-in-not-required', enabled: true },
    ]);
  });

  it('keeps only the home Region\'s partition (the public parameters list China and GovCloud too)', () => {
    const names = ssmRegionsFrom(['us-east-1', 'cn-north-1', 'us-gov-west-1', 'eusc-de-east-1'], undefined, 'us-east-1').map((r) => r.name);
    assert.deepEqual(names, ['us-east-1']);
    assert.deepEqual(ssmRegionsFrom(['us-east-1', 'cn-north-1', 'cn-northwest-1'], undefined, 'cn-north-1').map((r) => r.name), ['cn-north-1', 'cn-northwest-1']);
  });

  it('without DescribeRegions every SSM Region stays, status unknown', () => {
    assert.deepEqual(ssmRegionsFrom(['eu-west-1'], undefined, 'us-east-1'), [{ name: 'eu-west-1', optInStatus: 'unknown', enabled: true }]);
  });

  it('without the SSM parameters the built-in list of the partition is used', () => {
    const out = ssmRegionsFrom(undefined, ec2, 'us-east-1');
    assert.deepEqual(out.map((r) => r.name), ['af-south-1', 'eu-west-1', 'me-central-1', 'us-east-1']);
    assert.ok(ssmRegionsFrom(undefined, undefined, 'us-east-1').length >= 30);
    assert.deepEqual(builtinRegions('us-gov-west-1'), ['us-gov-east-1', 'us-gov-west-1']);
  });

  it('finds the partition of a Region newer than the table by its shape', () => {
    assert.equal(partitionFor('eu-west-9').id, 'aws');
    assert.equal(partitionFor('cn-south-7').id, 'aws-cn');
    assert.equal(partitionFor('nowhere').id, 'aws');
  });
});
