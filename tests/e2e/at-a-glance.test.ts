import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { buildGlanceSite } from '../helpers/build-glance-site.ts';
import { startSite, waitInViewport } from '../helpers/launch-browser.ts';

/** The story at a glance and the home page's sort, read in Chromium on the site of the glance fixtures. */
const { dist } = await buildGlanceSite();
const site = await startSite(dist);
after(() => site.close());

const variants = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
].flatMap((viewport) => (['light', 'dark'] as const).map((colorScheme) => ({ viewport, colorScheme })));

/**
 * What a reader sees of the section: its height, the parts' headings and the outlets on screen. Read through
 * locators, which work with the page's JavaScript off (page.evaluate would wait for ever).
 */
async function glanceOnScreen(page: Page) {
  const region = page.getByRole('region', { name: 'At a glance' });
  return {
    height: (await region.boundingBox())?.height ?? 0,
    headings: (await region.locator('h3').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim()),
    outlets: await region.locator('[data-part="unique"] li').filter({ visible: true }).count(),
  };
}

describe('the story at a glance in the browser', () => {
  for (const javaScriptEnabled of [true, false]) {
    for (const { viewport, colorScheme } of variants) {
      test(`reads as a labelled region of about a screen, its folds opening, ${javaScriptEnabled ? 'with' : 'without'} JavaScript, ${colorScheme} at ${viewport.width} px`, { timeout: 60_000 }, async () => {
        const { page, context, errors } = await site.open({ viewport, colorScheme, javaScriptEnabled });
        await page.goto(site.url('/stories/ten-reports/'));
        const region = page.getByRole('region', { name: 'At a glance' });
        assert.equal(await region.count(), 1);
        const before = await glanceOnScreen(page);
        assert.deepEqual(before.headings, ['Most reports agree (2)', 'Disputed (1)', 'Only in one report (10)']);
        assert.ok(before.height <= viewport.height, `the summary is ${Math.round(before.height)} px high, more than the ${viewport.height} px screen`);
        assert.equal(before.outlets, 3);
        await region.getByText('Show all 10 outlets').click();
        assert.equal((await glanceOnScreen(page)).outlets, 10);
        // axe runs in the page, so only with its JavaScript on; the markup is the same without.
        if (javaScriptEnabled) {
          assert.equal(await page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth), false, 'the page scrolls sideways');
          assert.deepEqual(await axeViolations(page), []);
        }
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }

  test('at 390 px a long agreed claim is cut short, never who carries it', { timeout: 60_000 }, async () => {
    const { page, context } = await site.open({ viewport: { width: 390, height: 844 } });
    await page.goto(site.url('/stories/ten-reports/'));
    const line = page.locator('[data-part="agreed"] li').first();
    // A claim as long as real reports write them, many lines at this width.
    await line.locator('a').evaluate((link) => (link.textContent = `${link.textContent} `.repeat(8)));
    const [item, who] = await Promise.all([line.boundingBox(), line.locator('.cr-glance-who').boundingBox()]);
    assert.ok(item && who, 'the agreed line or its carriers are not drawn');
    assert.ok(who.y + who.height <= item.y + item.height + 0.5, 'who carries the claim is cut off below the line');
    assert.ok(who.x + who.width <= 390, 'who carries the claim runs off the screen');
    assert.ok((await line.locator('a').boundingBox())!.height < 5 * 24, 'the long claim is not cut short');
    await context.close();
  });

  test('an agreed claim’s link lands on that claim in its report, on the page showing it, and a disputed version links to its claim', { timeout: 60_000 }, async () => {
    const { page, context } = await site.open({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    await page.goto(site.url('/stories/agency-copy/'));
    const region = page.getByRole('region', { name: 'At a glance' });
    const agreed = region.locator('[data-part="agreed"] li a').first();
    const href = (await agreed.getAttribute('href'))!;
    await agreed.click();
    await page.waitForURL(new URL(href, page.url()).href);
    const id = href.split('#')[1]!;
    // The page may scroll smoothly, and its scripts settle the claim in view: wait rather than check once.
    await waitInViewport(page, id);
    assert.equal(await page.locator(`.cr-report #${id}, .cr-aligned #${id}`).count(), 1, `${id} is not a claim of a report`);
    await page.goto(site.url('/stories/agency-copy/'));
    const version = region.locator('[data-part="disputed"] a').last();
    assert.equal(await version.textContent(), 'ten');
    const versionHref = (await version.getAttribute('href'))!;
    assert.match(versionHref, /#northern-standard-/);
    await context.close();
  });

  test('shows who carried a claim first, with the moment in its time element', { timeout: 60_000 }, async () => {
    const { page, context } = await site.open();
    await page.goto(site.url('/stories/published-times/'));
    const first = page.locator('.cr-glance [data-part="agreed"] li').first();
    assert.match((await first.textContent())!.replace(/\s+/g, ' '), /first in Lakeside Daily, 14 June 2024, 01:10 UTC\+05:30/);
    assert.equal(await first.locator('time').getAttribute('datetime'), '2024-06-14T01:10:00+05:30');
    await context.close();
  });
});

describe('sorting the home page', () => {
  const titles = (page: Page) => page.locator('[data-story-list] > article h2').allTextContents();

  test('without JavaScript the stories are listed newest first and no sort control shows', { timeout: 60_000 }, async () => {
    const { page, context } = await site.open({ javaScriptEnabled: false });
    await page.goto(site.url('/'));
    assert.equal(await page.getByLabel('Sort stories').isVisible(), false);
    const times = page.locator('[data-story-list] > article .cr-story-card-meta time');
    const dates = await Promise.all((await times.all()).map((time) => time.getAttribute('datetime')));
    assert.deepEqual(dates, [...dates].sort().reverse());
    await context.close();
  });

  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    test(`a labelled select puts the most disagreement first and back, saying so politely, at ${viewport.width} px`, { timeout: 60_000 }, async () => {
      const { page, context, errors } = await site.open({ viewport });
      await page.goto(site.url('/'));
      const select = page.getByLabel('Sort stories');
      await select.waitFor({ state: 'visible' });
      const newest = await titles(page);
      await select.selectOption('disagreement');
      const ranked = await page.locator('[data-story-list] > article').evaluateAll((cards) =>
        cards.map((card) => Number(card.getAttribute('data-rank-disagreement'))),
      );
      assert.deepEqual(ranked, ranked.map((_, index) => index));
      const sorted = await titles(page);
      assert.notDeepEqual(sorted, newest, 'the fixtures should disagree in another order than their dates');
      assert.equal(await page.locator('#cr-status').getAttribute('aria-live'), 'polite');
      await page.waitForFunction(() => document.getElementById('cr-status')?.textContent === 'Stories listed most disagreement first.');
      assert.deepEqual(await axeViolations(page), []);
      await select.selectOption('date');
      assert.deepEqual(await titles(page), newest);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
