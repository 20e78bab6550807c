import { profileClaims, scoreClaims } from './score-claims.ts';

/** Two claims, by index into the two claim lists, that state the same thing. */
export interface AlignedPair {
  a: number;
  b: number;
  score: number;
}

/**
 * Aligns the claims of two reports. Every pair is scored (see score-claims.ts) and every pair that states the
 * same claim is kept, so one claim may match several: a long sentence in one report can carry what two
 * sentences carry in the other. Word weights are computed over the claims of both reports together.
 * Pairs come ordered by `a`, then `b`.
 */
export function alignClaims(a: string[], b: string[], lang = 'en'): AlignedPair[] {
  const profiles = profileClaims([...a, ...b], lang);
  const left = profiles.slice(0, a.length);
  const right = profiles.slice(a.length);
  const pairs: AlignedPair[] = [];
  left.forEach((pa, i) => {
    right.forEach((pb, j) => {
      const { score, match } = scoreClaims(pa, pb);
      if (!match) return;
      pairs.push({ a: i, b: j, score });
    });
  });
  return pairs;
}
