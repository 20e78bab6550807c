import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { readComparison, shownReports, type Comparison } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import { serveFixtureSite } from '../helpers/serve-fixture-site.ts';

const { site, dist } = await serveFixtureSite();

const wide = { width: 1280, height: 800 };

/**
 * Matched pairs of the two shown reports (first report's claim, its first counterpart in the second) whose
 * neighbours on both sides come in the same order in both reports: a mapping that keeps matches level must
 * honour these.
 */
function orderlyPairs(comparison: Comparison): { from: string; to: string }[] {
  const [first, second] = shownReports(comparison);
  const rank = new Map(second.claims.map((claim, index) => [claim.id, index]));
  const pairs = first.claims.flatMap((claim) => {
    const to = claim.counterparts.find((id) => rank.has(id));
    return to ? [{ from: claim.id, to }] : [];
  });
  return pairs.filter((pair, index) => {
    const before = pairs[index - 1];
    const next = pairs[index + 1];
    return before && next && rank.get(before.to)! < rank.get(pair.to)! && rank.get(pair.to)! < rank.get(next.to)!;
  });
}

/** Scrolls `id`'s column so the claim's top sits a third of the way down it, and gives the other column a few frames to follow. */
async function scrollColumnTo(page: Page, id: string): Promise<void> {
  await page.evaluate(async (claimId) => {
    const claim = document.getElementById(claimId)!;
    const column = claim.closest<HTMLElement>('.cr-report')!;
    const offset = claim.getBoundingClientRect().top - column.getBoundingClientRect().top + column.scrollTop;
    column.scrollTop = offset - Math.round(column.clientHeight / 3);
    for (let frame = 0; frame < 4; frame += 1) await new Promise(requestAnimationFrame);
  }, id);
}

function tops(page: Page, ids: string[]): Promise<number[]> {
  return page.evaluate((list) => list.map((id) => document.getElementById(id)!.getBoundingClientRect().top), ids);
}

describe('scrolling the two reports together', () => {
  for (const slug of [...readContent().map((story) => story.slug), 'panjshir-three-outlets']) {
    test(`on a wide screen, scrolling either column of ${slug} keeps the counterpart of a matched claim level with it`, async () => {
      const comparison = readComparison(slug, dist);
      const pairs = orderlyPairs(comparison);
      assert.ok(pairs.length > 0, `${slug} has no matches in order to align`);
      const { page, errors } = await site.open({ viewport: wide });
      await page.goto(site.url(`/stories/${slug}/`));
      assert.equal(await page.locator('.cr-columns').getAttribute('data-scroll-together'), 'on');
      const checked: string[] = [];
      for (const pair of pairs) {
        await scrollColumnTo(page, pair.from);
        const [a, b] = await tops(page, [pair.from, pair.to]);
        // Near the ends both columns meet their own start or end first: only pairs the line can reach count.
        const reachable = await page.evaluate((id) => {
          const column = document.getElementById(id)!.closest<HTMLElement>('.cr-report')!;
          return column.scrollTop > 0 && column.scrollTop < column.scrollHeight - column.clientHeight - 1;
        }, pair.to);
        if (!reachable) continue;
        assert.ok(Math.abs(a - b) <= 4, `${pair.from} at ${a}, its counterpart ${pair.to} at ${b}`);
        // And the other way: the second column leads.
        await scrollColumnTo(page, pair.to);
        const [a2, b2] = await tops(page, [pair.from, pair.to]);
        assert.ok(Math.abs(a2 - b2) <= 4, `${pair.to} at ${b2}, its counterpart ${pair.from} at ${a2}`);
        checked.push(pair.from);
      }
      assert.ok(checked.length > 0, 'no matched pair could be brought to the reading line');
      assert.deepEqual(errors, []);
    });
  }

  test('the wheel over one column scrolls the other too', async () => {
    const { page } = await site.open({ viewport: wide });
    await page.goto(site.url(`/stories/${readContent()[0].slug}/`));
    const columns = page.locator('.cr-columns > .cr-report');
    await columns.first().evaluate((column) => column.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await columns.first().hover();
    await page.mouse.wheel(0, 600);
    await page.waitForFunction(() => {
      const [, second] = document.querySelectorAll<HTMLElement>('.cr-columns > .cr-report');
      return second.scrollTop > 100;
    });
  });

  test('the switch "Scroll the two reports together" turns it off, the page then scrolls as one, and the choice is remembered', async () => {
    const { page, errors } = await site.open({ viewport: wide });
    const storyPath = `/stories/${readContent()[0].slug}/`;
    await page.goto(site.url(storyPath));
    const toggle = page.getByRole('switch', { name: 'Scroll the two reports together' });
    assert.equal(await toggle.getAttribute('aria-checked'), 'true');
    await toggle.click();
    assert.equal(await page.locator('.cr-columns').getAttribute('data-scroll-together'), null);
    const overflow = await page.locator('.cr-columns > .cr-report').first().evaluate((column) => getComputedStyle(column).overflowY);
    assert.equal(overflow, 'visible');
    await page.reload();
    assert.equal(await toggle.getAttribute('aria-checked'), 'false');
    assert.equal(await page.locator('.cr-columns').getAttribute('data-scroll-together'), null);
    await toggle.click();
    assert.equal(await page.locator('.cr-columns').getAttribute('data-scroll-together'), 'on');
    await page.reload();
    assert.equal(await toggle.getAttribute('aria-checked'), 'true');
    assert.deepEqual(errors, []);
  });

  test('a permalink to a claim far down the second column lands on it, in view within its column', async () => {
    const comparison = readComparison(readContent()[0].slug, dist);
    const claim = shownReports(comparison)[1].claims.at(-2)!;
    const { page, errors } = await site.open({ viewport: wide });
    await page.goto(site.url(`/stories/${comparison.slug}/#${claim.id}`));
    await page.waitForFunction((id) => {
      const box = document.getElementById(id)!.getBoundingClientRect();
      const column = document.getElementById(id)!.closest('.cr-report')!.getBoundingClientRect();
      return box.top >= Math.max(column.top, 0) && box.top < Math.min(column.bottom, window.innerHeight);
    }, claim.id);
    assert.equal(await page.locator(`[id="${claim.id}"]`).getAttribute('data-highlight'), 'target');
    assert.deepEqual(errors, []);
  });

  for (const width of [390, 320]) {
    test(`at ${width} px the reports are read one after the other: no scrolling together and no switch for it`, async () => {
      const { page, errors } = await site.open({ viewport: { width, height: 800 } });
      await page.goto(site.url(`/stories/${readContent()[0].slug}/`));
      assert.equal(await page.locator('.cr-columns').getAttribute('data-scroll-together'), null);
      assert.equal(await page.getByRole('switch', { name: 'Scroll the two reports together' }).isVisible(), false);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page scrolls sideways');
      assert.deepEqual(errors, []);
    });
  }
});
