import { prepareClaim, type PreparedClaim } from './prepare-claim.ts';
import { MIN_CONTAINED_SHARE, MIN_CONTAINED_TERMS, MIN_SHARED_CONTENT, matchClaims } from './score-claims.ts';

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
export function alignClaims(a: string[], b: string[], lang = 'en'): AlignedPair[] {
  return alignPrepared(a.map((text) => prepareClaim(text, lang)), b.map((text) => prepareClaim(text, lang)));
}

/** alignClaims for claims already prepared, so a caller aligning one report with several prepares it once. */
export function alignPrepared(left: readonly PreparedClaim[], right: readonly PreparedClaim[]): AlignedPair[] {
  const pairs: AlignedPair[] = [];
  candidatePairs(left, right).forEach((js, i) => {
    for (const j of js) {
      const match = matchClaims(left[i]!, right[j]!);
      if (match) pairs.push({ a: i, b: j, score: match.score });
    }
  });
  return pairs;
}

/** Fewest content words a matching pair shares, whichever rule of scoreClaims matches it (bar quotations). */
const minShared = Math.min(MIN_SHARED_CONTENT, Math.ceil(MIN_CONTAINED_TERMS * MIN_CONTAINED_SHARE));

/**
 * For each claim of `left`, the claims of `right` (ascending) that scoreClaims could match: those sharing at
 * least `minShared` content words, found through an index of words, and, when both quote someone, those
 * sharing a quotation. Every other pair is one scoreClaims refuses, so skipping it changes no result; it
 * keeps the work near the number of related pairs instead of every pair.
 */
export function candidatePairs(left: readonly PreparedClaim[], right: readonly PreparedClaim[]): number[][] {
  const byWord = new Map<string, number[]>();
  right.forEach((claim, j) => {
    for (const word of claim.content) {
      const list = byWord.get(word);
      if (list) list.push(j);
      else byWord.set(word, [j]);
    }
  });
  const quoting = right.flatMap((claim, j) => (claim.quotations.length > 0 ? [j] : []));
  const shared = new Uint16Array(right.length);
  return left.map((claim) => {
    shared.fill(0);
    const found = new Set<number>();
    for (const word of claim.content) {
      for (const j of byWord.get(word) ?? []) if (++shared[j]! >= minShared) found.add(j);
    }
    if (claim.quotations.length > 0) for (const j of quoting) found.add(j);
    return [...found].sort((x, y) => x - y);
  });
}
