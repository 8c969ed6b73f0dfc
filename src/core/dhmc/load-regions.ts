import { formatMessage, type Localize } from '../language/localize';
import { AwsError, isAwsError, toAwsError } from '../aws/error';
import type { ServiceSetting } from '../aws/port';
import type { SettingRead } from '../service-settings/setting-state';

/**
 * How many Regions are read at once by default. Each Region has its own endpoint and client, so one call per
 * Region at a time puts no pressure on any endpoint; 32 reads the 17 default Regions plus most opt-in ones in one
 * round (the bench target: 20 Regions in about one call's latency).
 */
export const DEFAULT_CONCURRENCY = 32;

/** The default per-Region timeout: longer than the SDK's adaptive retries need for a throttled call. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Thrown into a Region's signal (and kept as the outcome's `error`) when its call takes too long. */
export class RegionTimeoutError extends Error {
  constructor(
    readonly region: string,
    readonly timeoutMs: number,
  ) {
    super(`No answer from ${region} within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

/** A Region read: its value, or why there is none. `index` is the Region's position in the input. */
export type RegionOutcome<T> =
  | { region: string; index: number; ok: true; value: T; elapsedMs: number }
  | { region: string; index: number; ok: false; reason: 'timeout' | 'error' | 'cancelled'; error: unknown; elapsedMs: number };

export interface LoadRegionsOptions<T> {
  /** Most calls in flight at once (default {@link DEFAULT_CONCURRENCY}; below 1 counts as 1). */
  concurrency?: number;
  /** Per-Region limit in ms (default {@link DEFAULT_TIMEOUT_MS}; `Infinity` for none). Only that Region fails. */
  timeoutMs?: number;
  /** Cancels the whole load: calls in flight get their signal aborted, Regions not started are never called. */
  signal?: AbortSignal;
  /** Called once per Region as soon as its outcome is known, cancelled ones included. Errors it throws are ignored. */
  onResult?: (outcome: RegionOutcome<T>) => void;
}

/**
 * Reads every Region with at most `concurrency` calls in flight, each with its own timeout; one Region failing,
 * throwing or timing out never affects the others. `fetchOne` gets a signal that aborts on timeout or cancellation
 * (pass it to the SDK as `abortSignal`); its slot is freed at once either way. Never rejects: the outcomes come back
 * in Region order, with `cancelled` for every Region the cancellation stopped.
 */
export async function loadRegions<T>(
  regions: readonly string[],
  fetchOne: (region: string, signal: AbortSignal) => Promise<T>,
  options: LoadRegionsOptions<T> = {},
): Promise<RegionOutcome<T>[]> {
  const { signal, onResult } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY) || 1);
  const timeoutMs = options.timeoutMs !== undefined && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_TIMEOUT_MS;
  const outcomes = new Array<RegionOutcome<T> | undefined>(regions.length);

  const report = (outcome: RegionOutcome<T>): void => {
    outcomes[outcome.index] = outcome;
    try {
      onResult?.(outcome);
    } catch {
      // A listener's bug must not stop the other Regions from loading.
    }
  };

  const runOne = (index: number): Promise<RegionOutcome<T>> =>
    new Promise((resolve) => {
      const region = regions[index] as string;
      const started = performance.now();
      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const finish = (outcome: { ok: true; value: T } | { ok: false; reason: 'timeout' | 'error' | 'cancelled'; error: unknown }): void => {
        if (settled) return;
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve({ ...outcome, region, index, elapsedMs: performance.now() - started } as RegionOutcome<T>);
      };
      const onAbort = (): void => {
        controller.abort(signal?.reason);
        finish({ ok: false, reason: 'cancelled', error: signal?.reason });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (Number.isFinite(timeoutMs)) {
        timer = setTimeout(() => {
          const error = new RegionTimeoutError(region, timeoutMs);
          controller.abort(error);
          finish({ ok: false, reason: 'timeout', error });
        }, timeoutMs);
      }
      let call: Promise<T>;
      try {
        call = Promise.resolve(fetchOne(region, controller.signal));
      } catch (error) {
        call = Promise.reject(error);
      }
      // A late answer after a timeout or cancellation is dropped (and a late rejection is handled here).
      call.then(
        (value) => finish({ ok: true, value }),
        (error: unknown) => finish({ ok: false, reason: 'error', error }),
      );
    });

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < regions.length && !signal?.aborted) report(await runOne(next++));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, regions.length) }, worker));

  for (let i = 0; i < regions.length; i++) {
    if (!outcomes[i]) report({ region: regions[i] as string, index: i, ok: false, reason: 'cancelled', error: signal?.reason, elapsedMs: 0 });
  }
  return outcomes as RegionOutcome<T>[];
}

/** A failed outcome as an {@link AwsError}: an AwsError passes through, timeouts and cancellations get their kind. */
export function outcomeError(outcome: RegionOutcome<unknown> & { ok: false }, t: Localize = formatMessage): AwsError {
  if (outcome.reason === 'timeout') {
    const ms = outcome.error instanceof RegionTimeoutError ? outcome.error.timeoutMs : undefined;
    return new AwsError({ kind: 'timeout', message: ms ? t('No answer within {0} seconds.', Math.round(ms / 100) / 10) : t('No answer in time.') });
  }
  if (outcome.reason === 'cancelled') return new AwsError({ kind: 'cancelled', message: t('Loading was cancelled.') });
  return toAwsError(outcome.error);
}

/**
 * What reading a setting gave, from a loader outcome. `fetchOne` may resolve to the `ServiceSetting`, to a
 * {@link SettingRead}, or to an {@link AwsError}; it may also throw an AwsError.
 */
export function outcomeToRead(outcome: RegionOutcome<ServiceSetting | SettingRead | AwsError>, t: Localize = formatMessage): SettingRead {
  if (!outcome.ok) return { error: outcomeError(outcome, t) };
  const v = outcome.value;
  if (isAwsError(v)) return { error: v };
  if ('setting' in v || 'error' in v) return v as SettingRead;
  return { setting: v as ServiceSetting };
}
