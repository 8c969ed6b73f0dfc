import type { IamIndex, IamResourceType } from '../iam';
import { arnFieldOffset, parseArn, type ArnParts } from './arn';
import type { Located, Statement } from './types';

/** ARN field indexes as {@link arnFieldOffset} counts them. */
export const ARN_FIELD = { partition: 1, service: 2, region: 3, account: 4, resource: 5 } as const;

/** One Resource or NotResource string of a statement that parses as an ARN. */
export interface ResourceArn {
  item: Located<string>;
  arn: ArnParts;
  /** True for NotResource items. */
  negated: boolean;
}

/** Longer strings are not ARNs anyone wrote by hand; skipping them keeps the rules linear. */
export const MAX_ARN_LENGTH = 2048;

/** The Resource and NotResource strings of a statement, Resource first. */
export function resourceItems(st: Statement): { item: Located<string>; negated: boolean }[] {
  return [
    ...(st.resource?.items ?? []).map((item) => ({ item, negated: false })),
    ...(st.notResource?.items ?? []).map((item) => ({ item, negated: true })),
  ];
}

/** The Resource and NotResource strings of a statement that parse as ARNs. */
export function resourceArns(st: Statement): ResourceArn[] {
  const out: ResourceArn[] = [];
  for (const { item, negated } of resourceItems(st)) {
    if (item.value.length > MAX_ARN_LENGTH) continue;
    const arn = parseArn(item.value);
    if (arn) out.push({ item, arn, negated });
  }
  return out;
}

/** True when the text holds a policy variable such as `${aws:username}`. */
export function hasPolicyVariable(text: string): boolean {
  return text.includes('${');
}

/** True for a field IAM matches against an empty value: "" or only `*`. */
export function matchesEmpty(field: string): boolean {
  return /^\**$/.test(field);
}

/** The ARN text with one field (see {@link ARN_FIELD}) replaced; colons inside policy variables are kept. */
export function withArnField(text: string, index: number, value: string): string {
  const start = arnFieldOffset(text, index);
  const end = index >= ARN_FIELD.resource ? text.length : arnFieldOffset(text, index + 1) - 1;
  return text.slice(0, start) + value + text.slice(end);
}

/**
 * The ARN templates of a resource type: the data joins several with ", " when one type has more than one form
 * (apigateway's `authorizer` is an /apis/… and a /restapis/… ARN).
 */
export function templatesOf(type: Pick<IamResourceType, 'arn'>): string[] {
  let forms = templateForms.get(type.arn);
  if (!forms) {
    forms = type.arn.split(/,\s*(?=arn:)/);
    templateForms.set(type.arn, forms);
  }
  return forms;
}

const templateForms = new Map<string, string[]>();
const ownTypes = new WeakMap<IamIndex, Map<string, IamResourceType[]>>();

/**
 * The resource types of `service` whose ARN template names `service` itself (a service's list also holds
 * the types of other services its actions use, such as ssm's `instance`, which is an ec2 ARN).
 */
export function ownResourceTypes(iam: IamIndex, service: string): IamResourceType[] {
  const lower = service.toLowerCase();
  let byService = ownTypes.get(iam);
  if (!byService) {
    byService = new Map();
    ownTypes.set(iam, byService);
  }
  const cached = byService.get(lower);
  if (cached) return cached;
  const own = iam.resourceTypes(lower).filter((rt) => templatesOf(rt).some((t) => parseArn(t)?.service.toLowerCase() === lower));
  // The data only grows as services load; an empty answer may just mean "not loaded yet".
  if (own.length > 0) byService.set(lower, own);
  return own;
}

/** True when the policy ARN can match some resource of the type, in any of its templates (see {@link arnCanMatch}). */
export function arnCanMatchType(arn: string, type: Pick<IamResourceType, 'arn'>): boolean {
  return templatesOf(type).some((t) => arnCanMatch(arn, t));
}

// One character of an ARN (a literal, or `?` for any character), or a run: any text without ':'
// (a `*` inside a segment, a template variable) or any text at all.
type Token = { kind: 'lit'; ch: string } | { kind: 'one' } | { kind: 'run'; colons: boolean };

const templateTokens = new Map<string, Token[]>();

// Tokens are never modified, so one object serves every occurrence: a tokenized ARN allocates its array only.
const RUN_ANY: Token = { kind: 'run', colons: true };
const RUN_FIELD: Token = { kind: 'run', colons: false };
const ONE: Token = { kind: 'one' };
const literals = new Map<string, Token>();

/** The literal token of a character, lower case. */
function literal(ch: string): Token {
  let tk = literals.get(ch);
  if (!tk) {
    tk = { kind: 'lit', ch: ch.toLowerCase() };
    // Characters are few (ARNs are mostly ASCII); a text of many distinct ones does not grow the table without end.
    if (literals.size > 4096) literals.clear();
    literals.set(ch, tk);
  }
  return tk;
}

