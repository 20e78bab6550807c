import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { buildFixtureSite, fixtureStories } from '../helpers/build-fixture-site.ts';
import { launchBrowser } from '../helpers/launch-browser.ts';
import { readComparison } from '../helpers/read-comparison.ts';
import type { Comparison } from '../helpers/read-comparison.ts';
import { startStaticServer } from '../helpers/start-static-server.ts';
import type { StaticServer } from '../helpers/start-static-server.ts';

/** The fixture stories (tests/fixtures/stories/), built into a copy of the project, in Chromium. */
let server: StaticServer;
let browser: Browser;
let dist: string;
before(async () => {
  ({ dist } = await buildFixtureSite());
  server = await startStaticServer(dist);
  browser = await launchBrowser();
}, { timeout: 300_000 });
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(path, server.origin).href);
  return { page, errors };
}

/** The reports the reader sees in the columns, in the order they stand (left to right, then down). */
function visibleSlugs(page: Page): Promise<string[]> {
  return page.locator('.cr-columns > article.cr-report').evaluateAll((articles) =>
    articles
      .filter((article) => article.getClientRects().length > 0)
      .map((article) => ({ slug: article.getAttribute('data-report') ?? '', box: article.getBoundingClientRect() }))
      .sort((a, b) => Math.round(a.box.top) - Math.round(b.box.top) || a.box.left - b.box.left)
      .map(({ slug }) => slug),
  );
}

for (const slug of readdirSync(fixtureStories).sort()) {
  // A story of two reports has one pair and no chooser: the chooser tests are for stories of three or more.
  const reportCount = readdirSync(join(fixtureStories, slug)).filter((name) => name.endsWith('.md')).length;
  describe(`the fixture story ${slug} in a browser`, () => {
    let comparison: Comparison;
    before(() => {
      comparison = readComparison(slug, dist);
    });
    const storyPath = `/stories/${slug}/`;

    if (reportCount >= 3) {
      test('the chooser sets any two reports side by side on the page itself, in the order chosen, and refuses the same report twice', async () => {
        const { page, errors } = await open(storyPath);
        const chooser = page.locator('nav.cr-chooser');
        assert.ok(await chooser.locator('form').isVisible(), 'JavaScript should show the two selects');
        assert.equal(await chooser.locator('.cr-chooser-pairs').isVisible(), false, 'the list of links should give way to the selects');
        const [first, second, third] = comparison.reports;
        assert.ok(first && second && third, 'a fixture story for the chooser needs three reports');
        assert.deepEqual(await visibleSlugs(page), [first.slug, second.slug], 'the first two by publication time, alone');
        await chooser.getByLabel('First report').selectOption(third.slug);
        await chooser.getByLabel('Second report').selectOption(second.slug);
        assert.deepEqual(await visibleSlugs(page), [first.slug, second.slug], 'nothing changes before the button');
        await chooser.getByRole('button', { name: 'Compare' }).click();
        assert.deepEqual(await visibleSlugs(page), [third.slug, second.slug]);
        assert.equal(new URL(page.url()).pathname, storyPath, 'the page should stay');
        const current = await chooser.locator('.cr-chooser-current').innerText();
        assert.ok(current.includes(`${third.outlet} and ${second.outlet}`), current);
        await chooser.getByLabel('First report').selectOption(first.slug);
        await chooser.getByLabel('Second report').selectOption(first.slug);
        await chooser.getByRole('button', { name: 'Compare' }).click();
        assert.match(await page.locator('.cr-chooser-error').innerText(), /two different reports/);
        assert.deepEqual(await visibleSlugs(page), [third.slug, second.slug], 'the pair should stay');
        assert.deepEqual(errors, []);
      });

      test('an address naming a claim of a report not side by side brings that report beside the first', async () => {
        const [first, , third] = comparison.reports;
        const claim = third!.claims.at(-1)!;
        const { page, errors } = await open(`${storyPath}#${claim.id}`);
        assert.deepEqual(await visibleSlugs(page), [first!.slug, third!.slug]);
        assert.ok(await page.locator(`[id="${claim.id}"]`).isVisible(), 'the claim should be visible');
        assert.equal(await page.locator(`[id="${claim.id}"]`).getAttribute('data-highlight'), 'target');
        assert.deepEqual(errors, []);
      });

      test('without JavaScript every report follows the first two in order, and the chooser links to each', async () => {
        const { page } = await open(storyPath, { javaScriptEnabled: false });
        assert.equal(await page.locator('nav.cr-chooser form').isVisible(), false);
        assert.deepEqual(await visibleSlugs(page), comparison.reports.map((report) => report.slug));
        const links = page.locator('nav.cr-chooser .cr-chooser-pairs a');
        assert.equal(await links.count(), comparison.reports.length);
        const last = comparison.reports.at(-1)!;
        await links.last().click();
        await page.waitForURL((url) => url.hash === `#cr-report-${last.slug}-title`);
        assert.ok(await page.locator(`#cr-report-${last.slug}-title`).isVisible());
      });
    }

    test('the grid names every outlet and says how each carries each claim, conflicts included', async () => {
      const { page } = await open(storyPath);
      const grid = page.getByRole('table', { name: /claims and the outlets/i });
      assert.ok(await grid.isVisible(), 'no grid table named by its caption');
      for (const report of comparison.reports) {
        assert.ok(await grid.getByRole('columnheader', { name: report.outlet }).isVisible(), `no column for ${report.outlet}`);
      }
      assert.equal(await grid.locator('tbody tr').count(), comparison.groups.length);
      const conflicts = comparison.groups.flatMap((group) => group.cells.flatMap((cell) => cell.conflicts));
      if (conflicts.length > 0) assert.ok(await grid.locator('.cr-grid-conflict').first().isVisible(), 'no conflict flagged');
    });

    test('the story page has no WCAG 2.2 AA violations that axe can find, and no sideways scroll at 390 px, with or without JavaScript', async () => {
      const { page } = await open(storyPath);
      assert.deepEqual(await axeViolations(page), [], `axe found violations on ${storyPath}`);
      // axe is a script of its own: it runs only where scripts do, so without them the layout alone is checked.
      for (const javaScriptEnabled of [true, false]) {
        const narrow = await open(storyPath, { viewport: { width: 390, height: 800 }, javaScriptEnabled });
        const widths = await narrow.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok(widths[0]! <= widths[1]!, `${storyPath} is ${widths[0]} px wide in a ${widths[1]} px window${javaScriptEnabled ? '' : ' without JavaScript'}`);
      }
    });

    test('on a phone the grid scrolls inside its own labelled box, not the page', async () => {
      const { page } = await open(storyPath, { viewport: { width: 390, height: 800 } });
      const box = page.getByRole('region', { name: /claims and the outlets/i });
      const { inner, outer } = await box.evaluate((element) => ({ inner: element.scrollWidth, outer: element.clientWidth }));
      assert.ok(inner > outer, 'three outlets should not fit a 390 px phone without scrolling the grid');
      await box.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => (document.querySelector('.cr-grid-scroll')?.scrollLeft ?? 0) > 0, null, { timeout: 5_000 });
    });
  });
}
