/**
 * The plain data model of the comparison pipeline: what goes in (a story and its reports, as read from
 * `content/`) and what comes out (claims, matches and figures, ready for pages and `comparison.json`).
 * Nothing here knows about Astro, the DOM or the file system.
 */

/** One report as it enters the pipeline: validated frontmatter plus the raw markdown body. */
export interface ReportInput {
  /** File name without extension; unique within its story (e.g. `newsbytes`). */
  slug: string;
  outlet: string;
  title: string;
  url: string;
  /** The day the report came out, as its file writes it, at midnight UTC (never the UTC day of `publishedTime`). */
  published: Date;
  /** The moment it came out, when its file gives a time with a zone. */
  publishedTime?: PublishedTime;
  author?: string;
  standfirst?: string;
  /** BCP 47 language tag of the report's text; `en` when the file does not say. */
  lang: string;
  /** Markdown body, frontmatter removed. */
  body: string;
  /** Path of the source file, for error messages. */
  source: string;
}

/**
 * The moment a report came out, as an ISO 8601 date-time with its zone (`2021-09-10T14:05:00+05:30`). The text
 * keeps the outlet's own clock and day, which converting to UTC would lose (01:00 at +05:30 is the day before in UTC).
 */
export interface PublishedTime {
  /** Milliseconds since the epoch: what orders reports. */
  moment: number;
  /**
   * As the file writes it, spelt in full (`2021-09-10T14:05:00+05:30`, `…Z`): its day is the report's
   * `published`, its clock and zone the outlet's, shown to readers.
   */
  text: string;
}

export interface StoryInput {
  /** Folder name under `content/stories/`. */
  slug: string;
  title: string;
  summary: string;
  date: Date;
  reports: ReportInput[];
  /** The ids issued for this story's claims by earlier builds (see anchor-claims.ts); none for a new story. */
  ledger?: ClaimLedger;
}

/**
 * One claim id as the ledger records it: the claim's text when last seen, and a little of the text around it,
 * so that the id can be found again after the report is corrected.
 */
export interface LedgerEntry {
  id: string;
  /** The claim as last published. */
  text: string;
  /** The end of the claim before it in the report (at most `contextLength` characters); empty at the start. */
  before: string;
  /** The start of the claim after it; empty at the end. */
  after: string;
  /** Earlier wordings of the claim, oldest first: a correction that kept the id adds the wording it replaced. */
  earlier?: string[];
}

/** Every id issued for one report: its current claims in reading order, and ids whose claim is gone. */
export interface ReportLedger {
  outlet: string;
  title: string;
  claims: LedgerEntry[];
  /** Ids whose claim is no longer in the report (or whose report is gone), with the text as it was. */
  removed: LedgerEntry[];
}

/** The committed record of every claim id a story has published, by report slug. */
export interface ClaimLedger {
  reports: Record<string, ReportLedger>;
}

/** A block of a report's body in reading order: headings are structure, paragraphs hold claims. */
export type ReportBlock =
  | { type: 'heading'; depth: number; text: string }
  | { type: 'paragraph'; claims: string[] };

/** A run of a claim's text; concatenating a claim's segments gives back its text exactly. */
export interface Segment {
  text: string;
  /** True when this wording also appears in a matched claim of another report. */
  shared: boolean;
  /**
   * Set when this run is (part of) the claim's side of a conflict with a matched claim: the claim says
   * something else there than its counterpart. Absent otherwise.
   */
  conflict?: ConflictKind;
}

/**
 * How close the wording of two matched claims is: `verbatim` (the same words), `edited` (a few words added,
 * dropped or changed), `paraphrase` (the same claim in other words), `part` (the one claim is said within a
 * longer sentence of the other, which says more besides: see Match.part for where).
 */
export type MatchKind = 'verbatim' | 'edited' | 'paraphrase' | 'part';

/** A stretch of one claim's text: character offsets (UTF-16 code units, end exclusive) into that claim's `text`. */
export interface ClaimSpan {
  /** Id of the claim the offsets point into. */
  claim: string;
  start: number;
  end: number;
}

export type ConflictKind = 'number' | 'date' | 'name' | 'attribution';

/**
 * A point on which two matched claims disagree. `a` and `b` are exact substrings of the two claims' texts
 * (as written, in the order of the match's claims), so a page can mark them where they stand.
 */
export interface Conflict {
  kind: ConflictKind;
  a: string;
  b: string;
}

/** Two claims, from two different reports, that state the same thing. */
export interface Match {
  /** Claim ids, in the order of the story's reports. */
  claims: [string, string];
  /**
   * The calibrated probability, in [0, 1], that the two claims state the same thing (see score-claims.ts);
   * a match below CONFIDENT_MATCH is shown as a possible match.
   */
  score: number;
  kind: MatchKind;
  /**
   * For a `part` match: the span of the longer claim that states what the shorter one says. Conflicts are
   * looked for only there.
   */
  part?: ClaimSpan;
  conflicts: Conflict[];
}

/**
 * One match seen from one of its claims: the counterpart, how close their wording is, this claim's own
 * segments against that counterpart alone, and the conflicts turned so that `a` is this claim's wording.
 * A page that shows only some reports merges the links to those reports (see mergeSegments).
 */
