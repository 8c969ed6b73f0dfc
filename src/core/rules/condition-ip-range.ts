import { replaceNode } from '../policy/edits';
import { parseOperator } from '../policy/condition-operators';
import type { Located } from '../policy/types';
import type { Finding, PolicyRule } from './rule';

/** IPv4 ranges that never reach AWS as a public source address: RFC 1918, loopback, link-local, carrier-grade NAT. */
const PRIVATE_V4: [number, number][] = [
  [ipv4('10.0.0.0'), 8],
  [ipv4('172.16.0.0'), 12],
  [ipv4('192.168.0.0'), 16],
  [ipv4('127.0.0.0'), 8],
  [ipv4('169.254.0.0'), 16],
  [ipv4('100.64.0.0'), 10],
];

/** aws:SourceIp compared with private ranges, and CIDR ranges with bits set after the prefix. */
export const conditionIpRange: PolicyRule = {
  id: 'condition-ip-range',
  meta: {
    description: 'aws:SourceIp sees only public addresses, so private ranges under it never match; CIDR ranges should have no bits set after the prefix.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      privateOnly:
        '"aws:SourceIp" is the public address a request comes from, so it is never in {{ranges}}: this condition never matches. For requests through a VPC endpoint compare "aws:VpcSourceIp" (with "aws:SourceVpc"); otherwise list public ranges.',
      privateOnlyNegated:
        '"aws:SourceIp" is the public address a request comes from, so it is never in {{ranges}}: {{operator}} is always true and restricts nothing. For requests through a VPC endpoint compare "aws:VpcSourceIp"; otherwise list public ranges.',
      privateMixed:
        '"{{value}}" is a private range, which "aws:SourceIp" never holds (it is the public source address), so this value matches nothing. Compare private ranges with "aws:VpcSourceIp" in a separate condition.',
      privateMixedNegated:
        '"{{value}}" is a private range, which "aws:SourceIp" never holds, so excluding it with {{operator}} changes nothing. Compare private ranges with "aws:VpcSourceIp" in a separate condition.',
      hostBits: '"{{value}}" has bits set after its /{{prefix}} prefix; IAM ignores them, so the range is "{{suggestion}}". Write it that way.',
      writeRange: 'Write the range as "{{suggestion}}"',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const op of st.condition?.operators ?? []) {
        const parsed = parseOperator(op.operator);
        if (!parsed.known || parsed.valueType !== 'IPAddress') continue;
        for (const entry of op.entries) {
          const ranges = entry.values.filter((v): v is Located<string> => typeof v.value === 'string').map((v) => ({ v, range: parseRange(v.value) }));
          for (const { v, range } of ranges) {
            if (!range) continue;
            const normal = normalized(range);
            // A suggestion, not a fix: that IAM reads "10.0.0.1/24" as "10.0.0.0/24" is documented behaviour, not
            // something the policy text proves, and the author may have meant the single address or another prefix.
            if (normal && normal !== v.value) {
              findings.push({ messageId: 'hostBits', node: v.node, severity: 'info', data: { value: v.value, prefix: String(range.prefix), suggestion: normal }, suggestions: [{ messageId: 'writeRange', fix: replaceNode(v.node, normal) }] });
            }
          }
          if (entry.key.toLowerCase() !== 'aws:sourceip') continue;
          const judged = ranges.filter((r) => r.range);
          if (judged.length === 0 || judged.length !== ranges.length) continue;
          const privates = judged.filter((r) => r.range && isPrivate(r.range));
          if (privates.length === 0) continue;
          const operator = op.operator;
          if (privates.length === judged.length) {
            const shown = privates.map((p) => `"${p.v.value}"`).slice(0, 3).join(', ');
            findings.push({ messageId: parsed.negated ? 'privateOnlyNegated' : 'privateOnly', node: entry.keyNode, data: { ranges: shown, operator } });
          } else {
            for (const p of privates) {
              findings.push({ messageId: parsed.negated ? 'privateMixedNegated' : 'privateMixed', node: p.v.node, severity: 'info', data: { value: p.v.value, operator } });
            }
          }
        }
      }
    }
    return findings;
  },
};

interface Range {
  v6: boolean;
  /** The address as a bigint (IPv4 in 32 bits, IPv6 in 128). */
  address: bigint;
  prefix: number;
  text: string;
}

function ipv4(text: string): number {
  return text.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** An IPv4 or IPv6 address or CIDR range; undefined for anything else (condition-value-type reports those). */
function parseRange(text: string): Range | undefined {
  const [addr = '', prefixText, extra] = text.split('/');
  if (extra !== undefined) return undefined;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(addr)) {
    const parts = addr.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    if (!/^\d{1,2}$/.test(prefixText ?? '32') || prefix > 32) return undefined;
    return { v6: false, address: BigInt(ipv4(addr)), prefix, text: addr };
  }
  if (!addr.includes(':') || /[^0-9a-f:]/i.test(addr)) return undefined;
  const halves = addr.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0 || [...head, ...tail].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const prefix = prefixText === undefined ? 128 : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? '128') || prefix > 128) return undefined;
  return { v6: true, address: groups.reduce((n, g) => (n << 16n) + BigInt(parseInt(g, 16)), 0n), prefix, text: addr };
}

/** The range written with its host bits cleared, or undefined when it has none set. */
function normalized(range: Range): string | undefined {
  const bits = range.v6 ? 128 : 32;
  const host = bits - range.prefix;
  const mask = ((1n << BigInt(host)) - 1n);
  if ((range.address & mask) === 0n) return undefined;
  const network = range.address & ~mask;
  return `${range.v6 ? formatV6(network) : formatV4(network)}/${range.prefix}`;
}

function formatV4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');
}

function formatV6(n: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => ((n >> BigInt((7 - i) * 16)) & 0xffffn).toString(16));
  // Compress the longest run of zero groups, as RFC 5952 writes it.
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/** True when the whole range lies in private, loopback or link-local space. */
function isPrivate(range: Range): boolean {
  if (!range.v6) {
    return PRIVATE_V4.some(([net, len]) => range.prefix >= len && (Number(range.address) >>> (32 - len)) === (net >>> (32 - len)));
  }
  const top = range.address >> 112n;
  if (range.prefix >= 7 && (top & 0xfe00n) === 0xfc00n) return true; // fc00::/7 unique local
  if (range.prefix >= 10 && (top & 0xffc0n) === 0xfe80n) return true; // fe80::/10 link-local
  return range.prefix === 128 && range.address === 1n; // ::1
}
