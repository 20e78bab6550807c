import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { buildFixtureSite } from '../helpers/build-fixture-site.ts';
import { startSite } from '../helpers/launch-browser.ts';
import type { Site } from '../helpers/launch-browser.ts';
import { bestMatch, distinctiveClaim, phraseOf, sharedWords, words } from '../helpers/pick-claims.ts';
import { claimContextPath, findClaim, readComparison } from '../helpers/read-comparison.ts';
import type { Comparison } from '../helpers/read-comparison.ts';
import { projectPaths } from '../helpers/project-paths.ts';

/** The project's own site (dist/) and the fixture site (every story of tests/fixtures/stories/ besides content/). */
const fixture = await buildFixtureSite();
const sites = [
  { name: 'the project site', dist: projectPaths.dist, stories: join(projectPaths.root, 'content', 'stories') },
  { name: 'the fixture site', dist: fixture.dist, stories: join(fixture.root, 'content', 'stories') },
];

const dialog = '#cr-search-dialog';

interface Shown {
  /** Path and hash the result leads to, without its query. */
  target: string;
  highlight: string | null;
  text: string;
  lang: string | null;
  outlet: string;
  story: string;
  statuses: string[];
  conflictBadge: boolean;
}

function storySlugs(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The HTML of the page a claim's permalink opens. */
function claimPageHtml(dist: string, story: string, claimId: string): string {
  const [path = ''] = claimContextPath(readComparison(story, dist), claimId).split('#');
  return readFileSync(join(dist, path, 'index.html'), 'utf8');
}

/** The language a claim's report column declares on the page its permalink opens, which is its report's. */
function claimLang(dist: string, story: string, claimId: string): string {
  const { report } = findClaim(readComparison(story, dist), claimId);
  const column = new RegExp(`<article[^>]*\\sdata-report="${report.slug}"[^>]*\\slang="([^"]+)"`);
  return column.exec(claimPageHtml(dist, story, claimId))?.[1] ?? '';
}

/** The language the page a claim's permalink opens declares on <html>. */
function pageLang(dist: string, story: string, claimId: string): string {
  return /<html[^>]*\slang="([^"]+)"/.exec(claimPageHtml(dist, story, claimId))?.[1] ?? '';
}

/** Waits until the panel under `scope` has answered `query`, then reads its status and results. */
async function answer(page: Page, scope: string, query: string): Promise<{ status: string; results: Shown[] }> {
  const status = page.locator(`${scope} [data-search-part="status"]`);
  await page.waitForFunction(
    ({ selector, quoted }) => document.querySelector(selector)?.textContent?.includes(quoted) ?? false,
    { selector: `${scope} [data-search-part="status"]`, quoted: `“${query}”` },
    { timeout: 15_000 },
  );
  const results = await page.locator(`${scope} .cr-search-result`).evaluateAll((items) =>
    items.map((item) => {
      const link = item.querySelector('a');
      const url = new URL(link?.getAttribute('href') ?? '', location.href);
      const text = item.querySelector('.cr-search-result-text');
      return {
        target: `${url.pathname}${url.hash}`,
        highlight: url.searchParams.get('highlight'),
        text: text?.textContent ?? '',
        lang: text?.getAttribute('lang') ?? null,
        outlet: item.querySelector('.cr-search-result-outlet')?.textContent ?? '',
        story: item.querySelector('.cr-search-result-story')?.textContent ?? '',
        statuses: (item.getAttribute('data-status') ?? '').split(' ').filter(Boolean),
        conflictBadge: item.querySelector('.cr-search-result-conflict') !== null,
      };
    }),
  );
  return { status: (await status.textContent()) ?? '', results };
}

/** Opens the dialog with `/` and types `query` into it. */
async function searchInDialog(page: Page, query: string): Promise<{ status: string; results: Shown[] }> {
  await page.keyboard.press('/');
  await page.locator(`${dialog} [data-search-part="input"]`).waitFor({ state: 'visible' });
  await page.keyboard.type(query);
  return answer(page, dialog, query);
}

