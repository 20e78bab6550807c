import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectPaths } from './project-paths.ts';

/** A calendar day as the site publishes it: `YYYY-MM-DD`. */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date');

/** A claim id must work as an HTML id and in a URL fragment. */
const claimId = z.string().regex(/^[A-Za-z][\w-]*$/, 'not a usable HTML id');

const matchKind = z.enum(['verbatim', 'edited', 'paraphrase', 'part']);
const conflict = z.object({
  kind: z.enum(['number', 'date', 'name', 'attribution']),
  a: z.string().min(1),
  b: z.string().min(1),
});

/**
 * The published shape of `/stories/<story>/comparison.json` (written by
 * src/pages/stories/[story]/comparison.json.ts): the story, its articles in publication order with their
 * claims in reading order, the matches between claims of different articles with their wording label and
 * conflicts, and the claim groups across all articles with one cell per article.
 */
export const comparisonSchema = z.object({
  story: z.object({
    slug: z.string().min(1),
    title: z.string().min(1),
    summary: z.string(),
    date: isoDay,
  }),
  articles: z
    .array(
      z.object({
        slug: z.string().min(1),
        lang: z.string().min(2),
        outlet: z.string().min(1),
        title: z.string().min(1),
        url: z.url({ protocol: /^https?$/ }),
        published: isoDay,
        /** The moment as the report's file writes it, with its zone; its day is `published`. */
        publishedTime: z.iso.datetime({ offset: true }).optional(),
        claims: z.array(
          z.object({
            id: claimId,
            text: z.string().min(1),
            permalink: z.url({ protocol: /^https?$/ }),
            context: z.string().startsWith('/'),
            /** A sentence the article prints again: the id of its first copy. */
            repeatOf: claimId.optional(),
          }),
        ),
      }),
    )
    .min(2)
    .max(10),
  matches: z.array(
    z.object({
      claims: z.tuple([claimId, claimId]),
      score: z.number().min(0).max(1),
      kind: matchKind,
      /** For a `part` match: the stretch of the longer claim that states the shorter one. */
      part: z.object({ claim: claimId, start: z.number().int().min(0), end: z.number().int().min(1) }).optional(),
      conflicts: z.array(conflict),
    }),
  ),
  sharedCopy: z.array(z.object({ articles: z.array(z.string().min(1)).min(2), claims: z.array(claimId).min(4), credit: z.string().min(1).nullable() })),
  agreed: z.array(z.object({ group: claimId, claim: claimId, articles: z.array(z.string().min(1)).min(2), independent: z.number().int().min(1) })),
  disputed: z.array(
    z.object({
      group: claimId,
      kind: conflict.shape.kind,
      versions: z.array(z.object({ text: z.string().min(1), articles: z.array(z.string().min(1)).min(1), claim: claimId })).min(2),
    }),
  ),
  unique: z.array(z.object({ article: z.string().min(1), count: z.number().int().min(0), first: claimId.nullable() })),
  groups: z.array(
    z.object({
      id: claimId,
      claims: z.array(claimId).min(1),
      articles: z.array(z.string().min(1)).min(1),
      cells: z.array(
        z.object({
          article: z.string().min(1),
          claims: z.array(claimId),
          kind: matchKind.nullable(),
          conflicts: z.array(conflict.extend({ claims: z.tuple([claimId, claimId]) })),
        }),
      ),
    }),
  ),
});

export type PublishedComparison = z.infer<typeof comparisonSchema>;

export interface ComparisonClaim {
  id: string;
  text: string;
  /** Absolute URL of the claim's place on the page showing its report (`context`, on CROSSREAD_SITE). */
  permalink: string;
  /** Site path and anchor of the claim in its report, side by side with another. */
  context: string;
  reportSlug: string;
  /** Claims of other reports matched with this one, from `matches`. */
  counterparts: string[];
}

export interface ComparisonReport {
  slug: string;
  outlet: string;
  title: string;
  url: string;
  published: string;
  claims: ComparisonClaim[];
}

/** A story's comparison as tests use it: the published JSON with each claim's counterparts worked out. */
export interface Comparison {
  slug: string;
  title: string;
  reports: ComparisonReport[];
  matches: PublishedComparison['matches'];
  groups: PublishedComparison['groups'];
}

export function comparisonPath(story: string, dist: string = projectPaths.dist): string {
  return join(dist, 'stories', story, 'comparison.json');
}

/** The raw JSON a story publishes (in dist/ or another built site's `dist`), unchecked; the build tests validate it. */
export function readComparisonJson(story: string, dist: string = projectPaths.dist): unknown {
  const path = comparisonPath(story, dist);
  if (!existsSync(path)) throw new Error(`${path} is missing: was the site built?`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** A story's comparison, checked against the schema so tests get typed data or a clear failure. */
export function readComparison(story: string, dist: string = projectPaths.dist): Comparison {
  const published = comparisonSchema.parse(readComparisonJson(story, dist));
  const counterparts = new Map<string, string[]>();
  for (const { claims } of published.matches) {
    counterparts.set(claims[0], [...(counterparts.get(claims[0]) ?? []), claims[1]]);
    counterparts.set(claims[1], [...(counterparts.get(claims[1]) ?? []), claims[0]]);
  }
  return {
    slug: published.story.slug,
    title: published.story.title,
    matches: published.matches,
    groups: published.groups,
    reports: published.articles.map((article) => ({
      ...article,
      claims: article.claims.map((claim) => ({
        ...claim,
        reportSlug: article.slug,
        counterparts: counterparts.get(claim.id) ?? [],
      })),
    })),
  };
}

/** The reports side by side when the story page opens: the first two by publication time. */
export function shownReports(comparison: Comparison): ComparisonReport[] {
  return comparison.reports.slice(0, 2);
}

/** Where a claim is read in context: its anchor on the story page, which shows every report. */
export function claimContextPath(comparison: Comparison, claimId: string): string {
  findClaim(comparison, claimId);
  return `/stories/${comparison.slug}/#${claimId}`;
}

/** Finds a claim by id anywhere in the story, with the report it belongs to. */
export function findClaim(comparison: Comparison, id: string): { claim: ComparisonClaim; report: ComparisonReport } {
  for (const report of comparison.reports) {
    const claim = report.claims.find((candidate) => candidate.id === id);
    if (claim) return { claim, report };
  }
  throw new Error(`claim ${id} is not in story ${comparison.slug}`);
}

/** The comparison of every story built into `dist`, in folder order. */
export function readAllComparisons(dist: string = projectPaths.dist): Comparison[] {
  return readdirSync(join(dist, 'stories'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((story) => readComparison(story, dist));
}
