import type { LiteralString, TemplateEntry, SourceSpan, TemplateFinding, TemplateString, TemplateValue, UnknownPart, UnknownShape, UnknownValue } from '../types';
import { finding, spanOf } from './raw';
import type { RawNode, RawScalar } from './raw';

/** `Ref: AWS::NoValue`: the property is removed. */
export const NO_VALUE = Symbol('AWS::NoValue');
export type Converted = TemplateValue | typeof NO_VALUE;

const PSEUDO_SHAPES: Record<string, UnknownShape> = {
  'AWS::Region': 'region',
  'AWS::AccountId': 'account',
  'AWS::Partition': 'partition',
  'AWS::URLSuffix': 'url-suffix',
};

export function shapeOf(name: string): UnknownShape {
  return PSEUDO_SHAPES[name] ?? 'opaque';
}

/** The long-form name of an intrinsic function written as a one-key map, or undefined. */
export function longFormName(node: RawNode): string | undefined {
  if (node.kind !== 'map' || node.tag || node.entries.length !== 1) return undefined;
  const key = node.entries[0].key;
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? key : undefined;
}

/** Converts the raw tree to the shared model, understanding intrinsic functions; collects `intrinsicArguments`. */
export class IntrinsicConverter {
  /** Set once an intrinsic function (or a value not read) was met. */
  sawIntrinsic = false;

  constructor(
    private readonly text: string,
    readonly findings: TemplateFinding[],
  ) {}

  convert(node: RawNode): Converted {
    if (node.kind === 'bad') {
      this.sawIntrinsic = true;
      return this.unknown(node.span, this.shortText(node.span));
    }
    if (node.tag) {
      this.sawIntrinsic = true;
      const name = node.tag === 'Ref' || node.tag === 'Condition' ? node.tag : `Fn::${node.tag}`;
      return this.intrinsic(name, `!${node.tag}`, { ...node, tag: undefined } as RawNode, node.span, node);
    }
    switch (node.kind) {
      case 'scalar':
        return this.scalar(node);
      case 'seq': {
        const items: TemplateValue[] = [];
        for (const item of node.items) {
          const v = this.convert(item);
          if (v !== NO_VALUE) items.push(v);
        }
        return { type: 'array', items, span: node.span };
      }
      case 'map': {
        const name = longFormName(node);
        if (name) {
          this.sawIntrinsic = true;
          return this.intrinsic(name, name, node.entries[0].value, node.span, undefined);
        }
        const entries: TemplateEntry[] = [];
        for (const e of node.entries) {
          const value = this.convert(e.value);
          if (value === NO_VALUE) continue;
          const entry: TemplateEntry = { key: e.key, keySpan: e.keySpan, value, span: e.span };
          if (e.writeKey) entry.writeKey = e.writeKey;
          if (e.keyContentOffset !== undefined) entry.keyContentOffset = e.keyContentOffset;
          entries.push(entry);
        }
        return { type: 'object', entries, span: node.span };
      }
    }
  }

  private scalar(node: RawScalar): TemplateValue {
    if (typeof node.value === 'string') {
      const lit: LiteralString = { type: 'string', value: node.value, span: node.span };
      if (node.write) lit.write = node.write;
      if (node.contentOffset !== undefined) lit.contentOffset = node.contentOffset;
      return lit;
    }
    const type = node.value === null ? 'null' : typeof node.value === 'number' ? 'number' : 'boolean';
    return { type, value: node.value, span: node.span } as TemplateValue;
  }

  private unknown(span: SourceSpan, text: string, shape: UnknownShape = 'opaque'): UnknownValue {
    return { type: 'unknown', text, shape, span };
  }

  /** The source text, on one line and shortened, for messages. */
  shortText(span: SourceSpan): string {
    const s = this.text.slice(span.offset, span.offset + Math.min(span.length, 200)).replace(/\s+/g, ' ').trim();
    return s.length > 60 ? `${s.slice(0, 59)}…` : s;
  }

  private bad(name: string, expected: string, span: SourceSpan): UnknownValue {
    this.findings.push(finding('intrinsicArguments', span, { name, expected }));
    return this.unknown(span, this.shortText(span));
  }

  /**
   * One intrinsic function: `name` is its long form (`Fn::Sub`), `written` how the source names it (`!Sub`,
   * `Fn::Sub`), `arg` its argument, `span` the whole call; `tagged` the tagged scalar of a short form.
   */
  private intrinsic(name: string, written: string, arg: RawNode, span: SourceSpan, tagged: RawNode | undefined): Converted {
    const short = `!${name.replace(/^Fn::/, '')}`;
    switch (name) {
      case 'Ref': {
        if (arg.kind !== 'scalar' || typeof arg.value !== 'string') return this.bad(written, 'the name of a parameter or resource', span);
        if (arg.value === 'AWS::NoValue') return NO_VALUE;
        return this.unknown(span, `!Ref ${arg.value}`, shapeOf(arg.value));
      }
      case 'Fn::Sub':
        return this.sub(written, arg, span, tagged);
      case 'Fn::Join':
        return this.join(written, arg, span);
      case 'Fn::GetAtt': {
        if (arg.kind === 'scalar' && typeof arg.value === 'string') return this.unknown(span, `!GetAtt ${arg.value}`);
        if (arg.kind === 'seq' && arg.items.length === 2) {
          const parts = arg.items.map((i) => (i.kind === 'scalar' && !i.tag ? String(i.value) : this.shortText(i.span)));
          return this.unknown(span, `!GetAtt ${parts.join('.')}`);
        }
        return this.bad(written, 'a resource and an attribute', span);
      }
      default: {
        const argText = arg.kind === 'scalar' && !arg.tag && typeof arg.value === 'string' ? ` ${arg.value}` : ' …';
        const text = `${short}${argText}`;
        return this.unknown(span, text.length > 60 ? `${text.slice(0, 59)}…` : text);
      }
    }
  }

