import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { SourceSpan, TemplateEntry, TemplateFinding, TemplateValue, UnknownPart } from '../types';
import { escapeTemplateMarkers, hclEscape } from './strings';
import { MAX_DEPTH, type TemplatePiece } from './values';

/**
 * JSON held in an HCL string (a heredoc or a quoted string): each `${…}` is replaced by a run of harmless characters
 * (letters inside a JSON string, `0` and spaces outside) so the JSON parses, and every character keeps a map to its
 * source range, so each span is exact. Strings that overlap an interpolation become templates, a number that was one
 * becomes unknown.
 */

export interface JsonTemplateResult {
  value?: TemplateValue;
  /** The exact JSON text, when the source holds it character for character (a heredoc without `${…}`). */
  verbatim?: string;
  findings: TemplateFinding[];
}

interface Interp {
  from: number;
  to: number;
  part: UnknownPart;
}

export function jsonFromTemplate(pieces: TemplatePiece[], heredoc: boolean, whole: SourceSpan, text: string): JsonTemplateResult {
  if (pieces.some((p) => p.kind === 'directive')) {
    return { value: { type: 'unknown', text: shortOf(text, whole), shape: 'opaque', span: whole }, findings: [] };
  }
  let json = '';
  const start: number[] = [];
  const end: number[] = [];
  const interps: Interp[] = [];
  // A small scanner of JSON strings and comments, so a placeholder fits where it stands.
  let inString = false;
  let escaped = false;
  let comment: '' | 'line' | 'block' = '';
  const scan = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (comment === 'line') {
        if (c === '\n') comment = '';
      } else if (comment === 'block') {
        if (c === '*' && s[i + 1] === '/') {
          comment = '';
          i++;
        }
      } else if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '/' && s[i + 1] === '/') comment = 'line';
      else if (c === '/' && s[i + 1] === '*') comment = 'block';
    }
  };
  for (const p of pieces) {
    if (p.kind === 'text') {
      json += p.decoded.value;
      start.push(...p.decoded.start);
      end.push(...p.decoded.end);
      scan(p.decoded.value);
    } else if (p.kind === 'interpolation') {
      const len = Math.max(1, p.part.span.length);
      const filler = inString ? 'x'.repeat(len) : `0${' '.repeat(len - 1)}`;
      interps.push({ from: json.length, to: json.length + len, part: p.part });
      json += filler;
      for (let k = 0; k < len; k++) {
        start.push(p.part.span.offset + Math.min(k, p.part.span.length - 1));
        end.push(p.part.span.offset + Math.min(k + 1, p.part.span.length));
      }
      escaped = false;
    }
  }
  const sourceEnd = whole.offset + whole.length;
  const at = (i: number): number => (i < start.length ? (start[i] as number) : (end[end.length - 1] ?? sourceEnd));
  const span = (from: number, length: number): SourceSpan => {
    if (length <= 0) {
      const o = at(from);
      return { offset: o, length: 0 };
    }
    const o = start[from] as number;
    return { offset: o, length: (end[from + length - 1] as number) - o };
  };

  if (nestingDepth(json) > MAX_DEPTH) {
    return {
      findings: [{ ruleId: 'template-syntax', messageId: 'tooDeep', data: { depth: String(MAX_DEPTH) }, span: whole }],
    };
  }
  const errors: ParseError[] = [];
  const root = parseTree(json, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const e = errors[0];
    const where = e ? span(e.offset, e.length) : { offset: whole.offset, length: 0 };
    return {
      findings: [
        { ruleId: 'template-syntax', messageId: 'jsonError', data: { detail: e ? printParseErrorCode(e.error) : 'ValueExpected' }, span: where },
      ],
    };
  }

  const identity = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) if (end[i] !== (start[i] as number) + 1 || (i > from && start[i] !== (start[i - 1] as number) + 1)) return false;
    return true;
  };
  const overlaps = (from: number, to: number): Interp[] => interps.filter((x) => x.from < to && x.to > from);
  // Writing a JSON string back where it stands: in a heredoc only the template markers need escaping; in a quoted
  // string the JSON text is itself escaped as HCL.
  const writeJson = (v: string): string => (heredoc ? escapeTemplateMarkers(JSON.stringify(v)) : hclEscape(JSON.stringify(v)));

  const convert = (node: JsonNode): TemplateValue => {
    const s = span(node.offset, node.length);
    switch (node.type) {
      case 'object': {
        const entries: TemplateEntry[] = [];
        for (const prop of node.children ?? []) {
          const [k, v] = prop.children ?? [];
          if (!k || !v) continue;
          if (overlaps(k.offset, k.offset + k.length).length > 0) return { type: 'unknown', text: shortOf(text, s), shape: 'opaque', span: s };
          const key = stringLiteral(k);
          const value = convert(v);
          entries.push({
            key: String(k.value),
            keySpan: key.span,
            ...(key.write ? { writeKey: key.write } : {}),
            ...(key.contentOffset !== undefined ? { keyContentOffset: key.contentOffset } : {}),
            value,
            span: { offset: key.span.offset, length: value.span.offset + value.span.length - key.span.offset },
          });
        }
        return { type: 'object', entries, span: s };
      }
      case 'array':
        return { type: 'array', items: (node.children ?? []).map(convert), span: s };
      case 'string': {
        const hits = overlaps(node.offset, node.offset + node.length);
        if (hits.length === 0) return stringLiteral(node);
        const parts: (string | UnknownPart)[] = [];
        let at = node.offset + 1;
        const content = (from: number, to: number): void => {
          if (to <= from) return;
          const raw = json.slice(from, to);
          try {
            parts.push(JSON.parse(`"${raw}"`) as string);
          } catch {
            parts.push(raw);
          }
        };
        for (const h of hits) {
          content(at, h.from);
          parts.push(h.part);
          at = h.to;
        }
        content(at, node.offset + node.length - 1);
        return { type: 'template', parts, span: s };
      }
      case 'number': {
        const hits = overlaps(node.offset, node.offset + node.length);
        if (hits.length === 1 && hits[0]) return { type: 'unknown', text: hits[0].part.text, shape: hits[0].part.shape, span: hits[0].part.span };
        if (hits.length > 1) return { type: 'unknown', text: shortOf(text, s), shape: 'opaque', span: s };
        return { type: 'number', value: node.value as number, span: s };
      }
      case 'boolean':
        return { type: 'boolean', value: node.value as boolean, span: s };
      case 'null':
        return { type: 'null', value: null, span: s };
      default:
        return { type: 'unknown', text: shortOf(text, s), shape: 'opaque', span: s };
    }
  };
  const stringLiteral = (node: JsonNode): { type: 'string'; value: string; span: SourceSpan; write?: (v: string) => string; contentOffset?: number } => {
    const s = span(node.offset, node.length);
    const value = String(node.value);
    const raw = json.slice(node.offset + 1, node.offset + node.length - 1);
    const exact = identity(node.offset, node.offset + node.length) && raw === value;
    return {
      type: 'string',
      value,
      span: s,
      write: writeJson,
      ...(exact ? { contentOffset: s.offset + 1 } : {}),
    };
  };

  const value = convert(root);
  const rootSpan = span(root.offset, root.length);
  const verbatim =
    heredoc && interps.length === 0 && identity(root.offset, root.offset + root.length)
      ? text.slice(rootSpan.offset, rootSpan.offset + rootSpan.length)
      : undefined;
  return { value, ...(verbatim !== undefined ? { verbatim } : {}), findings: [] };
}

function shortOf(text: string, s: SourceSpan): string {
  const t = text.slice(s.offset, s.offset + s.length).replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}

/** The deepest nesting of `[` and `{` outside strings (an upper bound is enough). */
function nestingDepth(json: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return max;
}
