import { parseOperator } from '../policy/condition-operators';
import { actionPatternMatches, isAllow, isDeny } from '../policy/query';
import type { Statement } from '../policy/types';
import type { Finding, PolicyRule } from './rule';

/** Keys the caller writes into the request (an HTTP header), so they prove nothing about who is calling. */
const UNTRUSTWORTHY = new Set(['aws:useragent', 'aws:referer']);

/** Condition keys that do not restrict what they seem to unless used in a particular way. */
export const conditionKeyPitfall: PolicyRule = {
  id: 'condition-key-pitfall',
  meta: {
    description: 'Condition keys that do not restrict what they seem to: caller-set headers, aws:VpcSourceIp without aws:SourceVpc, s3:prefix in a negative test, dynamodb:Attributes without dynamodb:Select, ec2:CreateAction without ec2:CreateTags.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      untrustworthy: '"{{key}}" is a header the caller sets to any value it likes, so it cannot decide who gets access. Use a key AWS sets, such as aws:SourceVpce, aws:PrincipalOrgID or aws:SourceIp.',
      pairedKey:
        '"aws:VpcSourceIp" compares an address inside some VPC, and the same private address exists in every VPC. Add "aws:SourceVpc" (or "aws:SourceVpce") to this condition so the address is checked in your VPC.',
      s3PrefixNegative:
        '{{operator}} on "s3:prefix" in {{effect}} statement does not keep objects under those prefixes from being listed: a request with a shorter prefix (or none) does not match the values. Allow with StringLike on the prefixes to permit, or deny with StringNotLike.',
      dynamodbSelect:
        '"dynamodb:Attributes" limits only requests that name the attributes to return; a read without a projection returns every attribute. Add "StringEquals": { "dynamodb:Select": "SPECIFIC_ATTRIBUTES" } to this statement.',
      createTagsMissing:
        '"ec2:CreateAction" is only set when tags are created through ec2:CreateTags, which this statement does not {{verb}}, so the condition {{outcome}}. Add "ec2:CreateTags" to the Action list.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      const keys = new Set<string>();
      for (const op of st.condition?.operators ?? []) for (const e of op.entries) keys.add(e.key.toLowerCase());
      for (const op of st.condition?.operators ?? []) {
        const parsed = parseOperator(op.operator);
        for (const entry of op.entries) {
          const key = entry.key.toLowerCase();
          if (UNTRUSTWORTHY.has(key) && parsed.base !== 'Null') {
            findings.push({ messageId: 'untrustworthy', node: entry.keyNode, data: { key: entry.key } });
          } else if (key === 'aws:vpcsourceip' && !keys.has('aws:sourcevpc') && !keys.has('aws:sourcevpce') && parsed.base !== 'Null') {
            findings.push({ messageId: 'pairedKey', node: entry.keyNode });
          } else if (key === 's3:prefix' && parsed.valueType === 'String' && ((isDeny(st) && !parsed.negated) || (isAllow(st) && parsed.negated))) {
            findings.push({ messageId: 's3PrefixNegative', node: entry.keyNode, data: { operator: op.operator, effect: isDeny(st) ? 'a Deny' : 'an Allow' } });
          } else if (key === 'dynamodb:attributes' && isAllow(st) && !keys.has('dynamodb:select')) {
            findings.push({ messageId: 'dynamodbSelect', node: entry.keyNode });
          } else if (key === 'ec2:createaction' && lacksCreateTags(st)) {
            const verb = isDeny(st) ? 'deny' : 'allow';
            const outcome = isDeny(st) ? 'never matches and this Deny blocks nothing' : 'never matches and this Allow grants nothing';
            findings.push({ messageId: 'createTagsMissing', node: entry.keyNode, severity: 'error', data: { verb, outcome } });
          }
        }
      }
    }
    return findings;
  },
};

/** True when the statement lists its actions and none of them is ec2:CreateTags. */
function lacksCreateTags(st: Statement): boolean {
  if (!st.action || st.action.items.length === 0) return false;
  return !st.action.items.some((item) => actionPatternMatches(item.value, 'ec2:CreateTags'));
}
