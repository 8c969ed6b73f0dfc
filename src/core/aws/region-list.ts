/**
 * Which Regions to show: where Systems Manager is offered, intersected with the Regions the account knows, each
 * marked with its opt-in status. Pure; the adapter (src/aws/adapter.ts, listSsmRegions) fetches the inputs.
 */
import { PARTITIONS, partitionOfRegion, type Partition } from '../iam/partitions';

/** A Region's opt-in status as EC2 DescribeRegions reports it; `unknown` when DescribeRegions could not be called. */
export type RegionOptInStatus = 'opt-in-not-required' | 'opted-in' | 'not-opted-in' | 'unknown';

/** One Region where Systems Manager is offered. */
export interface SsmRegion {
  name: string;
  optInStatus: RegionOptInStatus;
  /** False only when DescribeRegions says the account has not opted in; calls there fail. */
  enabled: boolean;
}

/** A Region of EC2 DescribeRegions (AllRegions: true). */
export interface Ec2RegionInfo {
  name: string;
  optInStatus?: string;
}

/** The partition of a Region code, new Regions included (by the shape of the code); `aws` when nothing matches. */
export function partitionFor(region: string): Partition {
  return partitionOfRegion(region) ?? PARTITIONS.find((p) => p.regionPattern.test(region)) ?? (PARTITIONS[0] as Partition);
}

/** The built-in Regions of the home Region's partition, for when AWS cannot be asked. */
export function builtinRegions(homeRegion: string): string[] {
  return [...partitionFor(homeRegion).regions];
}

function toOptIn(value: string | undefined): RegionOptInStatus {
  return value === 'opt-in-not-required' || value === 'opted-in' || value === 'not-opted-in' ? value : 'unknown';
}

/**
 * The Regions to show, sorted: the SSM Regions (or, when undefined, the built-in list) of the home Region's partition,
 * kept only when DescribeRegions lists them (when it could be called), with its opt-in status.
 */
export function ssmRegionsFrom(ssmRegions: readonly string[] | undefined, ec2Regions: readonly Ec2RegionInfo[] | undefined, homeRegion: string): SsmRegion[] {
  const partition = partitionFor(homeRegion);
  const names = new Set((ssmRegions ?? partition.regions).filter((r) => partitionFor(r) === partition));
  const optIn = ec2Regions ? new Map(ec2Regions.map((r) => [r.name, toOptIn(r.optInStatus)])) : undefined;
  const out: SsmRegion[] = [];
  for (const name of names) {
    if (optIn && !optIn.has(name)) continue;
    const status = optIn?.get(name) ?? 'unknown';
    out.push({ name, optInStatus: status, enabled: status !== 'not-opted-in' });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