function totalIn(status: string): number {
  const match = /^(\d+) claims? found/.exec(status);
  return match ? Number(match[1]) : 0;
}

/** The count a filter checkbox shows beside its value. */
async function countBeside(page: Page, scope: string, name: string): Promise<number> {
  const label = page.locator(`${scope} .cr-search-filters label`).filter({ hasText: name }).first();
  const count = await label.locator('.cr-search-filter-count').textContent();
  return Number(/\((\d+)\)/.exec(count ?? '')?.[1] ?? Number.NaN);
}

for (const { name, dist, stories } of sites) {
  describe(`searching the claims of ${name}`, () => {
    let site: Site;
    before(async () => {
      site = await startSite(dist);
    });
    after(async () => {
      await site?.close();
    });

    for (const slug of storySlugs(stories)) {
      const comparison = readComparison(slug, dist);
      for (const report of comparison.reports) {
        const claim = distinctiveClaim(report);
        if (!claim) continue;
        const query = phraseOf(claim);

        test(`a phrase from ${report.outlet} in ${slug} returns its claim first, in its language, linked with the query`, async () => {
          const { page, errors } = await site.open();
          await page.goto(site.url(`/search/?q=${encodeURIComponent(query)}`));
          assert.equal(await page.locator('#cr-search-input').inputValue(), query, 'the query should pre-fill the input');
          const { results } = await answer(page, '[data-search-panel="page"]', query);
          const [first] = results;
          assert.ok(first, `no result for "${query}"`);
          // Another story may carry the very same sentence from the same outlet: that ties, and either is right.
          const expected = claimContextPath(comparison, claim.id);
          assert.ok(
            first.target === expected || (first.text === claim.text && first.outlet === report.outlet),
            `"${query}" should find ${expected} first; got ${results.map((result) => result.target).join(', ')}`,
          );
          assert.ok(results.some((result) => result.target === expected), `${expected} is not among the results`);
          assert.equal(first.highlight, query, 'the result link should carry the query as ?highlight=');
          assert.equal(first.lang, claimLang(dist, slug, claim.id), 'the result text should carry its report language');
          assert.ok(first.text.includes(claim.text.split(/\s+/)[0] ?? ''), 'the result should show the claim text');
          assert.deepEqual(errors, []);
        });
      }
    }
  });
}

