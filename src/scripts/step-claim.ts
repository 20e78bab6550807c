/**
 * Which claim the navigation keys go to (keyboard-nav.ts), worked out on plain lists so it can be tested without
 * a page. A column's claims are given in reading order; `eligible[i]` says whether claim i counts for the key
 * pressed (a match for `j`/`k`, any claim for `n`/`p`).
 */

/**
 * Where the reader is in a column: on claim `at` (it has focus), or between claims, just `before` claim i
 * (nothing focused: i is the first claim still in view; the column's length when none is).
 */
export type Place = { at: number } | { before: number };

/**
 * The index of the nearest eligible claim after (direction 1) or before (-1) the place, or undefined at either end:
 * the keys stop there rather than wrap, so the reader knows the column is done. From a place `before` claim i,
 * claim i itself counts as the next one.
 */
export function stepClaim(eligible: readonly boolean[], place: Place, direction: 1 | -1): number | undefined {
  const start = 'at' in place ? place.at + direction : direction === 1 ? place.before : place.before - 1;
  for (let index = start; index >= 0 && index < eligible.length; index += direction) {
    if (eligible[index]) return index;
  }
  return undefined;
}

/** "3 of 13": the claim's rank among the eligible claims of its column (1-based), and how many there are. */
export function ordinalOf(eligible: readonly boolean[], index: number): { position: number; total: number } {
  let position = 0;
  let total = 0;
  for (const [other, counts] of eligible.entries()) {
    if (!counts) continue;
    total += 1;
    if (other <= index) position += 1;
  }
  return { position, total };
}

/**
 * The counterpart to go to from a claim, among `candidates` (its counterparts shown in the other column, in
 * reading order): the claim the reader came from when it is one of them, so the key goes back and forth
 * between the two, otherwise the first.
 */
export function counterpartTarget(candidates: readonly string[], cameFrom?: string): string | undefined {
  if (cameFrom !== undefined && candidates.includes(cameFrom)) return cameFrom;
  return candidates[0];
}
