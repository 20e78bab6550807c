import { CONFIDENT_MATCH } from './score-claims.ts';
import type { ConflictKind, MatchKind } from './types.ts';

/*
 * Where a claim stands in its story: the one answer to "is it shared, only here, in conflict, a repeat, and in
 * which words" that every view maps to its own labels (the claim's line and badges, the overview strip, the
 * per-report breakdown, the search notes, a claim's detail, the claim grid's cells, the report figures).
 * Views of groups (the claim grid's rows, the story at a glance) read the groups of group-claims.ts, which join
 * the same matches.
 */

/** What standing reads of a claim's link to a counterpart (a ClaimLink, or one rebuilt from comparison.json). */
export interface StandingLink {
  claim: string;
  reportSlug: string;
  score: number;
  kind: MatchKind;
  conflicts: readonly { kind: ConflictKind }[];
}

/** What standing reads of a claim. */
export interface StandingClaim<L extends StandingLink = StandingLink> {
  id: string;
  /** The earlier claim of the same report with the same text, when this one repeats it. */
  repeatOf?: string;
  links: readonly L[];
}

export interface ClaimStanding<L extends StandingLink = StandingLink> {
  /**
   * `shared`: a report measured against carries it; `absent`: other reports of the story carry it, not through
   * the links measured; `only`: no other report of the story carries it.
   */
  sharing: 'shared' | 'absent' | 'only';
  /** The links to the reports measured against (a repeat's are its first copy's); empty unless `shared`. */
  links: L[];
  /** The closest wording among `links` (verbatim, edited, paraphrase, part); undefined unless `shared`. */
  kind?: MatchKind;
  /** Whether one of `links` disagrees with the claim. */
  conflict: boolean;
  /** Whether every one of `links` is under CONFIDENT_MATCH: the site is not sure another report carries it. */
  possible: boolean;
  /** The claim this one repeats, when it does. */
  repeatOf?: string;
}

/** Wordings from the closest to the loosest: a claim carried several ways is named by the closest. */
export const kindsByCloseness: readonly MatchKind[] = ['verbatim', 'edited', 'paraphrase', 'part'];

/** The closest of `kinds` (see kindsByCloseness); undefined for none. */
export function closestKind(kinds: Iterable<MatchKind>): MatchKind | undefined {
  const present = new Set(kinds);
  return kindsByCloseness.find((kind) => present.has(kind));
}

/**
 * How `claim` stands through the links `measured` accepts (every link when omitted: against every other report;
 * a view measures against the reports it shows, or the claims of one group). A repeat stands
 * as the sentence it repeats: `claimOf` finds that first copy, whose matches are the sentence's (a report's
 * later copies of one sentence are not all aligned; see MAX_ALIGNED_COPIES in compare-story.ts), so no copy of
 * a shared sentence reads "only here".
 */
export function claimStanding<L extends StandingLink>(
  claim: StandingClaim<L>,
  claimOf: (id: string) => StandingClaim<L> | undefined,
  measured: (link: L) => boolean = () => true,
): ClaimStanding<L> {
  const sentence = (claim.repeatOf !== undefined && claimOf(claim.repeatOf)) || claim;
  const links = sentence.links.filter((link) => measured(link));
  const repeat = claim.repeatOf !== undefined ? { repeatOf: claim.repeatOf } : {};
  if (links.length === 0) return { sharing: sentence.links.length > 0 ? 'absent' : 'only', links, conflict: false, possible: false, ...repeat };
  return {
    sharing: 'shared',
    links,
    kind: closestKind(links.map((link) => link.kind)),
    conflict: links.some((link) => link.conflicts.length > 0),
    possible: links.every((link) => link.score < CONFIDENT_MATCH),
    ...repeat,
  };
}

/** The reports `standing` finds the claim in, each once, in the order `reports` lists them. */
export function carryingReports(standing: ClaimStanding, reports: readonly string[]): string[] {
  const carriers = new Set(standing.links.map((link) => link.reportSlug));
  return reports.filter((slug) => carriers.has(slug));
}
