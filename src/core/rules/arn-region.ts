import { PARTITIONS, partitionById, partitionOfRegion, type Partition } from '../iam/partitions';
import type { ArnParts } from '../policy/arn';
import type { ArnProblem } from '../policy/arn-problem';
import { replaceNode } from '../policy/edits';
import { ARN_FIELD, hasPolicyVariable, resourceArns, withArnField } from '../policy/resource-arns';
import { closest } from '../util/closest';
import { hasWildcard, wildcardToRegExp } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/** A region field that is a documentation placeholder ("region", "<region>", "{{Region}}"): the placeholder rule's job. */
const PLACEHOLDER = /region|[<>{}]/i;

/** An ARN whose region field is no Region of its partition: unknown, an Availability Zone, or another partition's Region. */
export const arnRegion: PolicyRule = {
  id: 'arn-region',
  meta: {
    description: 'The region field of an ARN should be a Region code of the ARN\'s partition (or empty, or a wildcard).',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      zone:
        '"{{region}}" is a zone, not a Region: ARNs carry the Region code, so this ARN matches no resource. Write "{{suggestion}}".',
      wrongCase: '"{{region}}" is not a Region code: Region codes are lower case, and IAM compares ARNs case-sensitively. Write "{{suggestion}}".',
      otherPartition:
        '"{{region}}" is a Region of the {{regionPartition}} partition, but this ARN names the "{{partition}}" partition, so it matches no resource. Use the partition "{{regionPartition}}" or a Region of {{partition}}.',
      unknownDidYouMean: '"{{region}}" is not a Region of the {{partition}} partition, so this ARN matches no resource. Did you mean "{{suggestion}}"?',
      unknown:
        '"{{region}}" is not a Region of the {{partition}} partition, so this ARN matches no resource. Write a Region code such as "us-east-1", "*" for any Region, or leave it empty for services without Regions. (If AWS opened this Region recently, ignore this warning.)',
      changeRegion: 'Change the Region to "{{suggestion}}"',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const { item, arn } of resourceArns(st)) {
        const problem = regionProblem(item.value, arn);
        if (!problem) continue;
        const finding: Finding = { messageId: problem.messageId, node: item.node, data: problem.data };
        if (problem.replacement !== undefined) {
          finding.suggestions = [{ messageId: 'changeRegion', fix: replaceNode(item.node, problem.replacement) }];
        }
        findings.push(finding);
      }
    }
    return findings;
  },
};

/**
 * A region field that is no Region of the ARN's partition: the wrong case, a zone or an unknown name close to a Region
 * (each with the ARN that names that Region), or another partition's Region. Empty fields, wildcards, variables and
 * placeholders are not judged.
 */
export function regionProblem(value: string, arn: ArnParts): ArnProblem | undefined {
  const region = arn.region;
  if (region === '' || region.length > 64 || hasWildcard(region) || hasPolicyVariable(region) || PLACEHOLDER.test(region)) return undefined;
  const partitions = partitionsOf(arn.partition);
  if (partitions.length === 0 || partitions.some((p) => p.regions.includes(region))) return undefined;
  const partition = partitions.length === 1 ? (partitions[0] as Partition).id : arn.partition;
  const data: Record<string, string> = { region, partition };
  const fixed = (suggestion: string): string => withArnField(value, ARN_FIELD.region, suggestion);
  const lower = region.toLowerCase();
  if (lower !== region && partitions.some((p) => p.regions.includes(lower))) {
    return { messageId: 'wrongCase', data: { ...data, suggestion: lower }, replacement: fixed(lower) };
  }
  const parent = parentRegion(lower, partitions);
  if (parent) return { messageId: 'zone', data: { ...data, suggestion: parent }, replacement: fixed(parent) };
  const home = partitionOfRegion(region) ?? PARTITIONS.find((p) => p.regionPattern.test(region) && !partitions.includes(p));
  if (home && !partitions.includes(home)) return { messageId: 'otherPartition', data: { ...data, regionPartition: home.id } };
  const suggestion = closest(region, partitions.flatMap((p) => p.regions));
  return suggestion ? { messageId: 'unknownDidYouMean', data: { ...data, suggestion }, replacement: fixed(suggestion) } : { messageId: 'unknown', data };
}

/** The partitions an ARN's partition field can name: one, or those a wildcard matches; none when unknown. */
function partitionsOf(field: string): Partition[] {
  if (hasPolicyVariable(field)) return [];
  const exact = partitionById(field);
  if (exact) return [exact];
  if (!hasWildcard(field)) return [];
  const re = wildcardToRegExp(field);
  return PARTITIONS.filter((p) => re.test(p.id));
}

/**
 * The Region of an Availability Zone ("us-east-1a"), Local Zone ("us-west-2-lax-1a") or Wavelength Zone
 * ("us-east-1-wl1-bos-wlz-1") name.
 */
function parentRegion(value: string, partitions: Partition[]): string | undefined {
  for (const p of partitions) {
    for (const r of p.regions) {
      if (value.length > r.length && value.startsWith(r) && /^([a-z]|-[a-z0-9-]+)$/.test(value.slice(r.length))) return r;
    }
  }
  return undefined;
}
