import type { Nodes as MdastNodes, Parents as MdastParents, Root as MdastRoot } from 'mdast';

/**
 * Bounds the depth of a markdown tree, in place and without recursion, so that the steps after parsing (which walk
 * the tree recursively: mdast-util-to-hast, hast-util-raw, the sanitiser) cannot exhaust the call stack. Below
 * `MAX_TREE_DEPTH` nothing changes. A node at that depth keeps its own type but not the nesting below it: each
 * quotation, list and list item inside it gives way to the blocks it holds, and each emphasis, strong, deleted
 * text or link to the text it holds, in the same order. So every paragraph, heading, table and code block of the
 * deep part is read as it would be, one after the other, and no character is lost; a list item that receives
 * blocks is made loose, so that its paragraphs stay apart rather than run into one.
 *
 * Only pathological text comes near the bound: markdown nested that deep is laid out nowhere.
 */
export const MAX_TREE_DEPTH = 256;

/** Nodes that only wrap others; below the bound they give way to what they hold. */
const WRAPPERS = new Set(['blockquote', 'list', 'listItem', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

export function boundDepth(tree: MdastRoot): void {
  for (const stack: [MdastNodes, number][] = [[tree, 0]]; stack.length > 0; ) {
    const [node, depth] = stack.pop()!;
    if (!('children' in node)) continue;
    if (depth >= MAX_TREE_DEPTH && node.children.some((child) => WRAPPERS.has(child.type))) {
      setChildren(node, unwrapped(node.children));
      if (node.type === 'listItem') node.spread = true;
      if (node.type === 'list') node.spread = true;
    }
    for (const child of node.children) stack.push([child, depth + 1]);
  }
}

/** The nodes, each wrapper replaced by what it holds, to any depth, in order. */
function unwrapped(nodes: MdastNodes[]): MdastNodes[] {
  const out: MdastNodes[] = [];
  for (const pending = [...nodes].reverse(); pending.length > 0; ) {
    const node = pending.pop()!;
    if (WRAPPERS.has(node.type) && 'children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index]!);
    } else {
      out.push(node);
    }
  }
  return out;
}

/** Replaces a parent's children with nodes that came from below it, which mdast's types cannot tell. */
function setChildren(parent: MdastParents, children: MdastNodes[]): void {
  (parent as { children: MdastNodes[] }).children = children;
}
