import { prepareClaim, type PreparedClaim, type VectorSpace } from './prepare-claim.ts';
import { committedModel, scorePairs, type MatcherModel } from './score-claims.ts';
import { listsBy } from './lists-by.ts';

/** Two claims, by index into the two claim lists, that state the same thing. */
export interface AlignedPair {
  a: number;
  b: number;
  score: number;
}

/**
 * Aligns the claims of two reports. Each claim is prepared once (prepare-claim.ts); the candidate pairs (see
 * candidatePairs) are then decided by scorePairs, the one definition of "the same claim", which reads each pair
 * among the other candidates of its two claims. Every matching pair is kept, so one claim may match several: a long sentence in one
 * report can carry what two sentences carry in the other. Pairs come ordered by `a`, then `b`; swapping the
 * reports swaps the pairs.
 */
export function alignClaims(a: string[], b: string[], lang = 'en', vectors?: VectorSpace): AlignedPair[] {
  const read = (text: string) => prepareClaim(text, lang, undefined, vectors);
  return alignPrepared(a.map(read), b.map(read));
}

/** alignClaims for claims already prepared, so a caller aligning one report with several prepares it once. */
export function alignPrepared(
  left: readonly PreparedClaim[],
  right: readonly PreparedClaim[],
  model: MatcherModel = committedModel(),
): AlignedPair[] {
  return scorePairs(left, right, candidatePairs(left, right), model).flatMap((p) => (p.match ? [{ a: p.a, b: p.b, score: p.score }] : []));
}

/**
 * Most claims of one report a word may be in and still propose pairs. A word in more claims than this, in either
 * report, says nothing of which of them match: it is a list's or a table's stem ("Item", "District"), or one
 * sentence pasted hundreds of times. Pairing through it would score every claim against every claim, work that
 * grows with the square of the report. In the 216 stories measured (content/, the fixtures, the real stories of
 * the eval and 200 of the bench's) no content word is in more than 14 claims of one report, so the cap changes no
 * ordinary result; a pair it leaves out can still be proposed by any rarer word the two claims share.
 */
export const MAX_WORD_CLAIMS = 64;

/**
 * For each claim of `left`, the claims of `right` (ascending) that scorePairs may match: those sharing a
 * content word that is a name on neither side (a model match needs one: see score-claims.ts), and those sharing
 * a word of a quotation (a shared quotation is one held inside the other, so it shares every word), found through
 * indexes of words. Every other pair is one scorePairs neither scores nor counts as a rival, so skipping it changes no result; it keeps the
 * work near the number of related pairs instead of every pair. Words in more than MAX_WORD_CLAIMS claims of
 * either report propose nothing, so the pairs stay symmetric: swapping the reports swaps the candidates.
 */
export function candidatePairs(left: readonly PreparedClaim[], right: readonly PreparedClaim[]): number[][] {
  const [leftWords, rightWords] = [wordIndex(left, plainContent), wordIndex(right, plainContent)];
  const [leftQuoted, rightQuoted] = [wordIndex(left, quotedWords), wordIndex(right, quotedWords)];
  const through = (index: Map<string, number[]>, other: Map<string, number[]>, word: string) => {
    const list = index.get(word);
    return list && list.length <= MAX_WORD_CLAIMS && (other.get(word)?.length ?? 0) <= MAX_WORD_CLAIMS ? list : [];
  };
  return left.map((claim) => {
    const found = new Set<number>();
    for (const word of plainContent(claim)) for (const j of through(rightWords, leftWords, word)) found.add(j);
    for (const word of quotedWords(claim)) for (const j of through(rightQuoted, leftQuoted, word)) found.add(j);
    return [...found].sort((x, y) => x - y);
  });
}

/** The content words of a claim that are not names. */
function plainContent(claim: PreparedClaim): Set<string> {
  const words = new Set<string>();
  for (const word of claim.content) if (!claim.names.has(word)) words.add(word);
  return words;
}

/** The words of a claim's quotations. */
function quotedWords(claim: PreparedClaim): Set<string> {
  return new Set(claim.quotations.flatMap((quotation) => quotation.split(' ')).filter((word) => word !== ''));
}

/** For each word `wordsOf` gives, the indexes (ascending) of the claims that have it. */
function wordIndex(claims: readonly PreparedClaim[], wordsOf: (claim: PreparedClaim) => Set<string>): Map<string, number[]> {
  return listsBy(claims.keys(), (j) => wordsOf(claims[j]!));
}
