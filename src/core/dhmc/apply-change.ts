/**
 * One change of a DHMC plan in one Region, made so that it never surprises: through the DHMC API
 * (RegisterDefaultHostManagementConfiguration, DeregisterDefaultHostManagementConfiguration) when the plan says so,
 * else through the setting (UpdateServiceSetting, ResetServiceSetting). Where the Region does not offer the API, the
 * setting call is made instead and the result says so. Every ambiguous failure is settled by reading the setting
 * back (changeSetting).
 */
import type { AwsPort, AwsTarget } from '../aws/port';
import { formatMessage, type Localize } from '../language/localize';
import { changeSetting, type SettingChange } from '../service-settings/write';
import type { DhmcChange, DhmcChangeResult } from './plan';
import { DHMC_NONE } from './role-value';

export interface ApplyDhmcChangeOptions {
  signal?: AbortSignal;
  /** Per-call timeout (then the outcome is settled by a read-back). */
  timeoutMs?: number;
  t?: Localize;
  /**
   * Called once before the setting call replaces the API in a Region that does not offer it; resolves to undefined
   * when the setting call may go ahead, else to the reason it may not (the Region is then left unchanged). Enable
   * with the service-managed model sets up the default role here, as Register would have.
   */
  beforeFallback?: () => Promise<string | undefined>;
}

/** The API call a change makes, with its IAM action. */
function apiCall(port: AwsPort, target: AwsTarget, change: DhmcChange): { action: string; write(signal: AbortSignal | undefined): Promise<unknown> } | undefined {
  const api = change.api;
  if (!api) return undefined;
  if (change.operation === 'reset') {
    return { action: 'ssm:DeregisterDefaultHostManagementConfiguration', write: (signal) => port.deregisterDefaultHostManagement(target, signal ? { signal } : {}) };
  }
  const request = {
    permissionModel: api.model ?? 'SELF_MANAGED',
    ...(api.roleArn ? { roleArn: api.roleArn } : {}),
    ...(api.overwrite ? { overwrite: true } : {}),
  } as const;
  return { action: 'ssm:RegisterDefaultHostManagementConfiguration', write: (signal) => port.registerDefaultHostManagement(target, request, signal ? { signal } : {}) };
}

/** Makes one change of a plan in its Region; never rejects. */
export async function applyDhmcChange(port: AwsPort, target: AwsTarget, change: DhmcChange, options: ApplyDhmcChangeOptions = {}): Promise<DhmcChangeResult> {
  const t = options.t ?? formatMessage;
  const setting: SettingChange =
    change.operation === 'update' ? { settingId: change.settingId, operation: 'update', value: change.value } : { settingId: change.settingId, operation: 'reset', defaultValue: DHMC_NONE };
  const base = { signal: options.signal, timeoutMs: options.timeoutMs, label: t('Default Host Management Configuration'), t };
  const toResult = (r: Awaited<ReturnType<typeof changeSetting>>, message = r.message): DhmcChangeResult => ({
    region: target.region,
    ok: r.outcome === 'applied',
    outcome: r.outcome,
    message,
    ...(r.error ? { error: r.error } : {}),
  });
  const via = apiCall(port, target, change);
  if (!via) return toResult(await changeSetting(port, target, setting, base));

  const first = await changeSetting(port, target, setting, { ...base, via });
  if (first.outcome !== 'notApplied' || first.error?.reason !== 'unsupported') return { ...toResult(first), via: 'api' };

  // The Region does not offer the API: the setting call does the same.
  const operation = via.action.slice('ssm:'.length);
  const instead = change.operation === 'update' ? 'UpdateServiceSetting' : 'ResetServiceSetting';
  const refusal = await options.beforeFallback?.();
  if (refusal !== undefined) {
    return { region: target.region, ok: false, outcome: 'notApplied', via: 'setting', message: t('{0} is not available in this Region, and {1} could not be used instead: {2}', operation, instead, refusal) };
  }
  const second = await changeSetting(port, target, setting, base);
  return { ...toResult(second, t('{0} is not available in this Region; used {1} instead: {2}', operation, instead, second.message)), via: 'setting' };
}
