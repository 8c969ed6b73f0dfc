/**
 * A service-setting write that never surprises: UpdateServiceSetting or ResetServiceSetting through the port, and
 * after an ambiguous failure (a 5xx, a timeout, a connection lost after sending) a GetServiceSetting that tells
 * whether the change landed (src/core/aws/writes.ts). The result says what actually happened, in words for the user.
 */
import { AwsError } from '../aws/error';
import type { AwsPort, AwsTarget, ServiceSetting } from '../aws/port';
import { sendAndSettle, type WriteOutcome } from '../aws/writes';
import { formatMessage, type Localize } from '../language/localize';

/** The change to make: set a value (UpdateServiceSetting), or go back to the default (ResetServiceSetting). */
export type SettingChange =
  | { settingId: string; operation: 'update'; value: string }
  | {
      settingId: string;
      operation: 'reset';
      /** The default the reset restores, when it is known (`$None` for DHMC); status `Default` counts too. */
      defaultValue?: string;
    };

export interface ChangeSettingOptions {
  /** Cancels the write (and the read-back). */
  signal?: AbortSignal;
  /** Ends the write after this many ms as a timeout whose outcome is unknown, then reads the setting back. */
  timeoutMs?: number;
  /** How the setting is named in the message (default: its id). */
  label?: string;
  /**
   * Another call that makes the same change, instead of UpdateServiceSetting or ResetServiceSetting (the DHMC API:
   * Register/DeregisterDefaultHostManagementConfiguration), with its IAM action; the read-back is the same.
   */
  via?: { action: string; write(signal: AbortSignal | undefined): Promise<unknown> };
  t?: Localize;
}

/** What the write did. */
export interface SettingWriteResult {
  outcome: WriteOutcome;
  /** Why the write failed (also when the read-back showed it applied). */
  error?: AwsError;
  /** The setting as the reset returned it, or as the read-back after a failure found it. */
  readBack?: ServiceSetting;
  /** Why the read-back failed, when it did. */
  readError?: AwsError;
  /** What happened, e.g. `applied (the response was lost; the setting shows the new value)`. */
  message: string;
}

/** True when the setting shows the change: the new value, or after a reset the default (or status `Default`). */
export function showsChange(setting: ServiceSetting, change: SettingChange): boolean {
  const value = setting.value.trim();
  if (change.operation === 'update') return value === change.value;
  return setting.status === 'Default' || (change.defaultValue !== undefined && value === change.defaultValue);
}

/** True when the failure is a late answer (a timeout), not a lost connection (the classifier tells them apart). */
function timedOut(error: AwsError): boolean {
  return error.reason === 'timeout';
}

/** The words for a write's outcome (the caller puts the setting and the Region in front). */
export function describeSettingWrite(
  result: Pick<SettingWriteResult, 'outcome' | 'error' | 'readError'>,
  change: SettingChange,
  where: { label: string; region: string },
  t: Localize = formatMessage,
): string {
  const { outcome, error, readError } = result;
  const reset = change.operation === 'reset';
  if (outcome === 'applied') {
    if (!error) return t('applied');
    if (timedOut(error)) return reset ? t('applied (the call timed out; the setting is back to its default)') : t('applied (the call timed out; the setting shows the new value)');
    return reset ? t('applied (the response was lost; the setting is back to its default)') : t('applied (the response was lost; the setting shows the new value)');
  }
  if (outcome === 'notApplied') {
    if (error?.outcomeUnknown) return t('not applied: {0} The setting still shows the old value.', error?.message ?? '');
    return t('not applied: {0}', error?.message ?? '');
  }
  if (readError) {
    return t('outcome unknown: {0} The setting could not be read back ({1}); check {2} in {3}.', error?.message ?? '', readError.message, where.label, where.region);
  }
  if (error?.reason === 'aborted') {
    return t('outcome unknown: the call was cancelled and the setting still shows the old value; it may change in a moment — check {0} in {1} again.', where.label, where.region);
  }
  // Otherwise settleWrite left it unknown because the answer was late: the change may still land.
  return t('outcome unknown: the call timed out and the setting still shows the old value; it may change in a moment — check {0} in {1} again.', where.label, where.region);
}

/** Runs `run` with a signal that aborts on the caller's signal or after `timeoutMs`; a timeout becomes an outcome-unknown timeout error. */
async function withTimeout<T>(run: (signal: AbortSignal | undefined) => Promise<T>, options: ChangeSettingOptions, target: AwsTarget, action: string): Promise<T> {
  const { signal, timeoutMs } = options;
  if (timeoutMs === undefined || !Number.isFinite(timeoutMs) || timeoutMs <= 0) return run(signal);
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    return await run(controller.signal);
  } catch (err) {
    if (timedOut) {
      throw new AwsError({
        kind: 'timeout',
        reason: 'timeout',
        message: `No answer from ${target.region} within ${Math.round(timeoutMs / 100) / 10} seconds.`,
        action,
        region: target.region,
        ...(target.profile !== undefined ? { profile: target.profile } : {}),
        outcomeUnknown: true,
      });
    }
    throw err;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Makes the change in one Region. On success: `applied`. On a failure AWS refused (denied, throttled past the
 * adapter's retries, invalid): `notApplied`, nothing read. On an ambiguous failure: reads the setting back and
 * settles (src/core/aws/writes.ts); a timeout whose read-back shows the old value stays `unknown` (it may land later).
 * Never rejects.
 */
export async function changeSetting(port: AwsPort, target: AwsTarget, change: SettingChange, options: ChangeSettingOptions = {}): Promise<SettingWriteResult> {
  const t = options.t ?? formatMessage;
  const where = { label: options.label ?? change.settingId, region: target.region };
  const action = options.via?.action ?? (change.operation === 'update' ? 'ssm:UpdateServiceSetting' : 'ssm:ResetServiceSetting');
  const via = options.via;
  const finish = (r: Omit<SettingWriteResult, 'message'>): SettingWriteResult => ({ ...r, message: describeSettingWrite(r, change, where, t) });
  const r = await sendAndSettle(
    () =>
      withTimeout(
        async (signal): Promise<ServiceSetting | undefined> => {
          const o = signal ? { signal } : {};
          if (via) {
            await via.write(signal);
            return undefined;
          }
          if (change.operation === 'update') {
            await port.updateServiceSetting(target, change.settingId, change.value, o);
            return undefined;
          }
          return port.resetServiceSetting(target, change.settingId, o);
        },
        options,
        target,
        action,
      ),
    () => port.getServiceSetting(target, change.settingId, options.signal ? { signal: options.signal } : {}),
    (setting) => showsChange(setting, change),
  );
  const result: Omit<SettingWriteResult, 'message'> = { outcome: r.outcome };
  if (r.error) result.error = r.error;
  // The setting as the reset returned it, or as the read-back after a failure found it.
  const setting = r.value ?? r.readBack;
  if (setting) result.readBack = setting;
  if (r.readError) result.readError = r.readError;
  return finish(result);
}
