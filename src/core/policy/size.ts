/**
 * Policy size as AWS counts it against its quotas.
 *
 * IAM: "IAM doesn't count white space when calculating the size of a policy against these quotas" (IAM and AWS
 * STS quotas). The white space meant is the layout between JSON tokens, the part a minifier removes; spaces inside
 * a string value are part of the value and are counted here. Comments (JSON with comments) are not counted either:
 * IAM rejects them, so they must be removed before the policy is saved.
 *
 * AWS Organizations (SCPs): every character counts, layout included, when the policy is saved through the API or
 * CLI; the console removes the white space outside quotation marks before saving.
 */

/** The quota of an IAM managed policy (identity policies), in characters without white space. */
export const MANAGED_POLICY_QUOTA = 6144;
/** The inline-policy totals per identity (the sum over all inline policies of one user, group or role). */
export const INLINE_POLICY_QUOTAS = { user: 2048, group: 5120, role: 10240 } as const;
/** The default quota of a role trust policy ("Role trust policy length"), adjustable through Service Quotas. */
export const TRUST_POLICY_QUOTA = 2048;
/** The most the role trust policy quota can be raised to through Service Quotas. */
export const TRUST_POLICY_QUOTA_MAX = 4096;
/** The AWS Organizations maximum size of a service control policy, every character counted. */
export const SCP_QUOTA = 5120;

/** The size of a policy text, counted two ways. */
export interface PolicySizes {
  /** Characters without the white space (and comments) outside string values: how IAM counts. */
  minified: number;
  /** Characters as written, from the first to the last non-white-space character, comments excluded. */
  raw: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const STAR = 0x2a;
const BOM = 0xfeff;

function isLayout(code: number): boolean {
  return code === SPACE || code === TAB || code === LF || code === CR;
}

/**
 * Counts a policy text in one linear pass: `minified` as IAM counts it, `raw` as AWS Organizations counts a
 * document saved through the API. Never throws; works on any text, JSON or not.
 */
export function measurePolicySize(text: string): PolicySizes {
  if (typeof text !== 'string') return { minified: 0, raw: 0 };
  const n = text.length;
  let minified = 0;
  let commentChars = 0;
  let inString = false;
  let i = n > 0 && text.charCodeAt(0) === BOM ? 1 : 0;
  const start = i;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH && i + 1 < n) {
        minified += 2;
        i += 2;
        continue;
      }
      // A line break ends an unterminated string (the JSON is broken; keep counting sensibly).
      if (code === QUOTE || code === LF || code === CR) inString = false;
      if (code !== LF && code !== CR) minified++;
      i++;
      continue;
    }
    if (isLayout(code)) {
      i++;
      continue;
    }
    if (code === SLASH && i + 1 < n) {
      const next = text.charCodeAt(i + 1);
      if (next === SLASH) {
        let end = i + 2;
        while (end < n && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
        commentChars += end - i;
        i = end;
        continue;
      }
      if (next === STAR) {
        const close = text.indexOf('*/', i + 2);
        const end = close < 0 ? n : close + 2;
        commentChars += end - i;
        i = end;
        continue;
      }
    }
    if (code === QUOTE) inString = true;
    minified++;
    i++;
  }
  let first = start;
  while (first < n && isLayout(text.charCodeAt(first))) first++;
  let last = n;
  while (last > first && isLayout(text.charCodeAt(last - 1))) last--;
  // Comments at the very start or end lie inside [first, last) too, so subtracting them all stays exact.
  const raw = Math.max(0, last - first - commentChars);
  return { minified, raw };
}

/** The size of a policy as IAM counts it: every character except the white space (and comments) outside strings. */
export function policySize(text: string): number {
  return measurePolicySize(text).minified;
}
