import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { waitInViewport } from '../helpers/launch-browser.ts';
import { serveFixtureSite } from '../helpers/serve-fixture-site.ts';

/** The overview strip beside the columns and the drawn per-story figures, on the fixture site in Chromium. */
const { site, dist } = await serveFixtureSite();
const stories = readdirSync(join(dist, 'stories')).filter((slug) => existsSync(join(dist, 'stories', slug, 'index.html'))).sort();
const storyPages = stories.map((slug) => `/stories/${slug}/`);
/** Story pages of three reports or more, where the reader chooses the pair. */
const choosing = storyPages.filter((path) => readFileSync(join(dist, path, 'index.html'), 'utf8').includes('class="cr-chooser"'));
assert.ok(choosing.length > 0, 'the fixture site should have a story of three reports');

/** Claim ids of the two columns side by side in reading order, and the strip's segment targets track by track. */
async function columnsAndTracks(page: Page): Promise<{ columns: string[][]; tracks: string[][]; hrefs: string[][] }> {
  return page.evaluate(() => {
    const pair = ['first', 'second'].flatMap((side) => document.querySelector(`.cr-columns > article.cr-report[data-side="${side}"]`) ?? []);
    const columns = pair.map((article) =>
      [...article.querySelectorAll('.cr-claim')].map((claim) => claim.id),
    );
    const groups = [...document.querySelectorAll('.cr-overview .cr-overview-report')];
    const tracks = groups.map((group) => [...group.querySelectorAll('.cr-overview-segment')].map((a) => a.getAttribute('data-claim') ?? ''));
    const hrefs = groups.map((group) => [...group.querySelectorAll('.cr-overview-segment')].map((a) => a.getAttribute('href') ?? ''));
    return { columns, tracks, hrefs };
  });
}

