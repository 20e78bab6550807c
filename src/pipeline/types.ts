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
  published: Date;
  author?: string;
  standfirst?: string;
  /** BCP 47 language tag of the report's text; `en` when the file does not say. */
  lang: string;
  /** Markdown body, frontmatter removed. */
  body: string;
  /** Path of the source file, for error messages. */
  source: string;
}

export interface StoryInput {
  /** Folder name under `content/stories/`. */
  slug: string;
  title: string;
  summary: string;
  date: Date;
  reports: ReportInput[];
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
}

/**
 * How close the wording of two matched claims is: `verbatim` (the same words), `edited` (a few words added,
 * dropped or changed), `paraphrase` (the same claim in other words).
 */
export type MatchKind = 'verbatim' | 'edited' | 'paraphrase';

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
  /** Similarity in [0, 1]; higher is closer. */
  score: number;
  kind: MatchKind;
  conflicts: Conflict[];
}

export interface Claim {
  /** Stable id from the report slug and the claim's text; unique within the story; a valid HTML id. */
  id: string;
  reportSlug: string;
  /** Position in the report's reading order, from 0. */
  index: number;
  /** The sentence exactly as written in the report. */
  text: string;
  segments: Segment[];
  /** Ids of claims in other reports that state the same thing. */
  counterparts: string[];
  /** Id of an earlier claim in the same report with the same text, when this one repeats it. */
  repeatOf?: string;
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
  published: Date;
  author?: string;
  standfirst?: string;
  lang: string;
  blocks: OutputBlock[];
  claims: Claim[];
  stats: ReportStats;
}

export interface StoryComparison {
  slug: string;
  title: string;
  summary: string;
  date: Date;
  /** Reports ordered by publication time, then outlet name. */
  reports: ReportComparison[];
  matches: Match[];
  stats: {
    claims: number;
    sharedClaims: number;
    uniqueClaims: number;
    matches: number;
  };
}
