/**
 * AWS partitions and the Region codes in each, as written in the partition and region fields of an ARN.
 * Reference data in the shape of the AWS SDKs' partition table; update it when AWS opens a Region.
 */

/** One AWS partition: its ARN partition name, a display name and its Region codes. */
export interface Partition {
  id: string;
  name: string;
  regions: readonly string[];
  /** The shape of this partition's Region codes, so a Region opened after this table still matches. */
  regionPattern: RegExp;
}

/** Every AWS partition with its Regions. */
export const PARTITIONS: readonly Partition[] = [
  {
    id: 'aws',
    name: 'AWS',
    regionPattern: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
    regions: [
      'af-south-1',
      'ap-east-1',
      'ap-east-2',
      'ap-northeast-1',
      'ap-northeast-2',
      'ap-northeast-3',
      'ap-south-1',
      'ap-south-2',
      'ap-southeast-1',
      'ap-southeast-2',
      'ap-southeast-3',
      'ap-southeast-4',
      'ap-southeast-5',
      'ap-southeast-6',
      'ap-southeast-7',
      'ca-central-1',
      'ca-west-1',
      'eu-central-1',
      'eu-central-2',
      'eu-north-1',
      'eu-south-1',
      'eu-south-2',
      'eu-west-1',
      'eu-west-2',
      'eu-west-3',
      'il-central-1',
      'me-central-1',
      'me-south-1',
      'mx-central-1',
      'sa-east-1',
      'us-east-1',
      'us-east-2',
      'us-west-1',
      'us-west-2',
    ],
  },
  { id: 'aws-cn', name: 'AWS China', regionPattern: /^cn-\w+-\d+$/, regions: ['cn-north-1', 'cn-northwest-1'] },
  { id: 'aws-us-gov', name: 'AWS GovCloud (US)', regionPattern: /^us-gov-\w+-\d+$/, regions: ['us-gov-east-1', 'us-gov-west-1'] },
  { id: 'aws-iso', name: 'AWS ISO (US)', regionPattern: /^us-iso-\w+-\d+$/, regions: ['us-iso-east-1', 'us-iso-west-1'] },
  { id: 'aws-iso-b', name: 'AWS ISOB (US)', regionPattern: /^us-isob-\w+-\d+$/, regions: ['us-isob-east-1', 'us-isob-west-1'] },
  { id: 'aws-iso-e', name: 'AWS ISOE (Europe)', regionPattern: /^eu-isoe-\w+-\d+$/, regions: ['eu-isoe-west-1'] },
  { id: 'aws-iso-f', name: 'AWS ISOF', regionPattern: /^us-isof-\w+-\d+$/, regions: ['us-isof-east-1', 'us-isof-south-1'] },
  { id: 'aws-eusc', name: 'AWS European Sovereign Cloud', regionPattern: /^eusc-de-\w+-\d+$/, regions: ['eusc-de-east-1'] },
];

const byId = new Map(PARTITIONS.map((p) => [p.id, p]));
const regionToPartition = new Map<string, Partition>();
for (const p of PARTITIONS) for (const r of p.regions) regionToPartition.set(r, p);

/** The partition with this exact id (`aws`, `aws-cn` …); ids are case-sensitive in ARNs. */
export function partitionById(id: string): Partition | undefined {
  return byId.get(id);
}

/** The partition a known Region code belongs to (exact, lower case). */
export function partitionOfRegion(region: string): Partition | undefined {
  return regionToPartition.get(region);
}

/** Every known Region code of every partition. */
export function allRegions(): string[] {
  return [...regionToPartition.keys()];
}
