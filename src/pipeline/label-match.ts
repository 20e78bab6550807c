import type { MatchKind } from './types.ts';
import { wordTokens, type ReadWords } from './normalize-text.ts';

/**
 * Labels how close the wording of two matched claims is.
 *
 * - `verbatim`: the same words in the same order. "The same words" means the same word tokens once each is
 *   normalised (see normalize-text.ts): case, punctuation, quotation marks and apostrophes, a possessive `'s`,
 *   British/American spelling (`colour`/`color`), thousands separators and number words (`twenty-seven`/`27`)
 *   are ignored; nothing else is.
 * - `edited`: the same text with a few words added, dropped or changed, in the same order. Measured as the
 *   word-level edit distance d (insertions, deletions, substitutions of normalised words) against the longer
 *   claim's word count n: edited when d <= max(1, floor(n / 4)) and d <= 4. Edit distance counts exactly the
 *   changes a reader sees as "a word added, dropped or changed", and a moved word costs two, so reordering
 *   reads as rewording. The share keeps a short claim from passing with half its words changed; the cap keeps
 *   a long one from passing with a whole clause rewritten, which is no longer "a few words".
 * - `paraphrase`: anything else.
 */
export function labelMatch(a: string, b: string, lang = 'en', words: ReadWords = wordTokens): MatchKind {
  const wordsA = words(a, lang).map((t) => t.norm);
  const wordsB = words(b, lang).map((t) => t.norm);
  const longer = Math.max(wordsA.length, wordsB.length);
  const allowed = Math.min(MAX_EDITS, Math.max(1, Math.floor(longer * EDIT_SHARE)));
  const distance = wordEditDistance(wordsA, wordsB, allowed);
  if (distance === 0) return 'verbatim';
  return distance <= allowed ? 'edited' : 'paraphrase';
}

const EDIT_SHARE = 1 / 4;
const MAX_EDITS = 4;

/**
 * Levenshtein distance between two word sequences, or `limit + 1` for any distance above `limit` (all that
 * labelMatch asks is whether it is within the limit). Only the cells within `limit` of the diagonal can hold
 * such a distance, so each row computes those alone, and the work grows with the claims' length times the
 * limit rather than with the product of their lengths; it stops as soon as a whole row exceeds the limit.
 */
function wordEditDistance(a: string[], b: string[], limit: number): number {
  const far = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return far;
  let prev = new Array<number>(b.length + 1).fill(far);
  let row = new Array<number>(b.length + 1).fill(far);
  for (let j = 0; j <= Math.min(limit, b.length); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const [low, high] = [Math.max(1, i - limit), Math.min(b.length, i + limit)];
    row[0] = Math.min(i, far);
    row[low - 1] = low > 1 ? far : row[0];
    if (i + limit <= b.length) prev[i + limit] = far;
    let best = row[0];
    for (let j = low; j <= high; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost, far);
      best = Math.min(best, row[j]);
    }
    if (best > limit) return far;
    [prev, row] = [row, prev];
  }
  return prev[b.length];
}
