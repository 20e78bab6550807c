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
  const plain = plainParagraphs(markdown);
  if (plain) {
    const blocks: ReportBlock[] = [];
    for (const text of plain) addParagraph(text, lang, blocks);
    return blocks;
  }
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

/**
 * What may be markdown syntax inside a line (escapes, emphasis, inline links and images, character
 * references; HTML: a tag name ends at a space, `/` or `>`, and other markup starts `</`, `<!`, `<?`;
 * autolinks: a scheme ends at `:`, an email address holds an `@` before any space), or changes how lines and
 * indentation are read. So `<JPY=>` or `a < b` is text. Bare brackets are text too: a reference link needs a
 * definition, and a definition would start a line with a bracket (see TEXT_LINE).
 */
const INLINE_SYNTAX =
  /[\\*_\r\0\t\v\f]|\]\(|&#?[A-Za-z0-9]+;|<[/!?]|<[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|<[A-Za-z][A-Za-z0-9+.-]*:|<[^\s<>]*@/;
/** A line that can only be paragraph text: it starts with a letter, a digit that opens no list, a quote or a bracket. */
const TEXT_LINE = /^[\p{L}\p{N}"“‘'(]/u;
const LIST_ITEM = /^\d{1,9}[.)]/;
const BLANK_LINE = /^ *$/;
const TRAILING_SPACES = / +$/;

/**
 * The paragraphs of a body written as plain text, each as one line, or undefined when the body holds anything
 * markdown could read otherwise: remark is then asked. For such a body CommonMark makes each run of lines
 * between blank lines a paragraph and drops the spaces that end its lines, and a line break inside a
 * paragraph becomes a space here as in oneLine, so the result is the one remark gives, faster (parsing is
 * most of the cost of reading a report).
 */
function plainParagraphs(markdown: string): string[] | undefined {
  if (INLINE_SYNTAX.test(markdown)) return undefined;
  const paragraphs: string[] = [];
  let lines: string[] = [];
  const end = () => {
    const text = lines.join(' ');
    lines = [];
    if (hasCodeSpan(text)) return false;
    paragraphs.push(text);
    return true;
  };
  for (const line of markdown.split('\n')) {
    if (BLANK_LINE.test(line)) {
      if (lines.length > 0 && !end()) return undefined;
    } else if (TEXT_LINE.test(line) && !LIST_ITEM.test(line)) {
      lines.push(line.replace(TRAILING_SPACES, ''));
    } else {
      return undefined;
    }
  }
  if (lines.length > 0 && !end()) return undefined;
  return paragraphs;
}

/** A run of backticks opens a code span only when a run of the same length follows it in the paragraph. */
function hasCodeSpan(paragraph: string): boolean {
  if (!paragraph.includes('`')) return false;
  const lengths = new Set<number>();
  for (const run of paragraph.match(/`+/g) ?? []) {
    if (lengths.has(run.length)) return true;
    lengths.add(run.length);
  }
  return false;
}

/** Line breaks, with the indentation around them, become single spaces. */
function oneLine(text: string): string {
  return text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ');
}
