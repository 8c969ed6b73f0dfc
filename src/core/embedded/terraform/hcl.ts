import type { Node } from 'web-tree-sitter';

const MAX_BLOCK_DEPTH = 64;

/** Reading HCL bodies: the attributes and blocks of a block, and its labels. */

export interface HclBlock {
  node: Node;
  /** `resource`, `data`, `statement` … */
  type: string;
  typeNode: Node;
  labels: string[];
  /** From the block's type to its last label: where a value the block implies (a default) is reported. */
  header: { offset: number; length: number };
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

export interface HclAttribute {
  node: Node;
  name: string;
  nameNode: Node;
  expression: Node;
}

/** The blocks and attributes of a `body` node (or of a `config_file`'s body). */
export function readBody(body: Node | null | undefined, depth = 0): { attributes: Map<string, HclAttribute>; blocks: HclBlock[] } {
  const attributes = new Map<string, HclAttribute>();
  const blocks: HclBlock[] = [];
  // Blocks nest a few levels in practice; deeper ones are not read, so no input exhausts the stack.
  if (!body || depth > MAX_BLOCK_DEPTH) return { attributes, blocks };
  for (const c of body.namedChildren) {
    if (c.type === 'attribute') {
      const nameNode = c.namedChildren.find((x) => x.type === 'identifier');
      const expression = c.namedChildren.find((x) => x.type === 'expression');
      if (nameNode && expression && !attributes.has(nameNode.text)) attributes.set(nameNode.text, { node: c, name: nameNode.text, nameNode, expression });
    } else if (c.type === 'block') {
      const b = readBlock(c, depth + 1);
      if (b) blocks.push(b);
    }
  }
  return { attributes, blocks };
}

function readBlock(node: Node, depth: number): HclBlock | undefined {
  const typeNode = node.namedChildren.find((x) => x.type === 'identifier');
  if (!typeNode) return undefined;
  const labels: string[] = [];
  let headerEnd = typeNode.endIndex;
  for (const c of node.namedChildren) {
    if (c.type === 'block_start' || c.type === 'body') break;
    if (c.startIndex <= typeNode.startIndex) continue;
    if (c.type === 'string_lit' || c.type === 'identifier') {
      labels.push(c.type === 'string_lit' ? c.text.slice(1, -1) : c.text);
      headerEnd = c.endIndex;
    }
  }
  const body = node.namedChildren.find((x) => x.type === 'body');
  const { attributes, blocks } = readBody(body, depth);
  return {
    node,
    type: typeNode.text,
    typeNode,
    labels,
    header: { offset: node.startIndex, length: headerEnd - node.startIndex },
    attributes,
    blocks,
  };
}
