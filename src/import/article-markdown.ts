import type { Root as HastRoot } from 'hast';
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { rehype } from 'rehype';
import rehypeRemark from 'rehype-remark';
import { remark } from 'remark';

const toMdast = rehype().use(rehypeRemark).freeze();
const toMarkdown = remark().data('settings', { bullet: '-' }).freeze();

/**
 * Markdown of an article's body (see articleBody), through rehype-remark and remark-stringify, holding text
 * only: paragraphs, headings, lists, block quotes, emphasis and code.
 * - Links become their text. The comparison reads only text, and a report's links point wherever its outlet
 *   chose (trackers, `javascript:`): Crossread shows none of them, so the file keeps none.
 * - Images are dropped (see articleBody); raw HTML (which rehype-remark makes of comments) is dropped; struck
 *   text keeps its words; a table becomes one paragraph per cell (CommonMark, which this writes, has no tables;
 *   the comparison would read a GFM table written by hand as a claim per row).
 * - Text that looks like markup (`<script>`, `* a`, `1. a`) is escaped by remark-stringify, so it stays text.
 * Returns `''` when the body holds no text.
 */
export function articleMarkdown(body: HastRoot): string {
  const tree = toMdast.runSync(structuredClone(body)) as Root;
  tree.children = textOnly(tree.children) as RootContent[];
  if (toString(tree).trim() === '') return '';
  return toMarkdown.stringify(tree).trim() + '\n';
}

/** Keeps the nodes CommonMark can write as text; see articleMarkdown for what becomes of the others. */
function textOnly(nodes: Nodes[]): Nodes[] {
  const kept: Nodes[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'html':
      case 'image':
      case 'imageReference':
      case 'definition':
      case 'footnoteDefinition':
      case 'footnoteReference':
        break;
      case 'link':
      case 'linkReference':
      case 'delete':
        kept.push(...textOnly(node.children));
        break;
      case 'table':
        for (const row of node.children) {
          for (const cell of row.children) {
            const paragraph: Paragraph = { type: 'paragraph', children: textOnly(cell.children) as PhrasingContent[] };
            if (toString(paragraph).trim() !== '') kept.push(paragraph);
          }
        }
        break;
      default:
        if ('children' in node) node.children = textOnly(node.children) as typeof node.children;
        if (!isEmptyBlock(node)) kept.push(node);
    }
  }
  return kept;
}

/** A paragraph or heading left without text (it held only an image, say) would be an empty line of markup. */
function isEmptyBlock(node: Nodes): boolean {
  return (node.type === 'paragraph' || node.type === 'heading') && toString(node).trim() === '';
}
