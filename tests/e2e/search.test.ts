import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startSite } from '../helpers/launch-browser.ts';
import type { Site } from '../helpers/launch-browser.ts';
import { bestMatch, distinctiveClaim, phraseOf, sharedWords } from '../helpers/pick-claims.ts';
import { claimContextPath, readComparison } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';

/** Permalinks of the results on the page once the list has settled on at least one result. */
async function resultTargets(page: Page): Promise<string[]> {
  await page.locator('#cr-search-results li a').first().waitFor({ timeout: 15_000 });
  return page.locator('#cr-search-results li a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

function claimIdOf(target: string): string {
  return decodeURIComponent(target.split('#')[1] ?? '');
}

let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

for (const story of readContent()) {
  describe(`searching the claims of ${story.slug}`, () => {
    const comparison = readComparison(story.slug);

    for (const report of comparison.reports) {
      const claim = distinctiveClaim(report);
      if (!claim) continue;
      const query = phraseOf(claim);

      test(`a phrase from ${report.outlet} finds its claim, and the result leads to it`, async () => {
        const { page, errors } = await site.open();
        await page.goto(site.url(`/search/?q=${encodeURIComponent(query)}`));
        assert.equal(await page.locator('#cr-search-input').inputValue(), query, 'the query should pre-fill the input');
        const permalink = claimContextPath(comparison, claim.id);
        const targets = await resultTargets(page);
        assert.ok(targets.includes(permalink), `no result links to ${permalink} for "${query}"; got ${targets.join(', ')}`);
        await page.locator(`#cr-search-results a[href="${permalink}"]`).first().click();
        await page.waitForURL((url) => `${url.pathname}${url.hash}` === permalink);
        await page.waitForFunction(
          (id) => {
            const element = document.getElementById(id);
            const box = element?.getBoundingClientRect();
            return element?.dataset.highlight === 'target' && box !== undefined && box.top >= 0 && box.top < innerHeight;
          },
          claim.id,
          { timeout: 5_000 },
        );
        assert.deepEqual(errors, []);
      });
    }

    const match = bestMatch(comparison);
    if (match) {
      const common = sharedWords(match.first, match.second);
      const query = common.length > 0 ? common.join(' ') : phraseOf(match.first, 4);
      const outletOf = new Map(
        comparison.reports.flatMap((report) => report.claims.map((claim) => [claim.id, report.outlet] as const)),
      );

      test('the outlet filter narrows results to the chosen outlet', async () => {
        const { page, errors } = await site.open();
        await page.goto(site.url(`/search/?q=${encodeURIComponent(query)}`));
        const before = await resultTargets(page);
        const outletsBefore = new Set(before.map((target) => outletOf.get(claimIdOf(target))));
        assert.ok(outletsBefore.size >= 2, `"${query}" should find claims of both outlets; found ${[...outletsBefore].join(', ')}`);

        const outlet = outletOf.get(match.first.id) ?? '';
        const filters = page.locator('#cr-search-filters');
        assert.ok(await filters.locator('legend').isVisible(), 'the outlet filter has no visible legend');
        await filters.getByRole('checkbox', { name: outlet }).check();
        await page.waitForFunction(
          ({ allowed }) => {
            const links = [...document.querySelectorAll('#cr-search-results li a')];
            return links.length > 0 && links.every((link) => allowed.includes((link.getAttribute('href') ?? '').split('#')[1] ?? ''));
          },
          { allowed: [...outletOf].filter(([, name]) => name === outlet).map(([id]) => id) },
          { timeout: 10_000 },
        );
        const after = await resultTargets(page);
        assert.ok(after.length < before.length, 'filtering by one outlet should drop the other outlet\'s results');
        assert.deepEqual(errors, []);
      });
    }
  });
}
