import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildGlanceSite } from '../helpers/build-glance-site.ts';
import { decodePng, type DecodedPng } from '../helpers/decode-png.ts';
import { startSite, waitInViewport } from '../helpers/launch-browser.ts';
import { readComparison } from '../helpers/read-comparison.ts';

/**
 * The reading-mode switch of a story of ten reports on a phone, where its row of outlets scrolls sideways inside
 * itself: the end it hides fades out, and the outlet shown is brought into the row's view.
 */
const { dist } = await buildGlanceSite();
const site = await startSite(dist);
after(() => site.close());

const phone = { width: 390, height: 844 };
const story = readComparison('ten-reports', dist);
const lastReport = story.reports.at(-1)!;

/** The row's scroll, its width and what shows of it, and the length of the fade at each of its ends. */
function rowState(page: Page) {
  return page.evaluate(() => {
    const row = document.querySelector<HTMLElement>('.cr-reading-switch-list')!;
    const style = getComputedStyle(row);
    const length = (name: string) => parseFloat(style.getPropertyValue(name)) || 0;
    return {
      scrolls: row.scrollWidth > row.clientWidth + 1,
      fadeStart: length('--cr-switch-fade-start'),
      fadeEnd: length('--cr-switch-fade-end'),
      masked: style.maskImage !== 'none',
    };
  });
}

/**
 * Which physical ends of the row show faded: each end's strip of the screen as drawn, against the same strip with
 * the row's mask turned off. An end differs only where the mask fades what is drawn there.
 */
async function fadedEnds(page: Page): Promise<{ left: boolean; right: boolean }> {
  const row = page.locator('.cr-reading-switch-list');
  const box = (await row.boundingBox())!;
  const strip = 12;
  const clips = {
    left: { x: box.x, y: box.y, width: strip, height: box.height },
    right: { x: box.x + box.width - strip, y: box.y, width: strip, height: box.height },
  };
  const shoot = async () => ({ left: await page.screenshot({ clip: clips.left }), right: await page.screenshot({ clip: clips.right }) });
  const masked = await shoot();
  await row.evaluate((element) => element.style.setProperty('mask-image', 'none'));
  const plain = await shoot();
  await row.evaluate((element) => element.style.removeProperty('mask-image'));
  const faded = (side: 'left' | 'right') => meanDifference(decodePng(masked[side]), decodePng(plain[side])) > fadedDifference;
  return { left: faded('left'), right: faded('right') };
}

/** How far apart two images of one size are: the mean difference of their colour bytes, 0 to 255. */
function meanDifference(a: DecodedPng, b: DecodedPng): number {
  assert.equal(a.pixels.length, b.pixels.length, 'the two images differ in size');
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i++) sum += Math.abs(a.pixels[i]! - b.pixels[i]!);
  return sum / a.pixels.length;
}

/**
 * A strip counts as faded when it differs from its unmasked self by more than this: a fade takes much of what
 * is drawn there towards the background, while compositing the masked row may shift a few edge pixels by a little.
 */
const fadedDifference = 4;

