import * as assert from 'node:assert/strict';
import { RegionTimeoutError, loadRegions, outcomeError, outcomeToRead, type RegionOutcome } from '../../../src/core/dhmc/load-regions';
import { AwsError } from '../../../src/core/aws/error';
const DHMC_ID = '/ssm/managed-instance/default-ec2-instance-management-role';

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

const regions = (n: number): string[] => Array.from({ length: n }, (_, i) => `r-${i}`);

describe('dhmc/load-regions', () => {
  it('times out one slow Region while the others succeed, and aborts its signal', async () => {
    let slowSignal: AbortSignal | undefined;
    const reported: string[] = [];
    const out = await loadRegions(
      ['a', 'slow', 'c'],
      async (region, signal) => {
        if (region === 'slow') {
          slowSignal = signal;
          await new Promise(() => undefined); // never answers, even when aborted
        }
        await sleep(5);
        return region.toUpperCase();
      },
      { timeoutMs: 60, onResult: (o) => reported.push(o.region) },
    );
    assert.deepEqual(out.map((o) => (o.ok ? o.value : o.reason)), ['A', 'timeout', 'C']);
    const slow = out[1] as Extract<RegionOutcome<string>, { ok: false }>;
    assert.ok(slow.error instanceof RegionTimeoutError);
    assert.equal(slowSignal?.aborted, true);
    assert.ok(slowSignal?.reason instanceof RegionTimeoutError);
    assert.ok(slow.elapsedMs >= 55 && slow.elapsedMs < 1000, `${slow.elapsedMs}`);
    assert.deepEqual(reported, ['a', 'c', 'slow'], 'reported as they arrive');
    assert.deepEqual(outcomeError(slow), new AwsError({ kind: 'timeout', message: 'No answer within 0.1 seconds.' }));
  });

  it('keeps a thrown error (sync or async) in its Region', async () => {
    const out = await loadRegions(['a', 'boom', 'sync', 'd'], (region) => {
      if (region === 'sync') throw new Error('sync throw');
      if (region === 'boom') return Promise.reject(new AwsError({ kind: 'accessDenied', message: 'denied', action: 'ssm:GetServiceSetting' }));
      return sleep(2).then(() => region);
    });
    assert.deepEqual(out.map((o) => o.ok), [true, false, false, true]);
    assert.deepEqual(outcomeToRead(out[1] as RegionOutcome<never>), { error: new AwsError({ kind: 'accessDenied', message: 'denied', action: 'ssm:GetServiceSetting' }) });
    assert.deepEqual(outcomeToRead(out[2] as RegionOutcome<never>), { error: new AwsError({ kind: 'other', message: 'sync throw' }) });
  });

  it('cancels: calls in flight are aborted, pending Regions are never called, nothing rejects', async () => {
    const controller = new AbortController();
    const called: string[] = [];
    const aborted: string[] = [];
    const reported: string[] = [];
    const started = performance.now();
    const load = loadRegions(
      regions(10),
      async (region, signal) => {
        called.push(region);
        signal.addEventListener('abort', () => aborted.push(region));
        await sleep(region === 'r-0' ? 1 : 10_000, signal);
        return region;
      },
      { concurrency: 3, signal: controller.signal, onResult: (o) => reported.push(`${o.region}:${o.ok ? 'ok' : o.reason}`) },
    );
    await sleep(30);
    controller.abort();
    const out = await load;
    assert.ok(performance.now() - started < 1000);
    assert.deepEqual(called, ['r-0', 'r-1', 'r-2', 'r-3'], 'r-3 took the slot r-0 freed; the rest never started');
    assert.deepEqual(aborted.sort(), ['r-1', 'r-2', 'r-3']);
    assert.deepEqual(out.map((o) => (o.ok ? 'ok' : o.reason)), ['ok', ...Array(9).fill('cancelled')]);
    assert.equal(reported.length, 10, 'every Region is reported once');
    assert.deepEqual(outcomeToRead(out[5] as RegionOutcome<never>), { error: new AwsError({ kind: 'cancelled', message: 'Loading was cancelled.' }) });
  });

  it('calls nothing when the signal is already aborted', async () => {
    let calls = 0;
    const out = await loadRegions(regions(3), async () => ++calls, { signal: AbortSignal.abort() });
    assert.equal(calls, 0);
    assert.deepEqual(out.map((o) => (o.ok ? 'ok' : o.reason)), ['cancelled', 'cancelled', 'cancelled']);
  });

  it('has at most `concurrency` calls in flight and returns the Regions in order', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await loadRegions(
      regions(12),
      async (region) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await sleep(1 + ((Number(region.slice(2)) * 7) % 5) * 3);
        inFlight--;
        return region;
      },
      { concurrency: 4 },
    );
    assert.equal(most, 4);
    assert.deepEqual(out.map((o) => (o.ok ? o.value : '')), regions(12));
    assert.deepEqual(out.map((o) => o.index), [...Array(12).keys()]);
  });

  it('ignores a listener that throws', async () => {
    const out = await loadRegions(regions(3), async (r) => r, {
      onResult: () => {
        throw new Error('listener bug');
      },
    });
    assert.equal(out.filter((o) => o.ok).length, 3);
  });

  it('loads 20 Regions with 200 ms latency each in about one call when concurrency >= 20', async function () {
    this.timeout(10_000);
    const latency = 200;
    const started = performance.now();
    const out = await loadRegions(regions(20), (region, signal) => sleep(latency, signal).then(() => region), { concurrency: 20 });
    const elapsed = performance.now() - started;
    assert.equal(out.filter((o) => o.ok).length, 20);
    assert.ok(elapsed < 3 * latency, `${Math.round(elapsed)} ms for 20 Regions (sequential: ${20 * latency} ms)`);
  });

  it('turns fetched values into setting reads', () => {
    const ok = <T>(value: T): RegionOutcome<T> => ({ region: 'r', index: 0, ok: true, value, elapsedMs: 1 });
    assert.deepEqual(outcomeToRead(ok({ id: DHMC_ID, value: '$None', status: '' })), { setting: { id: DHMC_ID, value: '$None', status: '' } });
    assert.deepEqual(outcomeToRead(ok({ setting: { id: DHMC_ID, value: 'x', status: '' } })), { setting: { id: DHMC_ID, value: 'x', status: '' } });
    assert.deepEqual(outcomeToRead(ok(new AwsError({ kind: 'throttled' as const, message: 'slow' }))), { error: new AwsError({ kind: 'throttled', message: 'slow' }) });
  });
});
