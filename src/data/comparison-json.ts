import type { StoryComparison } from '../pipeline/types.ts';
import { isoDay } from './format.ts';
import { claimUrl } from './urls.ts';

/**
 * The public, machine-readable form of one story's comparison; its shape is a published contract.
 * - `story`: slug, title, summary, date (`YYYY-MM-DD`).
 * - `articles`: the reports in publication order (`slug`, `lang`, `outlet`, `title`, `url`, `published`: the day
 *   as the report's file writes it, `YYYY-MM-DD`; and, when the file gives the moment, `publishedTime`: it as
 *   written, an ISO 8601 date-time with its zone, whose day is `published`), each
 *   with its claims in reading order: `id`, `text`, `permalink` (the absolute URL of the claim's place on
 *   the story page, which shows every article: `<story page>#<id>`, what Copy link and Share give out, which
 *   keeps working after the report is corrected: a corrected claim keeps its id, a removed one's id lands on its
 *   note under Corrections), `context` (the same place as a site path) and, for a sentence the article prints
 *   again, `repeatOf`: the id of its first copy, whose matches are the sentence's (later copies are not all
 *   matched again).
 * - `matches`: every matched pair of claims across every pair of articles, claims in article order, with
 *   `score`, the probability (0-1, three decimals, rounded down so that it compares with the threshold as the
 *   site's own does) that the two state the same thing: under 0.8 (CONFIDENT_MATCH) the site shows a "possible match";
 *   `kind` (`verbatim` | `edited` | `paraphrase` | `part`, the last when one claim is said within a longer
 *   sentence of the other); for a `part` match, `part`: `{ claim, start, end }`, the stretch of the longer
 *   claim (`claim`, its id) that states what the shorter one says, as UTF-16 offsets into its `text`, end
 *   exclusive; and `conflicts`: `[{ kind, a, b }]` where kind is `number` | `date` | `name` | `attribution`
 *   and `a`, `b` are the exact wording of the first and second claim.
 * - `groups`: claims that state the same thing across all articles, every claim in exactly one group (a
 *   claim one article alone makes is a group of one), ordered by first claim. Each has `id`, `claims` (ids in
 *   article order, then reading order), `articles` (slugs of the articles that carry it) and `cells`, one per
 *   article in article order: `article`, `claims` (empty when the article does not carry the group), `kind`
 *   (the closest wording linking them to another article's claims; null when not carried or carried by this
 *   article alone) and `conflicts`: `[{ kind, a, b, claims }]` turned towards this article (`a` its wording,
 *   `claims` its claim then the other one).
 * - `sharedCopy`: runs of sentences two or more articles share word for word, in the same order (one text run by
 *   several outlets): `[{ articles, claims, credit }]`, `credit` the agency one of them credits ("With inputs from
 *   PTI") or null.
 * - The story at a glance: `agreed`, the groups carried by every article or more than half of them, most widely
 *   carried first: `[{ group, claim, articles, independent }]`, `claim` the id of the wording that stands for the
 *   group (its shortest complete claim), `independent` the carriers counted once per shared copy; `disputed`,
 *   one point per group and set of versions its conflicts link (a group may disagree on two numbers, so hold two
 *   points of one kind): `[{ group, kind, versions: [{ text, articles, claim }] }]`; and
 *   `unique`, per article in article order: `[{ article, count, first }]`, its claims no other article carries and
 *   the first of them (null when none).
 */
export function publishedComparison(story: StoryComparison, site: URL | string) {
  return {
    story: { slug: story.slug, title: story.title, summary: story.summary, date: isoDay(story.date) },
    articles: story.reports.map((report) => ({
      slug: report.slug,
      lang: report.lang,
      outlet: report.outlet,
      title: report.title,
      url: report.url,
      published: isoDay(report.published),
      ...(report.publishedTime && { publishedTime: report.publishedTime.text }),
      claims: report.claims.map((claim) => ({
        id: claim.id,
        text: claim.text,
        permalink: new URL(claimUrl(story.slug, claim.id), site).href,
        context: claimUrl(story.slug, claim.id),
        ...(claim.repeatOf !== undefined && { repeatOf: claim.repeatOf }),
      })),
    })),
    matches: story.matches.map((match) => ({
      claims: match.claims,
      // Rounded down, so that a score under CONFIDENT_MATCH stays under it; the epsilon absorbs products that land
      // a hair under a whole number in floating point.
      score: Math.floor(match.score * 1000 + 1e-9) / 1000,
      kind: match.kind,
      ...(match.part && { part: { claim: match.part.claim, start: match.part.start, end: match.part.end } }),
      conflicts: match.conflicts.map(({ kind, a, b }) => ({ kind, a, b })),
    })),
    sharedCopy: story.sharedCopy.map(({ reports, claims, credit }) => ({ articles: reports, claims, credit })),
    agreed: story.glance.agreed.map(({ group, claim, reports, independent }) => ({ group, claim, articles: reports, independent })),
    disputed: story.glance.disputed.map(({ group, kind, versions }) => ({
      group,
      kind,
      versions: versions.map(({ text, reports, claim }) => ({ text, articles: reports, claim })),
    })),
    unique: story.glance.unique.map(({ report, count, first }) => ({ article: report, count, first })),
    groups: story.groups.map((group) => ({
      id: group.id,
      claims: group.claimIds,
      articles: group.reports,
      cells: group.cells.map((cell) => ({
        article: cell.reportSlug,
        claims: cell.claimIds,
        kind: cell.kind,
        conflicts: cell.conflicts.map(({ kind, a, b, claims }) => ({ kind, a, b, claims })),
      })),
    })),
  };
}


export type PublishedComparison = ReturnType<typeof publishedComparison>;
