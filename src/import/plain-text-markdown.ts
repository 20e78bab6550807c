import type { Paragraph, Root } from 'mdast';
import { remark } from 'remark';

/**
 * Markdown of a report saved as plain text. Paragraphs are separated by blank lines, and the lines of one
 * paragraph are joined with spaces (text copied from a page or an email is often wrapped); text with no blank
 * line at all has one paragraph per line, which is how text copied from a browser usually arrives. The text
 * is written through remark-stringify, so characters markdown would read as markup (`#`, `*`, `1.`, `<`)
 * are escaped and every word stays text. Returns `''` when there is no text.
 */
export function plainTextMarkdown(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const blocks = lines.some((line) => line.trim() === '')
    ? lines.join('\n').split(/\n[ \t]*\n/).map((block) => block.split('\n'))
    : lines.map((line) => [line]);
  const children: Paragraph[] = blocks
    .map((block) => block.map((line) => line.trim()).filter((line) => line !== '').join(' ').replace(/[ \t]+/g, ' '))
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => ({ type: 'paragraph', children: [{ type: 'text', value: paragraph }] }));
  if (children.length === 0) return '';
  const tree: Root = { type: 'root', children };
  return remark().stringify(tree).trim() + '\n';
}
