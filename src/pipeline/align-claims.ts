import { prepareClaim } from './prepare-claim.ts';
import { scoreClaims } from './score-claims.ts';

/** Two claims, by index into the two claim lists, that state the same thing. */
export interface AlignedPair {
  a: number;
  b: number;
  score: number;
}

/**
 * Aligns the claims of two reports. Each claim is prepared once (prepare-claim.ts); every pair is then scored
 * and decided by scoreClaims, the one definition of "the same claim", which looks at the pair alone. Every
 * matching pair is kept, so one claim may match several: a long sentence in one report can carry what two
 * sentences carry in the other. Pairs come ordered by `a`, then `b`; swapping the reports swaps the pairs.
 */
export function alignClaims(a: string[], b: string[], lang = 'en'): AlignedPair[] {
  const left = a.map((text) => prepareClaim(text, lang));
  const right = b.map((text) => prepareClaim(text, lang));
  const pairs: AlignedPair[] = [];
  left.forEach((pa, i) => {
    right.forEach((pb, j) => {
      const { score, match } = scoreClaims(pa, pb);
      if (match) pairs.push({ a: i, b: j, score });
    });
  });
  return pairs;
}
