import type { Processor } from 'unified';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { Extension as FromMarkdownExtension, Transform } from 'mdast-util-from-markdown';

/**
 * Keeps GFM's search for bare links (`www.example.com`, `https://…`, email addresses) off a tree nested deeper
 * than `MAX_AUTOLINK_DEPTH`: a remark plugin, used after remark-gfm. The search walks the tree recursively and
 * exhausts the call stack some thousands of levels down (footnotes defined inside footnotes nest one level
 * each, and a line of them can hold thousands). Skipping it changes no text: a bare link is read as the same
 * words as a link or as plain text. Below the bound it runs as usual.
 *
 * It wraps every tree transform the markdown extensions registered before it; GFM's bare-link search is the only one.
 */
export function remarkBoundAutolinks(this: Processor): void {
  const data = this.data();
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map(bounded);
}

export const MAX_AUTOLINK_DEPTH = 1000;

function bounded(extension: FromMarkdownExtension | FromMarkdownExtension[]): FromMarkdownExtension | FromMarkdownExtension[] {
  return Array.isArray(extension) ? extension.map(boundedOne) : boundedOne(extension);
}

function boundedOne(extension: FromMarkdownExtension): FromMarkdownExtension {
  if (!extension.transforms) return extension;
  return { ...extension, transforms: extension.transforms.map(boundedTransform) };
}

function boundedTransform(transform: Transform): Transform {
  return (tree) => (deeperThan(tree, MAX_AUTOLINK_DEPTH) ? undefined : transform(tree));
}

/** Whether some node of the tree lies more than `limit` levels below its root; walks without recursion. */
function deeperThan(tree: MdastRoot, limit: number): boolean {
  for (const stack: [MdastNodes, number][] = [[tree, 0]]; stack.length > 0; ) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return false;
}
