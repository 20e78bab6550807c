/** Where a claim stands in its story: its report's index in the story's order, and its own in reading order. */
export interface ClaimPlace {
  report: number;
  index: number;
}

/**
 * The place of every claim of `reports` (given in the story's order), by id, and the order they give: report
 * order, then reading order, the order in which groups, copies and their claims are listed.
 */
export function claimPlaces(reports: readonly { claims: readonly { id: string }[] }[]): {
  place: Map<string, ClaimPlace>;
  order: (x: string, y: string) => number;
} {
  const place = new Map<string, ClaimPlace>();
  reports.forEach((report, r) => report.claims.forEach((claim, index) => place.set(claim.id, { report: r, index })));
  const order = (x: string, y: string) => {
    const [a, b] = [place.get(x)!, place.get(y)!];
    return a.report - b.report || a.index - b.index;
  };
  return { place, order };
}
