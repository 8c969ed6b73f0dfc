import { findNodeAtLocation, getNodeValue, parseTree, type Edit, type Node } from 'jsonc-parser';
import { applyAll, minimalEdit } from './edits';
import type { Located, ParsedPolicy, Statement } from './types';

/**
 * Edits that take one Action or Resource item out of a statement and add a statement of its own after the last one:
 * same Effect, the item, and the given Action or Resource beside it (the condition is copied unless `withCondition`
 * is false). Empty when the Statement element or the item's list is not an array.
 */
export function moveToNewStatement(
  policy: ParsedPolicy,
  st: Statement,
  item: Located<string>,
  element: 'Action' | 'Resource',
  other: unknown,
  withCondition = true,
): Edit[] {
  const list = element === 'Action' ? st.action : st.resource;
  if (policy.statementNode?.type !== 'array' || list?.node.type !== 'array' || list.items.length < 2) return [];
  const added: Record<string, unknown> = { Effect: st.effect?.value };
  if (element === 'Action') Object.assign(added, { Action: item.value, Resource: other });
  else Object.assign(added, { Action: other, Resource: item.value });
  if (withCondition && st.condition) added.Condition = getNodeValue(st.condition.node) as unknown;
  // The item is removed first (jsonc-parser may reformat the statement), then the statement is added after the last
  // one of the result, on a line of its own when the statements are one per line; one edit covers both.
  const removed = applyAll(policy.text, removeArrayItem(list.node.children ?? [], item.node));
  const statements = findNodeAtLocation(parseTree(removed) ?? { type: 'null', offset: 0, length: 0 }, ['Statement']);
  const tail = statements?.type === 'array' ? statements.children?.[statements.children.length - 1] : undefined;
  if (!statements || !tail) return [];
  const lineStart = removed.lastIndexOf('\n', tail.offset - 1) + 1;
  const indent = removed.slice(lineStart, tail.offset);
  const separator = /^[ \t]*$/.test(indent) && lineStart > statements.offset ? `,\n${indent}` : ', ';
  const at = tail.offset + tail.length;
  const next = `${removed.slice(0, at)}${separator}${JSON.stringify(added)}${removed.slice(at)}`;
  return minimalEdit(policy.text, [{ offset: 0, length: policy.text.length, content: next }]);
}

/** Removes an array item with the separator before it (after it, for the first item), leaving the rest as written. */
function removeArrayItem(items: readonly Node[], node: Node): Edit[] {
  const i = items.indexOf(node);
  const prev = items[i - 1];
  const next = items[i + 1];
  if (i < 0) return [];
  if (prev) return [{ offset: prev.offset + prev.length, length: node.offset + node.length - (prev.offset + prev.length), content: '' }];
  if (next) return [{ offset: node.offset, length: next.offset - node.offset, content: '' }];
  return [];
}
