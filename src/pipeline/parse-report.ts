/**
 * Turns a report's markdown body (frontmatter already removed) into its blocks in reading order: each heading
 * becomes `{ type: 'heading', depth, text }` and each paragraph `{ type: 'paragraph', claims }`, its claims cut
 * by `segmentClaims` for the report's language. Markdown is read as GitHub-flavoured markdown (GFM).
 *
 * - Paragraphs inside lists, block quotes and HTML blocks (at any depth) are paragraphs of their own, in
 *   document order; so is each run of text directly inside a list item or an HTML block.
 * - Inline markup (emphasis, strikethrough, links and autolinks, code spans, images) is dropped and its text
 *   kept; an image counts by its alt, a task list's check box not at all.
 * - A table of text cells is one paragraph whose claims are its rows, header first (see `tableRows`); a table
 *   whose cells hold blocks is read as those blocks.
 * - A footnote's text follows the block that first references it, and its marker is dropped (see `readyGfm`).
 * - Raw HTML is read as a browser would read it and then sanitised (`reportTextSchema`): the text of ordinary
 *   elements is kept, elements that are page machinery rather than report text (scripts, styles, frames, forms,
 *   embedded media) are dropped with their content, and so are HTML comments, which no reader of the original
 *   page saw. No tag, attribute or URL of the report's markup survives: only text reaches the page.
 * - Code blocks become paragraphs of their text.
 * - Soft and hard line breaks are spaces, so a claim is one line.
 * - Thematic breaks, link definitions and blocks without text are dropped; every other character of text is
 *   kept, so the report's text reads the same from its blocks as from the page its markdown makes (but for the
 *   ` · ` between a row's cells and the place of footnotes).
 * - Text pasted from anywhere is read in time that grows with its length, and without exhausting the call stack,
 *   by bounds that no ordinary report reaches and that keep every character of text: a line opens at most 32
 *   quotations and lists (`boundNesting`), a paragraph of over a hundred lines is read as one line
 *   (`joinLongParagraphs`), emphasis markers too many to pair read as text (`remarkBoundInline`, which also merges text as micromark reads it), bare links are
 *   not sought in trees thousands deep (`remarkBoundAutolinks`), the tree is flattened below 256 levels
 *   (`boundDepth`) and HTML below 500 (`readRaw`). A report that still cannot be read throws a ReportReadError
 *   naming the line to change.
 */
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import { rehype } from 'rehype';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { EXIT, visit } from 'unist-util-visit';
import type { ReportBlock } from './types.ts';
import { segmentClaims } from './segment-claims.ts';
import { readyGfm } from './mdast-ready-gfm.ts';
import { remarkBoundInline } from './remark-bound-inline.ts';
import { remarkBoundAutolinks } from './remark-bound-autolinks.ts';
import { boundNesting } from './bound-nesting.ts';
import { joinLongParagraphs } from './join-long-paragraphs.ts';
import { boundDepth } from './mdast-bound-depth.ts';
import { readRaw, type ReadRawOptions } from './hast-read-raw.ts';
import { ReportReadError } from './report-read-error.ts';

/** Elements that hold paragraphs rather than sit inside one: each starts a new block. */
const FLOW_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'header', 'hgroup', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const HEADING_DEPTHS: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const PHRASING_ELEMENTS = [
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
];

/**
 * What of a report's markup the pipeline reads: text-bearing elements only, with no attribute but an image's
 * alt (its text), so no URL, handler or style can pass. Elements named in `strip` go with everything inside
 * them: what they hold is a page's machinery (code, styling, frames, forms, media and their fallbacks), not
 * the report's text. Any other element not listed is unwrapped, its text kept, so an unknown or
 * presentational tag (`<font>`, `<x-byline>`) never loses words.
 */
export const reportTextSchema: SanitizeSchema = {
  tagNames: [...FLOW_ELEMENTS, ...Object.keys(HEADING_DEPTHS), ...PHRASING_ELEMENTS],
  attributes: { img: ['alt'] },
  strip: [
    'applet', 'audio', 'button', 'canvas', 'datalist', 'dialog', 'embed', 'form', 'frame', 'frameset', 'head', 'iframe',
    'input', 'link', 'map', 'math', 'meta', 'noembed', 'noframes', 'noscript', 'object', 'option', 'optgroup', 'param',
    'picture', 'script', 'select', 'source', 'style', 'svg', 'template', 'textarea', 'title', 'track', 'video',
  ],
  allowComments: false,
  allowDoctypes: false,
};

const toHast = remark()
  .use(remarkGfm)
  .use(remarkBoundInline)
  .use(remarkBoundAutolinks)
  .use(remarkRehype, { allowDangerousHtml: true })
  .freeze();
const sanitize = rehype().use(rehypeSanitize, reportTextSchema).freeze();
const rawOptions: ReadRawOptions = {
  blocks: new Set([...FLOW_ELEMENTS, ...Object.keys(HEADING_DEPTHS)]),
  keep: new Set([...Object.keys(HEADING_DEPTHS), 'pre']),
  strip: reportTextSchema.strip ?? [],
};

export function parseReport(markdown: string, lang = 'en'): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  const plain = plainParagraphs(markdown);
  if (plain) {
    for (const text of plain) addParagraph(text, lang, blocks);
    return blocks;
  }
  try {
    const mdast = toHast.parse(joinLongParagraphs(boundNesting(markdown)));
    readyGfm(mdast);
    boundDepth(mdast);
    const hast = toHast.runSync(mdast);
    // Raw HTML is parsed only when there is some: it is the costly step, and without it the sanitiser would drop
    // the unparsed HTML whole, text and all.
    const tree: Root = sanitize.runSync(holdsHtml(mdast) ? readRaw(hast, rawOptions) : hast);
    collectFlow(tree.children, lang, blocks);
  } catch (error) {
    // The bounds above keep every step within the call stack; should one still exhaust it, the report is named.
    if (!(error instanceof RangeError && /call stack/i.test(error.message))) throw error;
    throw new ReportReadError(
      mostMarkupLine(markdown),
      'the markup nests too deeply to be read, most of it on this line: close the HTML tags, quotations and lists ' +
        'it opens, or remove the markup and keep the text',
      { cause: error },
    );
  }
  return blocks;
}

