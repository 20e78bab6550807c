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
 * Levenshtein distance between two word sequences, computed row by row; returns `limit + 1` as soon as every
 * cell of a row exceeds `limit`, since the answer can then only be "too far".
 */
function wordEditDistance(a: string[], b: string[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      best = Math.min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length];
}
