import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { selectAll } from 'hast-util-select';
import type { Page } from 'playwright-core';
import { startSite, waitInViewport, type Site } from '../helpers/launch-browser.ts';
import { bestMatch } from '../helpers/pick-claims.ts';
import { claimContextPath, readComparison, shownReports } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import { readPage } from '../helpers/read-dist.ts';

function highlightOf(page: Page, id: string): Promise<string | null> {
  return page.locator(`[id="${id}"]`).getAttribute('data-highlight');
}

let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

for (const story of readContent()) {
  const storyPath = `/stories/${story.slug}/`;

  describe(`the story page of ${story.slug} in a browser`, () => {
    const comparison = readComparison(story.slug);
    // The story page shows the first two reports: the match exercised lies between them.
    const match = bestMatch(comparison, shownReports(comparison).map((report) => report.slug));

    test('shows both reports, shared wording marked in each, and "Only in" badges on unique claims', async () => {
      const { page, errors } = await site.open();
      await page.goto(site.url(storyPath));
      for (const report of shownReports(comparison)) {
        const article = page.locator(`article.cr-report[data-report="${report.slug}"]`);
        assert.ok(await article.isVisible(), `${report.slug} is not visible`);
        if (report.claims.some((claim) => claim.counterparts.length > 0)) {
          assert.ok(await article.locator('mark').first().isVisible(), `${report.slug} shows no marks`);
        }
        for (const claim of report.claims.filter((candidate) => candidate.counterparts.length === 0)) {
          const badge = page.locator(`[id="${claim.id}"] .cr-badge`);
          assert.ok(await badge.isVisible(), `${claim.id} shows no badge`);
          assert.equal((await badge.innerText()).trim(), `Only in ${report.outlet}`);
        }
      }
      assert.deepEqual(errors, []);
    });

    if (match) {
      test('a permalink lands on its claim, opens its detail and highlights the claim and its counterparts', async () => {
        const { page, errors } = await site.open();
        await page.goto(site.url(claimContextPath(comparison, match.second.id)));
        await waitInViewport(page, match.second.id);
        await page.locator(`[id="${match.second.id}"][data-highlight="target"]`).waitFor({ timeout: 5_000 });
        assert.equal(await highlightOf(page, match.second.id), 'target');
        const detail = page.locator(`details[data-detail-of="${match.second.id}"]`);
        assert.equal(await detail.getAttribute('open'), '', 'the detail is not open');
        assert.ok(await detail.locator('.cr-counterpart').first().isVisible(), 'the detail does not show the other reports');
        const onPage = new Set(shownReports(comparison).flatMap((report) => report.claims.map((claim) => claim.id)));
        for (const id of match.second.counterparts.filter((other) => onPage.has(other))) {
          assert.equal(await highlightOf(page, id), 'counterpart', id);
        }
        assert.deepEqual(errors, []);
      });

      test('a jump link moves to the matching claim in the other report and highlights it', async () => {
        const { page, errors } = await site.open();
        await page.goto(site.url(claimContextPath(comparison, match.first.id)));
        await waitInViewport(page, match.first.id);
        await page.locator(`[id="${match.first.id}"] a.cr-jump[href="#${match.second.id}"]`).click();
        await page.waitForFunction(
          (id) => document.getElementById(id)?.dataset.highlight === 'target',
          match.second.id,
          { timeout: 5_000 },
        );
        await waitInViewport(page, match.second.id);
        assert.equal(new URL(page.url()).hash, `#${match.second.id}`);
        assert.equal(await highlightOf(page, match.first.id), 'counterpart', 'the claim left behind is a counterpart now');
        assert.deepEqual(errors, []);
      });

      test('hovering or focusing a claim lights its counterparts, and leaving it puts them out', async () => {
        const { page, errors } = await site.open();
        await page.goto(site.url(storyPath));
        const lit = () => page.locator(`[id="${match.second.id}"]`).getAttribute('data-lit');
        await page.locator(`[id="${match.first.id}"] .cr-claim-text`).hover();
        assert.notEqual(await lit(), null, 'hover did not light the counterpart');
        await page.locator('h1').hover();
        assert.equal(await lit(), null, 'the counterpart stayed lit after the pointer left');
        await page.locator(`[id="${match.first.id}"] a.cr-jump`).first().focus();
        assert.notEqual(await lit(), null, 'focus did not light the counterpart');
          await page.locator('a').first().focus();
        assert.equal(await lit(), null, 'the counterpart stayed lit after focus left');
        assert.deepEqual(errors, []);
      });
    }

    test("copy link in a claim's detail puts the absolute address of its place on this page on the clipboard and announces it", async () => {
      const claim = shownReports(comparison)[0]?.claims[0];
      assert.ok(claim, 'the story has no claims');
      const { context, page, errors } = await site.open();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
      await page.goto(site.url(storyPath));
      const detail = page.locator(`details[data-detail-of="${claim.id}"]`);
      await detail.locator('summary').press('Enter');
      await detail.locator('button[data-share-action="copy-link"]').click();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), site.url(claimContextPath(comparison, claim.id)));
      await page.waitForFunction(() => /copied/i.test(document.getElementById('cr-status')?.textContent ?? ''), null, {
        timeout: 5_000,
      });
      assert.deepEqual(errors, []);
    });

    test('reads completely without JavaScript: every claim and mark is shown', async () => {
      const { page } = await site.open({ javaScriptEnabled: false });
      await page.goto(site.url(storyPath));
      for (const report of shownReports(comparison)) {
        for (const claim of report.claims) {
          assert.ok(await page.locator(`[id="${claim.id}"] .cr-claim-text`).isVisible(), `${claim.id} is not visible`);
        }
      }
      const built = selectAll('.cr-claim-text mark', readPage(storyPath)).length;
      assert.equal(await page.locator('.cr-claim-text mark:visible').count(), built, 'every mark shows without JavaScript');
      if (comparison.matches.length > 0) assert.ok(built > 0, 'a story with matches shows marks');
      const detail = page.locator('details.cr-claim-detail').first();
      await detail.locator('summary').click();
      assert.ok(await detail.getByRole('link', { name: 'Link to this claim' }).isVisible(), 'an opened detail shows the link to its claim');
      assert.equal(await page.locator('.cr-claim-detail button:visible').count(), 0, 'copy and share buttons need JavaScript and should stay hidden');
    });
  });
}
