import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { buildFixtureSite, type BuiltCopy } from '../helpers/build-fixture-site.ts';
import { projectPaths } from '../helpers/project-paths.ts';
import { attribute, listPages, readPage, textOf } from '../helpers/read-dist.ts';

/**
 * The methodology page (/methodology/) explains the comparison and quotes the measured accuracy; the README's
 * table of figures is the source of truth, so a retrained matcher whose README is updated fails here until the
 * page says the same. Built on the fixture site, which has a story of three reports as well.
 */
let site: BuiltCopy;
before(async () => {
  site = await buildFixtureSite();
}, { timeout: 300_000 });

const methodologyPath = '/methodology/';

/** The rows with figures of the README's table under "How matching works": the pair count, if any, and the figures. */
function readmeFigures(): { pairs: string; figures: string[] }[] {
  const readme = readFileSync(join(projectPaths.root, 'README.md'), 'utf8');
  const start = readme.indexOf('## How matching works');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const rows = section
    .split('\n')
    .filter((line) => /^\|.*\|\s*$/.test(line) && /\d\.\d{3}/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  return rows.map(([data = '', ...figures]) => ({ pairs: data.match(/\(([\d,]+)/)?.[1] ?? '', figures }));
}

function linksToMethodology(node: Element | Root | undefined): boolean {
  return node !== undefined && selectAll('a[href]', node).some((link) => attribute(link, 'href') === methodologyPath);
}

describe('the methodology page', () => {
  test('exists with a title and a section for each part of the comparison', () => {
    const page = readPage(methodologyPath, site.dist);
    assert.match(textOf(select('h1', page)), /compares reports/);
    const headings = selectAll('main h2', page).map((heading) => textOf(heading).toLowerCase());
    for (const topic of [/split/, /match/, /label/, /link|id/, /accura/, /wrong|limit/]) {
      assert.ok(headings.some((heading) => topic.test(heading)), `no heading about ${topic} among: ${headings.join(' | ')}`);
    }
  });

  test('quotes the same accuracy figures as the README, row for row', () => {
    const expected = readmeFigures();
    assert.ok(expected.length >= 2, 'the README has no table of figures under "How matching works"');
    const rows = selectAll('main table tbody tr', readPage(methodologyPath, site.dist));
    const shown = rows.map((row) => ({
      label: textOf(select('th', row)),
      figures: selectAll('td', row).map((cell) => textOf(cell)),
    }));
    assert.equal(shown.length, expected.length, 'the page and the README list different numbers of measurements');
    expected.forEach((row, index) => {
      assert.deepEqual(shown[index]?.figures, row.figures, `row ${index + 1}: ${shown[index]?.label}`);
      assert.ok(shown[index]?.label.includes(row.pairs), `row ${index + 1} does not give the number of pairs, ${row.pairs}: ${shown[index]?.label}`);
    });
  });

  test('names the script that measures the figures and lists what the matcher gets wrong', () => {
    const page = readPage(methodologyPath, site.dist);
    assert.match(textOf(select('main', page)), /npm run eval/);
    const limits = select('section:has(#limits)', page);
    assert.ok(selectAll('li', limits).length >= 3, 'the limits section lists fewer than three limits');
  });
});

describe('links to the methodology page', () => {
  test('every story page links to it above the reports, not only in the footer', () => {
    const pages = listPages(site.dist).filter((page) => /^\/stories\/[^/]+\/$/.test(page.urlPath));
    assert.ok(pages.length > 0, 'the fixture site has no story page');
    for (const page of pages) {
      assert.ok(linksToMethodology(select('main .cr-page-header', page.tree)), `${page.urlPath} has no link to ${methodologyPath} in its header`);
    }
  });

  test('every page whose claims open a detail with wording labels links to it', () => {
    const pages = listPages(site.dist).filter((page) => select('details.cr-claim-detail .cr-kind', page.tree));
    assert.ok(pages.length > 0);
    for (const page of pages) assert.ok(linksToMethodology(select('main', page.tree)), `${page.urlPath} has no link to ${methodologyPath}`);
  });

  test('the footer of every page links to it', () => {
    for (const page of listPages(site.dist)) {
      assert.ok(linksToMethodology(select('footer', page.tree)), `${page.urlPath} has no footer link to ${methodologyPath}`);
    }
  });
});
