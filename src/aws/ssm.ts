/** SSM service settings of one Region: get, update, reset (by setting id, e.g. the DHMC setting). */
import { GetServiceSettingCommand, ResetServiceSettingCommand, UpdateServiceSettingCommand, type ServiceSetting as SdkServiceSetting } from '@aws-sdk/client-ssm';
import type { AwsClientFactory, AwsTarget, CallOptions } from './client-factory';
import { callAws } from './errors';

/** A service setting as GetServiceSetting reports it. */
export interface ServiceSetting {
  id: string;
  /** `$None` while DHMC is off. */
  value: string;
  /** `Default`, `Customized`, `PendingUpdate` (or what AWS adds later). */
  status: string;
  lastModifiedDate?: Date;
  /** The ARN of who last changed it, or `System`. */
  lastModifiedUser?: string;
  arn?: string;
}

function toSetting(s: SdkServiceSetting | undefined, id: string): ServiceSetting {
  const out: ServiceSetting = { id: s?.SettingId ?? id, value: s?.SettingValue ?? '', status: s?.Status ?? '' };
  if (s?.LastModifiedDate) out.lastModifiedDate = s.LastModifiedDate;
  if (s?.LastModifiedUser) out.lastModifiedUser = s.LastModifiedUser;
  if (s?.ARN) out.arn = s.ARN;
  return out;
}

/** GetServiceSetting for a setting id (or its ARN) in the target Region. */
export async function getServiceSetting(factory: AwsClientFactory, target: AwsTarget, settingId: string, options: CallOptions = {}): Promise<ServiceSetting> {
  const out = await callAws({ action: 'ssm:GetServiceSetting', ...target }, () =>
    factory.client('ssm', target).send(new GetServiceSettingCommand({ SettingId: settingId }), { abortSignal: options.abortSignal }),
  );
  return toSetting(out.ServiceSetting, settingId);
}

/** UpdateServiceSetting; for DHMC the value is the role name with its path (`service-role/Name`), not an ARN. */
export async function updateServiceSetting(factory: AwsClientFactory, target: AwsTarget, settingId: string, value: string, options: CallOptions = {}): Promise<void> {
  await callAws({ action: 'ssm:UpdateServiceSetting', ...target }, () =>
    factory.client('ssm', target).send(new UpdateServiceSettingCommand({ SettingId: settingId, SettingValue: value }), { abortSignal: options.abortSignal }),
  );
}

/** ResetServiceSetting: back to the default (for DHMC: off); returns the setting after the reset. */
export async function resetServiceSetting(factory: AwsClientFactory, target: AwsTarget, settingId: string, options: CallOptions = {}): Promise<ServiceSetting> {
  const out = await callAws({ action: 'ssm:ResetServiceSetting', ...target }, () =>
    factory.client('ssm', target).send(new ResetServiceSettingCommand({ SettingId: settingId }), { abortSignal: options.abortSignal }),
  );
  return toSetting(out.ServiceSetting, settingId);
}
