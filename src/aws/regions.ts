/**
 * The Regions to show: where Systems Manager is offered (the public parameters under
 * /aws/service/global-infrastructure/services/ssm/regions) intersected with the account's Regions and their opt-in
 * status (EC2 DescribeRegions, AllRegions). Either call may fail (offline, denied): the built-in list stands in.
 */
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { paginateGetParametersByPath } from '@aws-sdk/client-ssm';
import type { AwsErrorInfo } from '../core/aws/classify-error';
import { ssmRegionsFrom, type Ec2RegionInfo, type SsmRegion } from '../core/aws/region-list';
import type { AwsClientFactory, AwsTarget, CallOptions } from './client-factory';
import { callAws, toAwsErrorInfo } from './errors';

export type { SsmRegion, RegionOptInStatus } from '../core/aws/region-list';

/** The public parameters that list the Regions where Systems Manager is offered. */
export const SSM_REGIONS_PATH = '/aws/service/global-infrastructure/services/ssm/regions';

/** The Regions, and where the two inputs came from. */
export interface SsmRegionList {
  regions: SsmRegion[];
  /** `aws`: from the public parameters; `builtin`: the built-in list of the partition. */
  ssmSource: 'aws' | 'builtin';
  /** `aws`: opt-in status from DescribeRegions; `unknown`: DescribeRegions failed. */
  optInSource: 'aws' | 'unknown';
  /** Why an input is missing, for the log (classified, secret-free). */
  errors: AwsErrorInfo[];
}

/** The names of the Regions where Systems Manager is offered, from the public parameters read in the target Region. */
export async function getSsmServiceRegions(factory: AwsClientFactory, target: AwsTarget, options: CallOptions = {}): Promise<string[]> {
  return callAws({ action: 'ssm:GetParametersByPath', ...target }, async () => {
    const names: string[] = [];
    const pages = paginateGetParametersByPath({ client: factory.client('ssm', target) }, { Path: SSM_REGIONS_PATH }, { abortSignal: options.abortSignal });
    for await (const page of pages) for (const p of page.Parameters ?? []) if (p.Value) names.push(p.Value);
    return names;
  });
}

/** Every Region of the account's partition with its opt-in status (DescribeRegions with AllRegions). */
export async function getAccountRegions(factory: AwsClientFactory, target: AwsTarget, options: CallOptions = {}): Promise<Ec2RegionInfo[]> {
  const out = await callAws({ action: 'ec2:DescribeRegions', ...target }, () =>
    factory.client('ec2', target).send(new DescribeRegionsCommand({ AllRegions: true }), { abortSignal: options.abortSignal }),
  );
  return (out.Regions ?? []).filter((r) => r.RegionName).map((r) => ({ name: r.RegionName as string, optInStatus: r.OptInStatus }));
}

/**
 * The Regions to show, asked of AWS from the target (home) Region; never fails: what cannot be fetched comes from
 * the built-in list (Regions of the home Region's partition) and the reason lands in `errors`.
 */
export async function listSsmRegions(factory: AwsClientFactory, target: AwsTarget, options: CallOptions = {}): Promise<SsmRegionList> {
  const [ssm, ec2] = await Promise.allSettled([getSsmServiceRegions(factory, target, options), getAccountRegions(factory, target, options)]);
  const errors: AwsErrorInfo[] = [];
  for (const r of [ssm, ec2]) if (r.status === 'rejected') errors.push(await toAwsErrorInfo(r.reason, target));
  const ssmNames = ssm.status === 'fulfilled' && ssm.value.length > 0 ? ssm.value : undefined;
  const ec2Regions = ec2.status === 'fulfilled' && ec2.value.length > 0 ? ec2.value : undefined;
  return {
    regions: ssmRegionsFrom(ssmNames, ec2Regions, target.region),
    ssmSource: ssmNames ? 'aws' : 'builtin',
    optInSource: ec2Regions ? 'aws' : 'unknown',
    errors,
  };
}
