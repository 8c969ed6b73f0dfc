import { getCompletions, getHover, type LanguageOptions, type PolicyCompletionItem, type PolicyHover } from '../language';
import { literalOf, sourceSpanOf, spelledPlainly } from './lint';
import { project, type Projection } from './project';
import type { EmbeddedPolicy, ExtractedTemplate, SourceSpan, TemplateValue } from './types';

/**
 * Hover and completion inside the policies a template holds: the cursor is carried into the policy's JSON projection
 * (exactly inside a literal the source spells as it stands), the policy language features answer there, and their
 * ranges come back onto the source. Nothing is offered inside a value that is not literal.
 */

/** The policy under a source offset, its projection, and the offset there. */
export interface EmbeddedCursor {
  policy: EmbeddedPolicy;
  projection: Projection;
  offset: number;
  /** Set when the cursor is inside a literal spelled as it stands: the source offset of the literal's first character. */
  literal?: { contentOffset: number; length: number; projectedOffset: number };
}

/** The innermost policy whose document holds a source offset; one wholly unknown counts only when asked for. */
function policyAt(extracted: ExtractedTemplate, offset: number, unknownToo: boolean): EmbeddedPolicy | undefined {
  return extracted.policies
    .filter((p) => (unknownToo || p.value.type !== 'unknown') && contains(p.value.span, offset))
    .sort((a, b) => a.value.span.length - b.value.span.length)[0];
}

/** Carries a source offset into the innermost policy that holds it; undefined outside every policy. */
export function cursorInTemplate(extracted: ExtractedTemplate, offset: number): EmbeddedCursor | undefined {
  const policy = policyAt(extracted, offset, false);
  if (!policy) return undefined;
  const projection = project(policy.value, 0);
  let best: Projection['nodes'][number] | undefined;
  for (const node of projection.nodes) {
    if (node.opaque || node.role === 'property' || !contains(node.span, offset)) continue;
    if (!best || node.depth >= best.depth) best = node;
  }
  if (!best) return undefined;
  const literal = literalOf(best);
  const contentOffset = literal?.contentOffset;
  if (literal && contentOffset !== undefined && spelledPlainly(literal.text) && offset >= contentOffset && offset <= contentOffset + literal.text.length) {
    return { policy, projection, offset: best.offset + 1 + (offset - contentOffset), literal: { contentOffset, length: literal.text.length, projectedOffset: best.offset + 1 } };
  }
  return { policy, projection, offset: best.offset + (literal ? 1 : 0) };
}

function contains(span: SourceSpan, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

/** The hover of the policy element under a source offset, with its range on the source. */
export async function templateHover(extracted: ExtractedTemplate, offset: number, options: LanguageOptions = {}): Promise<PolicyHover | undefined> {
  const cursor = cursorInTemplate(extracted, offset);
  if (!cursor) return undefined;
  const hover = await getHover(cursor.projection.text, cursor.offset, { ...options, kind: cursor.policy.kind });
  if (!hover) return undefined;
  const span = sourceSpanOf(cursor.projection, hover.offset, hover.length);
  return span ? { ...hover, offset: span.offset, length: span.length } : undefined;
}

/**
 * Completions inside a literal of a policy, where an item only replaces characters of that literal and inserts plain
 * text (no quotes, no snippet): what the source can take as it is. None elsewhere.
 */
export async function templateCompletions(extracted: ExtractedTemplate, offset: number, options: LanguageOptions = {}): Promise<PolicyCompletionItem[]> {
  const cursor = cursorInTemplate(extracted, offset);
  const literal = cursor?.literal;
  if (!cursor || !literal) return [];
  const items = await getCompletions(cursor.projection.text, cursor.offset, { ...options, kind: cursor.policy.kind });
  const end = literal.projectedOffset + literal.length;
  return items.flatMap((item) => {
    const { offset: from, length } = item.range;
    if (item.snippet || /["\\]/.test(item.insertText) || from < literal.projectedOffset || from + length > end) return [];
    return [{ ...item, range: { offset: literal.contentOffset + (from - literal.projectedOffset), length } }];
  });
}

/** A policy of a template as plain JSON, or the first value that is not known offline. */
export type ResolvedPolicy =
  | { policy: EmbeddedPolicy; json: unknown; blockedBy?: undefined }
  | { policy: EmbeddedPolicy; blockedBy: { text: string; span: SourceSpan } };

/**
 * The policy under a source offset as the JSON it stands for, for commands that send it to AWS (Apply Policy to
 * Role): only when every value is known; otherwise the first value that is not (`!Ref Bucket`, `${var.arn}`).
 */
export function resolvedPolicyAt(extracted: ExtractedTemplate, offset: number): ResolvedPolicy | undefined {
  const policy = policyAt(extracted, offset, true);
  if (!policy) return undefined;
  const stack: TemplateValue[] = [policy.value];
  while (stack.length > 0) {
    const v = stack.pop() as TemplateValue;
    if (v.type === 'unknown') return { policy, blockedBy: { text: v.text, span: v.span } };
    if (v.type === 'template') {
      const part = v.parts.find((p) => typeof p !== 'string');
      return { policy, blockedBy: { text: typeof part === 'object' ? part.text : '', span: typeof part === 'object' ? part.span : v.span } };
    }
    if (v.type === 'object') for (let i = v.entries.length - 1; i >= 0; i--) stack.push((v.entries[i] as { value: TemplateValue }).value);
    if (v.type === 'array') for (let i = v.items.length - 1; i >= 0; i--) stack.push(v.items[i] as TemplateValue);
  }
  return { policy, json: toJson(policy.value) };
}

/** The JSON of a value with nothing unknown in it. */
function toJson(v: TemplateValue): unknown {
  switch (v.type) {
    case 'object':
      return Object.fromEntries(v.entries.map((e) => [e.key, toJson(e.value)]));
    case 'array':
      return v.items.map(toJson);
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return v.value;
    default:
      return null;
  }
}
