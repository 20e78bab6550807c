import { wordTokens } from '../pipeline/normalize-text.ts';
import type { Claim, MatchKind, ReportComparison } from '../pipeline/types.ts';
import { CONFIDENT_MATCH } from '../pipeline/score-claims.ts';
import { carryLabels, closestKind, conflictLabels } from './format.ts';
import type { ReportPair } from './story-view.ts';

/**
 * How a claim stands against the other report of the pair: shared (by the closest wording), in conflict, only
 * in this report, or a repeat of an earlier claim of its own report. A repeat is drawn as a repeat whatever its
 * matches: its first copy already shows the overlap, and drawing it twice would overstate it.
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
  let before = 0;
  const segments = claims.map((claim, i): OverviewSegment => {
    const status = statusOf(claim, other.slug);
    const segment = {
      claimId: claim.id,
      href: `#${claim.id}`,
      offset: (before / total) * 100,
      size: (words[i]! / total) * 100,
      words: words[i]!,
      status,
      label: `${report.outlet}, claim ${i + 1} of ${claims.length}: ${describe(claim, status, report, other, position)}`,
    };
    before += words[i]!;
    return segment;
  });
  return { reportSlug: report.slug, outlet: report.outlet, segments };
}

function statusOf(claim: Claim, otherSlug: string): OverviewStatus {
  if (claim.repeatOf) return 'repeat';
  const links = claim.links.filter((link) => link.reportSlug === otherSlug);
  if (links.length === 0) return 'only';
  if (links.some((link) => link.conflicts.length > 0)) return 'conflict';
  return closestKind(links.map((link) => link.kind)) ?? 'part';
}

function describe(
  claim: Claim,
  status: OverviewStatus,
  report: ReportComparison,
  other: ReportComparison,
  position: Map<string, number>,
): string {
  // Said of a claim tied to the other report by possible matches only: the site is not sure of it.
  const links = claim.links.filter((link) => link.reportSlug === other.slug);
  const possible = links.length > 0 && links.every((link) => link.score < CONFIDENT_MATCH) ? ' (possible match)' : '';
  switch (status) {
    case 'repeat': {
      const first = claim.repeatOf ? position.get(claim.repeatOf) : undefined;
      return first ? `repeats claim ${first}` : 'repeats an earlier claim';
    }
    case 'only':
      // A claim another report of the story makes is missing from the pair, not unique to this report.
      return claim.counterparts.length > 0 ? `not in ${other.outlet}` : `only in ${report.outlet}`;
    case 'conflict': {
      const kinds = new Set(links.flatMap((link) => link.conflicts.map((c) => c.kind)));
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
