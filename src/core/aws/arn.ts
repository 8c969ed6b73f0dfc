/** ARNs the AWS wing builds itself. */
import { partitionFor } from './region-list';

/** The ARN of an AWS managed policy in the target Region's partition. */
export function managedPolicyArn(region: string, name: string): string {
  return `arn:${partitionFor(region).id}:iam::aws:policy/${name}`;
}