export interface ClaimLink {
  /** Id of the counterpart claim. */
  claim: string;
  reportSlug: string;
  score: number;
  kind: MatchKind;
  /** The match's `part`, when it has one: it names this claim or the counterpart, whichever is the longer. */
  part?: ClaimSpan;
  /** `a` from this claim's text, `b` from the counterpart's. */
  conflicts: Conflict[];
  /** This claim's text marked against the counterpart alone; conflicts carried on the segments. */
  segments: Segment[];
}

export interface Claim {
  /**
   * Stable id, unique within the story and a valid HTML id: `<report slug>-<digest of the text>` when first
   * issued, then kept through corrections by the ledger (see anchor-claims.ts).
   */
  id: string;
  reportSlug: string;
  /** Position in the report's reading order, from 0. */
  index: number;
  /** The sentence exactly as written in the report. */
  text: string;
  segments: Segment[];
  /** Ids of claims in other reports that state the same thing. */
  counterparts: string[];
  /** One entry per counterpart, in the order of `counterparts`. */
  links: ClaimLink[];
  /** Id of an earlier claim in the same report with the same text, when this one repeats it. */
  repeatOf?: string;
  /** Wordings this claim had before the report was corrected, oldest first (from the ledger). */
  earlier?: string[];
}

/** Figures of one report measured against all the others in its story. */
export interface ReportStats {
  words: number;
  sharedWords: number;
  claims: number;
  sharedClaims: number;
  uniqueClaims: number;
}

export type OutputBlock =
  | { type: 'heading'; depth: number; text: string }
  | { type: 'paragraph'; claimIds: string[] };

export interface ReportComparison {
  slug: string;
  outlet: string;
  title: string;
  url: string;
  /** As in ReportInput: the written day. */
  published: Date;
  publishedTime?: PublishedTime;
  author?: string;
  standfirst?: string;
  lang: string;
  blocks: OutputBlock[];
  claims: Claim[];
  stats: ReportStats;
}

/** A conflict inside a claim group, turned towards one report: `a` is that report's wording. */
export interface GroupConflict extends Conflict {
  /** This report's claim, then the other report's claim. */
  claims: [string, string];
}

/** One report's place in a claim group: one cell of the claim x outlet grid. */
export interface GroupCell {
  reportSlug: string;
  /** This report's claims in the group, in reading order; empty when the report does not carry it. */
  claimIds: string[];
  /**
   * The closest wording linking these claims to another report's claims in the group (`verbatim` before
   * `edited` before `paraphrase`); null when the report does not carry the group or is the only one that does.
   */
  kind: MatchKind | null;
  /** Conflicts of the group's matches that involve this report's claims. */
  conflicts: GroupConflict[];
}

/**
 * Claims of several reports that state the same thing (see group-claims.ts for how matches join claims).
 * A claim found in one report only is a group of one.
 */
export interface ClaimGroup {
  /** Stable id: `group-` and the id of the group's first claim; a valid HTML id. */
  id: string;
  /** In the order of the story's reports, then reading order. */
  claimIds: string[];
  /** Slugs of the reports that carry the group, in the story's order. */
  reports: string[];
  /** One per report of the story, in the story's order, carriers or not. */
  cells: GroupCell[];
}

/** A run of sentences two or more reports share word for word, in the same order: one text run by several outlets. */
export interface SharedCopy {
  /** Slugs of the reports that run it, in the story's order. */
  reports: string[];
  /** Ids of every report's claims in the run, in the story's order, then reading order. */
  claims: string[];
  /** The agency one of these reports credits for its text ("With inputs from PTI"), or null when none names one. */
  credit: string | null;
}

/** A claim most reports carry, for the story's summary: one wording, and who carries it. */
export interface AgreedClaim {
  /** The claim group's id. */
  group: string;
  /** The claim whose wording stands for the group: the shortest claim of the group that is not a part of a longer one. */
  claim: string;
  /** Slugs of the reports that carry it, in the story's order. */
  reports: string[];
  /**
   * How many of them carry it independently: reports whose claims here all lie in one shared copy count once
   * ("2 reports, one agency copy" is 1).
   */
  independent: number;
}

/** One point on which reports disagree, for the story's summary: each version, with the reports that give it. */
export interface DisputedPoint {
  group: string;
  kind: ConflictKind;
  /** In the story's order of the first report giving each; `text` as that report writes it. */
  versions: { text: string; reports: string[]; claim: string }[];
}

/** What only one report says: how many of its claims no other report carries, and the first of them. */
export interface UniqueCount {
  report: string;
  count: number;
  /** The first such claim in reading order, or null when there is none. */
  first: string | null;
}

/** The story at a glance (see at-a-glance.ts): what the reports agree on, where they differ, what only one says. */
export interface Glance {
  /** Carried by every report, or by more than half of them; the most widely carried first. */
  agreed: AgreedClaim[];
  disputed: DisputedPoint[];
  /** One per report, in the story's order. */
  unique: UniqueCount[];
}

export interface StoryComparison {
  slug: string;
  title: string;
  summary: string;
  date: Date;
  /** Reports ordered by publication time, then outlet name. */
  reports: ReportComparison[];
  matches: Match[];
  /** Every claim in exactly one group; groups ordered by their first claim (report order, then reading order). */
  groups: ClaimGroup[];
  stats: {
    claims: number;
    sharedClaims: number;
    uniqueClaims: number;
    matches: number;
  };
  /** Runs of sentences reports share word for word (see find-shared-copy.ts). */
  sharedCopy: SharedCopy[];
  glance: Glance;
  /** Every id issued so far, updated with this comparison's claims: the build writes it back beside the story. */
  ledger: ClaimLedger;
}
