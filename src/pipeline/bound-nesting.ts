/**
 * Bounds how deep one line of markdown can nest quotations and lists. The markers that open containers at the
 * start of a line (`>`, `-`, `*`, `+`, `1.`, `1)`) are read as markers up to `MAX_LINE_NESTING`, and the next is
 * escaped with a backslash, so it and everything after it on the line read as the paragraph's text, every
 * character kept. The white space among them, which carries a line into the lists opened above it, is kept up to
 * `MAX_LINE_INDENT` columns; white space beyond goes (it is no text). A line within both bounds is left as it is
 * (so is a thematic break, `- - - …`, which opens nothing), and so is every report that nests less: a page is
 * rarely laid out more than a few levels deep.
 *
 * Why: micromark opens the containers of a line one by one, checking each against those already open, and checks
 * every open container again on each line that follows; thousands of markers on one line (`> > > …`,
 * `- - - … item`), or lines indented thousands of columns into lists opened above, cost seconds, growing faster
 * than the text, and nest deeper than the steps after parsing can walk. Within both bounds a line continues or
 * opens at most about a hundred containers.
 *
 * The line is read as markdown reads a line's start; a line of a fenced code block is read so too, so such a line
 * beyond the bounds would show the backslash or lose indentation.
 */
export const MAX_LINE_NESTING = 32;
/** Columns of white space a line's container prefix keeps (a tab counts four). */
export const MAX_LINE_INDENT = 128;

export function boundNesting(markdown: string): string {
  let out: string[] | undefined;
  let copied = 0;
  // CommonMark ends a line at \n, \r\n or a lone \r.
  for (const line of markdown.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)) {
    if (line[0] === '') break;
    for (const edit of prefixEdits(markdown, line.index, line.index + line[0].replace(/[\r\n]+$/, '').length)) {
      (out ??= []).push(markdown.slice(copied, edit.at), edit.insert);
      copied = edit.at + edit.remove;
    }
  }
  return out ? out.join('') + markdown.slice(copied) : markdown;
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/**
 * The edits that bound a line's container prefix: white space beyond MAX_LINE_INDENT columns removed, and a
 * backslash before the marker after the first MAX_LINE_NESTING.
 */
function prefixEdits(text: string, start: number, end: number): Edit[] {
  const edits: Edit[] = [];
  let markers = 0;
  let columns = 0;
  let i = start;
  for (;;) {
    let cutFrom = -1;
    for (; i < end && (text[i] === ' ' || text[i] === '\t'); i++) {
      columns += text[i] === '\t' ? 4 : 1;
      if (columns > MAX_LINE_INDENT && cutFrom < 0) cutFrom = i;
    }
    if (cutFrom >= 0) edits.push({ at: cutFrom, remove: i - cutFrom, insert: '' });
    if (i >= end) return edits;
    const ch = text[i]!;
    let marker = -1;
    let next = i + 1;
    if (ch === '>') {
      marker = i;
    } else if ((ch === '-' || ch === '*' || ch === '+') && spaceOrEnd(text, i + 1, end)) {
      marker = i;
    } else if (ch >= '0' && ch <= '9') {
      let digits = i;
      while (digits < end && digits - i < 9 && text[digits]! >= '0' && text[digits]! <= '9') digits++;
      if ((text[digits] === '.' || text[digits] === ')') && spaceOrEnd(text, digits + 1, end)) {
        marker = digits;
        next = digits + 1;
      }
    }
    if (marker < 0) return edits;
    if (markers === MAX_LINE_NESTING) {
      if (!isThematicBreak(text, i, end)) edits.push({ at: marker, remove: 0, insert: '\\' });
      return edits;
    }
    markers++;
    i = next;
  }
}

function spaceOrEnd(text: string, at: number, end: number): boolean {
  return at >= end || text[at] === ' ' || text[at] === '\t' || text[at] === '\r';
}

/** Whether the rest of the line is a thematic break: three or more of one of `-`, `*`, `_`, and spaces only. */
function isThematicBreak(text: string, from: number, end: number): boolean {
  const mark = text[from];
  if (mark !== '-' && mark !== '*' && mark !== '_') return false;
  let count = 0;
  for (let i = from; i < end; i++) {
    const ch = text[i];
    if (ch === mark) count++;
    else if (ch !== ' ' && ch !== '\t' && ch !== '\r') return false;
  }
  return count >= 3;
}
