import { createScanner, parseTree, type Node, type ParseError } from 'jsonc-parser';
import type {
  ConditionBlock,
  ConditionEntry,
  ConditionOperatorBlock,
  Located,
  ParsedPolicy,
  PolicyKind,
  PrincipalBlock,
  PrincipalEntry,
  Statement,
  ValueList,
} from './types';
import { walkNodes } from './walk';

// jsonc-parser declares its token kinds and error codes as const enums, which isolated modules cannot read.
const INVALID_COMMENT_TOKEN = 10;
const TOKEN = {
  closeBrace: 2,
  closeBracket: 4,
  comma: 5,
  lineComment: 12,
  blockComment: 13,
  lineBreak: 14,
  trivia: 15,
  eof: 17,
} as const;

/** Nesting deeper than this is not a policy; the parser stops building typed views below it. */
const MAX_DEPTH = 64;

/** Options for {@link parsePolicy}. */
export interface ParseOptions {
  /** Force a kind instead of detecting it. */
  kind?: PolicyKind | 'auto';
  /** The file name, used as a hint for detection (e.g. `*.scp.json`). */
  fileName?: string;
}

/** Parses a policy text once into a located view; never throws. */
export function parsePolicy(text: string, options: ParseOptions = {}): ParsedPolicy {
  const syntaxErrors: ParseError[] = [];
  const parsedErrors: ParseError[] = [];
  const root = safeParseTree(text, parsedErrors);
  // Comments come back as InvalidCommentToken errors with their exact range, and in a document that parsed
  // cleanly the tree's gaps hold the trailing commas: one pass finds both. After a syntax error the parser may
  // stop early or guess, so the tokens are scanned instead.
  let comments: { offset: number; length: number }[] = [];
  for (const e of parsedErrors) {
    if (e.error === INVALID_COMMENT_TOKEN) comments.push({ offset: e.offset, length: e.length });
    else syntaxErrors.push(e);
  }
  let trailingCommas: number[];
  if (syntaxErrors.length === 0) trailingCommas = findTrailingCommas(text, root);
  else ({ comments, trailingCommas } = scanTrivia(text));
  const props = objectProps(root);
  const versionNode = propValue(props.get('Version'));
  const statementNode = propValue(props.get('Statement'));
  const statements: Statement[] = [];
  if (statementNode?.type === 'object') {
    statements.push(toStatement(statementNode, 0));
  } else if (statementNode?.type === 'array') {
    (statementNode.children ?? []).forEach((child, index) => {
      if (child.type === 'object') statements.push(toStatement(child, index));
    });
  }
  const policy: ParsedPolicy = {
    text,
    root,
    syntaxErrors,
    comments,
    trailingCommas,
    kind: 'identity',
    props,
    version: asLocatedString(versionNode),
    statementNode,
    statements,
  };
  policy.kind = options.kind && options.kind !== 'auto' ? options.kind : detectKind(policy, options.fileName);
  return policy;
}

/** Detects the kind of a policy: a Principal makes it a trust/resource policy, a name hint an SCP. */
export function detectKind(policy: Pick<ParsedPolicy, 'statements'>, fileName?: string): PolicyKind {
  // The file name wins: an SCP that wrongly holds a Principal should be told so, not linted as a trust policy.
  if (fileName && /(^|[^a-z])scp([^a-z]|$)/i.test(baseName(fileName))) return 'scp';
  if (policy.statements.some((s) => s.props.has('Principal') || s.props.has('NotPrincipal'))) return 'trust';
  return 'identity';
}

function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] ?? fileName;
}

function safeParseTree(text: string, errors: ParseError[]): Node | undefined {
  // jsonc-parser recurses per nesting level; pathological nesting must not crash the host.
  try {
    return parseTree(text, errors, { allowTrailingComma: true, disallowComments: true, allowEmptyContent: true });
  } catch {
    errors.push({ error: 4 /* ValueExpected */, offset: 0, length: Math.min(text.length, 1) });
    return undefined;
  }
}

/**
 * The offsets of commas right before a closing brace or bracket. The parser accepts them (the tree is the same
 * as without), so each container's gap between its last child and its closer is read: only blanks, comments
 * and such a comma can be there. Iterative, like {@link walkNodes}.
 */
function findTrailingCommas(text: string, root: Node | undefined): number[] {
  const commas: number[] = [];
  walkNodes(root, (node) => {
    if (node.type !== 'object' && node.type !== 'array') return node.type === 'property';
    const closer = node.offset + node.length - 1;
    if (text[closer] !== (node.type === 'object' ? '}' : ']')) return true;
    const last = node.children?.[node.children.length - 1];
    const comma = lastCommaIn(text, last ? last.offset + last.length : node.offset + 1, closer);
    if (comma >= 0) commas.push(comma);
    return true;
  });
  return commas.sort((a, b) => a - b);
}

