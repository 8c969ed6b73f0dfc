import * as assert from 'node:assert/strict';
import { mapInOrder } from '../../../src/core/util/map-in-order';

describe('util/map-in-order', () => {
  it('keeps the input order whatever order the calls finish in, with at most `limit` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const delays = [30, 1, 20, 5, 0, 15, 2, 9, 4, 12];
    const out = await mapInOrder(delays, 3, async (ms) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, ms));
      inFlight--;
      return ms * 2;
    });
    assert.deepEqual(out, delays.map((d) => d * 2));
    assert.equal(most, 3);
  });

  it('handles no items and a limit below one', async () => {
    assert.deepEqual(await mapInOrder([], 4, async (x: number) => x), []);
    assert.deepEqual(await mapInOrder([1, 2], 0, async (x) => x + 1), [2, 3]);
  });
});