describe('filters of the search in the fixture site', () => {
  let site: Site;
  before(async () => {
    site = await startSite(fixture.dist);
  });
  after(async () => {
    await site?.close();
  });

  const all = storySlugs(sites[1]?.stories ?? '').map((slug) => readComparison(slug, fixture.dist));
  const wide = all.find((comparison) => comparison.reports.length >= 3) ?? all[0];

  const match = wide && bestMatch(wide);
  if (wide && match) {
    const common = sharedWords(match.first, match.second);
    const query = common.length > 0 ? common.join(' ') : phraseOf(match.first, 4);

    test('ticking an outlet narrows the results to it, and the counts beside the filters match the results', async () => {
      const { page, errors } = await site.open();
      await page.goto(site.url('/'));
      const before = await searchInDialog(page, query);
      const outletsBefore = new Set(before.results.map((result) => result.outlet));
      assert.ok(outletsBefore.size >= 2, `"${query}" should find claims of several outlets; found ${[...outletsBefore].join(', ')}`);

      const outlet = findClaim(wide, match.first.id).report.outlet;
      const expected = await countBeside(page, dialog, outlet);
      const filters = page.locator(`${dialog} .cr-search-filters`);
      assert.ok(await filters.locator('legend', { hasText: 'Outlet' }).isVisible(), 'the outlet filter has no visible legend');
      await filters.getByRole('checkbox', { name: outlet }).check();
      await page.waitForFunction(
        (selector) => document.querySelector(selector)?.textContent?.includes('with the chosen filters') ?? false,
        `${dialog} [data-search-part="status"]`,
      );
      const after = await answer(page, dialog, query);
      assert.ok(after.results.length > 0 && after.results.every((result) => result.outlet === outlet), `results should all be from ${outlet}`);
      assert.ok(after.results.length < before.results.length, "ticking one outlet should drop the other outlets' results");
      assert.equal(totalIn(after.status), expected, `the count beside ${outlet} should be the number of results it leaves`);
      assert.equal(after.results.length, totalIn(after.status), 'every result should be shown');

      for (const [value, label] of [
        ['shared', 'Shared with other reports'],
        ['unique', 'Only in one report'],
        ['conflict', 'Reports disagree on a detail'],
      ] as const) {
        const carrying = after.results.filter((result) => result.statuses.includes(value)).length;
        if (carrying === 0) continue;
        assert.equal(await countBeside(page, dialog, label), carrying, `the count beside “${label}” should match the results`);
      }
      for (const story of new Set(after.results.map((result) => result.story))) {
        const carrying = after.results.filter((result) => result.story === story).length;
        assert.equal(await countBeside(page, dialog, story), carrying, `the count beside the story “${story}” should match the results`);
      }
      assert.deepEqual(errors, []);
    });
  }

  const conflicted = (comparison: Comparison) =>
    new Set(comparison.matches.filter((pair) => pair.conflicts.length > 0).flatMap((pair) => pair.claims));
  const withConflict = all.find((comparison) => conflicted(comparison).size > 0);
  if (withConflict) {
    const ids = conflicted(withConflict);
    const claims = withConflict.reports.flatMap((report) => report.claims);
    // A word of a claim with a conflict that a claim without one also uses: the query finds both kinds.
    const word = claims
      .filter((claim) => ids.has(claim.id))
      .flatMap((claim) => words(claim.text))
      .find((candidate) => candidate.length > 3 && claims.some((claim) => !ids.has(claim.id) && words(claim.text).includes(candidate)));

    test('the conflict status leaves only claims on which the reports disagree, each with its badge', async () => {
      assert.ok(word, `no word is shared by claims with and without a conflict in ${withConflict.slug}`);
      const { page, errors } = await site.open();
      await page.goto(site.url('/'));
      const before = await searchInDialog(page, word);
      assert.ok(before.results.some((result) => !result.statuses.includes('conflict')), `"${word}" should also find claims without a conflict`);
      const expected = await countBeside(page, dialog, 'Reports disagree on a detail');
      await page.locator(dialog).getByRole('checkbox', { name: 'Reports disagree on a detail' }).check();
      await page.waitForFunction(
        (selector) => document.querySelector(selector)?.textContent?.includes('with the chosen filters') ?? false,
        `${dialog} [data-search-part="status"]`,
      );
      const after = await answer(page, dialog, word);
      assert.equal(after.results.length, expected, 'the count beside the status should be the number of results it leaves');
      const targets = new Set(all.flatMap((comparison) => [...conflicted(comparison)].map((id) => claimContextPath(comparison, id))));
      for (const result of after.results) {
        assert.ok(result.conflictBadge, `${result.target} has no conflict badge`);
        assert.ok(targets.has(result.target), `${result.target} is not a claim with a conflict`);
      }
      assert.deepEqual(errors, []);
    });
  }

  // A word several claims of one report use, and as few claims of the site as possible, so all results show.
  const repeated = all
    .flatMap((comparison) =>
      comparison.reports.flatMap((report) =>
        [...new Set(report.claims.flatMap((claim) => words(claim.text)))]
          .filter((word) => word.length > 4)
          .map((word) => ({
            comparison,
            report,
            word,
            claims: report.claims.filter((claim) => words(claim.text).includes(word)),
            everywhere: all.flatMap((other) => other.reports.flatMap((r) => r.claims)).filter((claim) => words(claim.text).includes(word)).length,
          })),
      ),
    )
    .filter((entry) => entry.claims.length >= 2)
    .sort((a, b) => a.everywhere - b.everywhere)[0];
  if (repeated) {
    test('a word that several claims of one report use lists each of those claims once, each leading to itself', async () => {
      const { page, errors } = await site.open();
      await page.goto(site.url(`/search/?q=${encodeURIComponent(repeated.word)}`));
      const { results } = await answer(page, '[data-search-panel="page"]', repeated.word);
      const targets = results.map((result) => result.target);
      assert.equal(new Set(targets).size, targets.length, 'each claim should be listed once');
      for (const claim of repeated.claims) {
        const target = claimContextPath(repeated.comparison, claim.id);
        const shown = results.find((result) => result.target === target);
        assert.ok(shown, `"${repeated.word}" should list ${target}; got ${targets.join(', ')}`);
        assert.equal(shown.text, claim.text, `${target} should show its own claim's text`);
        assert.equal(shown.outlet, repeated.report.outlet);
        assert.equal(shown.story, repeated.comparison.title);
      }
      assert.deepEqual(errors, []);
    });
  }

  const home = readFileSync(join(fixture.dist, 'index.html'), 'utf8');
  const homeLang = /<html[^>]*\slang="([^"]+)"/.exec(home)?.[1] ?? '';
  const foreign = all.flatMap((comparison) =>
    comparison.reports.flatMap((report) =>
      report.claims.slice(0, 1).map((claim) => ({ comparison, report, claim, lang: pageLang(fixture.dist, comparison.slug, claim.id) })),
    ),
  );
  const otherPage = foreign.find((entry) => entry.lang !== homeLang);
  const homeReport = foreign.find((entry) => entry.lang === homeLang);
  if (otherPage && homeReport) {
    test(`on a page in ${otherPage.lang}, the dialog still finds claims of reports in ${homeLang}`, async () => {
      const claim = distinctiveClaim(homeReport.report);
      assert.ok(claim);
      const query = phraseOf(claim);
      const { page, errors } = await site.open();
      await page.goto(site.url(claimContextPath(otherPage.comparison, otherPage.claim.id)));
      assert.equal(await page.locator('html').getAttribute('lang'), otherPage.lang);
      const { results } = await searchInDialog(page, query);
      assert.ok(
        results.some((result) => result.text === claim.text && result.lang === homeLang),
        `"${query}" should be found from a page in ${otherPage.lang}; got ${results.map((result) => result.target).join(', ')}`,
      );
      assert.deepEqual(errors, []);
    });
  }
});

