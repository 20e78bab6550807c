import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assertGrid } from '../helpers/check-grid.ts';
import { assertStoryColumns } from '../helpers/check-story-columns.ts';
import { projectPaths } from '../helpers/project-paths.ts';
import { readComparison, shownReports } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import type { ContentReport } from '../helpers/read-content.ts';
import { attribute, collapse, readPage, textOf } from '../helpers/read-dist.ts';

/**
 * What the author wrote, read with remark alone (never with the site's own segmenter), so that comparing it
 * with the page independently proves no sentence is lost, reordered or altered.
 */
function authoredBlocks(report: ContentReport) {
  const paragraphs: string[] = [];
  const headings: string[] = [];
  visit(report.tree, (node) => {
    if (node.type === 'paragraph') paragraphs.push(collapse(mdastToString(node)));
    if (node.type === 'heading') {
      const level = Math.min(6, Math.max(3, node.depth + 1));
      headings.push(`h${level} ${collapse(mdastToString(node))}`);
    }
  });
  return { paragraphs: paragraphs.filter(Boolean), headings };
}

function reportArticle(story: string, report: string): Element {
  const article = select(`article.cr-report[data-report="${report}"]`, readPage(`/stories/${story}/`));
  assert.ok(article, `/stories/${story}/ has no article.cr-report[data-report="${report}"]`);
  return article;
}

for (const story of readContent()) {
  describe(`the story page of ${story.slug}`, () => {
    test('shows every report, the first two by publication time side by side', () => {
      const comparison = readComparison(story.slug);
      const page = readPage(`/stories/${story.slug}/`);
      const shown = selectAll('.cr-columns > article.cr-report', page);
      assert.deepEqual(shown.map((article) => attribute(article, 'dataReport')), comparison.reports.map((report) => report.slug));
      const sideBySide = shown.filter((article) => attribute(article, 'dataSide')).map((article) => attribute(article, 'dataReport'));
      assert.deepEqual(sideBySide, shownReports(comparison).map((report) => report.slug));
    });

    for (const report of story.reports) {
      test(`gives every sentence of ${report.path} in order, and its headings`, () => {
        const article = reportArticle(story.slug, report.slug);
        const expected = authoredBlocks(report);
        const paragraphs = selectAll('.cr-paragraph', article).map((paragraph) =>
          collapse(selectAll('.cr-claim-text', paragraph).map((claim) => textOf(claim)).join(' ')),
        );
        assert.deepEqual(paragraphs, expected.paragraphs);
        const headings = selectAll('h3, h4, h5, h6', article).map((heading) => `${heading.tagName} ${textOf(heading)}`);
        assert.deepEqual(headings, expected.headings);
      });
    }

    test("each report's header names its outlet and headline, dates it and links to the original", () => {
      const comparison = readComparison(story.slug);
      for (const report of comparison.reports) {
        const article = reportArticle(story.slug, report.slug);
        assert.ok(attribute(article, 'lang'), `${report.slug}: article has no lang`);
        assert.equal(textOf(select('h2', article)), collapse(report.title));
        assert.ok(textOf(article).includes(report.outlet), `${report.slug}: outlet name not shown`);
        assert.equal(attribute(select('time', article), 'dateTime'), report.published.slice(0, 10));
        const source = select('a.cr-source', article);
        assert.ok(source, `${report.slug}: no a.cr-source`);
        assert.equal(attribute(source, 'href'), report.url);
        assert.match(attribute(source, 'rel') ?? '', /noopener/);
        assert.match(attribute(source, 'rel') ?? '', /noreferrer/);
      }
    });

    test('every claim shows its exact text, its status, its counterparts, its tools and only shared wording marked', () => {
      assertStoryColumns(readPage(`/stories/${story.slug}/`), readComparison(story.slug));
    });

    test('shows the claim x outlet grid: every claim group, and how each outlet carries it', () => {
      assertGrid(readPage(`/stories/${story.slug}/`), readComparison(story.slug));
    });

    test('lets the reader choose the pair on the story page itself: no page per pair, and no chooser for two reports', () => {
      const comparison = readComparison(story.slug);
      const page = readPage(`/stories/${story.slug}/`);
      assert.ok(!existsSync(join(projectPaths.dist, 'stories', story.slug, 'compare')), 'a folder of pair pages');
      if (comparison.reports.length === 2) {
        assert.equal(select('.cr-chooser', page), undefined, 'a story of two reports has a pair chooser');
        return;
      }
      const links = selectAll('.cr-chooser-pairs a', page).map((link) => attribute(link, 'href'));
      assert.deepEqual(links, comparison.reports.map((report) => `#cr-report-${report.slug}-title`));
      for (const report of comparison.reports) assert.ok(select(`[id="cr-report-${report.slug}-title"]`, page), `no title for ${report.slug}`);
    });

    test('shows the overlap figures and the legend of the marks', () => {
      const page = readPage(`/stories/${story.slug}/`);
      const figures = select('section.cr-figures', page);
      assert.ok(figures, 'no section.cr-figures');
      assert.match(textOf(figures), /\d+\s?%/, 'figures should give percentages');
      assert.ok(select('section.cr-legend', page), 'no section.cr-legend');
    });
  });
}
