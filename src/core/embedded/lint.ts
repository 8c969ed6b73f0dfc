import type { IamIndex } from '../iam';
import { lintText, LineMap, type LintConfig, type LintFinding, type LintSuggestion } from '../lint';
import { allRules, ruleById } from '../rules';
import { formatMessage, type Edit, type PolicyRule, type Severity } from '../rules/rule';
import { project, VARIANTS, type Projection, type ProjectedNode } from './project';
import type { EmbeddedPolicy, ExtractedTemplate, SourceSpan, TemplateFinding, TemplateFormat } from './types';

/**
 * Lints the policies a template holds, with every rule, and reports on the template's own text.
 *
 * Each policy is projected to JSON (src/core/embedded/project.ts) and linted as its kind. A policy that the source
 * holds as exact JSON text, with nothing unknown, is linted as it stands and its findings and fixes shift into place.
 * A policy with unknown values is linted in up to three variants of stand-ins; a finding is kept only when every
 * variant gives it at the same place, and never when it is about a stand-in. Findings map back to the innermost
 * source element; a fix is kept only when each of its edits falls inside one literal string that the source can
 * rewrite exactly (see LiteralWriter).
 */

/** Options for {@link lintTemplate}. */
export interface TemplateLintOptions {
  /** The file's name or path, for messages. */
  fileName: string;
  /** Reads the template; the format's extractor (src/core/embedded/index.ts picks one from the file name). */
  extract: (text: string) => ExtractedTemplate | Promise<ExtractedTemplate>;
  config?: LintConfig;
  iam?: IamIndex;
  /** Milliseconds the rules may take on each policy (see LintOptions.budgetMs). */
  budgetMs?: number;
}

/** What linting a template found. */
export interface TemplateLintResult {
  format: TemplateFormat;
  /** In the template's offsets and ranges, sorted by offset. */
  findings: LintFinding[];
  policies: EmbeddedPolicy[];
  /** Values the rules could not judge because they are wholly unknown offline (a whole policy counts once). */
  unknownValues: number;
}

