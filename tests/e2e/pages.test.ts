import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations } from '../helpers/axe.ts';
import type { Page } from 'playwright-core';
import { startSite } from '../helpers/launch-browser.ts';
import type { Site } from '../helpers/launch-browser.ts';
import { distinctiveClaim, phraseOf } from '../helpers/pick-claims.ts';
import { claimPagePath, readComparison, shownReports } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';

interface PageUnderTest {
  name: string;
  path: string;
  /** Waits for whatever the page shows after loading (search results). */
  ready?: (page: Page) => Promise<void>;
}

/** One of each kind of page: home, every story, a claim page of every story, and search with results. */
function pagesUnderTest(): PageUnderTest[] {
  const pages: PageUnderTest[] = [{ name: 'home', path: '/' }];
  for (const story of readContent()) {
    const comparison = readComparison(story.slug);
    pages.push({ name: `story ${story.slug}`, path: `/stories/${story.slug}/` });
    const claim = shownReports(comparison)[0]?.claims[0];
    if (claim) pages.push({ name: `claim ${claim.id}`, path: claimPagePath(story.slug, claim.id) });
  }
  const firstStory = readContent()[0];
  const report = firstStory && readComparison(firstStory.slug).reports[0];
  const claim = report && distinctiveClaim(report);
  pages.push({
    name: 'search with results',
    path: `/search/?q=${encodeURIComponent(claim ? phraseOf(claim, 3) : '')}`,
    ready: async (page) => {
      await page.locator('#cr-search-results li').first().waitFor({ timeout: 15_000 });
    },
  });
  return pages;
}

let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

describe('every kind of page', () => {
  for (const target of pagesUnderTest()) {
    test(`the ${target.name} page loads without console errors`, async () => {
      const { page, errors } = await site.open();
      const response = await page.goto(site.url(target.path));
      assert.equal(response?.status(), 200);
      await target.ready?.(page);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(errors, []);
    });

    test(`the ${target.name} page has no WCAG 2.2 AA violations that axe can find`, async () => {
      const { page } = await site.open();
      await page.goto(site.url(target.path));
      await target.ready?.(page);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe found violations on ${target.path}:\n${violations.join('\n')}`);
    });

    for (const width of [390, 320]) {
      test(`the ${target.name} page does not scroll sideways at ${width} px`, async () => {
        const { page } = await site.open({ viewport: { width, height: 800 } });
        await page.goto(site.url(target.path));
        await target.ready?.(page);
        const { scrollWidth, innerWidth, overflowing } = await page.evaluate(() => {
          // Names the outermost elements that stick out, so a failure says where to look.
          const sticking = [...document.body.querySelectorAll('*')].filter(
            (element) => element.getBoundingClientRect().right > window.innerWidth + 0.5,
          );
          const outermost = sticking.filter((element) => !sticking.includes(element.parentElement as Element));
          return {
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            overflowing: outermost.slice(0, 5).map((element) => {
              const classes = [...element.classList].map((name) => `.${name}`).join('');
              const right = Math.round(element.getBoundingClientRect().right);
              return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes} (right edge ${right} px)`;
            }),
          };
        });
        assert.ok(
          scrollWidth <= innerWidth,
          `${target.path} is ${scrollWidth} px wide in a ${innerWidth} px window; sticking out: ${overflowing.join(', ')}`,
        );
      });
    }
  }

  test('without JavaScript the search page says that search needs it', async () => {
    const { page } = await site.open({ javaScriptEnabled: false });
    await page.goto(site.url('/search/'));
    assert.match(await page.locator('main').innerText(), /JavaScript/);
  });

  test('a missing page answers with the 404 page', async () => {
    const { page } = await site.open();
    const response = await page.goto(site.url('/no-such-page/'));
    assert.equal(response?.status(), 404);
    assert.ok(await page.locator('main#main').isVisible());
  });
});
