import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, Scalar } from 'yaml';
import type { Node as YamlNode, Pair, Document, ParsedNode, Tags } from 'yaml';
import type { LiteralWriter, SourceSpan, TemplateFinding } from '../types';
import { finding, flattenDeepBrackets, MAX_DEPTH, MAX_SYNTAX_FINDINGS, spanOf } from './raw';
import type { RawDocument, RawEntry, RawNode } from './raw';

/** The short forms of CloudFormation's intrinsic functions (and `!Condition`), without `!`. */
export const SHORT_FORM_TAGS = [
  'Sub', 'Ref', 'GetAtt', 'Join', 'If', 'Select', 'Split', 'ImportValue', 'FindInMap', 'Base64', 'GetAZs', 'Equals',
  'Not', 'And', 'Or', 'Condition', 'Cidr', 'Transform', 'Length', 'ToJsonString',
] as const;

const TAG_SET = new Set<string>(SHORT_FORM_TAGS.map((t) => `!${t}`));

/** Each short form in its three shapes, so yaml keeps the tag and reports only the tags CloudFormation does not know. */
export const CUSTOM_TAGS: Tags = SHORT_FORM_TAGS.flatMap((name) => [
  { tag: `!${name}`, resolve: (source: string) => source },
  { tag: `!${name}`, collection: 'seq' as const },
  { tag: `!${name}`, collection: 'map' as const },
]);

/** The YAML core schema's own tags (`!!str` …), which are not CloudFormation's but are plain YAML. */
const STANDARD_TAG = /^tag:yaml\.org,2002:/;

/** Flow brackets and block indentation beyond these are not parsed (yaml's parser recurses). */
const FLOW_LIMIT = 200;
const INDENT_LIMIT = 400;

/** yaml's message, first line, without its position suffix. */
function detail(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Blanks (offset for offset) lines indented beyond {@link INDENT_LIMIT} or opening more compact `- ` items than it. */
function flattenDeepLines(text: string): { text: string; cut: SourceSpan[] } {
  const cut: SourceSpan[] = [];
  if (!/\n[ -]{400}/.test(text) && !text.startsWith(' '.repeat(INDENT_LIMIT))) return { text, cut };
  const lines = text.split('\n');
  let offset = 0;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = /^[ \t-]*/.exec(line);
    if (m && m[0].length > INDENT_LIMIT) {
      lines[i] = line.endsWith('\r') ? `${' '.repeat(line.length - 1)}\r` : ' '.repeat(line.length);
      cut.push(spanOf(offset, offset + line.length));
      changed = true;
    }
    offset += line.length + 1;
  }
  return { text: changed ? lines.join('\n') : text, cut };
}

export function readYaml(original: string): RawDocument {
  const findings: TemplateFinding[] = [];
  const errorOffsets: number[] = [];
  // Brackets cut here are deeper than MAX_DEPTH, where the reader reports `tooDeep` itself; lines indented that far
  // may not be, so they count as errors unless the reader reports the depth.
  const lines = flattenDeepLines(original);
  const text = flattenDeepBrackets(lines.text, FLOW_LIMIT, true).text;
  const cut = lines.cut;
  for (const c of cut) errorOffsets.push(c.offset);
  let docs: Document.Parsed[];
  try {
    const all = parseAllDocuments(text, { customTags: CUSTOM_TAGS, prettyErrors: false });
    docs = Array.isArray(all) ? all : [];
  } catch (e) {
    // yaml's parser recursed too deep after all: nothing can be read.
    if (!(e instanceof RangeError)) throw e;
    findings.push(finding('tooDeep', spanOf(0, Math.min(1, text.length)), { depth: String(MAX_DEPTH) }));
    return { root: undefined, findings, errorOffsets: [0] };
  }
  if (docs.length === 0) return { root: undefined, findings, errorOffsets };
  if (docs.length > 1) {
    const start = docs[1].range[0];
    const marker = text.startsWith('---', start) ? 3 : 1;
    findings.push(finding('multipleDocuments', spanOf(start, Math.min(text.length, start + marker)), { count: String(docs.length) }));
  }
  let reported = 0;
  docs.forEach((doc, index) => {
    for (const e of doc.errors) {
      if (index === 0) errorOffsets.push(e.pos[0]);
      if (++reported > MAX_SYNTAX_FINDINGS) continue;
      const [start, end] = e.pos;
      const exhausted = e.code === 'RESOURCE_EXHAUSTION';
      const span = spanOf(start, Math.min(text.length, Math.max(end, start + 1)));
      findings.push(exhausted ? finding('tooDeep', span, { depth: String(MAX_DEPTH) }) : finding('yamlError', span, { detail: detail(e.message) }));
    }
  });
  const doc = docs[0];
  const reader = new YamlReader(text, findings);
  const root = doc.contents ? reader.node(doc.contents as ParsedNode, 1, false) : undefined;
  if (cut.length > 0 && !findings.some((f) => f.messageId === 'tooDeep')) findings.push(finding('tooDeep', cut[0], { depth: String(MAX_DEPTH) }));
  return { root, findings, errorOffsets };
}