/**
 * True when some ARN can match both the policy's ARN pattern and the IAM-data template, compared as whole strings.
 * IAM lets a `*` that ends an ARN segment match across colons ("arn:aws:secretsmanager:*:*:name*" matches
 * "…:123456789012:secret:name-AbCdEf"), so the policy's final `*`, its policy variables and (see tokenizePolicy)
 * an end-of-field `*` stand for any text; any other `*` for text without colons. A template variable stands for any text without a colon, even
 * none (AWS-owned SSM documents have no account; resource names hold no colons, the template spells out the
 * colons of nested names), a template `*` for any text. Case is ignored. Never true for an ARN that cannot match, so rules built on it stay silent when unsure.
 */
export function arnCanMatch(policyArn: string, template: string): boolean {
  // Rules ask about every template of a service for each ARN, and policies repeat ARNs: answer each pair once. Nested
  // maps key on the two strings as they are (their hashes are computed once), with no key string built per call.
  let known = matchResults.get(policyArn);
  if (!known) {
    if (matchResults.size > 20_000) matchResults.clear();
    known = { results: new Map(), tokens: undefined };
    matchResults.set(policyArn, known);
  }
  let met = known.results.get(template);
  if (met === undefined) {
    met = arnCanMatchUncached(policyArn, known, template);
    known.results.set(template, met);
  }
  return met;
}

/** What is known about one policy ARN: its answers per template, and its tokens once a template needed them. */
interface PolicyArnFacts {
  results: Map<string, boolean>;
  /** The ARN as tokens when it has a wildcard or variable, its lower-case text otherwise; undefined until asked. */
  tokens: Token[] | string | undefined;
}

const matchResults = new Map<string, PolicyArnFacts>();

function arnCanMatchUncached(policyArn: string, known: PolicyArnFacts, template: string): boolean {
  if (!alignedPrefixesMeet(policyArn, template)) return false;
  let t = templateTokens.get(template);
  if (!t) {
    t = tokenizeTemplate(template);
    if (templateTokens.size > 20_000) templateTokens.clear();
    templateTokens.set(template, t);
  }
  // Most policy ARNs have no wildcard or variable: then the intersection is a plain match against the template.
  known.tokens ??= /[*?]|\$\{/.test(policyArn) ? tokenizePolicy(policyArn) : policyArn.toLowerCase();
  return typeof known.tokens === 'string' ? tokensMatch(t, known.tokens) : intersects(known.tokens, t);
}

/** Reach sets reused by {@link tokensMatch} and {@link intersects}: one array each, grown when a longer ARN needs it. */
let reachA = new Uint8Array(256);
let reachB = new Uint8Array(256);
let reachGrid = new Uint8Array(4096);

/**
 * True when a literal text (lower case) is one the tokens stand for: what {@link intersects} does for a literal ARN.
 * Every token position is followed at once, left to right, so a test costs at most text × tokens steps; the RegExp
 * this replaces (a `[^]*` per template run) backtracked polynomially on long ARNs that fail near the end.
 */
function tokensMatch(tokens: readonly Token[], text: string): boolean {
  const m = tokens.length;
  if (reachA.length < m + 1) {
    reachA = new Uint8Array(2 * (m + 1));
    reachB = new Uint8Array(2 * (m + 1));
  }
  // Each step fills `next` from `current`: the token positions reachable after one more character.
  let current = reachA;
  let next = reachB;
  current.fill(0, 0, m + 1);
  current[0] = 1;
  skipRuns(tokens, current);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    next.fill(0, 0, m + 1);
    let alive = false;
    for (let j = 0; j < m; j++) {
      if (current[j] !== 1) continue;
      const tk = tokens[j] as Token;
      if (tk.kind === 'run') {
        if (tk.colons || ch !== ':') {
          next[j] = 1;
          alive = true;
        }
      } else if (tk.kind === 'one' || tk.ch === ch) {
        next[j + 1] = 1;
        alive = true;
      }
    }
    if (!alive) return false;
    skipRuns(tokens, next);
    const filled = next;
    next = current;
    current = filled;
  }
  return current[m] === 1;
}

/** Marks the positions after runs that can match nothing. */
function skipRuns(tokens: readonly Token[], reach: Uint8Array): void {
  for (let j = 0; j < tokens.length; j++) if (reach[j] === 1 && tokens[j]?.kind === 'run') reach[j + 1] = 1;
}

/**
 * A cheap necessary condition, for policy ARNs whose fields cannot reach across colons (no policy variable before
 * the resource, a resource part with a type word): then service and resource line up with the template's, and
 * their literal starts must agree.
 */
