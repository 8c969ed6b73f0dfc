import * as assert from 'node:assert/strict';
import { allRegions, PARTITIONS, partitionById, partitionOfRegion } from '../../../src/core/iam/partitions';

describe('iam/partitions', () => {
  it('knows every partition and puts each Region in one', () => {
    assert.deepEqual(PARTITIONS.map((p) => p.id), ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);
    assert.equal(new Set(allRegions()).size, allRegions().length);
    for (const p of PARTITIONS) for (const r of p.regions) assert.match(r, p.regionPattern, `${r} has the shape of ${p.id} Regions`);
  });

  it('maps Regions, newer ones included, to their partition', () => {
    for (const r of ['ap-southeast-5', 'ap-southeast-7', 'mx-central-1', 'ca-west-1', 'il-central-1', 'ap-east-2']) {
      assert.equal(partitionOfRegion(r)?.id, 'aws', r);
    }
    assert.equal(partitionOfRegion('cn-north-1')?.id, 'aws-cn');
    assert.equal(partitionOfRegion('us-gov-west-1')?.id, 'aws-us-gov');
    assert.equal(partitionOfRegion('eusc-de-east-1')?.id, 'aws-eusc');
    assert.equal(partitionOfRegion('us-east-1a'), undefined);
    assert.equal(partitionById('AWS'), undefined, 'partition ids are case-sensitive');
  });
});
