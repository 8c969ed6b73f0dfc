import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError, ParseErrorCode } from 'jsonc-parser';
import type { SourceSpan, TemplateFinding } from '../types';
import { finding, flattenDeepBrackets, MAX_DEPTH, MAX_SYNTAX_FINDINGS, spanOf } from './raw';
import type { RawDocument, RawEntry, RawNode } from './raw';

const BRACKET_LIMIT = 200;

/** `CommaExpected` → `comma expected`. */
function describe(code: ParseErrorCode): string {
  return printParseErrorCode(code).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function parse(text: string): { root: Node | undefined; errors: ParseError[]; cut: SourceSpan[] } {
  // jsonc-parser rejects a byte order mark; a blank in its place keeps every offset.
  const flat = flattenDeepBrackets(text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text, BRACKET_LIMIT, false);
  const errors: ParseError[] = [];
  const root = parseTree(flat.text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return { root, errors, cut: flat.cut };
}

/** Reads a CloudFormation JSON template (or a CDK output) into the raw tree. */
export function readJson(text: string): RawDocument {
  // What parse() cuts is deeper than MAX_DEPTH, where jsonNode() reports `tooDeep`.
  const { root, errors } = parse(text);
  const findings: TemplateFinding[] = [];
  const errorOffsets: number[] = [];
  for (const [i, e] of errors.entries()) {
    errorOffsets.push(e.offset);
    if (i >= MAX_SYNTAX_FINDINGS) continue;
    const length = Math.max(1, e.length);
    const offset = Math.min(e.offset, Math.max(0, text.length - 1));
    findings.push(finding('jsonError', { offset, length: Math.min(length, Math.max(0, text.length - offset)) }, { detail: describe(e.error) }));
  }
  return { root: root ? jsonNode(text, root, 1, findings, undefined) : undefined, findings, errorOffsets };
}

/**
 * Reads JSON held in a string of the template (an SCP's `Content`): every node gets `at`, the span of the whole
 * string, and no writer. Undefined (with a `jsonError`) when the string is not JSON.
 */
export function readJsonString(json: string, at: SourceSpan, findings: TemplateFinding[]): RawNode | undefined {
  const { root, errors, cut } = parse(json);
  if (errors.length > 0 || cut.length > 0 || !root) {
    const first = errors[0];
    findings.push(finding('jsonError', at, { detail: first ? describe(first.error) : 'value expected' }));
    return undefined;
  }
  return jsonNode(json, root, 1, findings, at);
}

function jsonNode(text: string, node: Node, depth: number, findings: TemplateFinding[], at: SourceSpan | undefined): RawNode {
  const span = at ?? spanOf(node.offset, node.offset + node.length);
  if (depth > MAX_DEPTH) {
    if (!at) findings.push(finding('tooDeep', span, { depth: String(MAX_DEPTH) }));
    return { kind: 'bad', span };
  }
  switch (node.type) {
    case 'object': {
      const entries: RawEntry[] = [];
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || typeof k.value !== 'string') continue;
        const keySpan = at ?? spanOf(k.offset, k.offset + k.length);
        const value: RawNode = v ? jsonNode(text, v, depth + 1, findings, at) : { kind: 'bad', span: keySpan };
        const entry: RawEntry = { key: k.value, keySpan, value, span: at ?? spanOf(k.offset, value.span.offset + value.span.length) };
        if (!at) {
          entry.writeKey = (s) => JSON.stringify(s);
          if (text.slice(k.offset + 1, k.offset + k.length - 1) === k.value) entry.keyContentOffset = k.offset + 1;
        }
        entries.push(entry);
      }
      return { kind: 'map', entries, span };
    }
    case 'array':
      return { kind: 'seq', items: (node.children ?? []).map((c) => jsonNode(text, c, depth + 1, findings, at)), span };
    case 'string': {
      const raw: RawNode = { kind: 'scalar', value: node.value as string, span };
      if (!at) {
        raw.write = (s) => JSON.stringify(s);
        if (text.slice(node.offset + 1, node.offset + node.length - 1) === node.value) raw.contentOffset = node.offset + 1;
      }
      return raw;
    }
    case 'number':
    case 'boolean':
    case 'null':
      return { kind: 'scalar', value: node.value as number | boolean | null, span };
    default:
      return { kind: 'bad', span };
  }
}
