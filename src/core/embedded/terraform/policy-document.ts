import type { SourceSpan, TemplateArray, TemplateEntry, TemplateObject, TemplateValue } from '../types';
import type { HclAttribute, HclBlock } from './hcl';
import { hclValue, spanOf, unknown, type ValueContext } from './values';

/**
 * `data "aws_iam_policy_document"` converted to the policy JSON it produces, every value keeping its span: the
 * attributes' values where written, the block's header for what the provider adds (`Version`, `Effect = "Allow"`).
 */

const STATEMENT_LISTS: [string, string][] = [
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
];

export interface PolicyDocument {
  value: TemplateObject;
  /** Set when the document also merges `source_policy_documents` / `override_policy_documents`. */
  merges: string[];
  hasPrincipals: boolean;
}

export function convertPolicyDocument(block: HclBlock, ctx: ValueContext): PolicyDocument {
  const entries: TemplateEntry[] = [];
  const version = block.attributes.get('version');
  entries.push(version ? attributeEntry('Version', version, ctx) : synthetic('Version', '2012-10-17', block.header));
  const id = block.attributes.get('policy_id');
  if (id) entries.push(attributeEntry('Id', id, ctx));

  const items: TemplateValue[] = [];
  let hasPrincipals = false;
  for (const b of block.blocks) {
    if (b.type === 'statement') {
      const st = convertStatement(b, ctx);
      hasPrincipals ||= st.hasPrincipals;
      items.push(st.value);
    } else if (b.type === 'dynamic' && b.labels[0] === 'statement') {
      items.push(unknown(b.node));
    }
  }
  const merges = ['source_policy_documents', 'override_policy_documents'].filter((a) => block.attributes.has(a));
  // The merged documents' statements are unknown here: one unknown item stands for them.
  for (const m of merges) {
    const attr = block.attributes.get(m) as HclAttribute;
    items.push(unknown(attr.expression));
  }
  const first = block.blocks.find((b) => b.type === 'statement' || b.type === 'dynamic');
  const statementKey = first ? spanOf(first.typeNode) : block.header;
  const statement: TemplateArray = { type: 'array', items, span: spanOf(block.node) };
  entries.push({ key: 'Statement', keySpan: statementKey, value: statement, span: { offset: statementKey.offset, length: block.node.endIndex - statementKey.offset } });
  return { value: { type: 'object', entries, span: spanOf(block.node) }, merges, hasPrincipals };
}

function convertStatement(b: HclBlock, ctx: ValueContext): { value: TemplateObject; hasPrincipals: boolean } {
  const entries: TemplateEntry[] = [];
  const sid = b.attributes.get('sid');
  if (sid) entries.push(attributeEntry('Sid', sid, ctx));
  const effect = b.attributes.get('effect');
  entries.push(effect ? attributeEntry('Effect', effect, ctx) : synthetic('Effect', 'Allow', b.header));
  for (const [attr, key] of STATEMENT_LISTS) {
    const a = b.attributes.get(attr);
    if (a) entries.push(attributeEntry(key, a, ctx));
  }
  let hasPrincipals = false;
  for (const [blockType, key] of [
    ['principals', 'Principal'],
    ['not_principals', 'NotPrincipal'],
  ] as const) {
    const blocks = b.blocks.filter((x) => x.type === blockType);
    if (blocks.length === 0) continue;
    if (blockType === 'principals') hasPrincipals = true;
    entries.push(mergedMap(key, blocks, 'type', 'identifiers', ctx));
  }
  const conditions = b.blocks.filter((x) => x.type === 'condition');
  if (conditions.length > 0) entries.push(conditionEntry(conditions, ctx));
  return { value: { type: 'object', entries, span: spanOf(b.node) }, hasPrincipals };
}

function attributeEntry(key: string, a: HclAttribute, ctx: ValueContext): TemplateEntry {
  return { key, keySpan: spanOf(a.nameNode), value: hclValue(a.expression, ctx), span: spanOf(a.node) };
}

function synthetic(key: string, value: string, at: SourceSpan): TemplateEntry {
  return { key, keySpan: at, value: { type: 'string', value, span: at }, span: at };
}

function blocksSpan(blocks: HclBlock[]): SourceSpan {
  const first = blocks[0] as HclBlock;
  const last = blocks[blocks.length - 1] as HclBlock;
  return { offset: first.node.startIndex, length: last.node.endIndex - first.node.startIndex };
}

