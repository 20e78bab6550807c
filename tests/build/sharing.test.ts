import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { buildFixtureSite } from '../helpers/build-fixture-site.ts';
import type { BuiltCopy } from '../helpers/build-fixture-site.ts';
import { readAllComparisons } from '../helpers/read-comparison.ts';
import type { Comparison } from '../helpers/read-comparison.ts';
import { attribute, readPage, textOf } from '../helpers/read-dist.ts';

/**
 * The sharing tools in every claim's detail (on the page its permalink names), over the site built with the fixture stories next to the real ones
 * (a story of three reports, so that claims of reports the story page does not show are covered too).
 */
let site: BuiltCopy;
let stories: Comparison[];
before(async () => {
  site = await buildFixtureSite();
  stories = readAllComparisons(site.dist);
}, { timeout: 300_000 });

const readableDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Every claim with its detail, `path` being its permalink as a site path and fragment. */
function* claimPages() {
  const pages = new Map<string, ReturnType<typeof readPage>>();
  for (const comparison of stories) {
    for (const report of comparison.reports) {
      for (const [index, claim] of report.claims.entries()) {
        const path = claim.context;
        const page = path.split('#')[0]!;
        if (!pages.has(page)) pages.set(page, readPage(page, site.dist));
        const tree = select(`details.cr-claim-detail[data-detail-of="${claim.id}"]`, pages.get(page)!);
        assert.ok(tree, `${path}: no detail`);
        yield { comparison, report, claim, index, path, tree };
      }
    }
  }
}

test("every claim's detail links to its report at the source, which the script later points at the sentence", () => {
  for (const { report, path, tree } of claimPages()) {
    const link = select('a.cr-source-link', tree);
    assert.equal(attribute(link, 'href'), report.url, `${path}: the source link`);
    assert.match(attribute(link, 'rel') ?? '', /\bnoopener\b/, path);
    assert.match(attribute(link, 'rel') ?? '', /\bnoreferrer\b/, path);
    assert.match(textOf(link), /Read it at the source/, path);
  }
});

test("every claim's citation names the outlet, headline, date and report URL, beside the claim's link to its permalink", () => {
  for (const { report, claim, path, tree } of claimPages()) {
    const field = select('.cr-cite .cr-cite-text', tree);
    assert.ok(field, `${path}: no citation`);
    assert.match(textOf(select('.cr-cite', tree)), /^Cite this claim/, `${path}: the citation is not introduced`);
    const citation = textOf(field);
    for (const [what, value] of [
      ['outlet', report.outlet],
      ['headline', report.title],
      ['date', readableDay.format(new Date(report.published))],
      ['report URL', report.url],
    ]) {
      assert.ok(citation.includes(value), `${path}: the citation lacks the ${what} (${value}): ${citation}`);
    }
    assert.equal(attribute(select('a.cr-permalink', tree), 'href'), path, `${path}: the link to the claim`);
    assert.ok(URL.canParse(claim.permalink) && new URL(claim.permalink).pathname + new URL(claim.permalink).hash === path, `${path}: permalink ${claim.permalink}`);
  }
});

test('copy link, share and copy citation are left to the script: without it a detail holds no button', () => {
  for (const { path, tree } of claimPages()) {
    assert.deepEqual(selectAll('button', tree).map((button) => textOf(button)), [], path);
  }
});

test('every claim of every report has its anchor on its story page, so no address needs another page', () => {
  for (const comparison of stories) {
    const page = readPage(`/stories/${comparison.slug}/`, site.dist);
    for (const report of comparison.reports) {
      for (const claim of report.claims) assert.ok(select(`p.cr-claim[id="${claim.id}"]`, page), `${comparison.slug}: ${claim.id}`);
    }
  }
});
