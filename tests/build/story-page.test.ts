import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
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
    test('shows the first two reports by publication time, side by side', () => {
      const comparison = readComparison(story.slug);
      const page = readPage(`/stories/${story.slug}/`);
      const shown = selectAll('.cr-columns > article.cr-report', page).map((article) => attribute(article, 'dataReport'));
      assert.deepEqual(shown, shownReports(comparison).map((report) => report.slug));
    });

    for (const report of story.reports) {
      test(`gives every sentence of ${report.path} in order, and its headings`, (t) => {
        const comparison = readComparison(story.slug);
        if (!shownReports(comparison).some((shown) => shown.slug === report.slug)) {
          t.diagnostic(`${report.slug} is not among the two reports shown`);
          assert.ok(comparison.reports.some((listed) => listed.slug === report.slug));
          return;
        }
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
      for (const report of shownReports(comparison)) {
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
      const comparison = readComparison(story.slug);
      const outlets = new Map(comparison.reports.map((report) => [report.slug, report.outlet]));
      const page = readPage(`/stories/${story.slug}/`);
      const verbatim = new Set(comparison.matches.filter((match) => match.kind === 'verbatim').flatMap((match) => match.claims));
      for (const report of shownReports(comparison)) {
        for (const [index, claim] of report.claims.entries()) {
          const element = select(`p.cr-claim[id="${claim.id}"]`, page);
          assert.ok(element, `no p.cr-claim#${claim.id}`);
          const where = `claim ${claim.id}`;
          assert.equal(attribute(element, 'dataReport'), report.slug, where);
          assert.equal(attribute(element, 'dataStatus'), claim.counterparts.length > 0 ? 'shared' : 'unique', where);
          const counterparts = [...claim.counterparts].sort();
          assert.deepEqual((attribute(element, 'dataCounterparts') ?? '').split(' ').filter(Boolean).sort(), counterparts, where);
          const text = select('.cr-claim-text', element);
          assert.ok(text, `${where} has no .cr-claim-text`);
          assert.equal(textOf(text), collapse(claim.text), where);
          const marks = selectAll('mark', text).map((mark) => textOf(mark)).filter(Boolean);
          if (claim.counterparts.length === 0) assert.deepEqual(marks, [], `${where}: a unique claim has marked wording`);
          if (verbatim.has(claim.id)) assert.ok(marks.length > 0, `${where}: a verbatim match shows no marked wording`);
          for (const mark of marks) assert.ok(collapse(claim.text).includes(mark), `${where}: mark "${mark}"`);
          const tools = select('.cr-claim-tools', element);
          assert.ok(tools, `${where} has no .cr-claim-tools`);
          assert.ok('dataPagefindIgnore' in tools.properties, `${where}: tools are not data-pagefind-ignore`);
          const badge = select('.cr-badge', tools);
          if (claim.counterparts.length === 0) {
            assert.equal(textOf(badge), `Only in ${outlets.get(report.slug)}`, `${where}: badge`);
          } else {
            assert.equal(badge, undefined, `${where}: a shared claim has an "Only in" badge`);
          }
          const jumps = selectAll('a.cr-jump', tools).map((jump) => attribute(jump, 'href')).sort();
          assert.deepEqual(jumps, counterparts.map((id) => `#${id}`), `${where}: jump links`);
          assert.equal(attribute(select('button.cr-copy', tools), 'dataPermalink'), `/stories/${story.slug}/#${claim.id}`);
          assert.equal(
            attribute(select('a.cr-permalink', tools), 'href'),
            `/stories/${story.slug}/claims/${claim.id}/`,
          );
          const earlier = report.claims.slice(0, index).find((other) => collapse(other.text) === collapse(claim.text));
          assert.equal(attribute(element, 'dataRepeatOf'), earlier?.id, `${where}: data-repeat-of`);
          assert.equal(attribute(select('a.cr-repeat', tools), 'href'), earlier && `#${earlier.id}`, `${where}: repeat link`);
        }
      }
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
