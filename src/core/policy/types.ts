import type { Node, ParseError } from 'jsonc-parser';

export type { Node } from 'jsonc-parser';

/** The kinds a standalone policy file has (file names, schemas, settings): detected from its name or content. */
export type StandaloneKind = 'identity' | 'trust' | 'scp';

/**
 * The kinds of policy the linter knows; rules declare which kinds they apply to. `resource` (a bucket policy, a key
 * policy) is known only from where a template puts a policy: a standalone file with a Principal is linted as `trust`.
 */
export type PolicyKind = StandaloneKind | 'resource';

export const POLICY_KINDS: readonly StandaloneKind[] = ['identity', 'trust', 'scp'];

/** The standalone kind whose schema, hovers and file settings serve a policy: a resource policy reads as a trust policy does. */
export function standaloneKind(kind: PolicyKind): StandaloneKind {
  return kind === 'resource' ? 'trust' : kind;
}

/** A scalar value from the document together with the node it came from (for exact ranges). */
export interface Located<T> {
  value: T;
  node: Node;
}

/** A string-or-array-of-strings element such as Action or Resource; non-string items are skipped. */
export interface ValueList {
  /** The property node (`"Action": [...]`). */
  prop: Node;
  /** The value node: a string node or an array node. */
  node: Node;
  /** The string items, each with its own node. */
  items: Located<string>[];
}

/** One `"key": value` entry under a condition operator. */
export interface ConditionEntry {
  key: string;
  keyNode: Node;
  prop: Node;
  valueNode: Node;
  /** Scalar values (strings, numbers, booleans), each with its node. */
  values: Located<string | number | boolean | null>[];
}

/** One operator block such as `"StringEquals": { ... }`. */
export interface ConditionOperatorBlock {
  operator: string;
  keyNode: Node;
  prop: Node;
  valueNode: Node;
  entries: ConditionEntry[];
}

/** The Condition element of a statement. */
export interface ConditionBlock {
  prop: Node;
  node: Node;
  operators: ConditionOperatorBlock[];
}

/** One principal type with its values, e.g. `"Service": ["ssm.amazonaws.com"]`. */
export interface PrincipalEntry {
  type: string;
  keyNode: Node;
  prop: Node;
  valueNode: Node;
  values: Located<string>[];
}

/** The Principal or NotPrincipal element. */
export interface PrincipalBlock {
  prop: Node;
  node: Node;
  /** Set when the element is the bare string `"*"` (or another bare string). */
  bare?: Located<string>;
  entries: PrincipalEntry[];
}

/** A statement with its elements located; every element is optional because the input may be wrong. */
export interface Statement {
  /** The statement's object node. */
  node: Node;
  index: number;
  /** Property nodes by their exact key; the first one wins when keys repeat. */
  props: Map<string, Node>;
  sid?: Located<string>;
  effect?: Located<string>;
  action?: ValueList;
  notAction?: ValueList;
  resource?: ValueList;
  notResource?: ValueList;
  principal?: PrincipalBlock;
  notPrincipal?: PrincipalBlock;
  condition?: ConditionBlock;
}

/** The typed, located view of one policy document, parsed once and shared by every rule. */
export interface ParsedPolicy {
  text: string;
  /** Undefined when the text holds no JSON value at all. */
  root: Node | undefined;
  /** Syntax errors from jsonc-parser (comments and trailing commas are reported separately). */
  syntaxErrors: ParseError[];
  /** Comments found by the scanner (offset and length). */
  comments: { offset: number; length: number }[];
  /** Trailing commas found by the scanner (offset of the comma). */
  trailingCommas: number[];
  kind: PolicyKind;
  /** The top-level property nodes by exact key. */
  props: Map<string, Node>;
  version?: Located<string>;
  /** The value node of Statement (object or array), if present. */
  statementNode?: Node;
  statements: Statement[];
}
