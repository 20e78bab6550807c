/**
 * Turns a report's markdown body (frontmatter already removed) into its blocks in reading order: each heading
 * becomes `{ type: 'heading', depth, text }` and each paragraph `{ type: 'paragraph', claims }`, its claims cut
 * by `segmentClaims` for the report's language.
 *
 * - Paragraphs inside lists and block quotes (at any depth) are paragraphs of their own, in document order.
 * - Inline markup (emphasis, links, code spans, images) is dropped and its text kept; an image counts by its alt.
 * - Raw HTML and code blocks become paragraphs of their source text, to be shown as text and never as HTML;
 *   inline HTML likewise stays in its paragraph as literal text. HTML comments are dropped: no reader of the
 *   original page ever saw them.
 * - Soft and hard line breaks are spaces, so a claim is one line.
 * - Thematic breaks, link definitions and blocks without text are dropped; every other character of text is
 *   kept, so the report's text reads the same from its blocks as from its markdown.
 */
import { remark } from 'remark';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Nodes, Parent } from 'mdast';
import type { ReportBlock } from './types.ts';
import { segmentClaims } from './segment-claims.ts';

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

export function parseReport(markdown: string, lang = 'en'): ReportBlock[] {
  const tree = remark().parse(markdown);
  // A hard break has no text of its own; without a space the words either side of it would run together.
  visit(tree, 'break', (_node, index, parent) => {
    if (parent && index !== undefined) parent.children[index] = { type: 'text', value: ' ' };
  });
  visit(tree, 'html', (node) => {
    node.value = node.value.replace(HTML_COMMENT, '');
  });
  const blocks: ReportBlock[] = [];
  collect(tree, lang, blocks);
  return blocks;
}

function collect(parent: Parent, lang: string, blocks: ReportBlock[]): void {
  for (const node of parent.children as Nodes[]) {
    if (node.type === 'heading') {
      const text = oneLine(toString(node)).trim();
      if (text !== '') blocks.push({ type: 'heading', depth: node.depth, text });
    } else if (node.type === 'paragraph') {
      addParagraph(toString(node), lang, blocks);
    } else if (node.type === 'html' || node.type === 'code') {
      addParagraph(node.value, lang, blocks);
    } else if ('children' in node) {
      collect(node, lang, blocks);
    }
  }
}

function addParagraph(text: string, lang: string, blocks: ReportBlock[]): void {
  const claims = segmentClaims(oneLine(text), lang);
  if (claims.length > 0) blocks.push({ type: 'paragraph', claims });
}

/** Line breaks, with the indentation around them, become single spaces. */
function oneLine(text: string): string {
  return text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ');
}
