import type { AwsError } from '../aws/error';
import type { ServiceSetting } from '../aws/port';
import type { Localize } from '../language/localize';
import { code } from '../util/markdown';

/** What reading one setting in one Region gave: the setting, or why it could not be read. */
export type SettingRead = { setting: ServiceSetting } | { error: AwsError };

/** Who changed a setting last, and when (either may be missing). */
export interface LastModified {
  user?: string;
  date?: Date;
}

/** A setting's value and status, normalised from a {@link ServiceSetting}. */
export interface SettingState {
  /** The value, trimmed; an empty string when the response had none. */
  value: string;
  /** The API status as returned (`Default`, `Customized`, `PendingUpdate`), or `Default` when missing. */
  status: string;
  /** True while an update or reset is still being applied (`PendingUpdate`). */
  pending: boolean;
  lastModified: LastModified;
}

/** A `lastModifiedDate` as a `Date`, or undefined when missing or unreadable. Numbers are epoch seconds. */
export function toDate(value: Date | string | number | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A timestamp for tooltips, the same in every locale and time zone: `2022-11-28 16:21 UTC`. */
export function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The normalised state of a setting (fields missing from a partial one count as empty). */
export function readSettingState(setting: Partial<ServiceSetting>): SettingState {
  const status = setting.status?.trim() || 'Default';
  const lastModified: LastModified = {};
  const user = setting.lastModifiedUser?.trim();
  if (user) lastModified.user = user;
  const date = toDate(setting.lastModifiedDate);
  if (date) lastModified.date = date;
  return { value: (setting.value ?? '').trim(), status, pending: status === 'PendingUpdate', lastModified };
}

/** "Last modified by `who` on `when`" for a tooltip (Markdown), or undefined when neither is known. */
export function lastModifiedLine(m: LastModified, t: Localize): string | undefined {
  const user = m.user ? code(m.user) : undefined;
  const date = m.date ? formatTimestamp(m.date) : undefined;
  if (user && date) return t('Last modified by {0} on {1}', user, date);
  if (user) return t('Last modified by {0}', user);
  return date ? t('Last modified on {0}', date) : undefined;
}

/**
 * The error every read of a Region failed with, when they all failed alike (the same kind, action and code; a
 * setting not set is not a failure): the view shows one row that explains instead of one per setting.
 */
export function sharedError(reads: readonly SettingRead[]): AwsError | undefined {
  if (reads.length < 2) return undefined;
  const errors: AwsError[] = [];
  for (const r of reads) {
    if (!('error' in r) || r.error.code === 'ServiceSettingNotFound') return undefined;
    errors.push(r.error);
  }
  const first = errors[0]!;
  return errors.every((e) => e.kind === first.kind && e.action === first.action && e.code === first.code) ? first : undefined;
}
