import { prepareClaim, type PreparedClaim, type VectorSpace } from './prepare-claim.ts';
import { committedModel, matchClaims, type MatcherModel } from './score-claims.ts';

/** Two claims, by index into the two claim lists, that state the same thing. */
export interface AlignedPair {
  a: number;
  b: number;
  score: number;
}

/**
 * Aligns the claims of two reports. Each claim is prepared once (prepare-claim.ts); the candidate pairs (see
 * candidatePairs) are then decided by scoreClaims, the one definition of "the same claim", which looks at the
 * pair alone (through matchClaims, which skips scoring the pairs that cannot match). Every matching pair is kept, so one claim may match several: a long sentence in one
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
  const pairs: AlignedPair[] = [];
  candidatePairs(left, right).forEach((js, i) => {
    for (const j of js) {
      const match = matchClaims(left[i]!, right[j]!, model);
      if (match) pairs.push({ a: i, b: j, score: match.score });
    }
  });
  return pairs;
}

/**
 * For each claim of `left`, the claims of `right` (ascending) that matchClaims may match: those sharing a
 * content word that is a name on neither side (a model match needs one: see score-claims.ts), found through an
 * index of words, and, when both quote someone, those with a quotation. Every other pair is one matchClaims
 * refuses, so skipping it changes no result; it keeps the work near the number of related pairs instead of
 * every pair.
 */
export function candidatePairs(left: readonly PreparedClaim[], right: readonly PreparedClaim[]): number[][] {
  const byWord = new Map<string, number[]>();
  right.forEach((claim, j) => {
    for (const word of claim.content) {
      if (claim.names.has(word)) continue;
      const list = byWord.get(word);
      if (list) list.push(j);
      else byWord.set(word, [j]);
    }
  });
  const quoting = right.flatMap((claim, j) => (claim.quotations.length > 0 ? [j] : []));
  return left.map((claim) => {
    const found = new Set<number>();
    for (const word of claim.content) {
      if (claim.names.has(word)) continue;
      for (const j of byWord.get(word) ?? []) found.add(j);
    }
    if (claim.quotations.length > 0) for (const j of quoting) found.add(j);
    return [...found].sort((x, y) => x - y);
  });
}