describe('the search dialog', () => {
  let site: Site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site?.close();
  });

  const [slug] = storySlugs(sites[0]?.stories ?? '');
  const comparison = readComparison(slug ?? '');
  const report = comparison.reports[0];
  const claim = report && distinctiveClaim(report);
  const query = claim ? phraseOf(claim, 4) : '';
  const storyPath = `/stories/${comparison.slug}/`;

  test('`/` opens the dialog with the search box focused, and Pagefind loads only then', async () => {
    const { page, errors } = await site.open();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(site.url(storyPath), { waitUntil: 'networkidle' });
    assert.deepEqual(requested.filter((path) => path.includes('/pagefind/')), [], 'Pagefind should not load before the dialog opens');
    assert.equal(await page.locator(dialog).isVisible(), false);
    const loaded = page.waitForRequest((request) => request.url().includes('/pagefind/pagefind.js'));
    await page.keyboard.press('/');
    assert.ok(await page.locator(dialog).isVisible(), 'the dialog should be open');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-search-part')), 'input');
    assert.equal(await page.locator(`${dialog} [data-search-part="input"]`).inputValue(), '', 'the `/` should not be typed');
    await loaded;
    assert.equal(await page.getByRole('dialog', { name: 'Search claims' }).count(), 1, 'the dialog should be named');
    assert.deepEqual(errors, []);
  });

  test('`/` typed into a text field is a slash, not a shortcut', async () => {
    const { page } = await site.open();
    await page.goto(site.url('/search/'));
    await page.locator('#cr-search-input').focus();
    await page.keyboard.type('a/b');
    assert.equal(await page.locator('#cr-search-input').inputValue(), 'a/b');
    assert.equal(await page.locator(dialog).isVisible(), false);
  });

  test('keyboard only: `/`, type, Tab to the first result, Enter lands on the claim with the query to highlight', async () => {
    assert.ok(claim && report);
    const { page, errors } = await site.open();
    await page.goto(site.url(storyPath));
    const { results } = await searchInDialog(page, query);
    assert.ok(results.length > 0, `no result for "${query}"`);
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.matches('.cr-search-result-link') ?? false)) && tabs < 40) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    const focused = await page.evaluate(() => {
      const links = [...document.querySelectorAll('#cr-search-dialog .cr-search-result-link')];
      return links.indexOf(document.activeElement as Element);
    });
    assert.equal(focused, 0, 'Tab should reach the first result before any other');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused result should show its focus');
    const expected = results[0]?.target ?? '';
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => `${url.pathname}${url.hash}` === expected);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('highlight'), query);
    assert.ok(await page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).count(), 'the claim should be on the page');
    assert.deepEqual(errors, []);
  });

  test('arrow keys move from the box to the results and back', async () => {
    const { page } = await site.open();
    await page.goto(site.url(storyPath));
    await searchInDialog(page, query);
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.evaluate(() => document.activeElement?.matches('#cr-search-dialog .cr-search-result:first-child a') ?? false));
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-search-part')), 'input');
  });

  test('Esc closes the dialog and gives focus back to where it was', async () => {
    const { page } = await site.open();
    await page.goto(site.url(storyPath));
    const opener = page.locator('.cr-search-open');
    await opener.focus();
    await page.keyboard.press('Enter');
    assert.ok(await page.locator(dialog).isVisible(), 'Enter on the Search button should open the dialog');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator(dialog).isVisible(), false);
    assert.ok(await opener.evaluate((element) => element === document.activeElement), 'focus should return to the Search button');

    const link = page.locator('main a[href]').first();
    await link.focus();
    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
    assert.ok(await link.evaluate((element) => element === document.activeElement), 'focus should return to the link it left');
  });

  test('the outcome is announced through a polite status', async () => {
    const { page } = await site.open();
    await page.goto(site.url(storyPath));
    const status = page.locator(`${dialog} [data-search-part="status"]`);
    assert.equal(await status.getAttribute('role'), 'status');
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    const found = await searchInDialog(page, query);
    assert.match(found.status, new RegExp(`^${found.results.length} claims? found for “${query}”`));
    const input = page.locator(`${dialog} [data-search-part="input"]`);
    await input.fill('qqqzzzx');
    const none = await answer(page, dialog, 'qqqzzzx');
    assert.equal(none.status, 'No claims found for “qqqzzzx”.');
    assert.equal(none.results.length, 0);
  });

  for (const width of [1280, 390]) {
    test(`axe-core finds no violation with the dialog showing results at ${width} px, and nothing scrolls sideways`, async () => {
      const { page } = await site.open({ viewport: { width, height: 844 } });
      await page.goto(site.url(storyPath));
      const { results } = await searchInDialog(page, query);
      assert.ok(results.length > 0);
      const widths = await page.locator(dialog).evaluate((element) => ({
        dialog: element.getBoundingClientRect().width,
        scroll: Math.max(...[...element.querySelectorAll('*')].map((child) => child.getBoundingClientRect().right)),
        viewport: window.innerWidth,
      }));
      assert.ok(widths.scroll <= widths.viewport + 0.5, `something in the dialog reaches ${widths.scroll}px of ${widths.viewport}px`);
      if (width < 500) assert.equal(Math.round(widths.dialog), width, 'on a phone the dialog should fill the screen');
      assert.deepEqual(await axeViolations(page), []);
    });
  }

  test('without JavaScript the Search button leads to the search page', async () => {
    const { page } = await site.open({ javaScriptEnabled: false });
    await page.goto(site.url(storyPath));
    await page.locator('.cr-search-open').click();
    await page.waitForURL((url) => url.pathname === '/search/');
    assert.ok(await page.locator('#cr-search-input').isVisible());
  });
});
