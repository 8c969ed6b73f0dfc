import type { Node } from 'web-tree-sitter';
import type { LiteralString, SourceSpan, TemplateEntry, TemplateFinding, TemplateString, TemplateValue, UnknownPart, UnknownShape, UnknownValue } from '../types';
import { decodeHeredoc, decodeQuoted, hclQuote, isIdentity, type Decoded } from './strings';

/** Values nested deeper than this are not read (`tooDeep`), so no input can exhaust the stack. */
export const MAX_DEPTH = 64;

/** What the conversion of one file shares. */
export interface ValueContext {
  text: string;
  findings: TemplateFinding[];
  /** Where a `tooDeep` finding was already reported (one per policy is enough). */
  tooDeepAt?: number;
}

export function spanOf(node: Node): SourceSpan {
  return { offset: node.startIndex, length: node.endIndex - node.startIndex };
}

/** The source text of a node, whitespace collapsed and shortened, for messages. */
export function shortText(text: string, max = 80): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const SHAPES: [RegExp, UnknownShape][] = [
  [/^data\.aws_caller_identity\.[\w-]+\.account_id$/, 'account'],
  [/^data\.aws_region\.[\w-]+\.(?:name|region|id)$/, 'region'],
  [/^data\.aws_partition\.[\w-]+\.partition$/, 'partition'],
  [/^data\.aws_partition\.[\w-]+\.dns_suffix$/, 'url-suffix'],
];

/** The shape of a Terraform expression's value, from its text (`data.aws_partition.current.partition` is a partition). */
export function shapeOf(expression: string): UnknownShape {
  const compact = expression.replace(/\s+/g, '');
  for (const [re, shape] of SHAPES) if (re.test(compact)) return shape;
  return 'opaque';
}

export function unknown(node: Node, shape: UnknownShape = 'opaque'): UnknownValue {
  return { type: 'unknown', text: shortText(node.text), shape, span: spanOf(node) };
}

/** An `expression` node's single meaningful child, through parentheses. */
function inner(node: Node): Node {
  let n = node;
  for (;;) {
    if (n.type === 'expression' && n.namedChildCount === 1) {
      n = n.namedChild(0) as Node;
      continue;
    }
    // ( expression )
    if (n.type === 'expression' && n.childCount === 3 && n.child(0)?.type === '(' && n.child(2)?.type === ')') {
      n = n.child(1) as Node;
      continue;
    }
    if ((n.type === 'literal_value' || n.type === 'collection_value' || n.type === 'template_expr') && n.namedChildCount === 1) {
      n = n.namedChild(0) as Node;
      continue;
    }
    return n;
  }
}

/** The node an expression is, through `expression`, parentheses and wrappers: `object`, `tuple`, `string_lit` … */
export function coreOf(node: Node): Node {
  return inner(node);
}

/** An HCL expression as a {@link TemplateValue}: literals, objects and tuples are read, everything else is unknown. */
export function hclValue(node: Node, ctx: ValueContext, depth = 0): TemplateValue {
  const n = inner(node);
  if (depth > MAX_DEPTH) return tooDeep(n, ctx);
  switch (n.type) {
    case 'numeric_lit': {
      const v = Number(n.text);
      return Number.isFinite(v) ? { type: 'number', value: v, span: spanOf(n) } : unknown(n);
    }
    case 'bool_lit':
      return { type: 'boolean', value: n.text === 'true', span: spanOf(n) };
    case 'null_lit':
      return { type: 'null', value: null, span: spanOf(n) };
    case 'string_lit':
    case 'quoted_template':
    case 'heredoc_template':
      return templateValue(n, ctx);
    case 'tuple':
      return {
        type: 'array',
        items: n.namedChildren.filter((c) => c.type === 'expression').map((c) => hclValue(c, ctx, depth + 1)),
        span: spanOf(n),
      };
    case 'object':
      return objectValue(n, ctx, depth);
    case 'variable_expr':
      return unknown(n, shapeOf(n.text));
    default:
      // A reference with attributes (`data.x.y.z`) is an expression with several children; functions, for
      // expressions, conditionals, operations and splats are unknown offline.
      return unknown(node, node.type === 'expression' ? shapeOf(node.text) : 'opaque');
  }
}

function tooDeep(n: Node, ctx: ValueContext): UnknownValue {
  if (ctx.tooDeepAt === undefined) {
    ctx.tooDeepAt = n.startIndex;
    ctx.findings.push({ ruleId: 'template-syntax', messageId: 'tooDeep', data: { depth: String(MAX_DEPTH) }, span: spanOf(n) });
  }
  return unknown(n);
}

