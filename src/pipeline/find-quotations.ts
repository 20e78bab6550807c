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

/**
 * A quotation needs at least this many words. One- and two-word quoted spans are mostly scare quotes and
 * labels (the ‘fall’ of a city, a "national uprising", a ‘collective responsibility’) that reports attach to
 * different statements; from three words on, a shared quoted span is someone's wording reproduced.
 */
export const MIN_QUOTATION_WORDS = 3;

const QUOTE_MARK = /["“”„«»‘’]/;
/** A straight `"` or a `‘` after one of these (or at the start) opens a quotation. */
const OPENS_AFTER = /[\s([{\u2014\u2013-]/u;
const OPEN_DOUBLE = new Set(['“', '„', '«']);
const CLOSE_DOUBLE = new Set(['”', '»']);

/**
 * Finds the quotations in a claim: spans between double quotation marks (straight `"`, curly `“ ”`, `„`,
 * guillemets) or between curly single marks (`‘ ’`, where a `’` followed by a letter is an apostrophe, not a
 * closing mark). A straight `"` opens after white space or an opening bracket and closes otherwise. A claim
 * may hold part of a quotation that runs across sentences: an opening mark left open runs to the end of the
 * claim, and a closing mark with no opening one closes a span that starts at the beginning. Spans shorter
 * than MIN_QUOTATION_WORDS words are left out.
 */
export function findQuotations(text: string, lang = 'en'): Quotation[] {
  if (!QUOTE_MARK.test(text)) return [];
  const spans: [number, number][] = [];
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
      double = i + 1;
    } else if (CLOSE_DOUBLE.has(ch) || ch === '"') {
      if (double >= 0) spans.push([double, i]);
      else if (!closedAny) spans.push([0, i]);
      double = -1;
      closedAny = true;
    } else if (ch === '‘' && opensAfter) {
      single = i + 1;
    } else if (ch === '’' && single >= 0 && !/[\p{L}\p{N}]/u.test(after)) {
      spans.push([single, i]);
      single = -1;
    }
  }
  if (double >= 0) spans.push([double, text.length]);
  return spans
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
