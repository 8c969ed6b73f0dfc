import type { ClassifiedError } from './aws-error';

/**
 * The `ServiceSetting` of a GetServiceSetting response, as plain data (the SDK's type has the same fields).
 * `LastModifiedDate` is a `Date` from the SDK, an ISO string from a JSON file, or epoch seconds as on the wire.
 */
export interface ServiceSettingRaw {
  SettingId?: string;
  SettingValue?: string;
  /** `Default`, `Customized` or `PendingUpdate` (the API enum); the user guide's example shows `Custom`. */
  Status?: string;
  LastModifiedDate?: Date | string | number;
  /** The ARN of the principal that last changed the setting, or `System`. */
  LastModifiedUser?: string;
  ARN?: string;
}

/** What reading one setting in one Region gave: the setting, or a classified error. */
export type SettingRead = { setting: ServiceSettingRaw } | { error: ClassifiedError };

/** Who changed a setting last, and when (either may be missing). */
export interface LastModified {
  user?: string;
  date?: Date;
}

/** A setting's value and status, normalised from a {@link ServiceSettingRaw}. */
export interface SettingState {
  /** The value, trimmed; an empty string when the response had none. */
  value: string;
  /** The API status as returned (`Default`, `Customized`, `PendingUpdate`), or `Default` when missing. */
  status: string;
  /** True while an update or reset is still being applied (`PendingUpdate`). */
  pending: boolean;
  lastModified: LastModified;
}

/** A `LastModifiedDate` as a `Date`, or undefined when missing or unreadable. Numbers are epoch seconds. */
export function toDate(value: Date | string | number | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A timestamp for tooltips, the same in every locale and time zone: `2022-11-28 16:21 UTC`. */
export function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The normalised state of a raw setting. */
export function readSettingState(raw: ServiceSettingRaw): SettingState {
  const status = raw.Status?.trim() || 'Default';
  const lastModified: LastModified = {};
  const user = raw.LastModifiedUser?.trim();
  if (user) lastModified.user = user;
  const date = toDate(raw.LastModifiedDate);
  if (date) lastModified.date = date;
  return { value: (raw.SettingValue ?? '').trim(), status, pending: status === 'PendingUpdate', lastModified };
}
