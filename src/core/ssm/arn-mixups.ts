import type { IamIndex } from '../iam';
import type { ArnParts } from '../policy/arn';
import { ARN_FIELD, arnCanMatchType, ownResourceTypes, withArnField } from '../policy/resource-arns';

/** What is mixed up in an SSM or EC2 node ARN, and the service and resource part it should have. */
export interface ArnMixup {
  messageId: 'instanceUnderSsm' | 'managedInstanceUnderEc2' | 'managedNodeAsInstance' | 'ec2AsManagedInstance';
  service: string;
  resource: string;
}

/** A mixup found from the node ID (mi-…, i-…) rather than from the resource type. */
function byId(mixup: ArnMixup): boolean {
  return mixup.messageId === 'managedNodeAsInstance' || mixup.messageId === 'ec2AsManagedInstance';
}

/**
 * EC2 instances and hybrid managed nodes written under the wrong service or resource type, confirmed by the IAM
 * data: `arn:aws:ssm:…:instance/i-…` (an ec2 ARN), `arn:aws:ec2:…:managed-instance/mi-…` (an ssm ARN),
 * `…:instance/mi-…` and `…:managed-instance/i-…`.
 */
export function diagnoseArnMixup(text: string, arn: ArnParts, iam: IamIndex): ArnMixup | undefined {
  const service = arn.service.toLowerCase();
  if (service !== 'ssm' && service !== 'ec2') return undefined;
  const slash = arn.resource.indexOf('/');
  if (slash < 0) return undefined;
  const type = arn.resource.slice(0, slash).toLowerCase();
  const id = arn.resource.slice(slash + 1);
  let mixup: ArnMixup | undefined;
  // The node ID says what the resource is, whatever the service field claims.
  if (type === 'instance' && /^mi-/i.test(id)) mixup = { messageId: 'managedNodeAsInstance', service: 'ssm', resource: `managed-instance/${id}` };
  else if (type === 'managed-instance' && /^i-/i.test(id)) mixup = { messageId: 'ec2AsManagedInstance', service: 'ec2', resource: `instance/${id}` };
  else if (service === 'ssm' && type === 'instance') mixup = { messageId: 'instanceUnderSsm', service: 'ec2', resource: arn.resource };
  else if (service === 'ec2' && type === 'managed-instance') mixup = { messageId: 'managedInstanceUnderEc2', service: 'ssm', resource: arn.resource };
  if (!mixup) return undefined;
  // Only when the IAM data agrees: the written ARN names no type of its service, the corrected one does.
  if (!byId(mixup) && ownResourceTypes(iam, service).some((t) => arnCanMatchType(text, t))) return undefined;
  const corrected = withArnField(withArnField(text, ARN_FIELD.resource, mixup.resource), ARN_FIELD.service, mixup.service);
  if (!ownResourceTypes(iam, mixup.service).some((t) => arnCanMatchType(corrected, t))) return undefined;
  return mixup;
}
