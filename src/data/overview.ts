import { wordTokens } from '../pipeline/normalize-text.ts';
import type { MatchKind, ReportComparison } from '../pipeline/types.ts';
import { claimStanding, type ClaimStanding } from '../pipeline/claim-standing.ts';
import { carryLabels, conflictLabels } from './format.ts';
import type { ReportPair } from './story-view.ts';

/**
 * How the strip draws a claim's standing against the other report of the pair (claim-standing.ts): shared (by
 * the closest wording), in conflict, not in the other report, or a repeat of an earlier claim of its own report.
 * A repeat is drawn as a repeat whatever its standing: its first copy already shows the overlap, and drawing
 * it twice would overstate it.
 */
export type OverviewStatus = MatchKind | 'conflict' | 'only' | 'repeat';

/** One claim on the overview: a slice of its report's track, in reading order. */
export interface OverviewSegment {
  claimId: string;
  /** Fragment of the claim on the page showing the pair. */
  href: string;
  /** Start on the track, in percent of the report's words. */
  offset: number;
  /** Height on the track, in percent of the report's words; the sizes of a track add up to 100. */
  size: number;
  words: number;
  status: OverviewStatus;
  /** What the segment stands for, in words ("Outlet, claim 4 of 14: shared with Other, paraphrase"). */
  label: string;
}

export interface OverviewTrack {
  reportSlug: string;
  outlet: string;
  segments: OverviewSegment[];
}

/** A match between the pair, as a line from one track to the other (positions are segment middles, in percent). */
export interface OverviewLink {
  from: string;
  to: string;
  fromY: number;
  toY: number;
  conflict: boolean;
}

/** Beyond this many matches the lines between the tracks blur into a block and are not drawn. */
export const maxDrawnLinks = 160;


/**
 * The overview of two reports shown side by side: one track per report, in the pair's order, with one segment
 * per claim in reading order. A segment's size is its claim's share of the report's words (at least one word
 * per claim, so a claim of figures alone still shows); status and label are measured against the other report
 * of the pair only, as the columns mark them.
 */
export function overviewSegments(pair: ReportPair): [OverviewTrack, OverviewTrack] {
  const [first, second] = pair;
  return [track(first, second), track(second, first)];
}

function track(report: ReportComparison, other: ReportComparison): OverviewTrack {
  const claims = [...report.claims].sort((a, b) => a.index - b.index);
  const words = claims.map((claim) => Math.max(1, wordTokens(claim.text, report.lang).length));
  const total = words.reduce((sum, count) => sum + count, 0);
  const position = new Map(claims.map((claim, i) => [claim.id, i + 1]));
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  let before = 0;
  const segments = claims.map((claim, i): OverviewSegment => {
    const standing = claimStanding(claim, (id) => byId.get(id), (link) => link.reportSlug === other.slug);
    const status = statusOf(standing);
    const segment = {
      claimId: claim.id,
      href: `#${claim.id}`,
      offset: (before / total) * 100,
      size: (words[i]! / total) * 100,
      words: words[i]!,
      status,
      label: `${report.outlet}, claim ${i + 1} of ${claims.length}: ${describe(standing, status, report, other, position)}`,
    };
    before += words[i]!;
    return segment;
  });
  return { reportSlug: report.slug, outlet: report.outlet, segments };
}

function statusOf(standing: ClaimStanding): OverviewStatus {
  if (standing.repeatOf) return 'repeat';
  if (standing.sharing !== 'shared') return 'only';
  return standing.conflict ? 'conflict' : standing.kind!;
}

function describe(
  standing: ClaimStanding,
  status: OverviewStatus,
  report: ReportComparison,
  other: ReportComparison,
  position: Map<string, number>,
): string {
  // Said of a claim tied to the other report by possible matches only: the site is not sure of it.
  const possible = standing.possible ? ' (possible match)' : '';
  switch (status) {
    case 'repeat': {
      const first = standing.repeatOf ? position.get(standing.repeatOf) : undefined;
      return first ? `repeats claim ${first}` : 'repeats an earlier claim';
    }
    case 'only':
      // A claim another report of the story makes is missing from the pair, not unique to this report.
      return standing.sharing === 'absent' ? `not in ${other.outlet}` : `only in ${report.outlet}`;
    case 'conflict': {
      const kinds = new Set(standing.links.flatMap((link) => link.conflicts.map((c) => c.kind)));
      return `in conflict with ${other.outlet}${possible}: ${[...kinds].map((kind) => conflictLabels[kind].toLowerCase()).join(', ')}`;
    }
    default:
      return `shared with ${other.outlet}, ${carryLabels[status].text}${possible}`;
  }
}

/**
 * The matches between the two tracks, each once, from the first track to the second; lines of a match with a
 * conflict are flagged. Repeats are left out like their segments: their first copy carries the line.
 */
export function overviewLinks(pair: ReportPair, tracks: readonly [OverviewTrack, OverviewTrack]): OverviewLink[] {
  const middles = tracks.map((t) => new Map(t.segments.map((s) => [s.claimId, { y: s.offset + s.size / 2, status: s.status }])));
  const [fromMiddles, toMiddles] = middles as [typeof middles[0], typeof middles[0]];
  const links: OverviewLink[] = [];
  for (const claim of pair[0].claims) {
    const from = fromMiddles.get(claim.id);
    if (!from || from.status === 'repeat') continue;
    for (const link of claim.links) {
      const to = link.reportSlug === pair[1].slug ? toMiddles.get(link.claim) : undefined;
      if (!to || to.status === 'repeat') continue;
      links.push({ from: claim.id, to: link.claim, fromY: from.y, toY: to.y, conflict: link.conflicts.length > 0 });
    }
  }
  return links.sort((a, b) => a.fromY - b.fromY || a.toY - b.toY);
}
