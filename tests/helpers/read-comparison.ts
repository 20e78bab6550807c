import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectPaths } from './project-paths.ts';

/** A calendar day as the site publishes it: `YYYY-MM-DD`. */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date');

/** A claim id must work as an HTML id and in a URL fragment. */
const claimId = z.string().regex(/^[A-Za-z][\w-]*$/, 'not a usable HTML id');

/**
 * The published shape of `/stories/<story>/comparison.json` (written by
 * src/pages/stories/[story]/comparison.json.ts): the story, its articles in publication order with their
 * claims in reading order, and the matches between claims of different articles.
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
        outlet: z.string().min(1),
        title: z.string().min(1),
        url: z.url({ protocol: /^https?$/ }),
        published: isoDay,
        claims: z.array(z.object({ id: claimId, text: z.string().min(1), permalink: z.string().startsWith('/') })),
      }),
    )
    .min(1),
  matches: z.array(
    z.object({
      claims: z.tuple([claimId, claimId]),
      score: z.number().min(0).max(1),
      kind: z.enum(['verbatim', 'paraphrase']),
    }),
  ),
});

export type PublishedComparison = z.infer<typeof comparisonSchema>;

export interface ComparisonClaim {
  id: string;
  text: string;
  permalink: string;
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
}

export function comparisonPath(story: string): string {
  return join(projectPaths.dist, 'stories', story, 'comparison.json');
}

/** The raw JSON a story publishes, unchecked; the build tests validate it. */
export function readComparisonJson(story: string): unknown {
  const path = comparisonPath(story);
  if (!existsSync(path)) throw new Error(`${path} is missing: was the site built?`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** A story's comparison, checked against the schema so tests get typed data or a clear failure. */
export function readComparison(story: string): Comparison {
  const published = comparisonSchema.parse(readComparisonJson(story));
  const counterparts = new Map<string, string[]>();
  for (const { claims } of published.matches) {
    counterparts.set(claims[0], [...(counterparts.get(claims[0]) ?? []), claims[1]]);
    counterparts.set(claims[1], [...(counterparts.get(claims[1]) ?? []), claims[0]]);
  }
  return {
    slug: published.story.slug,
    title: published.story.title,
    matches: published.matches,
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

/** The reports the story page shows side by side: the first two by publication time. */
export function shownReports(comparison: Comparison): ComparisonReport[] {
  return comparison.reports.slice(0, 2);
}

export function claimPermalink(story: string, claimId: string): string {
  return `/stories/${story}/#${claimId}`;
}

export function claimPagePath(story: string, claimId: string): string {
  return `/stories/${story}/claims/${claimId}/`;
}

/** Finds a claim by id anywhere in the story, with the report it belongs to. */
export function findClaim(comparison: Comparison, id: string): { claim: ComparisonClaim; report: ComparisonReport } {
  for (const report of comparison.reports) {
    const claim = report.claims.find((candidate) => candidate.id === id);
    if (claim) return { claim, report };
  }
  throw new Error(`claim ${id} is not in story ${comparison.slug}`);
}