class YamlReader {
  constructor(
    private readonly text: string,
    private readonly findings: TemplateFinding[],
  ) {}

  /** Where the node's properties (tag, anchor) start, when they stand right before its value. */
  private propsStart(node: YamlNode, start: number): number {
    let from = start;
    if (node.anchor) {
      const a = this.findBack(`&${node.anchor}`, from);
      if (a >= 0) {
        this.findings.push(finding('alias', spanOf(a, a + node.anchor.length + 1), { name: `&${node.anchor}` }));
        from = Math.min(from, a);
      }
    }
    if (node.tag && !STANDARD_TAG.test(node.tag)) {
      const t = this.findBack(node.tag, start);
      if (t >= 0) from = Math.min(from, t);
    }
    return from;
  }

  /** Nested collections often end at the same offset, after the same (possibly long) run of blanks: trimmed once. */
  private readonly trimmed = new Map<number, number>();

  private trimEnd(start: number, end: number): number {
    let e = this.trimmed.get(end);
    if (e === undefined) {
      e = end;
      for (let c = this.text.charCodeAt(e - 1); e > 0 && (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09); c = this.text.charCodeAt(e - 1)) e--;
      this.trimmed.set(end, e);
    }
    return Math.max(start, e);
  }

  /** The last occurrence of `token` before `before`, separated from it by blanks and node properties only. */
  private findBack(token: string, before: number): number {
    const at = this.text.lastIndexOf(token, before - token.length);
    if (at < 0 || before - at > 400) return -1;
    const between = this.text.slice(at + token.length, before);
    return /^(?:[ \t\r\n]+(?:[!&][^\s]*)?)*[ \t\r\n]*$/.test(between) ? at : -1;
  }

