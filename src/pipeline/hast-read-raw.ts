import { rehype } from 'rehype';
import rehypeRaw from 'rehype-raw';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { Element, ElementContent, Nodes, Root, RootContent } from 'hast';

/**
 * Parses the raw HTML in a report's hast tree (the `raw` nodes remark-rehype leaves) into elements and text, as a
 * browser reads it, without exhausting the call stack however deep the HTML nests. What goes in: a tree as
 * remark-rehype makes it, whose own depth is bounded (see `boundDepth`). What comes out: the same tree with its
 * HTML parsed, for the sanitiser.
 *
 * rehype-raw builds its tree recursively, and thousands of unclosed or nested tags (`<b><b><b>…`, `<div><div>…`)
 * nest thousands deep in a browser's reading and overflow the stack. So a tree whose HTML could nest deeper than
 * `MAX_HTML_DEPTH` (it holds that many tags) is parsed first without recursion (parse5, as rehype-raw uses it, on
 * the tree written out as HTML), and only if it truly nests deeper is that reading kept: built without recursion,
 * each element below `MAX_HTML_DEPTH` gives way to what it holds, an element that makes blocks (`options.blocks`,
 * or any element holding one) leaving an empty block in its place at each end, so the text runs that make
 * paragraphs stay apart; a heading or preformatted block (`options.keep`) stays, its content flattened, unless it
 * sits in another. Elements in `options.strip` go with their content, as the sanitiser would drop them.
 * Every other tree is parsed by rehype-raw, as before: the bound changes nothing below it.
 */
export function readRaw(tree: Root, options: ReadRawOptions): Root {
  if (possibleDepth(tree) <= MAX_HTML_DEPTH) return parseRaw(tree);
  const fragment = parseFragment(toHtml(tree), { scriptingEnabled: false });
  if (depthOf(fragment) <= MAX_HTML_DEPTH) return parseRaw(tree);
  return fromParse5(fragment, options);
}

export interface ReadRawOptions {
  /** Elements that start a block of their own (paragraphs, sections, list items, headings…). */
  blocks: ReadonlySet<string>;
  /** Blocks read as a whole (headings, preformatted text): kept below the bound, with their own content flattened. */
  keep: ReadonlySet<string>;
  /** Elements dropped with their content. */
  strip: readonly string[];
}

/** Deeper than this the tree is built without recursion, and flattened below it. */
export const MAX_HTML_DEPTH = 500;

const rawProcessor = rehype().use(rehypeRaw).freeze();
const parseRaw = (tree: Root): Root => rawProcessor.runSync(tree) as Root;

type P5Node = DefaultTreeAdapterMap['node'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];
/** A node's children; a template's are in its content, where a browser (and rehype-raw) puts them. */
const childrenOf = (node: P5Node): P5Node[] =>
  'content' in node && node.nodeName === 'template'
    ? (node as DefaultTreeAdapterMap['template']).content.childNodes
    : 'childNodes' in node
      ? (node as P5Parent).childNodes
      : [];

/**
 * A generous estimate of the depth the parsed HTML can reach, cheap to count: the tree's own depth plus three
 * levels for each `<` of its raw HTML (a tag opens at most one element, and the parser adds few of its own, such
 * as a table's body and row). Should HTML ever nest deeper than its estimate, parseReport names the report.
 */
function possibleDepth(tree: Root): number {
  let deepest = 0;
  let tags = 0;
  for (const stack: [Nodes, number][] = [[tree, 0]]; stack.length > 0; ) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (node.type === 'raw') for (let at = node.value.indexOf('<'); at >= 0; at = node.value.indexOf('<', at + 1)) tags++;
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest + 3 * tags + 8;
}