function alignedPrefixesMeet(policyArn: string, template: string): boolean {
  const a = alignedView(policyArn);
  const t = alignedView(template);
  if (!a || !t) return true;
  // Literal partition and service fields line up whatever the resource holds (a template variable or `*` before the
  // resource takes no colon; a policy `?`, `*` or variable there could): then another service's template cannot match.
  if (a.service !== undefined && t.service !== undefined && a.service !== t.service && !/[*?]|\$\{/.test(a.partition) && !t.partition.includes('?')) return false;
  if (!a.aligned) return true;
  if (a.service !== undefined && t.service !== undefined && a.service !== t.service) return false;
  const n = Math.min(a.prefix.length, t.prefix.length);
  return a.prefix.slice(0, n) === t.prefix.slice(0, n);
}

interface AlignedView {
  /** False when a field may reach across colons, so nothing lines up. */
  aligned: boolean;
  /** The literal service, lower case; undefined when it holds a wildcard or variable. */
  service: string | undefined;
  /** The literal start of the resource part, lower case. */
  prefix: string;
  /** The partition field as written. */
  partition: string;
}

const views = new Map<string, AlignedView | null>();

function alignedView(arn: string): AlignedView | undefined {
  const cached = views.get(arn);
  if (cached !== undefined) return cached ?? undefined;
  const parts = parseArn(arn);
  const view = parts
    ? {
        aligned: /[/:]/.test(parts.resource) && !hasPolicyVariable(`${parts.partition}:${parts.service}:${parts.region}:${parts.account}`.replace(/\$\{(Partition|Region|Account)\}/g, '')),
        service: /[*?]|\$\{/.test(parts.service) ? undefined : parts.service.toLowerCase(),
        prefix: (parts.resource.split(/[*?]|\$\{/)[0] ?? '').toLowerCase(),
        partition: parts.partition,
      }
    : null;
  if (views.size > 20_000) views.clear();
  views.set(arn, view);
  return view ?? undefined;
}

function tokenizePolicy(text: string): Token[] {
  // A `*` ending the region or account field is only taken to reach into the resource when the resource part has no
  // type word ("sqlworkbench!*"): after "*:*:instance/*" nobody means an instance/ inside another type's name.
  const resource = parseArn(text)?.resource ?? '';
  const fieldSpan = !/[/:]/.test(resource);
  const out: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close > 0) {
        out.push(RUN_ANY);
        i = close;
        continue;
      }
    }
    if (ch === '*') out.push(i + 1 >= text.length || (fieldSpan && text[i + 1] === ':') ? RUN_ANY : RUN_FIELD);
    else if (ch === '?') out.push(ONE);
    else out.push(literal(ch));
  }
  return out;
}

function tokenizeTemplate(text: string): Token[] {
  const out: Token[] = [];
  const resourceStart = arnFieldOffset(text, ARN_FIELD.resource);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close > 0) {
        out.push(i >= resourceStart ? RUN_ANY : RUN_FIELD);
        i = close;
        continue;
      }
    }
    // A template's `*` in the region or account field stands for one field; in the resource part for any text.
    if (ch === '*') out.push(i >= resourceStart ? RUN_ANY : RUN_FIELD);
    else if (ch === '?') out.push(ONE);
    else out.push(literal(ch));
  }
  return out;
}

/** Can one character be produced by both single-character tokens? */
function charsMeet(a: Token, b: Token): boolean {
  return a.kind === 'lit' && b.kind === 'lit' ? a.ch === b.ch : true;
}

/** Can a run absorb the character of a single-character token? */
function runTakes(run: Token, single: Token): boolean {
  if (run.kind !== 'run' || run.colons) return true;
  return !(single.kind === 'lit' && single.ch === ':');
}

/** True when the languages of two token sequences intersect (a string matched by both exists). */
function intersects(p: Token[], q: Token[]): boolean {
  const n = p.length;
  const m = q.length;
  const width = m + 1;
  const size = (n + 1) * width;
  // (A grid over a megabyte, from ARNs near MAX_ARN_LENGTH, is not kept.)
  if (reachGrid.length < size && size <= 1 << 20) reachGrid = new Uint8Array(2 * size);
  const reach = reachGrid.length >= size ? reachGrid : new Uint8Array(size);
  reach.fill(0, 0, size);
  reach[0] = 1;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (!reach[i * width + j]) continue;
      const a = p[i];
      const b = q[j];
      if (a?.kind === 'run') reach[(i + 1) * width + j] = 1;
      if (b?.kind === 'run') reach[i * width + j + 1] = 1;
      if (!a || !b) continue;
      if (a.kind === 'run' && b.kind !== 'run' && runTakes(a, b)) reach[i * width + j + 1] = 1;
      else if (b.kind === 'run' && a.kind !== 'run' && runTakes(b, a)) reach[(i + 1) * width + j] = 1;
      else if (a.kind !== 'run' && b.kind !== 'run' && charsMeet(a, b)) reach[(i + 1) * width + j + 1] = 1;
    }
  }
  return reach[n * width + m] === 1;
}
