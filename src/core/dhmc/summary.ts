import { PARTITIONS } from '../iam/partitions';
import { formatMessage, type Localize } from '../language/localize';
import type { DhmcRegionStatus } from './region-status';

/** Where a Region's partition sits in {@link PARTITIONS} (aws first); unknown partitions sort last. */
function partitionRank(region: string): number {
  const i = PARTITIONS.findIndex((p) => p.regions.includes(region));
  if (i >= 0) return i;
  // Test the more specific patterns first: us-gov-… and us-iso-… would also match the aws pattern's `us-\w+-\d+`.
  const byPattern = PARTITIONS.map((p, index) => ({ p, index }))
    .filter(({ p }) => p.regionPattern.test(region))
    .sort((a, b) => b.p.regionPattern.source.length - a.p.regionPattern.source.length);
  return byPattern[0]?.index ?? PARTITIONS.length;
}

// Created on first comparison: constructing a collator loads ICU data, which the extension's activation should not pay.
let collator: Intl.Collator | undefined;

/**
 * The view's Region order: by partition (aws, aws-cn, aws-us-gov …, as in iam/partitions), then by Region code with
 * numbers compared as numbers (`ap-southeast-2` before `ap-southeast-10`). Codes start with their geography
 * (af, ap, ca, eu, il, me, mx, sa, us), so this also groups Regions by geography, stably and without a names table.
 */
export function compareRegions(a: string, b: string): number {
  return partitionRank(a) - partitionRank(b) || (collator ??= new Intl.Collator('en', { numeric: true })).compare(a, b);
}

/** The Regions in view order ({@link compareRegions}), without duplicates; the input is not changed. */
export function sortRegions(regions: readonly string[]): string[] {
  return [...new Set(regions)].sort(compareRegions);
}

/** The counts behind the view's description. */
export interface DhmcSummary {
  /** Regions where DHMC could be on: every Region given except those not opted in. */
  total: number;
  enabled: number;
  disabled: number;
  notOptedIn: number;
  denied: number;
  errors: number;
  /** Regions still loading (an `undefined` entry). */
  loading: number;
  /** "9 of 17 regions enabled · 1 denied · 2 errors" (the wording). */
  text: string;
}

/**
 * Counts the statuses; an `undefined` entry is a Region still loading. Regions not opted in leave the
 * denominator (DHMC cannot be on there) and are counted apart.
 */
export function summarizeRegions(statuses: readonly (DhmcRegionStatus | undefined)[], t: Localize = formatMessage): DhmcSummary {
  const s = { enabled: 0, disabled: 0, notOptedIn: 0, denied: 0, errors: 0, loading: 0 };
  for (const status of statuses) {
    if (!status) s.loading++;
    else if (status.kind === 'error') s.errors++;
    else s[status.kind]++;
  }
  const total = statuses.length - s.notOptedIn;
  const parts = [total === 1 ? t('{0} of {1} region enabled', s.enabled, total) : t('{0} of {1} regions enabled', s.enabled, total)];
  if (s.denied > 0) parts.push(t('{0} denied', s.denied));
  if (s.errors > 0) parts.push(s.errors === 1 ? t('1 error') : t('{0} errors', s.errors));
  if (s.notOptedIn > 0) parts.push(t('{0} not opted in', s.notOptedIn));
  if (s.loading > 0) parts.push(t('{0} loading', s.loading));
  return { total, ...s, text: parts.join(' · ') };
}

/** The groups of the DHMC view, in view order; `notOptedIn` comes last and folded. */
export type DhmcGroup = 'enabled' | 'disabled' | 'denied' | 'error' | 'loading' | 'notOptedIn';

export const DHMC_GROUPS: readonly DhmcGroup[] = ['enabled', 'disabled', 'denied', 'error', 'loading', 'notOptedIn'];

/**
 * The Regions grouped by state, in {@link DHMC_GROUPS} order, each group's Regions in the given (view) order;
 * empty groups are left out. An `undefined` status is a Region still loading.
 */
export function groupRegions(statuses: ReadonlyMap<string, DhmcRegionStatus | undefined>): { group: DhmcGroup; regions: string[] }[] {
  const by = new Map<DhmcGroup, string[]>(DHMC_GROUPS.map((g) => [g, []]));
  for (const [region, status] of statuses) by.get(status ? status.kind : 'loading')!.push(region);
  return DHMC_GROUPS.map((group) => ({ group, regions: by.get(group)! })).filter((g) => g.regions.length > 0);
}

/** The label of a group with its count: "Enabled (3)", "Not enabled in this account (14)". */
export function groupLabel(group: DhmcGroup, count: number, t: Localize = formatMessage): string {
  switch (group) {
    case 'enabled':
      return t('Enabled ({0})', count);
    case 'disabled':
      return t('Off ({0})', count);
    case 'denied':
      return t('Access denied ({0})', count);
    case 'error':
      return t('Could not read ({0})', count);
    case 'loading':
      return t('Loading ({0})', count);
    default:
      return t('Not enabled in this account ({0})', count);
  }
}
