import type { PreparedClaim } from './prepare-claim.ts';
import { alignWords, bestRuns } from './align-words.ts';

/** Where, in the longer of two matched claims, the shorter one's claim is said. */
export interface AlignedPart {
  /** Which claim holds the part: the first or the second given. */
  side: 'a' | 'b';
  /** Offsets into that claim's text (UTF-16 code units, end exclusive), from its first word to its last. */
  start: number;
  end: number;
}

/**
 * How much better a run of clauses must agree with the other claim than the whole claim does before the match
 * is a part: below it, the clauses left out say little the other claim does not, and the two say the same.
 */
const PART_MARGIN = 0.15;

/**
 * For two claims judged the same claim: the run of clauses of one that states what the other states, when one
 * says more besides ("…crashed on Friday, killing 12 people and injuring 35" holds "At least 12 people died"),
 * found by aligning each word with its closest word in the other claim over clause boundaries (bestRuns in
 * align-words.ts); undefined when the two say the same as wholes. Symmetric: swapping the claims swaps
 * the side only.
 */
export function findPart(a: PreparedClaim, b: PreparedClaim): AlignedPart | undefined {
  const runs = bestRuns(alignWords(a, b));
  if (!runs.partRun || runs.part - runs.whole < PART_MARGIN) return undefined;
  const { side, first, last } = runs.partRun;
  const claim = side === 'a' ? a : b;
  let start = -1;
  let end = -1;
  claim.tokenClauses.forEach((clause, i) => {
    if (clause < first || clause > last) return;
    if (start < 0) start = claim.tokens[i]!.start;
    end = claim.tokens[i]!.end;
  });
  return start < 0 ? undefined : { side, start, end };
}