  private sub(written: string, arg: RawNode, span: SourceSpan, tagged: RawNode | undefined): Converted {
    let str: RawNode = arg;
    const vars = new Map<string, Converted>();
    if (arg.kind === 'seq') {
      const [first, second] = arg.items;
      if (arg.items.length !== 2 || second.kind !== 'map' || second.tag || longFormName(second)) {
        return this.bad(written, 'a string, or a list of a string and a map of variables', span);
      }
      str = first;
      for (const e of second.entries) vars.set(e.key, this.convert(e.value));
    }
    if (str.kind !== 'scalar' || typeof str.value !== 'string' || (str.tag && str !== tagged)) {
      return this.bad(written, 'a string, or a list of a string and a map of variables', span);
    }
    const source = str.value;
    const scalarSpan = str.valueSpan ?? str.span;
    if (!source.includes('${')) {
      // No substitution: the plain string; its own writer keeps the tag and works while no `${` is written.
      const lit: LiteralString = { type: 'string', value: source, span: scalarSpan };
      const w = str.write;
      if (w) lit.write = (v) => (v.includes('${') ? undefined : w(v));
      if (str.contentOffset !== undefined) lit.contentOffset = str.contentOffset;
      return lit;
    }
    const parts: (string | UnknownPart)[] = [];
    let literal = '';
    let i = 0;
    while (i < source.length) {
      const open = source.indexOf('${', i);
      if (open < 0) break;
      const close = source.indexOf('}', open + 2);
      if (close < 0) break;
      literal += source.slice(i, open);
      const inner = source.slice(open + 2, close);
      i = close + 1;
      if (inner.startsWith('!')) {
        literal += `\${${inner.slice(1)}}`;
        continue;
      }
      const partSpan = str.contentOffset !== undefined ? spanOf(str.contentOffset + open, str.contentOffset + close + 1) : scalarSpan;
      const bound = vars.get(inner);
      if (bound !== undefined && bound !== NO_VALUE && bound.type === 'string') {
        literal += bound.value;
        continue;
      }
      if (bound !== undefined && bound !== NO_VALUE && bound.type === 'template' && bound.parts.every((p) => typeof p === 'string')) {
        literal += bound.parts.join('');
        continue;
      }
      if (literal) parts.push(literal);
      literal = '';
      const shape: UnknownShape = bound === undefined ? shapeOf(inner) : bound !== NO_VALUE && bound.type === 'unknown' ? bound.shape : 'opaque';
      parts.push({ text: `\${${inner}}`, shape, span: partSpan });
    }
    literal += source.slice(i);
    if (literal) parts.push(literal);
    if (parts.every((p) => typeof p === 'string')) return { type: 'string', value: parts.join(''), span: scalarSpan };
    const tpl: TemplateString = { type: 'template', parts, span };
    return tpl;
  }

  private join(written: string, arg: RawNode, span: SourceSpan): Converted {
    const expected = 'a list of a separator and a list of values';
    if (arg.kind !== 'seq' || arg.tag || arg.items.length !== 2) return this.bad(written, expected, span);
    const [sepNode, list] = arg.items;
    if (sepNode.kind !== 'scalar' || sepNode.tag || typeof sepNode.value !== 'string') return this.bad(written, expected, span);
    const sep = sepNode.value;
    if (list.kind === 'scalar' && !list.tag) return this.bad(written, expected, span);
    if (list.kind !== 'seq' || list.tag) {
      this.convert(list); // its own findings
      return this.unknown(span, this.shortText(span));
    }
    const parts: (string | UnknownPart)[] = [];
    let first = true;
    for (const item of list.items) {
      const v = this.convert(item);
      if (v === NO_VALUE) continue;
      if (!first && sep) parts.push(sep);
      first = false;
      switch (v.type) {
        case 'string':
          parts.push(v.value);
          break;
        case 'number':
        case 'boolean':
          parts.push(String(v.value));
          break;
        case 'unknown':
          parts.push({ text: v.text, shape: v.shape, span: v.span });
          break;
        case 'template':
          parts.push(...v.parts);
          break;
        default:
          return this.bad(written, expected, span);
      }
    }
    if (parts.every((p) => typeof p === 'string')) return { type: 'string', value: parts.join(''), span };
    return { type: 'template', parts, span };
  }
}
