import { compileWildcardParts, templateParts, wildcardMatches, wildcardParts, type WildcardMatcher } from '../util/wildcard';

/** The six colon-separated fields of an ARN; `resource` keeps any further colons. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits an ARN into its fields, or returns undefined when it has fewer than six fields or no `arn` prefix. */
export function parseArn(text: string): ArnParts | undefined {
  if (!text.startsWith('arn:')) return undefined;
  // Many rules look at the same ARNs, and policies repeat them: split each text once.
  const cached = parsed.get(text);
  if (cached !== undefined) return cached ?? undefined;
  const parts = splitFields(text);
  const [, partition = '', service = '', region = '', account = ''] = parts;
  const arn = parts.length < 6 ? null : { partition, service, region, account, resource: parts[5] as string };
  if (text.length <= 2048) {
    if (parsed.size > 20_000) parsed.clear();
    parsed.set(text, arn);
  }
  return arn ?? undefined;
}

const parsed = new Map<string, ArnParts | null>();

/**
 * The colon positions that separate ARN fields; colons inside policy variables (`${aws:userid}`) do not count.
 * With `max`, only the first `max` of them (so a huge resource part is not scanned).
 */
export function arnFieldSeparators(text: string, max = Number.POSITIVE_INFINITY): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const ch = text[i];
    if (ch === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (ch === '}' && depth > 0) depth--;
    else if (ch === ':' && depth === 0) out.push(i);
  }
  return out;
}

function splitFields(text: string): string[] {
  // Five separators make the six fields; the resource part keeps any further colons.
  const cuts = arnFieldSeparators(text, 5);
  const parts: string[] = [];
  let start = 0;
  for (const c of cuts) {
    parts.push(text.slice(start, c));
    start = c + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Account fields that are names, not account IDs: "aws" (AWS managed policies), "partner" (AWS partner managed
 * policies, arn:aws:iam::partner:policy/…) and "cloudfront" (CloudFront origin access identities, an IAM user ARN).
 */
export function isNamedAccount(service: string, account: string): boolean {
  return account === 'aws' || (service.toLowerCase() === 'iam' && (account === 'partner' || account === 'cloudfront'));
}

/** Offset of field `index` (0 = "arn", 1 = partition, … 5 = resource) inside an ARN string. */
export function arnFieldOffset(text: string, index: number): number {
  if (index === 0) return 0;
  const cuts = arnFieldSeparators(text, index);
  const cut = cuts[index - 1];
  return cut === undefined ? text.length : cut + 1;
}

const templateCache = new Map<string, WildcardMatcher>();

/**
 * True when an ARN from a policy (which may hold `*` and `?` wildcards and policy variables)
 * can name a resource of the given IAM-data template, such as
 * `arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}`.
 * A wildcard in the policy may stand for any text, including a template's fixed parts.
 */
export function arnMatchesTemplate(arn: string, template: string): boolean {
  const a = parseArn(arn);
  const t = parseArn(template);
  if (!a || !t) return false;
  if (!fieldMatches(a.service, t.service)) return false;
  if (!fieldMatches(a.region, t.region) || !fieldMatches(a.account, t.account)) return false;
  return resourceMatches(a.resource, t.resource);
}

function fieldMatches(value: string, templateField: string): boolean {
  // A template variable may stand for any text, even none (AWS-owned SSM documents have no account).
  if (templateField.includes('${')) return true;
  // Some templates put a wildcard in a field (health: `arn:${Partition}:health:*::event/…`, braket `*:*`).
  if (/^\*+$/.test(templateField)) return true;
  if (value === '' || templateField === '') return value === templateField || /^\*+$/.test(value);
  if (/[*?]/.test(templateField)) return /[*?]/.test(value) || wildcardEquals(templateField, value);
  return wildcardEquals(value, templateField);
}

/** Does the policy's resource part (with wildcards) overlap the template's resource part (with ${Vars})? */
function resourceMatches(value: string, template: string): boolean {
  let matcher = templateCache.get(template);
  if (!matcher) {
    // A template variable stands for one or more characters; ARNs of nested names (paths) may contain '/' and ':'.
    // A `*` or `?` in the template itself (dms `endpoint:*`, health `…/*`) is a wildcard too.
    matcher = compileWildcardParts(templateParts(template, wildcardParts));
    templateCache.set(template, matcher);
  }
  if (!/[*?]|\$\{/.test(value)) return matcher.test(value);
  // The policy value has wildcards or variables: compare the literal prefix before the first one.
  const literalPrefix = value.split(/[*?]|\$\{/)[0] ?? '';
  const templatePrefix = template.split(/\$\{|[*?]/)[0] ?? '';
  const n = Math.min(literalPrefix.length, templatePrefix.length);
  return literalPrefix.slice(0, n).toLowerCase() === templatePrefix.slice(0, n).toLowerCase();
}

function wildcardEquals(value: string, literal: string): boolean {
  if (!/[*?]/.test(value)) return value.toLowerCase() === literal.toLowerCase();
  return wildcardMatches(value, literal);
}