/** Comments and trailing commas found token by token: a second pass, for documents with syntax errors. */
function scanTrivia(text: string): { comments: { offset: number; length: number }[]; trailingCommas: number[] } {
  const comments: { offset: number; length: number }[] = [];
  const trailingCommas: number[] = [];
  const scanner = createScanner(text, false);
  let pendingComma = -1;
  for (let token = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
    if (token === TOKEN.lineComment || token === TOKEN.blockComment) {
      comments.push({ offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
      continue;
    }
    if (token === TOKEN.lineBreak || token === TOKEN.trivia) continue;
    if ((token === TOKEN.closeBrace || token === TOKEN.closeBracket) && pendingComma >= 0) trailingCommas.push(pendingComma);
    pendingComma = token === TOKEN.comma ? scanner.getTokenOffset() : -1;
  }
  return { comments, trailingCommas };
}

/** The last comma between `from` and `to` that is not inside a comment, or -1. */
function lastCommaIn(text: string, from: number, to: number): number {
  let found = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === ',') found = i;
    else if (ch === '/' && text[i + 1] === '/') {
      let end = i + 2;
      while (end < to && text[end] !== '\n' && text[end] !== '\r') end++;
      i = end;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 || end + 1 > to ? to : end + 1;
    }
  }
  return found;
}

/** The property nodes of an object node by exact key (first occurrence wins). */
export function objectProps(node: Node | undefined): Map<string, Node> {
  const map = new Map<string, Node>();
  if (node?.type !== 'object') return map;
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0];
    if (key && typeof key.value === 'string' && !map.has(key.value)) map.set(key.value, prop);
  }
  return map;
}

/** The value node of a property node. */
export function propValue(prop: Node | undefined): Node | undefined {
  return prop?.children?.[1];
}

/** The key node of a property node. */
export function propKey(prop: Node): Node | undefined {
  return prop.children?.[0];
}

function asLocatedString(node: Node | undefined): Located<string> | undefined {
  return node?.type === 'string' ? { value: node.value as string, node } : undefined;
}

function toStatement(node: Node, index: number): Statement {
  const props = objectProps(node);
  return {
    node,
    index,
    props,
    sid: asLocatedString(propValue(props.get('Sid'))),
    effect: asLocatedString(propValue(props.get('Effect'))),
    action: toValueList(props.get('Action')),
    notAction: toValueList(props.get('NotAction')),
    resource: toValueList(props.get('Resource')),
    notResource: toValueList(props.get('NotResource')),
    principal: toPrincipal(props.get('Principal')),
    notPrincipal: toPrincipal(props.get('NotPrincipal')),
    condition: toCondition(props.get('Condition')),
  };
}

/** Reads a string-or-string-array value; other shapes give an empty item list. */
export function stringItems(node: Node | undefined): Located<string>[] {
  if (!node) return [];
  if (node.type === 'string') return [{ value: node.value as string, node }];
  if (node.type !== 'array') return [];
  return (node.children ?? [])
    .filter((child) => child.type === 'string')
    .map((child) => ({ value: child.value as string, node: child }));
}

function toValueList(prop: Node | undefined): ValueList | undefined {
  const node = propValue(prop);
  if (!prop || !node) return undefined;
  return { prop, node, items: stringItems(node) };
}

function toPrincipal(prop: Node | undefined): PrincipalBlock | undefined {
  const node = propValue(prop);
  if (!prop || !node) return undefined;
  const block: PrincipalBlock = { prop, node, entries: [] };
  if (node.type === 'string') block.bare = { value: node.value as string, node };
  if (node.type === 'object') {
    for (const entryProp of node.children ?? []) {
      const keyNode = entryProp.children?.[0];
      const valueNode = entryProp.children?.[1];
      if (!keyNode || !valueNode) continue;
      const entry: PrincipalEntry = {
        type: keyNode.value as string,
        keyNode,
        prop: entryProp,
        valueNode,
        values: stringItems(valueNode),
      };
      block.entries.push(entry);
    }
  }
  return block;
}

function scalarItems(node: Node, depth = 0): Located<string | number | boolean | null>[] {
  if (node.type === 'array' && depth === 0) {
    return (node.children ?? []).flatMap((child) => scalarItems(child, depth + 1));
  }
  if (node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null') {
    return [{ value: node.value as string | number | boolean | null, node }];
  }
  return [];
}

function toCondition(prop: Node | undefined): ConditionBlock | undefined {
  const node = propValue(prop);
  if (!prop || !node) return undefined;
  const block: ConditionBlock = { prop, node, operators: [] };
  if (node.type !== 'object') return block;
  for (const opProp of node.children ?? []) {
    const keyNode = opProp.children?.[0];
    const valueNode = opProp.children?.[1];
    if (!keyNode || !valueNode) continue;
    const op: ConditionOperatorBlock = {
      operator: keyNode.value as string,
      keyNode,
      prop: opProp,
      valueNode,
      entries: [],
    };
    if (valueNode.type === 'object') {
      for (const entryProp of valueNode.children ?? []) {
        const entryKey = entryProp.children?.[0];
        const entryValue = entryProp.children?.[1];
        if (!entryKey || !entryValue) continue;
        const entry: ConditionEntry = {
          key: entryKey.value as string,
          keyNode: entryKey,
          prop: entryProp,
          valueNode: entryValue,
          values: scalarItems(entryValue),
        };
        op.entries.push(entry);
      }
    }
    block.operators.push(op);
  }
  return block;
}

/** Depth of a node below the root, bounded; used by rules that walk arbitrary values. */
export function nodeDepth(node: Node): number {
  let depth = 0;
  for (let p = node.parent; p && depth <= MAX_DEPTH; p = p.parent) depth++;
  return depth;
}