function objectValue(n: Node, ctx: ValueContext, depth: number): TemplateValue {
  const entries: TemplateEntry[] = [];
  for (const elem of n.namedChildren) {
    if (elem.type !== 'object_elem') continue;
    const keyNode = elem.childForFieldName('key');
    const valNode = elem.childForFieldName('val');
    if (!keyNode || !valNode) return unknown(n);
    const key = objectKey(keyNode, ctx);
    // A computed key `(var.k)` or `"${x}"` makes the object's keys unknown.
    if (!key) return unknown(n);
    entries.push({
      ...key,
      value: hclValue(valNode, ctx, depth + 1),
      span: { offset: key.keySpan.offset, length: valNode.endIndex - key.keySpan.offset },
    });
  }
  return { type: 'object', entries, span: spanOf(n) };
}

function objectKey(keyNode: Node, ctx: ValueContext): Omit<TemplateEntry, 'value' | 'span'> | undefined {
  const k = inner(keyNode);
  // A bare identifier key (`Version = …`): the expression is a variable_expr alone, not in parentheses.
  if (k.type === 'variable_expr' && keyNode.namedChildCount === 1 && keyNode.namedChild(0)?.type === 'variable_expr') {
    return { key: k.text, keySpan: spanOf(k), writeKey: hclQuote, keyContentOffset: k.startIndex };
  }
  if (k.type === 'string_lit' || k.type === 'quoted_template') {
    const v = templateValue(k, ctx);
    if (v.type !== 'string') return undefined;
    return { key: v.value, keySpan: v.span, writeKey: v.write, keyContentOffset: v.contentOffset };
  }
  return undefined;
}

/** A piece of an HCL template: decoded literal text, or an interpolation / directive node. */
export type TemplatePiece = { kind: 'text'; decoded: Decoded } | { kind: 'interpolation'; node: Node; part: UnknownPart } | { kind: 'directive'; node: Node };

/** The pieces of a `string_lit`, `quoted_template` or `heredoc_template`, in order. */
export function templatePieces(n: Node, text: string): { pieces: TemplatePiece[]; heredoc: boolean; bodySpan: SourceSpan } {
  const heredoc = n.type === 'heredoc_template';
  let from: number;
  let to: number;
  if (heredoc) {
    const ids = n.children.filter((c) => c.type === 'heredoc_identifier');
    const open = ids[0];
    const close = ids.length > 1 ? ids[ids.length - 1] : undefined;
    const nl = text.indexOf('\n', open ? open.endIndex : n.startIndex);
    from = nl < 0 ? n.endIndex : nl + 1;
    to = close ? text.lastIndexOf('\n', close.startIndex - 1) + 1 : n.endIndex;
    if (to < from) to = from;
  } else {
    from = n.startIndex + 1;
    to = n.endIndex - 1;
  }
  const decodeRaw = heredoc ? decodeHeredoc : decodeQuoted;
  const pieces: TemplatePiece[] = [];
  let at = from;
  const pushText = (end: number): void => {
    if (end > at) pieces.push({ kind: 'text', decoded: decodeRaw(text.slice(at, end), at) });
  };
  for (const c of n.namedChildren) {
    if (c.type === 'template_interpolation') {
      pushText(c.startIndex);
      const expr = c.namedChildren.find((e) => e.type === 'expression');
      pieces.push({ kind: 'interpolation', node: c, part: { text: shortText(c.text), shape: expr ? shapeOf(expr.text) : 'opaque', span: spanOf(c) } });
      at = c.endIndex;
    } else if (c.type === 'template_directive') {
      pushText(c.startIndex);
      pieces.push({ kind: 'directive', node: c });
      at = c.endIndex;
    }
  }
  pushText(to);
  return { pieces, heredoc, bodySpan: { offset: from, length: to - from } };
}

/** An HCL string (quoted or heredoc) as a value: a literal, a template with `${…}` parts, or unknown with `%{…}`. */
export function templateValue(n: Node, ctx: ValueContext): LiteralString | TemplateString | UnknownValue {
  const { pieces, heredoc } = templatePieces(n, ctx.text);
  if (pieces.some((p) => p.kind === 'directive')) return unknown(n);
  if (pieces.every((p) => p.kind === 'text')) {
    let value = '';
    let identity = true;
    for (const p of pieces) {
      if (p.kind !== 'text') continue;
      value += p.decoded.value;
      identity &&= isIdentity(p.decoded);
    }
    if (heredoc) {
      // A heredoc's value: `<<-` strips indentation, so it is read but not rewritten in place.
      return { type: 'string', value: n.children.some((c) => c.type === '<<-') ? stripIndent(value) : value, span: spanOf(n) };
    }
    return { type: 'string', value, span: spanOf(n), write: hclQuote, ...(identity ? { contentOffset: n.startIndex + 1 } : {}) };
  }
  const parts: (string | UnknownPart)[] = [];
  for (const p of pieces) {
    if (p.kind === 'text') parts.push(p.decoded.value);
    else if (p.kind === 'interpolation') parts.push(p.part);
  }
  return { type: 'template', parts, span: spanOf(n) };
}

function stripIndent(value: string): string {
  const lines = value.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(min, /^[ \t]*/.exec(l)?.[0].length ?? 0))).join('\n');
}
