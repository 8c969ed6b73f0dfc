import { allRegions, PARTITIONS } from '../iam/partitions';
import { parseOperator } from '../policy/condition-operators';
import { findPlaceholders } from '../policy/placeholders';
import type { Finding, PolicyRule } from './rule';

const VPC = /^vpc-(?:[0-9a-z]{8}|[0-9a-z]{17})$/i;
const VPCE = /^vpce-(?:[0-9a-z]{8}|[0-9a-z]{17})$/i;
const REGIONS = new Set(allRegions());

/** Condition values whose format a key or operator fixes: VPC and VPC endpoint IDs, Region codes, dates. */
export const conditionValueFormat: PolicyRule = {
  id: 'condition-value-format',
  meta: {
    description: 'Values of aws:SourceVpc, aws:SourceVpce and aws:RequestedRegion must be VPC IDs, VPC endpoint IDs and Region codes; dates are best written in ISO 8601.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      vpc: '"{{value}}" is not a VPC ID, so "aws:SourceVpc" never equals it. A VPC ID is "vpc-" followed by 8 or 17 hexadecimal characters, e.g. "vpc-0a1b2c3d4e5f67890".',
      vpce: '"{{value}}" is not a VPC endpoint ID, so "aws:SourceVpce" never equals it. An endpoint ID is "vpce-" followed by 8 or 17 hexadecimal characters, e.g. "vpce-0a1b2c3d4e5f67890".',
      region: '"{{value}}" is not a Region code, so "{{key}}" never equals it. Write a code such as "us-east-1" or "eu-west-1".',
      epochDate:
        '{{value}} is a date in epoch seconds. IAM accepts it, but it is easy to get wrong (milliseconds, time zone) and hard to read. Write an ISO 8601 date such as "2025-01-31T00:00:00Z".',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const op of st.condition?.operators ?? []) {
        const parsed = parseOperator(op.operator);
        if (!parsed.known) continue;
        for (const entry of op.entries) {
          const key = entry.key.toLowerCase();
          for (const v of entry.values) {
            if (parsed.valueType === 'Date' && isEpoch(v.value)) {
              findings.push({ messageId: 'epochDate', node: v.node, severity: 'warning', data: { value: JSON.stringify(v.value) } });
              continue;
            }
            if (parsed.valueType !== 'String' || typeof v.value !== 'string' || !literal(v.value, entry.key)) continue;
            if (key === 'aws:sourcevpc' && !VPC.test(v.value)) findings.push({ messageId: 'vpc', node: v.node, data: { value: v.value } });
            else if (key === 'aws:sourcevpce' && !VPCE.test(v.value)) findings.push({ messageId: 'vpce', node: v.node, data: { value: v.value } });
            else if (key === 'aws:requestedregion' && !isRegion(v.value)) findings.push({ messageId: 'region', node: v.node, data: { value: v.value, key: entry.key } });
          }
        }
      }
    }
    return findings;
  },
};

/** A value compared as written: no wildcard, variable or documentation placeholder (other rules judge those). */
function literal(value: string, key: string): boolean {
  if (value === '' || /[*?]|\$\{/.test(value)) return false;
  return findPlaceholders(value, 'conditionValue', { conditionKey: key }).length === 0;
}

function isRegion(value: string): boolean {
  return REGIONS.has(value) || PARTITIONS.some((p) => p.regionPattern.test(value));
}

function isEpoch(value: unknown): boolean {
  return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d{9,}$/.test(value));
}