function depthOf(root: P5Node): number {
  let deepest = 0;
  for (const stack: [P5Node, number][] = [[root, 0]]; stack.length > 0; ) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of childrenOf(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The tree as HTML, its raw nodes as written; of attributes only an image's alt, the one the reading keeps. */
function toHtml(tree: Root): string {
  const out: string[] = [];
  for (const stack: (Nodes | string)[] = [tree]; stack.length > 0; ) {
    const node = stack.pop()!;
    if (typeof node === 'string') out.push(node);
    else if (node.type === 'text') out.push(escapeText(node.value));
    else if (node.type === 'raw') out.push(node.value);
    else if (node.type === 'comment') out.push(`<!--${node.value}-->`);
    else if (node.type === 'root' || node.type === 'element') {
      if (node.type === 'element') {
        const alt = node.tagName === 'img' && typeof node.properties.alt === 'string' ? ` alt="${escapeText(node.properties.alt).replace(/"/g, '&quot;')}"` : '';
        out.push(`<${node.tagName}${alt}>`);
        if (VOID.has(node.tagName)) continue;
        stack.push(`</${node.tagName}>`);
      }
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
    }
  }
  return out.join('');
}

/** parse5's tree as hast, built without recursion and flattened below MAX_HTML_DEPTH (see readRaw). */
function fromParse5(fragment: P5Node, { blocks, keep, strip }: ReadRawOptions): Root {
  const stripped = new Set(strip);
  const blocky = holdingBlocks(fragment, blocks);
  const root: Root = { type: 'root', children: [] };
  const boundary = (): Element => ({ type: 'element', tagName: 'div', properties: {}, children: [] });
  type Into = (RootContent | ElementContent)[];
  // Each entry: a parse5 node to convert (or null: a boundary to add), the hast children it goes into, its depth,
  // and whether it lies in a block kept below the bound.
  const stack: [P5Node | null, Into, number, boolean][] = [];
  const pushChildren = (node: P5Node, into: Into, depth: number, inKept: boolean) => {
    const children = childrenOf(node);
    for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, into, depth, inKept]);
  };
  pushChildren(fragment, root.children, 1, false);
  while (stack.length > 0) {
    const [node, into, depth, inKept] = stack.pop()!;
    if (node === null) {
      into.push(boundary());
      continue;
    }
    if (node.nodeName === '#text') {
      into.push({ type: 'text', value: (node as DefaultTreeAdapterMap['textNode']).value });
      continue;
    }
    if (!('tagName' in node) || stripped.has(node.tagName)) continue;
    const children = childrenOf(node);
    const kept = keep.has(node.tagName) && !inKept;
    if (depth > MAX_HTML_DEPTH && children.length > 0 && !kept) {
      const apart = blocky.has(node);
      if (apart) into.push(boundary());
      if (apart) stack.push([null, into, depth, inKept]);
      pushChildren(node, into, depth, inKept);
      continue;
    }
    const alt = node.tagName === 'img' ? node.attrs.find((attr) => attr.name === 'alt') : undefined;
    const element: Element = { type: 'element', tagName: node.tagName, properties: alt ? { alt: alt.value } : {}, children: [] };
    into.push(element);
    pushChildren(node, element.children, depth + 1, inKept || (kept && depth > MAX_HTML_DEPTH));
  }
  return root;
}

/** The elements that make blocks or hold one at any depth, found without recursion. */
function holdingBlocks(fragment: P5Node, blocks: ReadonlySet<string>): Set<P5Node> {
  const holding = new Set<P5Node>();
  const order: [P5Node, P5Node | undefined][] = [];
  for (const stack: [P5Node, P5Node | undefined][] = [[fragment, undefined]]; stack.length > 0; ) {
    const entry = stack.pop()!;
    order.push(entry);
    for (const child of childrenOf(entry[0])) stack.push([child, entry[0]]);
  }
  for (let index = order.length - 1; index >= 0; index--) {
    const [node, parent] = order[index]!;
    const makesBlock = 'tagName' in node && (blocks.has(node.tagName) || holding.has(node));
    if (makesBlock && parent) holding.add(parent);
    if ('tagName' in node && blocks.has(node.tagName)) holding.add(node);
  }
  return holding;
}
