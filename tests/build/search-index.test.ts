import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CONFIDENT_MATCH } from '../../src/pipeline/score-claims.ts';
import { readClaimNotes } from '../../src/scripts/search-claim-notes.ts';
import { projectPaths } from '../helpers/project-paths.ts';
import { claimContextPath, comparisonSchema, readComparison, readComparisonJson } from '../helpers/read-comparison.ts';
import type { Comparison, ComparisonReport } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import { collapse } from '../helpers/read-dist.ts';
import { indexedFragments, type IndexedFragment } from '../helpers/read-search-index.ts';

type IndexedPage = IndexedFragment;

/** The pages of the built index, every shard's. */
function indexedPages(): IndexedPage[] {
  return indexedFragments(projectPaths.dist);
}

/** The indexed page of a report: the one whose first anchor is the report's first claim. */
function pageOf(pages: IndexedPage[], report: ComparisonReport): IndexedPage | undefined {
  return pages.find((page) => page.anchors[0]?.id === report.claims[0]?.id);
}

/** The words of a page's content from the anchor of claim `index` up to the next claim's. */
function wordsOfClaim(page: IndexedPage, index: number): string {
  const words = page.content.split(/[^\S\uFEFF]+/).filter(Boolean);
  return words.slice(page.anchors[index]?.location ?? 0, page.anchors[index + 1]?.location ?? words.length).join(' ');
}

function otherOutlets(comparison: Comparison, report: ComparisonReport, claimId: string, below = Infinity): string[] {
  const matches = comparison.matches.filter((match) => match.claims.includes(claimId));
  const scoreWith = (other: ComparisonReport) =>
    Math.max(-1, ...matches.filter((match) => match.claims.some((id) => other.claims.some((claim) => claim.id === id))).map((match) => match.score));
  return comparison.reports.filter((other) => other !== report && scoreWith(other) >= 0 && scoreWith(other) < below).map((other) => other.outlet);
}

describe('the search index', () => {
  test('is built into dist/pagefind/', () => {
    assert.ok(existsSync(join(projectPaths.dist, 'pagefind', 'pagefind.js')), 'dist/pagefind/pagefind.js is missing');
  });

  test('holds one page per report: its claims in reading order, each at its own anchor, and no other text', () => {
    const pages = indexedPages();
    const reports = readContent().flatMap((story) => readComparison(story.slug).reports.filter((report) => report.claims.length > 0));
    assert.equal(pages.length, reports.length, 'one page per report');
    for (const story of readContent()) {
      const comparison = readComparison(story.slug);
      for (const report of comparison.reports) {
        const page = pageOf(pages, report);
        assert.ok(page, `${report.slug} of ${story.slug} is not indexed`);
        assert.deepEqual(
          page.anchors.map((anchor) => anchor.id),
          report.claims.map((claim) => claim.id),
          `${report.slug}: one anchor per claim, in reading order`,
        );
        report.claims.forEach((claim, index) => {
          // Pagefind ends a block with a full stop when its text has none.
          const text = collapse(claim.text);
          assert.ok([text, `${text}.`].includes(collapse(wordsOfClaim(page, index))), `${claim.id}: the page holds more than the claim at its anchor`);
          assert.equal(`${page.url.replace(/#.*$/, '')}#${claim.id}`, claimContextPath(comparison, claim.id), `${claim.id}: the result should open the claim in context`);
        });
      }
    }
  });

  for (const story of readContent()) {
    test(`each claim of ${story.slug} is found with its outlet, story, status, language and the other outlets that carry it`, () => {
      const comparison = readComparison(story.slug);
      const articles = comparisonSchema.parse(readComparisonJson(story.slug)).articles;
      const pages = indexedPages();
      for (const report of comparison.reports) {
        const page = pageOf(pages, report);
        assert.ok(page, `${report.slug} is not indexed`);
        assert.deepEqual(page.filters.outlet, [report.outlet]);
        assert.deepEqual(page.filters.story, [comparison.title]);
        assert.equal(page.meta.outlet, report.outlet);
        assert.equal(page.meta.title, comparison.title);
        const lang = articles.find((article) => article.slug === report.slug)?.lang ?? '';
        assert.equal(page.meta.lang, lang);
        assert.equal(page.language, new Intl.Locale(lang).language, `${report.slug} should be in the index of its language`);
        const notes = readClaimNotes(page.meta);
        report.claims.forEach((claim, index) => {
          const others = otherOutlets(comparison, report, claim.id);
          // An outlet whose every match with the claim is weak is only possibly carrying it.
          const possible = otherOutlets(comparison, report, claim.id, CONFIDENT_MATCH);
          const conflict = comparison.matches.some((match) => match.claims.includes(claim.id) && match.conflicts.length > 0);
          assert.deepEqual(notes[index], { others, possible, conflict }, `${claim.id}: other outlets, possible ones and conflict`);
        });
      }
    });
  }
});
