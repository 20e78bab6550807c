import { mergeSegments } from '../pipeline/diff-claims.ts';
import type { Claim, ClaimLink, Conflict, LedgerEntry, ReportComparison, Segment, StoryComparison } from '../pipeline/types.ts';
import type { PartSpan } from './part-runs.ts';
import { claimStanding, type ClaimStanding } from '../pipeline/claim-standing.ts';

export interface ClaimRef {
  claim: Claim;
  report: ReportComparison;
}

/** Two reports shown side by side, in the story's order. */
export type ReportPair = readonly [ReportComparison, ReportComparison];

/**
 * What a component drawing the story's reports is given (PairColumns, AlignedReading, ReadingSwitch): every
 * report is on the story page; `pair` is the two that stand side by side until the reader chooses others.
 */
export interface PairViewProps {
  story: StoryComparison;
  pair: ReportPair;
  /** Every claim of the story by id, to name the outlets of counterparts. */
  claims: Map<string, ClaimRef>;
}

/** What a component drawing one claim of a report is given (Claim in the columns, AlignedClaim). */
export interface ClaimViewProps {
  claim: Claim;
  report: ReportComparison;
  story: StoryComparison;
  /** Every claim of the story by id, to name the outlets of counterparts. */
  claims: Map<string, ClaimRef>;
  /** Slugs of the reports marks, conflicts and the status are measured against: every report of the story in the columns, the pair in the aligned reading. */
  shown: ReadonlySet<string>;
  /** Language of interface text when it differs from the report's. */
  uiLang?: string;
}

/** Finds any claim of a story by id, with the report it belongs to. */
export function indexClaims(story: StoryComparison): Map<string, ClaimRef> {
  const index = new Map<string, ClaimRef>();
  for (const report of story.reports) {
    for (const claim of report.claims) index.set(claim.id, { claim, report });
  }
  return index;
}

/** The two reports side by side when the story page opens: the first two by publication time. */
export function firstPair(story: StoryComparison): ReportPair {
  const [first, second] = story.reports;
  if (!first || !second) throw new Error(`Story "${story.slug}" has fewer than two reports.`);
  return [first, second];
}

/** The slugs of these reports: what a view drawing them measures marks, conflicts and statuses against. */
export function slugsOf(reports: readonly ReportComparison[]): ReadonlySet<string> {
  return new Set(reports.map((report) => report.slug));
}

/**
 * The id of a corrected claim's note in the Corrections section (Corrections.astro); the claim's own id stays
 * on the claim. A removed claim's note carries the removed id itself.
 */
export function correctionId(claimId: string): string {
  return `cr-corrected-${claimId}`;
}

/** A claim as a page showing some of its story's reports draws it (ClaimInView). */
export interface ClaimInView {
  /** Links to claims of the reports on the page. */
  links: ClaimLink[];
  /** The claim's text, marked against those claims. */
  segments: Segment[];
  /** Where the claim stands against the reports on the page (claim-standing.ts): what its status and badges say. */
  standing: ClaimStanding;
  /** The standing as the page's `data-status`: whether a report on the page carries the claim too. */
  status: 'shared' | 'unique';
  /** Outlets of the other reports on the page: those a claim `absent` from them is not in. */
  absentFrom: string[];
  /**
   * Each conflict once: one note per kind and pair of wordings, naming every other outlet that words it so
   * ("Harbour News, Morning Star"), so a claim many reports contradict alike keeps one note.
   */
  notes: { conflict: Conflict; other: string }[];
  /** The stretches of this claim that shorter claims of the reports on the page state (see partSpans). */
  parts: PartSpan[];
}

/**
 * The stretches of `claim` to mark as said within it by shorter claims: one per link among `links` whose
 * `part` names this claim (it is the longer of the two), in reading order, with the shorter claim's outlet.
 * Taken from `link.part` alone, so the segments (shared wording, conflicts) stay as the pipeline made them.
 */
export function partSpans(claim: Pick<Claim, 'id'>, links: readonly ClaimLink[], claims: Map<string, ClaimRef>): PartSpan[] {
  return links
    .flatMap((link) =>
      link.part?.claim === claim.id
        ? [{ start: link.part.start, end: link.part.end, claim: link.claim, outlet: claims.get(link.claim)?.report.outlet ?? link.reportSlug }]
        : [],
    )
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A claim as a page showing `shown` reports draws it, in the columns or in the aligned reading. */
export function claimInView({ claim, report, story, claims, shown }: ClaimViewProps): ClaimInView {
  const links = claim.links.filter((link) => shown.has(link.reportSlug));
  const absentFrom = story.reports.filter((other) => shown.has(other.slug) && other.slug !== report.slug).map((other) => other.outlet);
  // One note per kind and pair of wordings, however many reports (or copies of a sentence) give it.
  const outletsOf = new Map<string, { conflict: Conflict; outlets: string[] }>();
  for (const link of links) {
    const outlet = claims.get(link.claim)?.report.outlet ?? link.reportSlug;
    for (const conflict of link.conflicts) {
      const key = `${conflict.kind}\u0000${conflict.a}\u0000${conflict.b}`;
      const note = outletsOf.get(key) ?? { conflict, outlets: [] };
      if (!note.outlets.includes(outlet)) note.outlets.push(outlet);
      outletsOf.set(key, note);
    }
  }
  const notes = [...outletsOf.values()].map(({ conflict, outlets }) => ({ conflict, other: outlets.join(', ') }));
  const standing = claimStanding(claim, (id) => claims.get(id)?.claim, (link) => shown.has(link.reportSlug));
  return {
    links,
    segments: mergeSegments(claim.text, links.map((link) => link.segments)),
    standing,
    status: standing.sharing === 'shared' ? 'shared' : 'unique',
    absentFrom,
    notes,
    parts: partSpans(claim, links, claims),
  };
}

/**
 * Language of a page built from these reports: theirs when they all agree, otherwise `fallback`
 * (each report then carries its own `lang` on its element).
 */
export function reportsLang(reports: readonly ReportComparison[], fallback: string): string {
  const langs = new Set(reports.map((report) => report.lang));
  const [only] = langs;
  return langs.size === 1 && only ? only : fallback;
}

/** An id whose claim is gone from its report, with what the ledger remembers of it. */
export interface RemovedClaimRef {
  entry: LedgerEntry;
  reportSlug: string;
  outlet: string;
  reportTitle: string;
  /** The report as it is now; undefined when the whole report has left the story. */
  report?: ReportComparison;
}

/** Every id the story has published whose claim was since removed, report by report in the story's order. */
export function removedClaims(story: StoryComparison): RemovedClaimRef[] {
  const order = story.reports.map((report) => report.slug);
  const slugs = Object.keys(story.ledger.reports).sort(
    (a, b) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity) || a.localeCompare(b),
  );
  return slugs.flatMap((slug) => {
    const recorded = story.ledger.reports[slug]!;
    const report = story.reports.find((candidate) => candidate.slug === slug);
    return recorded.removed.map((entry) => ({
      entry,
      reportSlug: slug,
      outlet: recorded.outlet,
      reportTitle: recorded.title,
      ...(report && { report }),
    }));
  });
}
