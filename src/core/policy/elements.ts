import type { Edit } from 'jsonc-parser';
import { didYouMean } from '../util/did-you-mean';
import { hasWildcard, wildcardToRegExp } from '../util/wildcard';
import { propKey } from './parse';
import type { Node, Statement } from './types';

/** The elements IAM accepts at the top level of a policy document (names are case-sensitive). */
export const TOP_LEVEL_ELEMENTS: readonly string[] = ['Version', 'Id', 'Statement'];

/** The elements IAM accepts inside a statement (names are case-sensitive). */
export const STATEMENT_ELEMENTS: readonly string[] = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];

/** The STS actions a role trust policy grants to the principals allowed to assume the role. */
export const TRUST_ACTIONS: readonly string[] = [
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:TagSession',
  'sts:SetSourceIdentity',
  'sts:SetContext',
];

/**
 * The allowed element a misspelled key most likely means (wrong case or a close typo), or undefined.
 * Rules that report a missing element use it to stay silent when unknown-element already offers the rename.
 */
export function suggestElement(key: string, allowed: readonly string[]): string | undefined {
  if (allowed.includes(key)) return undefined;
  return didYouMean(key, allowed);
}

/** The key strings of an object node's properties, in document order (duplicates kept). */
export function objectKeys(node: Node): string[] {
  const keys: string[] = [];
  if (node.type !== 'object') return keys;
  for (const prop of node.children ?? []) {
    const key = propKey(prop);
    if (typeof key?.value === 'string') keys.push(key.value);
  }
  return keys;
}

/** True when the statement has `element`, or a key that unknown-element would rename to it. */
export function hasElementOrMisspelling(st: Statement, element: string): boolean {
  if (st.props.has(element)) return true;
  for (const key of st.props.keys()) {
    if (suggestElement(key, STATEMENT_ELEMENTS) === element) return true;
  }
  return false;
}

const trustActionsLower = TRUST_ACTIONS.map((a) => a.toLowerCase());

/** True when an action (or action pattern such as `sts:Assume*`) names one of the role-trust STS actions. */
export function isTrustAction(value: string): boolean {
  const lower = value.toLowerCase();
  if (!lower.startsWith('sts:')) return false;
  if (trustActionsLower.includes(lower)) return true;
  if (!hasWildcard(lower)) return false;
  const re = wildcardToRegExp(lower);
  return trustActionsLower.some((a) => re.test(a));
}

/**
 * True for a role trust statement: it names a principal and every action is an STS assume/tag action.
 * Resource policies (S3 bucket, KMS key …) also name principals but grant their own service's actions.
 */
export function isRoleTrustStatement(st: Statement): boolean {
  if (!st.principal && !st.notPrincipal) return false;
  const action = st.action;
  if (!action || action.items.length === 0) return false;
  // A non-string item means the element is malformed; do not guess what kind of statement it is.
  if (action.node.type === 'array' && action.items.length !== (action.node.children?.length ?? 0)) return false;
  return action.items.every((item) => isTrustAction(item.value));
}

/** A short English description of a JSON node's type, for messages ("a number", "an array" …). */
export function describeType(node: Node): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      // Whole texts, so that src/core/i18n/slots.ja.json can translate them.
      return node.value === true ? 'the boolean true' : 'the boolean false';
    case 'null':
      return 'null';
    default:
      return node.type;
  }
}

/**
 * Edits that delete a property from its object and its separating comma, leaving the rest of the text as written
 * (jsonc-parser's modify() would reformat a single-line document).
 */
export function removeProperty(text: string, prop: Node): Edit[] {
  const siblings = prop.parent?.children ?? [prop];
  const index = siblings.indexOf(prop);
  const end = prop.offset + prop.length;
  const prev = index > 0 ? siblings[index - 1] : undefined;
  if (prev) {
    const prevEnd = prev.offset + prev.length;
    const comma = text.indexOf(',', prevEnd);
    const start = comma >= 0 && comma < prop.offset ? comma : prevEnd;
    return [{ offset: start, length: end - start, content: '' }];
  }
  const next = index >= 0 ? siblings[index + 1] : undefined;
  if (next) return [{ offset: prop.offset, length: next.offset - prop.offset, content: '' }];
  return [{ offset: prop.offset, length: prop.length, content: '' }];
}