/** Lints one template text; never throws for any text the extractor accepts. */
export async function lintTemplate(text: string, options: TemplateLintOptions): Promise<TemplateLintResult> {
  const extracted = await options.extract(text);
  const lines = new LineMap(text);
  const findings: LintFinding[] = [];
  const overrides = options.config?.rules ?? {};
  for (const f of extracted.findings) {
    const finding = templateFinding(f, lines, overrides[f.ruleId]);
    if (finding) findings.push(finding);
  }
  let unknownValues = 0;
  // Templates repeat policies (the same trust policy on every role): each distinct text and kind is linted once.
  const cache: LintCache = new Map();
  for (const policy of extracted.policies) {
    if (policy.value.type === 'unknown' && policy.value.shape === 'opaque') {
      unknownValues++;
      continue;
    }
    const result = await lintPolicy(policy, options, lines, cache);
    unknownValues += result.unknownValues;
    findings.push(...result.findings);
  }
  findings.sort((a, b) => a.offset - b.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { format: extracted.format, findings, policies: extracted.policies, unknownValues };
}

/** A finding the extractor made, formatted as the engine formats a rule's. */
function templateFinding(f: TemplateFinding, lines: LineMap, configured: string | undefined): LintFinding | undefined {
  if (configured === 'off') return undefined;
  const rule = ruleById(f.ruleId);
  const messages = rule?.meta.messages ?? {};
  const suggestions = rule?.meta.hasSuggestions
    ? f.suggestions
        ?.filter((s) => s.fix.length > 0)
        .map((s): LintSuggestion => ({ messageId: s.messageId, message: formatMessage(messages[s.messageId] ?? s.messageId, { ...f.data, ...s.data }), fix: s.fix, ...(s.data ? { data: s.data } : {}) }))
    : undefined;
  return {
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: (configured as Severity | undefined) ?? f.severity ?? rule?.meta.defaultSeverity ?? 'error',
    message: formatMessage(messages[f.messageId] ?? f.messageId, f.data),
    offset: f.span.offset,
    length: f.span.length,
    range: lines.range(f.span.offset, f.span.length),
    data: f.data,
    fix: rule?.meta.fixable && f.fix && f.fix.length > 0 ? f.fix : undefined,
    ...(suggestions && suggestions.length > 0 ? { suggestions } : {}),
  };
}

/** Findings by kind and policy text, for one template: lintText is pure for given options. */
type LintCache = Map<string, Promise<LintFinding[]>>;

/** Lints one embedded policy and maps what it finds onto the template. */
export async function lintPolicy(
  policy: EmbeddedPolicy,
  options: Omit<TemplateLintOptions, 'extract'>,
  lines: LineMap,
  cache: LintCache = new Map(),
): Promise<{ findings: LintFinding[]; unknownValues: number; projection: Projection }> {
  const first = project(policy.value, 0);
  const lintOptions = { kind: policy.kind, config: options.config, iam: options.iam, budgetMs: options.budgetMs, fileName: options.fileName };
  const lint = (text: string, rules?: readonly PolicyRule[]): Promise<LintFinding[]> => {
    const key = `${policy.kind}\u0000${rules ? rules.map((r) => r.id).join(',') : '*'}\u0000${text}`;
    let found = cache.get(key);
    if (!found) {
      found = lintText(text, rules ? { ...lintOptions, rules } : lintOptions).then((r) => r.findings);
      cache.set(key, found);
    }
    return found;
  };
  if (policy.verbatim !== undefined && !first.hasUnknown) {
    const base = policy.value.span.offset;
    const findings = await lint(policy.verbatim);
    const shift = (edits: Edit[] | undefined): Edit[] | undefined => edits?.map((e) => ({ ...e, offset: e.offset + base }));
    return {
      findings: findings.map((f) => ({
        ...f,
        offset: f.offset + base,
        range: lines.range(f.offset + base, f.length),
        fix: shift(f.fix),
        ...(f.suggestions ? { suggestions: f.suggestions.map((s) => ({ ...s, fix: shift(s.fix) as Edit[] })) } : {}),
      })),
      unknownValues: 0,
      projection: first,
    };
  }
  const mapped = (await lint(first.text)).flatMap((f) => mapFinding(f, first, lines));
  if (!first.hasUnknown || mapped.length === 0) return { findings: mapped, unknownValues: first.unknownValues, projection: first };
  // Only what every variant finds, at the same place, is about what is known. The other variants need only the rules
  // that found something in the first.
  let kept = mapped;
  for (let variant = 1; variant < VARIANTS && kept.length > 0; variant++) {
    const other = project(policy.value, variant);
    const rules = allRules.filter((r) => kept.some((f) => f.ruleId === r.id));
    const seen = new Set((await lint(other.text, rules)).flatMap((f) => mapFinding(f, other, lines)).map(findingKey));
    kept = kept.filter((f) => seen.has(findingKey(f)));
  }
  return { findings: kept.map((f) => withSourceText(f, first)), unknownValues: first.unknownValues, projection: first };
}

function findingKey(f: LintFinding): string {
  return `${f.ruleId}\u0000${f.messageId}\u0000${f.offset}\u0000${f.length}`;
}

/** Messages name values as the source writes them (`arn:${AWS::Partition}:…`), not as projected. */
function withSourceText(f: LintFinding, projection: Projection): LintFinding {
  if (projection.displays.length === 0) return f;
  const displays = [...projection.displays].filter(([p]) => p.length > 0).sort((a, b) => b[0].length - a[0].length);
  const rewrite = (s: string): string => displays.reduce((out, [projected, source]) => out.split(projected).join(source), s);
  return {
    ...f,
    message: rewrite(f.message),
    ...(f.data ? { data: Object.fromEntries(Object.entries(f.data).map(([k, v]) => [k, rewrite(v)])) } : {}),
    ...(f.suggestions ? { suggestions: f.suggestions.map((s) => ({ ...s, message: rewrite(s.message) })) } : {}),
  };
}

/** The innermost projected node holding a range of the projected text, or undefined when none holds it. */
export function innermostNode(projection: Projection, offset: number, length: number, accept: (n: ProjectedNode) => boolean = () => true): ProjectedNode | undefined {
  let best: ProjectedNode | undefined;
  for (const n of projection.nodes) {
    if (n.offset > offset) break;
    if (offset + length <= n.offset + n.length && accept(n) && (!best || n.depth >= best.depth)) best = n;
  }
  return best;
}

/** Whether a node is a stand-in or lies inside one. */
function insideStandIn(projection: Projection, node: ProjectedNode): boolean {
  if (node.opaque) return true;
  return projection.nodes.some((n) => n.opaque && n.offset <= node.offset && node.offset + node.length <= n.offset + n.length);
}

/**
 * Where a range of the projected text is in the source: the innermost element holding it, or, inside a literal the
 * source spells as it stands, the same characters. Undefined when it is about a stand-in (or inside one).
 */
export function sourceSpanOf(projection: Projection, offset: number, length: number): SourceSpan | undefined {
  const node = innermostNode(projection, offset, length);
  if (!node || insideStandIn(projection, node)) return undefined;
  // Part of a string spelled as it stands in the source (a slice of an ARN): the same part there.
  const literal = literalOf(node);
  if (literal?.contentOffset !== undefined && !(offset === node.offset && length === node.length) && spelledPlainly(literal.text)) {
    const from = Math.max(0, offset - node.offset - 1);
    const to = Math.min(literal.text.length, from + length);
    return { offset: literal.contentOffset + from, length: to - from };
  }
  return node.span;
}

/** A finding on the projected text, placed on the source; none when it is about a stand-in. */
function mapFinding(f: LintFinding, projection: Projection, lines: LineMap): LintFinding[] {
  const span = sourceSpanOf(projection, f.offset, f.length);
  if (!span) return [];
  const { offset, length } = span;
  const fix = f.fix ? mapEdits(f.fix, projection) : undefined;
  const suggestions = f.suggestions?.flatMap((s) => {
    const edits = mapEdits(s.fix, projection);
    return edits ? [{ ...s, fix: edits }] : [];
  });
  return [
    {
      ...f,
      offset,
      length,
      range: lines.range(offset, length),
      fix,
      suggestions: suggestions && suggestions.length > 0 ? suggestions : undefined,
    },
  ];
}

/** A literal string node's text, the offset where the source spells it and how to rewrite it. */
export function literalOf(node: ProjectedNode): { text: string; contentOffset?: number; write?: (value: string) => string | undefined } | undefined {
  if (node.role === 'value' && node.value?.type === 'string') {
    return { text: node.value.value, contentOffset: node.value.contentOffset, write: node.value.write };
  }
  if (node.role === 'key' && node.entry) return { text: node.entry.key, contentOffset: node.entry.keyContentOffset, write: node.entry.writeKey };
  return undefined;
}

/** True when JSON writes a string with one character per character (no escapes), so offsets inside it carry over. */
export function spelledPlainly(text: string): boolean {
  return JSON.stringify(text).length === text.length + 2;
}

/**
 * Edits of the projected text as edits of the source: each must fall inside one literal string (value or key) that
 * the source can rewrite, and the edited JSON must still be a string there. Otherwise undefined: no fix is offered.
 */
export function mapEdits(edits: readonly Edit[], projection: Projection): Edit[] | undefined {
  const groups = new Map<ProjectedNode, Edit[]>();
  for (const e of edits) {
    const node = innermostNode(projection, e.offset, e.length, (n) => literalOf(n)?.write !== undefined);
    if (!node || node.opaque) return undefined;
    const group = groups.get(node) ?? [];
    group.push(e);
    groups.set(node, group);
  }
  const out: Edit[] = [];
  for (const [node, group] of groups) {
    let raw = projection.text.slice(node.offset, node.offset + node.length);
    for (const e of [...group].sort((a, b) => b.offset - a.offset)) {
      const at = e.offset - node.offset;
      raw = raw.slice(0, at) + e.content + raw.slice(at + e.length);
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
    const content = typeof value === 'string' ? literalOf(node)?.write?.(value) : undefined;
    if (content === undefined) return undefined;
    out.push({ offset: node.span.offset, length: node.span.length, content });
  }
  return out;
}
