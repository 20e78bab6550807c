import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSite } from '../helpers/launch-browser.ts';
import type { Site } from '../helpers/launch-browser.ts';

// Axe, console errors (accessibility-matrix.test.ts) and sideways scrolling (no-sideways-scroll.test.ts) are
// checked on every page elsewhere; these are the page-level behaviours left.

let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

describe('pages outside the stories', () => {
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