/** The line (from 1) that holds the most characters of markup, where a report too deep to read most likely nests. */
function mostMarkupLine(markdown: string): number {
  let best = 1;
  let most = -1;
  markdown.split(/\r\n|\r|\n/).forEach((line, index) => {
    const count = line.replace(/[^<>[\]*_~`]/g, '').length;
    if (count > most) [best, most] = [index + 1, count];
  });
  return best;
}

/**
 * Reads a container's children as a browser lays them out: runs of text and inline elements between blocks
 * are paragraphs; headings are headings; a `pre` is one paragraph of its text; a table of text cells is one
 * paragraph of its rows; other blocks are read in turn.
 */
function collectFlow(children: (RootContent | ElementContent)[], lang: string, blocks: ReportBlock[]): void {
  let run = '';
  const flush = () => {
    addParagraph(run, lang, blocks);
    run = '';
  };
  for (const node of children) {
    if (node.type !== 'element') {
      if (node.type === 'text') run += node.value;
      continue;
    }
    const depth = HEADING_DEPTHS[node.tagName];
    const rows = node.tagName === 'table' ? tableRows(node) : undefined;
    if (depth) {
      flush();
      const text = oneLine(textOf(node)).trim();
      if (text !== '') blocks.push({ type: 'heading', depth, text });
    } else if (node.tagName === 'pre') {
      flush();
      addParagraph(textOf(node), lang, blocks);
    } else if (rows) {
      flush();
      if (rows.length > 0) blocks.push({ type: 'paragraph', claims: rows });
    } else if (FLOW_ELEMENTS.has(node.tagName) || holdsBlock(node)) {
      flush();
      collectFlow(node.children, lang, blocks);
    } else {
      run += textOf(node);
    }
  }
  flush();
}

/** The parts of a table that group its rows. */
const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);

/**
 * A table's rows as claims in reading order (rows as written, so a header row comes first), each row's non-empty
 * cells joined by ` · `; or undefined when the table holds more than rows of text cells (a caption, a cell
 * holding blocks, as in a layout table), which is then read block by block as any other container.
 *
 * A row is one claim because its cells state one fact together: "Roads · 4.2 million" says nothing cell by
 * cell. ` · ` joins them rather than `Item: Roads` because it adds no word the report did not write there (a
 * header repeated into every row would make any two reports with the same table header look alike), reads the
 * same for any number of columns, and is no sentence punctuation to the segmenter or the conflict finders.
 */
function tableRows(table: Element): string[] | undefined {
  const rows: string[] = [];
  for (const part of table.children) {
    if (isBlank(part)) continue;
    if (part.type !== 'element') return undefined;
    for (const row of ROW_GROUPS.has(part.tagName) ? part.children : [part]) {
      if (isBlank(row)) continue;
      if (row.type !== 'element' || row.tagName !== 'tr') return undefined;
      const cells: string[] = [];
      for (const cell of row.children) {
        if (isBlank(cell)) continue;
        if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th') || holdsBlock(cell)) return undefined;
        const text = oneLine(textOf(cell)).trim();
        if (text !== '') cells.push(text);
      }
      if (cells.length > 0) rows.push(cells.join(' · '));
    }
  }
  return rows;
}

function isBlank(node: ElementContent): boolean {
  return node.type === 'comment' || (node.type === 'text' && node.value.trim() === '');
}

function holdsHtml(tree: MdastRoot): boolean {
  let found = false;
  visit(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
}

/** An inline element wrapped around blocks (`<a><p>…</p></a>`) is read as the blocks it holds. */
function holdsBlock(element: Element): boolean {
  return element.children.some(
    (child) => child.type === 'element' && (FLOW_ELEMENTS.has(child.tagName) || child.tagName in HEADING_DEPTHS || holdsBlock(child)),
  );
}

/** The text a reader sees of an inline element: a line break reads as a space, an image as its alt. */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (node.tagName === 'br') return ' ';
  if (node.tagName === 'img') return typeof node.properties.alt === 'string' ? node.properties.alt : '';
  return node.children.map(textOf).join('');
}

function addParagraph(text: string, lang: string, blocks: ReportBlock[]): void {
  const claims = segmentClaims(oneLine(text), lang);
  if (claims.length > 0) blocks.push({ type: 'paragraph', claims });
}

/**
 * What may be markdown syntax inside a line (escapes, emphasis, GFM strikethrough, inline links and images,
 * character references; HTML: a tag name ends at a space, `/` or `>`, and other markup starts `</`, `<!`, `<?`;
 * autolinks: a scheme ends at `:`, an email address holds an `@` before any space), or changes how lines and
 * indentation are read. So `<JPY=>` or `a < b` is text. Bare brackets are text too: a reference link or a
 * footnote reference needs a definition, and a definition would start a line with a bracket (see TEXT_LINE).
 * So are GFM's other marks: a table needs a delimiter row, which starts with `|`, `:`, `-` or a space, and a
 * bare URL or email address that GFM links keeps its text.
 */
const INLINE_SYNTAX =
  /[\\*_~\r\0\t\v\f]|\]\(|&#?[A-Za-z0-9]+;|<[/!?]|<[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|<[A-Za-z][A-Za-z0-9+.-]*:|<[^\s<>]*@/;
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
