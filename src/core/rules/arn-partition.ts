import { PARTITIONS, partitionById, partitionOfRegion } from '../iam/partitions';
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
    fixable: true,
    appliesTo: ['identity', 'trust', 'scp'],
    messages: {
      unknownDidYouMean: `"{{partition}}" is not an AWS partition. ${REJECTED} Did you mean "{{suggestion}}"?`,
      unknown: `"{{partition}}" is not an AWS partition. ${REJECTED} Write aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f or aws-eusc (the partition of the account the policy lives in).`,
      empty: 'The partition field of "{{arn}}" is empty. IAM rejects the policy (MalformedPolicyDocument: Partition "" is not valid for resource). Write "{{suggestion}}" (or "*").',
      variable:
        'The partition field "{{partition}}" holds a variable or template placeholder. IAM checks the partition literally when the policy is saved and rejects it; no policy variable stands for a partition. Write the partition itself ("aws", "aws-cn", "aws-us-gov" …) or "*".',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const { item, arn } of resourceArns(st)) {
        const partition = arn.partition;
        if (partitionById(partition)) continue;
        const data: Record<string, string> = { partition, arn: item.value };
        if (hasPolicyVariable(partition)) {
          findings.push({ messageId: 'variable', node: item.node, data });
          continue;
        }
        // "*" and "aws*" are fine; whether IAM checks other patterns when the policy is saved is not documented.
        if (hasWildcard(partition)) continue;
        const fromRegion = partitionOfRegion(arn.region)?.id;
        const suggestion = partition === '' ? (fromRegion ?? 'aws') : suggest(partition, fromRegion);
        const messageId = partition === '' ? 'empty' : suggestion ? 'unknownDidYouMean' : 'unknown';
        const finding: Finding = { messageId, node: item.node, data: suggestion ? { ...data, suggestion } : data };
        // An empty partition is only fixed when the region tells which partition the ARN is in.
        const fixTo = partition === '' ? fromRegion : suggestion;
        if (fixTo) finding.fix = replaceNode(item.node, withArnField(item.value, ARN_FIELD.partition, fixTo));
        findings.push(finding);
      }
    }
    return findings;
  },
};

function suggest(partition: string, fromRegion: string | undefined): string | undefined {
  const lower = partition.toLowerCase();
  if (partitionById(lower)) return lower;
  const alias = ownEntry(ALIASES, lower);
  if (alias) return alias;
  return closest(partition, PARTITION_IDS) ?? fromRegion;
}
