import type { MatchKind, ReportComparison } from '../pipeline/types.ts';
import { claimStanding, kindsByCloseness, type ClaimStanding } from '../pipeline/claim-standing.ts';

/** How a claim stands against every other report of its story, for the drawn per-story figure. */
export type BreakdownPart = MatchKind | 'conflict' | 'only';

/** Parts in the order the figure stacks them: the closest sharing first, claims no other report makes last. */
export const breakdownParts: readonly BreakdownPart[] = [...kindsByCloseness, 'conflict', 'only'];

/** Names of the parts as the figure's legend and text alternative give them. */
export const breakdownLabels: Record<BreakdownPart, string> = {
  verbatim: 'shared verbatim',
  edited: 'shared, edited',
  paraphrase: 'shared in paraphrase',
  part: 'shared as part of a sentence',
  conflict: 'in conflict',
  only: 'only here',
};

export interface BreakdownSlice {
  part: BreakdownPart;
  claims: number;
  /** Start and width in percent of the report's claims; widths add up to 100 (0 for an empty report). */
  offset: number;
  size: number;
}

export interface ReportBreakdown {
  reportSlug: string;
  outlet: string;
  claims: number;
  /** Every part in `breakdownParts` order, empty ones included (size 0), so figures line up across reports. */
  slices: BreakdownSlice[];
  /** The figure in words: "Outlet: 14 claims, 5 shared verbatim, …, 5 only here". */
  label: string;
}

/**
 * A report's claims by how they stand against all the other reports of the story (claim-standing.ts): in
 * conflict when one of its matches disagrees, otherwise shared with the closest wording among them; only here
 * when no other report carries it. The shared parts add up to `stats.sharedClaims` and `only` to
 * `stats.uniqueClaims`, which count by the same standing, so the drawing agrees with the figures beside it.
 */
export function reportBreakdown(report: ReportComparison): ReportBreakdown {
  const counts = new Map<BreakdownPart, number>(breakdownParts.map((part) => [part, 0]));
  const byId = new Map(report.claims.map((claim) => [claim.id, claim]));
  for (const claim of report.claims) {
    const part = partOf(claimStanding(claim, (id) => byId.get(id)));
    counts.set(part, counts.get(part)! + 1);
  }
  const total = report.claims.length;
  let before = 0;
  const slices = breakdownParts.map((part): BreakdownSlice => {
    const claims = counts.get(part)!;
    const slice = { part, claims, offset: total ? (before / total) * 100 : 0, size: total ? (claims / total) * 100 : 0 };
    before += claims;
    return slice;
  });
  const parts = slices.filter((slice) => slice.claims > 0).map((slice) => `${slice.claims} ${breakdownLabels[slice.part]}`);
  const label = `${report.outlet}: ${total} ${total === 1 ? 'claim' : 'claims'}${parts.length ? `, ${parts.join(', ')}` : ''}`;
  return { reportSlug: report.slug, outlet: report.outlet, claims: total, slices, label };
}

function partOf(standing: ClaimStanding): BreakdownPart {
  if (standing.sharing !== 'shared') return 'only';
  return standing.conflict ? 'conflict' : standing.kind!;
}
