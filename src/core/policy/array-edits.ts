import type { Edit } from 'jsonc-parser';
import type { Node } from './types';

/**
 * Removes one item of an array with the separator that joins it to its neighbour, computed from node offsets, in
 * constant time (jsonc-parser's `modify` would parse the whole document again), so a rule may offer it on every one
 * of thousands of items. Edits for neighbouring items do not overlap,
 * so they apply together; the array keeps its layout (inline arrays stay inline).
 */
export function removeArrayItem(node: Node): Edit[] {
  const siblings = node.parent?.type === 'array' ? (node.parent.children ?? []) : [];
  const index = siblings.indexOf(node);
  if (index < 0) return [];
  const next = siblings[index + 1];
  if (next) return [{ offset: node.offset, length: next.offset - node.offset, content: '' }];
  const previous = siblings[index - 1];
  if (previous) {
    const start = previous.offset + previous.length;
    return [{ offset: start, length: node.offset + node.length - start, content: '' }];
  }
  return [{ offset: node.offset, length: node.length, content: '' }];
}
