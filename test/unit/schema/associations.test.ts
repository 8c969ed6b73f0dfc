import * as assert from 'node:assert/strict';
import { withOurAssociations } from '../../../src/core/schema/associations';

const url = (kind: string): string => `file:///ext/schemas/${kind}.schema.json`;

describe('schema/associations: the ssmPolicy.schemas globs in json.schemas', () => {
  it('adds one entry per kind that has globs, after the user\'s own entries', () => {
    const mine = { fileMatch: ['/tsconfig.json'], url: 'https://example.com/tsconfig.json' };
    const next = withOurAssociations([mine], { identity: ['**/iam/*.json', '**/iam/*.json', ' '], trust: [], scp: ['org/*.json'] }, url);
    assert.deepEqual(next, [mine, { fileMatch: ['**/iam/*.json'], url: url('identity') }, { fileMatch: ['org/*.json'], url: url('scp') }]);
  });

  it('replaces the entries it wrote before and removes them when the globs are gone', () => {
    const mine = { fileMatch: ['a.json'], url: 'https://example.com/a.json' };
    const before = [{ fileMatch: ['old/*.json'], url: url('trust') }, mine];
    assert.deepEqual(withOurAssociations(before, { trust: ['new/*.json'] }, url), [mine, { fileMatch: ['new/*.json'], url: url('trust') }]);
    assert.deepEqual(withOurAssociations(before, {}, url), [mine]);
  });

  it('answers undefined when nothing changes, and survives a setting of the wrong type', () => {
    const current = [{ fileMatch: ['x/*.json'], url: url('identity') }];
    assert.equal(withOurAssociations(current, { identity: ['x/*.json'] }, url), undefined);
    assert.equal(withOurAssociations(undefined, {}, url), undefined);
    assert.deepEqual(withOurAssociations('nonsense', { scp: ['s/*.json'] }, url), [{ fileMatch: ['s/*.json'], url: url('scp') }]);
    assert.equal(withOurAssociations([null, 3, { url: 7 }], {}, url), undefined, 'entries it cannot read are kept as they are');
  });
});
