import type { PolicyKind } from '../../policy/types';
import type { EmbeddedPolicy, SourceSpan, TemplateFinding } from '../types';
import { IntrinsicConverter, NO_VALUE } from './intrinsics';
import { readJsonString } from './json';
import { entryOf } from './raw';
import type { RawDocument, RawNode } from './raw';

/** A policy document of the raw tree, before conversion. */
interface Candidate {
  kind: PolicyKind;
  node: RawNode;
  location: string;
}

const IDENTITY_POLICY_TYPES = new Set([
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
]);

const RESOURCE_POLICY_PROPERTY: Record<string, string> = {
  'AWS::S3::BucketPolicy': 'PolicyDocument',
  'AWS::SQS::QueuePolicy': 'PolicyDocument',
  'AWS::SNS::TopicPolicy': 'PolicyDocument',
  'AWS::KMS::Key': 'KeyPolicy',
};

function plainString(node: RawNode | undefined): string | undefined {
  return node && node.kind === 'scalar' && !node.tag && typeof node.value === 'string' ? node.value : undefined;
}

/** The policies in `Policies: [{PolicyName, PolicyDocument}]` of a role, user or group. */
function inlinePolicies(props: RawNode, base: string, out: Candidate[]): void {
  const list = entryOf(props, 'Policies')?.value;
  if (!list || list.kind !== 'seq' || list.tag) return;
  list.items.forEach((item, i) => {
    const doc = entryOf(item, 'PolicyDocument');
    if (doc) out.push({ kind: 'identity', node: doc.value, location: `${base}.Policies[${i}].PolicyDocument` });
  });
}

/** A SAM policy document (not a managed policy name, not a policy template such as `SQSPollerPolicy`). */
function isSamDocument(node: RawNode): boolean {
  return node.kind === 'map' && !node.tag && node.entries.some((e) => e.key === 'Statement');
}

function candidates(type: string, props: RawNode, base: string): Candidate[] {
  const out: Candidate[] = [];
  const prop = (name: string, kind: PolicyKind): void => {
    const e = entryOf(props, name);
    if (e) out.push({ kind, node: e.value, location: `${base}.${name}` });
  };
  if (type === 'AWS::IAM::Role') {
    prop('AssumeRolePolicyDocument', 'trust');
    inlinePolicies(props, base, out);
  } else if (type === 'AWS::IAM::User' || type === 'AWS::IAM::Group') {
    inlinePolicies(props, base, out);
  } else if (IDENTITY_POLICY_TYPES.has(type)) {
    prop('PolicyDocument', 'identity');
  } else if (RESOURCE_POLICY_PROPERTY[type]) {
    prop(RESOURCE_POLICY_PROPERTY[type], 'resource');
  } else if (type === 'AWS::Organizations::Policy') {
    const policyType = entryOf(props, 'Type')?.value;
    if (policyType && plainString(policyType) !== 'SERVICE_CONTROL_POLICY') return out;
    prop('Content', 'scp');
  } else if (type === 'AWS::Serverless::Function' || type === 'AWS::Serverless::StateMachine') {
    const policies = entryOf(props, 'Policies')?.value;
    if (!policies || policies.tag) return out;
    if (policies.kind === 'seq') {
      policies.items.forEach((item, i) => {
        if (isSamDocument(item)) out.push({ kind: 'identity', node: item, location: `${base}.Policies[${i}]` });
      });
    } else if (isSamDocument(policies)) {
      out.push({ kind: 'identity', node: policies, location: `${base}.Policies` });
    }
  }
  return out;
}

function contains(span: SourceSpan, offsets: number[]): boolean {
  const end = span.offset + span.length;
  return offsets.some((o) => o >= span.offset && o <= end);
}

/**
 * The policies of a template's `Resources`, converted; a policy is left out when its resource holds a syntax
 * error, is `!Ref AWS::NoValue` or is not a map; one wholly unknown offline (an `!If`) is kept, as unknown.
 */
export function findPolicies(text: string, doc: RawDocument, json: boolean): { policies: EmbeddedPolicy[]; findings: TemplateFinding[] } {
  const policies: EmbeddedPolicy[] = [];
  const findings: TemplateFinding[] = [];
  const resources = entryOf(doc.root, 'Resources')?.value;
  if (!resources || resources.kind !== 'map' || resources.tag) return { policies, findings };
  for (const res of resources.entries) {
    const type = plainString(entryOf(res.value, 'Type')?.value);
    const props = entryOf(res.value, 'Properties')?.value;
    if (!type || !props || props.kind !== 'map' || props.tag) continue;
    if (contains(res.span, doc.errorOffsets)) continue;
    for (const c of candidates(type, props, `Resources.${res.key}.Properties`)) {
      let node: RawNode | undefined = c.node;
      const local: TemplateFinding[] = [];
      const fromString = c.kind === 'scp' ? plainString(node) : undefined;
      if (fromString !== undefined) {
        node = readJsonString(fromString, node.span, findings);
        if (!node) continue;
      }
      const converter = new IntrinsicConverter(text, local);
      const value = converter.convert(node);
      findings.push(...local);
      // A document wholly unknown offline (an `!If`, a `!Ref`) is handed over as such: counted, never linted.
      if (value === NO_VALUE || (value.type !== 'object' && value.type !== 'unknown')) continue;
      const policy: EmbeddedPolicy = { kind: c.kind, value, location: c.location, resource: res.key };
      if (json && fromString === undefined && !converter.sawIntrinsic) {
        policy.verbatim = text.slice(value.span.offset, value.span.offset + value.span.length);
      }
      policies.push(policy);
    }
  }
  return { policies, findings };
}
