import { PARTITIONS, partitionById, partitionOfRegion } from '../iam/partitions';
import type { ArnParts } from '../policy/arn';
import type { ArnProblem } from '../policy/arn-problem';
import { replaceNode } from '../policy/edits';
import { ARN_FIELD, hasPolicyVariable, resourceArns, withArnField } from '../policy/resource-arns';
import { closest } from '../util/closest';
import { ownEntry } from '../util/own';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

/** Partition names people write for a real one, keyed by the lower-case name. */
const ALIASES: Record<string, string> = {
  amazon: 'aws',
  amazonaws: 'aws',
  'aws-global': 'aws',
  'aws-commercial': 'aws',
  'aws-china': 'aws-cn',
  china: 'aws-cn',
  cn: 'aws-cn',
  'aws-gov': 'aws-us-gov',
  'aws-govcloud': 'aws-us-gov',
  'aws-us-govcloud': 'aws-us-gov',
  'aws-gov-cloud': 'aws-us-gov',
  govcloud: 'aws-us-gov',
  'us-gov': 'aws-us-gov',
  'aws-isob': 'aws-iso-b',
  'aws-isoe': 'aws-iso-e',
  'aws-isof': 'aws-iso-f',
  'aws-eu-sovereign': 'aws-eusc',
  'aws-european-sovereign-cloud': 'aws-eusc',
};

const PARTITION_IDS = PARTITIONS.map((p) => p.id);
const REJECTED = 'IAM rejects the policy (MalformedPolicyDocument: Partition "{{partition}}" is not valid for resource).';

/** An ARN whose partition field is not an AWS partition (aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc); wildcards are not judged. */
export const arnPartition: PolicyRule = {
  id: 'arn-partition',
  meta: {
    description: 'The partition field of an ARN must name an AWS partition.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      unknownDidYouMean: `"{{partition}}" is not an AWS partition. ${REJECTED} Did you mean "{{suggestion}}"?`,
      unknown: `"{{partition}}" is not an AWS partition. ${REJECTED} Write aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f or aws-eusc (the partition of the account the policy lives in).`,
      empty: 'The partition field of "{{arn}}" is empty. IAM rejects the policy (MalformedPolicyDocument: Partition "" is not valid for resource). Write "{{suggestion}}" (or "*").',
      variable:
        'The partition field "{{partition}}" holds a variable or template placeholder. IAM checks the partition literally when the policy is saved and rejects it; no policy variable stands for a partition. Write the partition itself ("aws", "aws-cn", "aws-us-gov" …) or "*".',
      changePartition: 'Change the partition to "{{suggestion}}"',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const { item, arn } of resourceArns(st)) {
        const problem = partitionProblem(item.value, arn);
        if (!problem) continue;
        const finding: Finding = { messageId: problem.messageId, node: item.node, data: problem.data };
        if (problem.replacement !== undefined) {
          finding.suggestions = [{ messageId: 'changePartition', fix: replaceNode(item.node, problem.replacement) }];
        }
        findings.push(finding);
      }
    }
    return findings;
  },
};

/**
 * A partition field that names no AWS partition: empty, a variable, or unknown text (with a did-you-mean). The
 * replacement writes the suggested partition: the case or an alias of a partition, the closest one, or, for an empty
 * field, the partition of the ARN's Region ("aws" when there is none). Wildcards are not judged.
 */
export function partitionProblem(value: string, arn: ArnParts): ArnProblem | undefined {
  const partition = arn.partition;
  if (partitionById(partition)) return undefined;
  const data: Record<string, string> = { partition, arn: value };
  if (hasPolicyVariable(partition)) return { messageId: 'variable', data };
  // "*" and "aws*" are fine; whether IAM checks other patterns when the policy is saved is not documented.
  if (hasWildcard(partition)) return undefined;
  const fromRegion = partitionOfRegion(arn.region)?.id;
  const suggestion = partition === '' ? (fromRegion ?? 'aws') : suggest(partition, fromRegion);
  const messageId = partition === '' ? 'empty' : suggestion ? 'unknownDidYouMean' : 'unknown';
  // A replacement is only ever a suggestion, so a guess ("aws" for an empty field without a Region) is offered too.
  return {
    messageId,
    data: suggestion ? { ...data, suggestion } : data,
    ...(suggestion ? { replacement: withArnField(value, ARN_FIELD.partition, suggestion) } : {}),
  };
}

function suggest(partition: string, fromRegion: string | undefined): string | undefined {
  const lower = partition.toLowerCase();
  if (partitionById(lower)) return lower;
  const alias = ownEntry(ALIASES, lower);
  if (alias) return alias;
  return closest(partition, PARTITION_IDS) ?? fromRegion;
}