describe('the overview strip beside the reports', () => {
  test('has one segment per claim of each report side by side, track by track in column order and in reading order', async () => {
    const { page, errors } = await site.open();
    for (const path of storyPages) {
      await page.goto(site.url(path));
      const { columns, tracks } = await columnsAndTracks(page);
      assert.equal(columns.length, 2, `${path} shows ${columns.length} reports side by side`);
      assert.deepEqual(tracks, columns, `the strip of ${path} does not follow its columns`);
      assert.ok(await page.locator('.cr-overview').isVisible(), `no strip is visible beside the columns of ${path}`);
    }
    assert.deepEqual(errors, []);
  });

  test('gives way when the reader sets another pair side by side, and is not drawn beside every report without JavaScript', async () => {
    const { page, errors } = await site.open();
    for (const path of choosing) {
      await page.goto(site.url(path));
      const chooser = page.locator('nav.cr-chooser');
      const third = await chooser.getByLabel('Second report').locator('option').nth(2).getAttribute('value');
      await chooser.getByLabel('Second report').selectOption(third!);
      await chooser.getByRole('button', { name: 'Compare' }).click();
      assert.equal(await page.locator('.cr-overview').isVisible(), false, `the strip of the first pair still shows on ${path}`);
    }
    assert.deepEqual(errors, []);
    const { page: plain } = await site.open({ javaScriptEnabled: false });
    for (const path of choosing) {
      await plain.goto(site.url(path));
      assert.equal(await plain.locator('.cr-overview').isVisible(), false, `the strip shows beside every report of ${path}`);
    }
  });

  test('clicking a segment brings its claim into view, and the strip marks the part of the report in view', async () => {
    const { page, errors } = await site.open();
    for (const path of storyPages) {
      await page.goto(site.url(path));
      const { tracks } = await columnsAndTracks(page);
      // The last claim of the second report lies furthest from where the page opens.
      const target = tracks[1]!.at(-1)!;
      await page.locator(`.cr-overview-segment[data-claim="${target}"]`).click();
      await waitInViewport(page, target);
      assert.equal(await page.evaluate(() => decodeURIComponent(location.hash.slice(1))), target);
      // The strip stays in view while the reader is far down the page.
      const strip = await page.locator('.cr-overview-map').boundingBox();
      assert.ok(strip && strip.y + strip.height > 0 && strip.y < 900, `the strip of ${path} scrolled out of view`);
      await page.waitForFunction(
        (id) => {
          const segment = document.querySelector(`.cr-overview-segment[data-claim="${id}"] rect`);
          const view = segment?.closest('.cr-overview-report')?.querySelector('.cr-overview-view');
          if (!segment || !view || view.getAttribute('visibility') !== 'visible') return false;
          const top = Number(view.getAttribute('y'));
          const bottom = top + Number(view.getAttribute('height'));
          const y = Number(segment.getAttribute('y'));
          return top <= y && bottom >= y + Number(segment.getAttribute('height'));
        },
        target,
        { timeout: 5_000 },
      );
    }
    assert.deepEqual(errors, []);
  });

  test('without JavaScript every segment is a link to a claim of the page, and following one reaches it', async () => {
    const { page } = await site.open({ javaScriptEnabled: false });
    for (const path of storyPages) {
      await page.goto(site.url(path));
      const { columns, hrefs } = await columnsAndTracks(page);
      assert.deepEqual(hrefs, columns.map((ids) => ids.map((id) => `#${id}`)), `segments of ${path} do not link to its claims`);
    }
    await page.goto(site.url(storyPages[0]!));
    const { tracks } = await columnsAndTracks(page);
    const target = tracks[0]!.at(-1)!;
    await page.locator(`.cr-overview-segment[data-claim="${target}"]`).click();
    await waitInViewport(page, target);
  });

  test('stays out of the tab order and away from assistive technology, since the columns carry the same claims', async () => {
    const { page } = await site.open();
    await page.goto(site.url(storyPages[0]!));
    const { hidden, tabbable } = await page.evaluate(() => ({
      hidden: document.querySelector('.cr-overview')?.getAttribute('aria-hidden'),
      tabbable: [...document.querySelectorAll('.cr-overview a')].filter((a) => a.getAttribute('tabindex') !== '-1').length,
    }));
    assert.equal(hidden, 'true');
    assert.equal(tabbable, 0);
  });

  test('is not drawn at phone width, where the reports are read one after the other', async () => {
    const { page } = await site.open({ viewport: { width: 390, height: 844 } });
    for (const path of storyPages) {
      await page.goto(site.url(path));
      assert.equal(await page.locator('.cr-overview').isVisible(), false, `the strip shows at 390 px on ${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 390 px`);
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no violation on pages with the strip and the figures, ${colorScheme} scheme`, { timeout: 120_000 }, async () => {
      const { page } = await site.open({ colorScheme });
      for (const path of ['/', ...storyPages]) {
        await page.goto(site.url(path));
        assert.deepEqual(await axeViolations(page), [], `axe on ${path}`);
      }
    });
  }
});

describe('the drawn overlap figure of each story', () => {
  test('the home page draws, for every story, one bar per report with its parts written beside it', async () => {
    const { page } = await site.open();
    await page.goto(site.url('/'));
    const cards = await page.locator('article.cr-story-card').evaluateAll((articles) =>
      articles.map((card) => ({
        outlets: [...card.querySelectorAll('.cr-story-card-outlets .cr-outlet')].map((o) => o.textContent?.trim()),
        rows: [...card.querySelectorAll('.cr-story-figure-row')].map((row) => ({
          outlet: row.querySelector('.cr-story-figure-outlet')?.textContent?.trim(),
          slices: row.querySelectorAll('svg.cr-story-figure-bar rect').length,
          width: row.querySelector('svg.cr-story-figure-bar')?.getBoundingClientRect().width ?? 0,
          parts: [...row.querySelectorAll('.cr-story-figure-parts li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim()).join(' '),
        })),
      })),
    );
    assert.equal(cards.length, storyPages.length);
    for (const card of cards) {
      assert.deepEqual(card.rows.map((row) => row.outlet), card.outlets);
      for (const row of card.rows) {
        assert.ok(row.slices > 0 && row.width > 0, `no bar drawn for ${row.outlet}`);
        assert.match(row.parts, /^\d+ claims?: \d+ /, `the parts of ${row.outlet} are not written`);
      }
    }
  });

  test('the story page draws the figure above the written figures, each part a slice as wide as its share of claims', async () => {
    const { page } = await site.open();
    for (const path of storyPages) {
      await page.goto(site.url(path));
      const rows = await page.locator('.cr-figures .cr-story-figure-row').evaluateAll((items) =>
        items.map((row) => {
          const bar = row.querySelector('svg.cr-story-figure-bar')!.getBoundingClientRect().width;
          const total = Number(/^(\d+)/.exec(row.querySelector('.cr-story-figure-total')?.textContent ?? '')?.[1]);
          const counts = [...row.querySelectorAll('.cr-story-figure-parts li:not(.cr-story-figure-total)')].map((li) => Number(/\d+/.exec(li.textContent ?? '')?.[0]));
          const widths = [...row.querySelectorAll('svg rect')].map((rect) => rect.getBoundingClientRect().width / bar);
          return { total, counts, widths };
        }),
      );
      assert.ok(rows.length >= 2, `${path} draws ${rows.length} report bars`);
      for (const row of rows) {
        assert.equal(row.counts.reduce((a, b) => a + b, 0), row.total);
        assert.equal(row.widths.length, row.counts.length);
        row.widths.forEach((width, i) => assert.ok(Math.abs(width - row.counts[i]! / row.total) < 0.02, `${path}: slice ${i} is ${width} wide`));
      }
    }
  });
});
