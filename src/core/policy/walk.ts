import type { Node } from './types';

/**
 * Visits every node below (and including) `root` in document order, with an explicit stack instead of
 * recursion, so a pathologically nested document cannot overflow the call stack. `visit` may return
 * `false` to skip a node's children.
 */
export function walkNodes(root: Node | undefined, visit: (node: Node) => boolean | void): void {
  if (!root) return;
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (visit(node) === false) continue;
    const children = node.children;
    if (!children) continue;
    // Pushed in reverse so the first child is visited first.
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
}

/** Every object node below (and including) `root`, in document order; iterative, see {@link walkNodes}. */
export function objectNodes(root: Node | undefined): Node[] {
  const objects: Node[] = [];
  walkNodes(root, (node) => {
    if (node.type === 'object') objects.push(node);
    // Scalars have no children worth descending into.
    return node.type === 'object' || node.type === 'array' || node.type === 'property';
  });
  return objects;
}
