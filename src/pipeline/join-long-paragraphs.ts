/**
 * Joins the lines of a long paragraph into one line before micromark reads the markdown, which reads the same:
 * a line break inside a paragraph is a space on the page and in a claim. Only a run of more than `LONG_RUN`
 * lines without a blank line is touched, so every report of ordinary paragraphs is left as it is.
 *
 * Why: a line that continues a paragraph inside a quotation or a list item without repeating its markers (a
 * lazy line: `> He said` followed by unmarked lines) makes micromark look back over the whole paragraph, so a
 * paragraph of thousands of such lines costs seconds, growing with the square of its lines.
 *
 * Within such a run, a line is joined to the paragraph before it when it can only continue that paragraph:
 * - the paragraph's first line is text (no heading, code, table, HTML or link definition), indented less than
 *   a code block, and no line of it ends with a backslash (a hard break that would read as one);
 * - the line opens nothing: no list marker, no more `>` than the paragraph's first line, no heading, rule,
 *   fence or HTML at its start, no footnote definition.
 * A run with a table's delimiter row is left whole, and joining stops at a fence or an HTML block, whose lines
 * are not paragraph text. The markers and indentation of a joined line go with its line break: they only
 * carried it into the paragraph.
 */
export const LONG_RUN = 100;

export function joinLongParagraphs(markdown: string): string {
  // CommonMark ends a line at \n, \r\n or a lone \r; each line keeps its own ending.
  const lines = markdown.split(/(?<=\r\n|\r(?!\n)|\n)/);
  const joined = new Set<number>();
  for (let start = 0; start < lines.length; ) {
    if (isBlank(lines[start]!)) {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && !isBlank(lines[end]!)) end++;
    if (end - start > LONG_RUN && !lines.slice(start, end).some(isDelimiterRow)) joinRun(lines, start, end, joined);
    start = end;
  }
  return joined.size > 0 ? lines.filter((_, index) => !joined.has(index)).join('') : markdown;
}

/** Joins the lines of lines[start, end) that continue a paragraph to its first line; notes each in `joined`. */
function joinRun(lines: string[], start: number, end: number, joined: Set<number>): void {
  let head = -1;
  let headQuotes = 0;
  /** The head line and the text joined to it so far, each without its line ending. */
  let parts: string[] = [];
  let ending = '';
  const close = () => {
    if (head >= 0 && parts.length > 1) lines[head] = parts.join(' ') + ending;
  };
  for (let index = start; index < end; index++) {
    const line = read(lines[index]!);
    if (line.blockStart) break;
    const continues =
      head >= 0 &&
      !line.list &&
      line.quotes <= headQuotes &&
      !line.content.startsWith('>') &&
      continuesText(line.content) &&
      !endsWithBackslash(parts.at(-1)!) &&
      !endsWithBackslash(line.content);
    if (continues) {
      parts.push(trimEnd(line.content));
      ending = lineEnding(lines[index]!);
      joined.add(index);
      continue;
    }
    close();
    head = !line.code && startsText(line.content) ? index : -1;
    headQuotes = line.outerQuotes;
    parts = [trimEnd(lines[index]!)];
    ending = lineEnding(lines[index]!);
  }
  close();
}

function trimEnd(line: string): string {
  return line.replace(/[ \t\r\n]+$/, '');
}

function lineEnding(line: string): string {
  return /\r?\n?$/.exec(line)![0];
}

interface Line {
  /** The `>` markers at its start, and those of them before any list marker (the quotations around a list). */
  quotes: number;
  outerQuotes: number;
  /** Whether a list marker stands at its start. */
  list: boolean;
  /** Whether its text may be indented code: a tab, or four columns of spaces, among or after its markers. */
  code: boolean;
  /** Its text, after the markers and white space. */
  content: string;
  /** A fence or HTML at its start: what follows may be code or HTML rather than paragraph text. */
  blockStart: boolean;
}

/** Reads the container markers at a line's start as markdown does, but with no knowledge of the lines before. */
function read(line: string): Line {
  let quotes = 0;
  let outerQuotes = 0;
  let list = false;
  let code = false;
  let i = 0;
  for (;;) {
    const before = i;
    while (line[i] === ' ') i++;
    if (line[i] === '\t' || i - before >= 4) {
      code = true;
      break;
    }
    if (line[i] === '>') {
      quotes++;
      if (!list) outerQuotes++;
      i++;
      if (line[i] === ' ') i++;
      continue;
    }
    const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t\r\n]|$)/.exec(line.slice(i, i + 11));
    if (!marker || isRule(line.slice(i))) break;
    list = true;
    i += marker[0].length;
    const spaces = /^ */.exec(line.slice(i, i + 6))![0].length;
    if (spaces >= 5 || line[i + spaces] === '\t') {
      code = true;
      break;
    }
    i += spaces;
  }
  const content = line.slice(i).replace(/^[ \t]+/, '');
  return { quotes, outerQuotes, list, code, content, blockStart: /^(?:```|~~~|<)/.test(content) };
}

/**
 * Whether a line ends with a backslash, perhaps before spaces: a hard break, or a backslash that would become one
 * once the spaces after it go. Such a line ends a run of joined lines.
 */
function endsWithBackslash(line: string): boolean {
  return /\\[ \t]*(?:\r\n|\r|\n)?$/.test(line);
}

/** Text that starts a paragraph: a letter, a digit that opens no list, a quotation mark or a bracket. */
function startsText(content: string): boolean {
  return /^[\p{L}\p{N}"“‘'(]/u.test(content) && !/^\d{1,9}[.)]/.test(content);
}

/** Text that can only continue a paragraph: it opens no heading, rule, setext underline or footnote definition. */
function continuesText(content: string): boolean {
  if (isBlank(content) || isRule(content)) return false;
  if (/^#{1,6}(?:[ \t\r\n]|$)/.test(content) || /^\[\^/.test(content) || /^\d{1,9}[.)]/.test(content)) return false;
  return !/^[-*+](?:[ \t\r\n]|$)/.test(content);
}

/** A thematic break or setext underline: one of `- * _ =` repeated, with spaces only. */
function isRule(text: string): boolean {
  return /^([-*_=])(?:[ \t]*\1)*[ \t\r\n]*$/.test(text.trimStart()) && text.trim().length > 0;
}

function isBlank(line: string): boolean {
  return /^[ \t\r\n]*$/.test(line);
}

/** A table's delimiter row (after any `>` markers): pipes, colons and dashes only, with a pipe and a dash. */
function isDelimiterRow(line: string): boolean {
  const rest = line.replace(/^[ \t>]*/, '');
  return /^[|:\- \t\r\n]+$/.test(rest) && rest.includes('|') && rest.includes('-');
}
