/**
 * Maps a scroll position of one column to the position of the other column that keeps matched claims level
 * (sync-scroll.ts). Positions are the columns' own scroll offsets, in pixels.
 */

/** A matched pair of claims: the scroll offset that brings each to the reading line in its own column. */
export interface Anchor {
  from: number;
  to: number;
}

/**
 * The anchors the mapping can honour: strictly inside both scroll ranges and in the same order in both
 * columns. Reports that tell things in a different order give crossing pairs; the longest chain of pairs that
 * do not cross is kept, so the other column never runs backwards.
 */
export function monotoneAnchors(anchors: readonly Anchor[], fromMax: number, toMax: number): Anchor[] {
  // Equal `from` sorted by falling `to`, so that a chain increasing in `to` never holds two of them.
  const inside = anchors
    .filter((anchor) => anchor.from > 0 && anchor.from < fromMax && anchor.to > 0 && anchor.to < toMax)
    .sort((a, b) => a.from - b.from || b.to - a.to);
  // Longest chain strictly increasing in `to` (patience sorting with back links).
  const tails: number[] = [];
  const previous: number[] = [];
  for (const [index, anchor] of inside.entries()) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (inside[tails[middle]].to < anchor.to) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? tails[low - 1] : -1;
    tails[low] = index;
  }
  const chain: Anchor[] = [];
  for (let index = tails.length > 0 ? tails[tails.length - 1] : -1; index >= 0; index = previous[index]) chain.push(inside[index]);
  return chain.reverse();
}

/**
 * The other column's scroll position for `position` in this one: linear between the anchors (from
 * monotoneAnchors), with the tops of both columns and the ends of both scroll ranges as the outermost anchors,
 * so that both columns reach their start and their end together. Clamped to [0, toMax].
 */
export function mapScroll(anchors: readonly Anchor[], fromMax: number, toMax: number, position: number): number {
  const points: Anchor[] = [{ from: 0, to: 0 }, ...anchors, { from: Math.max(fromMax, 0), to: Math.max(toMax, 0) }];
  if (position <= 0) return 0;
  for (let index = 1; index < points.length; index += 1) {
    const start = points[index - 1];
    const end = points[index];
    if (position > end.from) continue;
    const span = end.from - start.from;
    const mapped = span <= 0 ? end.to : start.to + ((position - start.from) / span) * (end.to - start.to);
    return Math.min(Math.max(mapped, 0), Math.max(toMax, 0));
  }
  return Math.max(toMax, 0);
}
