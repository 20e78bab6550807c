import { wordTokens } from './normalize-text.ts';

/** A quoted span of a claim. */
export interface Quotation {
  /** The words between the quotation marks, as written. */
  text: string;
  /** Offsets of `text` in the claim (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** The quoted words in comparison form (`norm` of normalize-text.ts), in order. */
  words: string[];
}

/** A span between two quotation marks, as the marks alone show it: no word count, no title test. */
export interface QuotedSpan {
  /** `double` for `"`, `“ ”`, `„`, `« »`; `single` for `‘ ’` and a straight `'`. */
  kind: 'double' | 'single';
  /** Offset of the opening mark; -1 when the span opened before the text (a closing mark with none before it). */
  open: number;
  /** Offset of the closing mark; -1 when the span runs on past the end of the text. */
  close: number;
}

/**
 * A quotation needs at least this many words. One- and two-word quoted spans are mostly scare quotes and
 * labels (the ‘fall’ of a city, a "national uprising", a ‘collective responsibility’) that reports attach to
 * different statements; from three words on, a shared quoted span is someone's wording reproduced.
 */
export const MIN_QUOTATION_WORDS = 3;

const QUOTE_MARK = /["“”„«»‘’']/;
/** A straight `"`, a `‘` or a straight `'` after one of these (or at the start) may open a quotation. */
const OPENS_AFTER = /[\s([{\u2014\u2013-]/u;
const OPEN_DOUBLE = new Set(['“', '„', '«']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** An elided year (the '90s, the '08 race) is an apostrophe, though it sits where a quotation could open. */
const ELIDED_YEAR = /^'\p{N}{2}s?(?![\p{L}\p{N}])/u;

/**
 * Finds the quotations in a claim: spans between double quotation marks (straight `"`, curly `“ ”`, `„`,
 * guillemets) or between single marks (curly `‘ ’` or straight `'`). A claim may hold part of a quotation
 * that runs across sentences: an opening double mark left open runs to the end of the claim, and a closing
 * double mark with no opening one closes a span that starts at the beginning. Spans shorter than
 * MIN_QUOTATION_WORDS words, and quoted titles, are left out. The marks are read by `quotedSpans`.
 */
export function findQuotations(text: string, lang = 'en'): Quotation[] {
  return quotedSpans(text)
    .map(({ open, close }) => [open + 1, close < 0 ? text.length : close])
    .sort((x, y) => x[0] - y[0])
    .map(([start, end]) => ({
      text: text.slice(start, end),
      start,
      end,
      words: wordTokens(text.slice(start, end), lang).map((t) => t.norm),
    }))
    .filter((q) => q.words.length >= MIN_QUOTATION_WORDS && !isTitle(q.text));
}

/**
 * The spans between quotation marks in `text`, in the order they close. Shared by this module and
 * segment-claims.ts, so that one reading of the marks decides both what is quoted and which sentences a
 * quotation holds together.
 * - Double: `“ „ «` open and `” »` close; a straight `"` opens after white space, an opening bracket or a dash
 *   (or at the start) when no double span is open, and closes otherwise. An opening mark met while a span is
 *   open restarts it, as the earlier one was never closed.
 * - Single: `‘` opens where a straight `"` would; `’` closes unless a letter or digit follows (then it is an
 *   apostrophe: the group’s). A straight `'` opens where a straight `"` would and before a letter or digit, and
 *   closes after a non-space and before anything but a letter or digit; so don't, Iftikhar's, the U.S.' allies,
 *   the '90s and rock 'n' roll hold no single span of three words. Single marks are as often apostrophes as
 *   quotation marks, so only a single span with both its marks in the text is returned.
 */
export function quotedSpans(text: string): QuotedSpan[] {
  if (!QUOTE_MARK.test(text)) return [];
  const spans: QuotedSpan[] = [];
  let double = -1;
  let single = -1;
  let closedAny = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!QUOTE_MARK.test(ch)) continue;
    const before = i === 0 ? ' ' : text[i - 1];
    const after = i + 1 < text.length ? text[i + 1] : ' ';
    const opensAfter = OPENS_AFTER.test(before);
    if (OPEN_DOUBLE.has(ch) || (ch === '"' && opensAfter && double < 0)) {
      double = i;
    } else if (CLOSE_DOUBLE.has(ch) || ch === '"') {
      if (double >= 0 || !closedAny) spans.push({ kind: 'double', open: double, close: i });
      double = -1;
      closedAny = true;
    } else if (ch === "'" && opensAfter && WORD_CHAR.test(after) && !ELIDED_YEAR.test(text.slice(i, i + 5))) {
      single = i;
    } else if (ch === '‘' && opensAfter) {
      single = i;
    } else if (single >= 0 && !WORD_CHAR.test(after) && (ch === '’' || (ch === "'" && !/\s/u.test(before)))) {
      spans.push({ kind: 'single', open: single, close: i });
      single = -1;
    }
  }
  if (double >= 0) spans.push({ kind: 'double', open: double, close: -1 });
  return spans;
}

/**
 * A quoted title ("Harry Potter and the Order of the Phoenix") names a book, film or programme; it is not
 * anyone's words, and two reports naming the same film need not say the same thing about it. A span is a
 * title when every word after the first that is longer than three letters is capitalised.
 */
function isTitle(span: string): boolean {
  const words = span.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const long = words.slice(1).filter((w) => w.length > 3);
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w));
}

/**
 * Whether two claims quote the same words: one quotation of each, in comparison form (words joined by single
 * spaces), equal or one contained in the other as a run of whole words.
 */
export function sharesQuotation(a: readonly string[], b: readonly string[]): boolean {
  for (const qa of a) {
    for (const qb of b) {
      const [short, long] = qa.length <= qb.length ? [qa, qb] : [qb, qa];
      if (` ${long} `.includes(` ${short} `)) return true;
    }
  }
  return false;
}