describe('the reading-mode switch of ten reports on a phone', () => {
  // The fade is the style sheet's alone; it is read through page scripts, which a page without JavaScript cannot run.
  {
    test('its row fades out at the end it hides, and only at the start once scrolled to its end', async () => {
      const { page, errors } = await site.open({ viewport: phone });
      await page.goto(site.url('/stories/ten-reports/'));
      const start = await rowState(page);
      assert.ok(start.scrolls, 'ten outlets should not fit the row at 390 px');
      assert.ok(start.masked, 'the row has no fade');
      assert.equal(start.fadeStart, 0, 'the row fades at its start before it is scrolled');
      assert.ok(start.fadeEnd > 0, 'the row does not fade at its hidden end');
      await page.locator('.cr-reading-switch-list').evaluate((row) => row.scrollTo({ left: row.scrollWidth, behavior: 'instant' }));
      await page.waitForFunction(() => {
        const row = document.querySelector<HTMLElement>('.cr-reading-switch-list')!;
        return parseFloat(getComputedStyle(row).getPropertyValue('--cr-switch-fade-end')) === 0;
      }, undefined, { timeout: 2_000 }).catch(() => {});
      const end = await rowState(page);
      assert.equal(end.fadeEnd, 0, 'the row still fades at its end once scrolled to it');
      assert.ok(end.fadeStart > 0, 'the row does not fade at the start it now hides');
      assert.deepEqual(errors, []);
    });

    test('on the screen it fades at the end it hides, in a left-to-right and in a right-to-left page', async () => {
      const { page, errors } = await site.open({ viewport: phone });
      await page.goto(site.url('/stories/ten-reports/'));
      await page.locator('.cr-reading-switch').scrollIntoViewIfNeeded();
      assert.deepEqual(await fadedEnds(page), { left: false, right: true }, 'left to right: the outlets hidden to the right');
      // As in a story all of whose reports are written right to left: the row starts at its right end.
      await page.locator('.cr-reading-switch').evaluate((nav) => nav.setAttribute('dir', 'rtl'));
      await page.waitForFunction(() => document.querySelector('.cr-reading-switch-list')!.matches(':dir(rtl)'));
      assert.deepEqual(await fadedEnds(page), { left: true, right: false }, 'right to left: the outlets hidden to the left');
      assert.deepEqual(errors, []);
    });
  }

  test('a link to a claim of the last report shows that report, its outlet current and whole in the row, clear of the fade', async () => {
    const { page, errors } = await site.open({ viewport: phone });
    const claim = lastReport.claims[0]!;
    await page.goto(site.url(`/stories/ten-reports/#${claim.id}`));
    await waitInViewport(page, claim.id);
    const shown = await page.evaluate((slug) => {
      const row = document.querySelector<HTMLElement>('.cr-reading-switch-list')!;
      const link = row.querySelector<HTMLElement>(`a[data-reading-mode="${CSS.escape(slug)}"]`)!;
      const fade = parseFloat(getComputedStyle(row).getPropertyValue('--cr-switch-fade-end')) || 0;
      const [item, box] = [link.getBoundingClientRect(), row.getBoundingClientRect()];
      return { current: link.getAttribute('aria-current'), left: item.left - box.left, right: box.right - item.right, fade, scrolled: row.scrollLeft };
    }, lastReport.slug);
    assert.equal(shown.current, 'true', `${lastReport.outlet} is not the current view`);
    assert.ok(shown.scrolled > 0, 'the row was not scrolled to the outlet shown');
    assert.ok(shown.left >= -1 && shown.right >= shown.fade - 1, `${lastReport.outlet} is cut or faded in the row: ${JSON.stringify(shown)}`);
    assert.deepEqual(errors, []);
  });
});

describe('the reading-mode switch of ten reports on a phone, by keyboard', () => {
  test('each outlet Tab reaches in the row shows whole, clear of the faded ends', async () => {
    const { page, errors } = await site.open({ viewport: phone });
    await page.goto(site.url('/stories/ten-reports/'));
    await page.locator('.cr-reading-switch-list a').first().focus();
    const seen: string[] = [];
    for (let step = 0; step < story.reports.length; step++) {
      await page.keyboard.press('Tab');
      const place = () => {
        const link = document.activeElement as HTMLElement;
        const row = link.closest<HTMLElement>('.cr-reading-switch-list');
        if (!row) return null;
        const style = getComputedStyle(row);
        const fade = (name: string) => parseFloat(style.getPropertyValue(name)) || 0;
        const [item, box] = [link.getBoundingClientRect(), row.getBoundingClientRect()];
        return { outlet: link.textContent?.trim() ?? '', left: item.left - box.left - fade('--cr-switch-fade-start'), right: box.right - fade('--cr-switch-fade-end') - item.right };
      };
      // The row may still be scrolling to the link: read where it is until it settles clear, for up to 2 s. (Polled
      // from here: a predicate given to the page as a string is run by eval, which the page's CSP refuses.)
      let placed = await page.evaluate(place);
      for (const until = Date.now() + 2_000; placed && (placed.left < -1 || placed.right < -1) && Date.now() < until; ) {
        await page.waitForTimeout(50);
        placed = await page.evaluate(place);
      }
      if (!placed) break;
      seen.push(placed.outlet);
      assert.ok(placed.left >= -1 && placed.right >= -1, `${placed.outlet} is cut or under a fade once focused: ${JSON.stringify(placed)}`);
    }
    assert.equal(seen.length, story.reports.length, `Tab reached ${seen.length} outlets of the row, not ${story.reports.length}`);
    assert.deepEqual(errors, []);
  });
});
