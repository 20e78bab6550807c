import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { fixtureStories } from '../helpers/build-fixture-site.ts';
import { readComparison, shownReports, type Comparison } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import { serveFixtureSite } from '../helpers/serve-fixture-site.ts';

const { site, dist } = await serveFixtureSite();

/** The published stories and the fixture story of three reports or more (the others match too little to step through). */
const slugs = [
  ...readContent().map((story) => story.slug),
  ...readdirSync(fixtureStories).filter((story) => readdirSync(join(fixtureStories, story)).filter((name) => name.endsWith('.md')).length >= 3),
];

function status(page: Page): Promise<string> {
  return page.locator('#cr-status').innerText();
}

function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

/** Claims of the first shown report that have a counterpart in the second, in reading order. */
function matchedClaims(comparison: Comparison) {
  const [first, second] = shownReports(comparison);
  const inSecond = new Set(second.claims.map((claim) => claim.id));
  return first.claims.filter((claim) => claim.counterparts.some((id) => inSecond.has(id)));
}

describe('keys on a page of two reports', () => {
  for (const slug of slugs) {
    const storyPath = `/stories/${slug}/`;

    test(`j and k step through the matched claims of ${slug} in reading order, each focused, announced and put in the address`, async () => {
      const comparison = readComparison(slug, dist);
      const matched = matchedClaims(comparison);
      assert.ok(matched.length >= 2, `${slug} needs two matched claims for this test`);
      const outlet = shownReports(comparison)[0].outlet;
      const { page, errors } = await site.open();
      await page.goto(site.url(storyPath));
      const historyLength = await page.evaluate(() => history.length);
      for (const [index, claim] of matched.entries()) {
        await page.keyboard.press('j');
        assert.equal(await focusedId(page), claim.id);
        await page.waitForFunction((text) => document.getElementById('cr-status')?.textContent === text, `Match ${index + 1} of ${matched.length}, ${outlet}`);
      }
      assert.equal(new URL(page.url()).hash, `#${matched.at(-1)!.id}`);
      assert.equal(await page.evaluate(() => history.length), historyLength, 'each step added a history entry');
      // The last claim reached is in view and shows a focus ring.
      const ring = await page.evaluate(() => {
        const claim = document.activeElement as HTMLElement;
        const style = getComputedStyle(claim);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), visible: claim.matches(':focus-visible') };
      });
      assert.deepEqual({ ...ring, width: ring.width >= 2 }, { style: 'solid', width: true, visible: true });
      await page.keyboard.press('j');
      await page.waitForFunction((text) => document.getElementById('cr-status')?.textContent === text, `No next match in ${outlet}`);
      assert.equal(await focusedId(page), matched.at(-1)!.id, 'the keys wrapped around');
      await page.keyboard.press('k');
      assert.equal(await focusedId(page), matched.at(-2)!.id);
      assert.deepEqual(errors, []);
    });
  }

  test('c goes to the counterpart in the other report and back, and j then steps through that report', async () => {
    const comparison = readComparison(readContent()[0].slug, dist);
    const [first, second] = shownReports(comparison);
    const claim = matchedClaims(comparison)[0];
    const counterpart = second.claims.find((other) => claim.counterparts.includes(other.id))!;
    const { page, errors } = await site.open();
    await page.goto(site.url(`/stories/${comparison.slug}/`));
    await page.keyboard.press('j');
    assert.equal(await focusedId(page), claim.id);
    await page.keyboard.press('c');
    assert.equal(await focusedId(page), counterpart.id);
    assert.equal(await page.evaluate((id) => document.getElementById(id)?.closest('.cr-report')?.getAttribute('data-report'), counterpart.id), second.slug);
    await page.waitForFunction((outlet) => document.getElementById('cr-status')?.textContent?.endsWith(`, ${outlet}`), second.outlet);
    await page.keyboard.press('c');
    assert.equal(await focusedId(page), claim.id);
    // Enter on the claim itself does what c does.
    await page.keyboard.press('Enter');
    assert.equal(await focusedId(page), counterpart.id);
    await page.keyboard.press('j');
    const next = await focusedId(page);
    assert.equal(await page.evaluate((id) => document.getElementById(id ?? '')?.dataset.report, next), second.slug, 'j left the report being read');
    assert.notEqual(first.slug, second.slug);
    assert.deepEqual(errors, []);
  });

  test('n and p step through every claim, matched or not', async () => {
    const comparison = readComparison(readContent()[0].slug, dist);
    const [first] = shownReports(comparison);
    const { page } = await site.open();
    await page.goto(site.url(`/stories/${comparison.slug}/`));
    for (const claim of first.claims.slice(0, 3)) {
      await page.keyboard.press('n');
      assert.equal(await focusedId(page), claim.id);
    }
    await page.keyboard.press('p');
    assert.equal(await focusedId(page), first.claims[1].id);
    await page.waitForFunction((outlet) => document.getElementById('cr-status')?.textContent?.startsWith(`Claim 2 of ${outlet}`), String(first.claims.length));
  });

  test('? and the "Keyboard shortcuts" button open the help dialog; Escape closes it and gives focus back', async () => {
    const { page, errors } = await site.open();
    await page.goto(site.url(`/stories/${slugs[0]}/`));
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await page.keyboard.press('j');
    const claim = await focusedId(page);
    await page.keyboard.press('?');
    assert.ok(await dialog.isVisible());
    for (const key of ['j', 'k', 'n', 'p', 'c', 'Enter', '?']) {
      assert.ok(await dialog.locator('kbd', { hasText: new RegExp(`^${key.replace('?', '\\?')}$`) }).count(), `${key} is not listed`);
    }
    // Keys do nothing behind an open dialog.
    await page.keyboard.press('j');
    assert.ok(await dialog.isVisible());
    await page.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), false);
    assert.equal(await focusedId(page), claim);

    const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await button.focus();
    await page.keyboard.press('Enter');
    assert.ok(await dialog.isVisible());
    await page.keyboard.press('Escape');
    assert.ok(await button.evaluate((element) => element === document.activeElement));
    assert.deepEqual(errors, []);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the open help dialog passes axe in the ${colorScheme} scheme`, async () => {
      const { page } = await site.open({ colorScheme });
      await page.goto(site.url(`/stories/${slugs[0]}/`));
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
    });
  }

  test('keys typed into the search field type, and move nothing', async () => {
    const { page, errors } = await site.open();
    await page.goto(site.url(`/stories/${slugs[0]}/`));
    await page.keyboard.press('/');
    const input = page.locator('#cr-search-dialog input[type="search"]');
    await input.waitFor();
    await page.keyboard.type('jkcnp?');
    assert.equal(await input.inputValue(), 'jkcnp?');
    assert.equal(await page.locator('#cr-keys-dialog').evaluate((element) => (element as HTMLDialogElement).open), false);
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.cr-claim')), null);
    assert.equal(await status(page), '');
    assert.equal(new URL(page.url()).hash, '');
    assert.deepEqual(errors, []);
  });

  test('keys with Ctrl or Alt held are left to the browser', async () => {
    const { page } = await site.open();
    await page.goto(site.url(`/stories/${slugs[0]}/`));
    await page.keyboard.press('Alt+j');
    await page.keyboard.press('Control+c');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.cr-claim')), null);
  });

  test('without JavaScript the shortcuts button is not offered', async () => {
    const { page } = await site.open({ javaScriptEnabled: false });
    await page.goto(site.url(`/stories/${slugs[0]}/`));
    assert.equal(await page.getByRole('button', { name: 'Keyboard shortcuts' }).count(), 0);
    assert.equal(await page.locator('.cr-claim').first().isVisible(), true);
  });

  /** Top of the focused claim in two frames after the key: equal when the scroll jumped, not when it glides. */
  async function scrollAfterKey(page: Page): Promise<number[]> {
    return page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const tops: number[] = [];
          document.addEventListener('keydown', () => {
            const sample = () => {
              tops.push((document.activeElement as HTMLElement).getBoundingClientRect().top);
              if (tops.length < 4) requestAnimationFrame(sample);
              else resolve(tops);
            };
            requestAnimationFrame(() => requestAnimationFrame(sample));
          }, { once: true });
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
        }),
    );
  }

  for (const width of [1280, 390]) {
    test(`at ${width} px, with reduced motion the claim reached by key is there at once; without, the page glides to it`, async () => {
      const comparison = readComparison(readContent()[0].slug, dist);
      const far = matchedClaims(comparison).at(-1)!;
      for (const reducedMotion of ['reduce', 'no-preference'] as const) {
        const { page } = await site.open({ reducedMotion, viewport: { width, height: 800 } });
        await page.goto(site.url(`/stories/${comparison.slug}/`));
        assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), reducedMotion === 'reduce' ? 'auto' : 'smooth');
        // From the claim before the last match, so that the step is long.
        await page.locator(`[id="${far.id}"]`).evaluate((claim) => {
          const units = [...document.querySelectorAll<HTMLElement>('.cr-side-by-side :is(.cr-claim[id], .cr-aligned-claim[data-claim])')].filter((u) => u.getClientRects().length > 0);
          const mine = units.filter((u) => u.dataset.report === (claim as HTMLElement).dataset.report);
          const start = mine[0];
          start.tabIndex = -1;
          start.focus();
        });
        const tops = await scrollAfterKey(page);
        const moving = new Set(tops.map(Math.round)).size > 1;
        assert.equal(moving, reducedMotion !== 'reduce', `${reducedMotion}: tops ${tops.join(', ')}`);
      }
    });
  }
});