  node(node: ParsedNode | null | undefined, depth: number, flow: boolean, fallbackAt = 0): RawNode {
    if (!node) return { kind: 'scalar', value: null, span: spanOf(fallbackAt, fallbackAt) };
    const [start, end] = node.range;
    if (isAlias(node)) {
      const span = spanOf(start, end);
      this.findings.push(finding('alias', span, { name: `*${node.source}` }));
      return { kind: 'bad', span };
    }
    const from = this.propsStart(node, start);
    // A block collection's range runs on over the line break (and blank lines) after its last value.
    const span = spanOf(from, isScalar(node) ? end : this.trimEnd(start, end));
    if (depth > MAX_DEPTH) {
      this.findings.push(finding('tooDeep', span, { depth: String(MAX_DEPTH) }));
      return { kind: 'bad', span };
    }
    let tag: string | undefined;
    if (node.tag && !STANDARD_TAG.test(node.tag)) {
      if (!TAG_SET.has(node.tag)) {
        const t = this.findBack(node.tag, start);
        const tagSpan = t >= 0 ? spanOf(t, t + node.tag.length) : span;
        this.findings.push(finding('unknownTag', tagSpan, { tag: node.tag }));
        return { kind: 'bad', span };
      }
      tag = node.tag.slice(1);
    }
    if (isScalar(node)) return this.scalar(node, span, tag, flow);
    if (isSeq(node)) {
      const inFlow = flow || node.flow === true;
      const items: RawNode[] = [];
      for (const item of node.items) items.push(this.node(item as ParsedNode, depth + 1, inFlow, end));
      return tag ? { kind: 'seq', items, span, tag } : { kind: 'seq', items, span };
    }
    if (isMap(node)) {
      const inFlow = flow || node.flow === true;
      const entries: RawEntry[] = [];
      let merge = false;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const entry = this.pair(pair as Pair<ParsedNode | null, ParsedNode | null>, depth, inFlow);
        if (entry === 'merge') merge = true;
        else if (entry) entries.push(entry);
      }
      if (merge) return { kind: 'bad', span };
      return tag ? { kind: 'map', entries, span, tag } : { kind: 'map', entries, span };
    }
    return { kind: 'bad', span };
  }

  private pair(pair: Pair<ParsedNode | null, ParsedNode | null>, depth: number, flow: boolean): RawEntry | 'merge' | undefined {
    const keyNode = pair.key;
    if (!keyNode || !isScalar(keyNode) || (keyNode.tag && !STANDARD_TAG.test(keyNode.tag))) {
      // A complex, aliased or tagged key: CloudFormation cannot read it; the value is skipped.
      if (keyNode && isAlias(keyNode)) this.findings.push(finding('alias', spanOf(keyNode.range[0], keyNode.range[1]), { name: `*${keyNode.source}` }));
      return undefined;
    }
    const [ks, ke] = keyNode.range ?? [0, 0];
    if (keyNode.type === Scalar.PLAIN && keyNode.source === '<<') {
      this.findings.push(finding('mergeKey', spanOf(ks, ke)));
      return 'merge';
    }
    const key = String(keyNode.value);
    const keyScalar = this.scalar(keyNode, spanOf(ks, ke), undefined, flow, true);
    const value = this.node(pair.value, depth + 1, flow, ke);
    const end = value.span.offset + value.span.length;
    const entry: RawEntry = { key, keySpan: spanOf(ks, ke), value, span: spanOf(ks, Math.max(end, ke)) };
    if (keyScalar.kind === 'scalar') {
      if (keyScalar.write) entry.writeKey = keyScalar.write;
      if (keyScalar.contentOffset !== undefined) entry.keyContentOffset = keyScalar.contentOffset;
    }
    return entry;
  }

  private scalar(node: Scalar, span: SourceSpan, tag: string | undefined, flow: boolean, isKey = false): RawNode {
    const [start, end] = node.range ?? [0, 0];
    let value = node.value as unknown;
    if (tag) value = typeof node.source === 'string' ? node.source : String(value ?? '');
    if (typeof value === 'bigint') value = Number(value);
    if (value instanceof Date) value = node.source;
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      return { kind: 'bad', span };
    }
    const raw: RawNode = { kind: 'scalar', value, span: tag ? span : spanOf(start, end) };
    if (tag) {
      raw.tag = tag;
      raw.valueSpan = spanOf(start, end);
    }
    if (typeof value !== 'string') return raw;
    const source = this.text.slice(start, end);
    let content: { offset: number; text: string } | undefined;
    let write: LiteralWriter | undefined;
    switch (node.type) {
      case Scalar.PLAIN:
        content = { offset: start, text: source };
        write = (v) => (plainReads(v, flow, isKey) ? v : JSON.stringify(v));
        break;
      case Scalar.QUOTE_SINGLE:
        content = { offset: start + 1, text: source.slice(1, -1) };
        write = (v) => (/[\r\n]/.test(v) ? JSON.stringify(v) : `'${v.replace(/'/g, "''")}'`);
        break;
      case Scalar.QUOTE_DOUBLE:
        content = { offset: start + 1, text: source.slice(1, -1) };
        write = (v) => JSON.stringify(v);
        break;
      default:
        break; // block scalars: no writer
    }
    if (content && content.text === value) raw.contentOffset = content.offset;
    // A tagged scalar's writer replaces its valueSpan only (the tag stays): the caller decides whether it applies.
    if (write) raw.write = write;
    return raw;
  }
}

/** Whether `value` written plain in this position reads back as the same string. */
function plainReads(value: string, flow: boolean, isKey: boolean): boolean {
  if (value === '' || value.trim() !== value || /[\r\n\t]/.test(value)) return false;
  const probe = isKey ? (flow ? `{${value}: 1}` : `${value}: 1`) : flow ? `[${value}]` : `- ${value}`;
  try {
    const doc = parseDocument(probe, { prettyErrors: false });
    if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
    const c = doc.contents;
    if (isKey) {
      if (!isMap(c) || c.items.length !== 1) return false;
      const k = c.items[0].key;
      return isScalar(k) && k.type === Scalar.PLAIN && k.value === value;
    }
    if (!isSeq(c) || c.items.length !== 1) return false;
    const item = c.items[0];
    return isScalar(item) && item.type === Scalar.PLAIN && item.value === value && !item.tag;
  } catch {
    return false;
  }
}