/** Values of several blocks under one key: arrays are concatenated, anything else is kept as an item. */
function mergeValues(values: TemplateValue[]): TemplateValue {
  if (values.length === 1) return values[0] as TemplateValue;
  const items: TemplateValue[] = [];
  for (const v of values) {
    if (v.type === 'array') items.push(...v.items);
    else items.push(v);
  }
  const first = values[0] as TemplateValue;
  return { type: 'array', items, span: first.span };
}

/** `principals { type, identifiers }` blocks → `{ <type>: [identifiers…] }`, blocks of one type merged. */
function mergedMap(key: string, blocks: HclBlock[], keyAttr: string, valueAttr: string, ctx: ValueContext): TemplateEntry {
  const whole = blocksSpan(blocks);
  const firstType = (blocks[0] as HclBlock).typeNode;
  const byKey = new Map<string, { entry: Omit<TemplateEntry, 'value' | 'span'>; values: TemplateValue[]; start: number; end: number }>();
  let opaque = false;
  for (const blk of blocks) {
    const k = blk.attributes.get(keyAttr);
    const v = blk.attributes.get(valueAttr);
    if (!k || !v) continue;
    const kv = hclValue(k.expression, ctx);
    if (kv.type !== 'string') {
      opaque = true;
      continue;
    }
    const value = hclValue(v.expression, ctx);
    const seen = byKey.get(kv.value);
    if (seen) {
      seen.values.push(value);
      seen.end = Math.max(seen.end, v.node.endIndex);
    } else {
      byKey.set(kv.value, {
        entry: { key: kv.value, keySpan: kv.span, ...(kv.write ? { writeKey: kv.write } : {}), ...(kv.contentOffset !== undefined ? { keyContentOffset: kv.contentOffset } : {}) },
        values: [value],
        start: kv.span.offset,
        end: v.node.endIndex,
      });
    }
  }
  const keySpan = spanOf(firstType);
  if (opaque) {
    const text = blocks.map((x) => x.node.text).join(' ');
    return { key, keySpan, value: { type: 'unknown', text: text.replace(/\s+/g, ' ').slice(0, 80), shape: 'opaque', span: whole }, span: { offset: keySpan.offset, length: whole.offset + whole.length - keySpan.offset } };
  }
  const entries: TemplateEntry[] = [...byKey.values()].map((x) => ({ ...x.entry, value: mergeValues(x.values), span: { offset: x.start, length: x.end - x.start } }));
  return { key, keySpan, value: { type: 'object', entries, span: whole }, span: { offset: keySpan.offset, length: whole.offset + whole.length - keySpan.offset } };
}

/** `condition { test, variable, values }` blocks → `{ <test>: { <variable>: [values…] } }`, one test's blocks merged. */
function conditionEntry(blocks: HclBlock[], ctx: ValueContext): TemplateEntry {
  const whole = blocksSpan(blocks);
  const keySpan = spanOf((blocks[0] as HclBlock).typeNode);
  const byTest = new Map<string, { entry: Omit<TemplateEntry, 'value' | 'span'>; blocks: HclBlock[]; start: number; end: number }>();
  for (const blk of blocks) {
    const t = blk.attributes.get('test');
    if (!t) continue;
    const tv = hclValue(t.expression, ctx);
    if (tv.type !== 'string') {
      return { key: 'Condition', keySpan, value: unknown(blk.node), span: { offset: keySpan.offset, length: whole.offset + whole.length - keySpan.offset } };
    }
    const seen = byTest.get(tv.value);
    if (seen) {
      seen.blocks.push(blk);
      seen.end = Math.max(seen.end, blk.node.endIndex);
    } else {
      byTest.set(tv.value, {
        entry: { key: tv.value, keySpan: tv.span, ...(tv.write ? { writeKey: tv.write } : {}), ...(tv.contentOffset !== undefined ? { keyContentOffset: tv.contentOffset } : {}) },
        blocks: [blk],
        start: tv.span.offset,
        end: blk.node.endIndex,
      });
    }
  }
  const entries: TemplateEntry[] = [...byTest.values()].map((x) => {
    const inner = mergedMap('', x.blocks, 'variable', 'values', ctx);
    return { ...x.entry, value: inner.value, span: { offset: x.start, length: x.end - x.start } };
  });
  return { key: 'Condition', keySpan, value: { type: 'object', entries, span: whole }, span: { offset: keySpan.offset, length: whole.offset + whole.length - keySpan.offset } };
}
