import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { alignedSequence } from '../../src/data/aligned-reading.ts';
import { theOutlet } from '../../src/data/format.ts';
import { axeViolations } from '../helpers/axe.ts';
import { waitInViewport } from '../helpers/launch-browser.ts';
import { readAllComparisons, type Comparison, type ComparisonReport } from '../helpers/read-comparison.ts';
import { collapse } from '../helpers/read-dist.ts';
import { serveFixtureSite } from '../helpers/serve-fixture-site.ts';

const phone = { width: 390, height: 844 };

const { site, dist } = await serveFixtureSite();
const comparisons = readAllComparisons(dist);

/** The story page and the pair its aligned reading draws: the first two reports. */
function storyPage(comparison: Comparison): { path: string; pair: [ComparisonReport, ComparisonReport] } {
  const [first, second] = comparison.reports as [ComparisonReport, ComparisonReport];
  return { path: `/stories/${comparison.slug}/`, pair: [first, second] };
}

/** Claim ids in the order the aligned reading documents (see src/data/aligned-reading.ts). */
function documentedOrder(pair: [ComparisonReport, ComparisonReport]): string[] {
  return alignedSequence(pair).map((entry) => entry.claim.id);
}

/**
 * The claim the reader is at: the first claim of the view shown whose bottom lies below the sticky switch,
 * by its claim id, with the distance of its top from the top of the window.
 */
function claimAtTop(page: Page): Promise<{ id: string; top: number } | null> {
  return page.evaluate(() => {
    const line = document.querySelector('.cr-reading-switch')?.getBoundingClientRect().bottom ?? 0;
    for (const claim of document.querySelectorAll<HTMLElement>('.cr-aligned-claim, .cr-columns .cr-claim')) {
      const box = claim.getBoundingClientRect();
      if (box.height > 0 && box.bottom > line) return { id: claim.dataset.claim ?? claim.id, top: box.top };
    }
    return null;
  });
}

/** Scrolls so that the aligned copy of claim `id` stands just under the switch. */
async function scrollAlignedTo(page: Page, id: string): Promise<void> {
  await page.evaluate((claimId) => {
    // Once the page scrolls to the claim, the switch is stuck at the top of the window.
    const line = document.querySelector<HTMLElement>('.cr-reading-switch')?.offsetHeight ?? 0;
    const claim = document.querySelector(`.cr-aligned-claim[data-claim="${CSS.escape(claimId)}"]`);
    if (claim) window.scrollTo({ top: window.scrollY + claim.getBoundingClientRect().top - line - 4, behavior: 'instant' });
  }, id);
}

const switchLink = (page: Page, label: string) => page.locator('.cr-reading-switch a', { hasText: label }).first();

describe('reading a pair of reports on a phone', () => {
  test('at 390 px the aligned reading shows every claim of both reports once, in the documented order, each labelled with its outlet', async () => {
    const { page, errors } = await site.open({ viewport: phone });
    for (const comparison of comparisons) {
      {
        const { path, pair } = storyPage(comparison);
        await page.goto(site.url(path));
        assert.ok(await page.locator('.cr-aligned').isVisible(), `${path}: no aligned reading`);
        assert.equal(await page.locator('.cr-columns').isVisible(), false, `${path}: the columns show beside the aligned reading`);
        const shown = await page.locator('.cr-aligned-claim').evaluateAll((items) =>
          items.map((item) => ({
            id: item.getAttribute('data-claim') ?? '',
            outlet: item.querySelector('.cr-aligned-outlet')?.textContent ?? '',
            text: item.querySelector('.cr-aligned-text')?.textContent ?? '',
            visible: item.getBoundingClientRect().height > 0,
          })),
        );
        assert.deepEqual(shown.map((item) => item.id), documentedOrder(pair), `${path}: order`);
        const byId = new Map(pair.flatMap((report) => report.claims.map((claim) => [claim.id, { claim, report }] as const)));
        for (const item of shown) {
          const { claim, report } = byId.get(item.id)!;
          assert.ok(item.visible, `${path}: ${item.id} is hidden`);
          assert.equal(item.outlet, report.outlet, `${path}: ${item.id} is labelled with the wrong outlet`);
          assert.equal(collapse(item.text), collapse(claim.text), `${path}: ${item.id} text`);
        }
      }
    }
    assert.deepEqual(errors, []);
  });

  test('matched claims stand together and keep their marks; a claim found in one report says so', async () => {
    const { page } = await site.open({ viewport: phone });
    for (const comparison of comparisons) {
      const [first, second] = comparison.reports as [ComparisonReport, ComparisonReport];
      const entries = alignedSequence([first, second]);
      await page.goto(site.url(storyPage(comparison).path));
      const match = entries.find((entry) => entry.placement === 'match');
      if (match) {
        const next = page.locator(`.cr-aligned-claim[data-claim="${match.matchOf}"] + .cr-aligned-claim`);
        assert.equal(await next.getAttribute('data-claim'), match.claim.id, `${comparison.slug}: a match apart from its claim`);
        const relation = await next.locator('.cr-aligned-relation').innerText();
        assert.ok(relation.includes(`matches ${theOutlet(first.outlet)} claim above`), `${comparison.slug}: "${relation}"`);
      }
      const unique = entries.find((entry) => entry.claim.counterparts.length === 0);
      if (unique) {
        const outlet = (unique.side === 0 ? first : second).outlet;
        assert.equal(await page.locator(`.cr-aligned-claim[data-claim="${unique.claim.id}"] .cr-badge`).innerText(), `Only in ${outlet}`);
      }
      if (comparison.matches.length > 0) assert.ok(await page.locator('.cr-aligned-text mark').first().isVisible(), `${comparison.slug}: no marks`);
    }
  });

  test('switching to a report and back keeps the claim the reader is at, or its counterpart, at the top', async () => {
    for (const comparison of comparisons) {
      const [first, second] = comparison.reports as [ComparisonReport, ComparisonReport];
      const onPage = new Set(second.claims.map((claim) => claim.id));
      // A claim of the first report with a match in the second, as far down as the page can scroll to it.
      const candidates = alignedSequence([first, second])
        .filter((entry) => entry.side === 0 && entry.claim.counterparts.some((id) => onPage.has(id)))
        .map((entry) => entry.claim);
      if (candidates.length === 0) continue;
      const { page, errors } = await site.open({ viewport: phone });
      await page.goto(site.url(storyPage(comparison).path));
      let anchor = candidates[0]!;
      let start: { id: string; top: number } | null = null;
      for (const candidate of candidates.slice(0, Math.ceil(candidates.length / 2) + 1).reverse()) {
        await scrollAlignedTo(page, candidate.id);
        start = await claimAtTop(page);
        anchor = candidate;
        if (start?.id === candidate.id) break;
      }
      assert.ok(start, `${comparison.slug}: no claim at the top`);
      assert.equal(start.id, anchor.id, `${comparison.slug}: could not scroll to ${anchor.id}`);

      await switchLink(page, first.outlet).click();
      const inFirst = await claimAtTop(page);
      assert.equal(inFirst?.id, anchor.id, `${comparison.slug}: ${first.outlet} opened elsewhere`);
      assert.ok(Math.abs(inFirst.top - start.top) < 2, `${comparison.slug}: the claim moved from ${start.top} to ${inFirst.top}`);
      assert.ok(await page.locator(`[id="${anchor.id}"]`).isVisible());
      assert.equal(await page.locator('.cr-aligned').isVisible(), false, 'the aligned reading shows beside the report');

      await switchLink(page, 'Aligned').click();
      assert.equal((await claimAtTop(page))?.id, anchor.id, `${comparison.slug}: back in the aligned reading elsewhere`);

      await switchLink(page, second.outlet).click();
      const inSecond = await claimAtTop(page);
      assert.ok(inSecond && anchor.counterparts.includes(inSecond.id), `${comparison.slug}: ${second.outlet} opened at ${inSecond?.id}, not a counterpart of ${anchor.id}`);
      assert.equal(await switchLink(page, second.outlet).getAttribute('aria-current'), 'true');

      await switchLink(page, 'Aligned').click();
      assert.equal((await claimAtTop(page))?.id, inSecond.id, `${comparison.slug}: back in the aligned reading elsewhere`);
      assert.deepEqual(errors, []);
    }
  });

  test('the chosen view is remembered for the session', async () => {
    const comparison = comparisons.find((candidate) => candidate.reports.length > 2) ?? comparisons[0]!;
    const [first, second] = comparison.reports as [ComparisonReport, ComparisonReport];
    const { page } = await site.open({ viewport: phone });
    await page.goto(site.url(storyPage(comparison).path));
    await switchLink(page, second.outlet).click();
    await page.reload();
    assert.equal(await switchLink(page, second.outlet).getAttribute('aria-current'), 'true');
    assert.ok(await page.locator(`.cr-columns > article[data-report="${second.slug}"]`).isVisible(), 'the report chosen is not shown');
    assert.equal(await page.locator(`.cr-columns > article[data-report="${first.slug}"]`).isVisible(), false);
    assert.equal(await page.locator('.cr-aligned').isVisible(), false);
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`a permalink lands on its claim, visible, at 390 px${javaScriptEnabled ? '' : ' without JavaScript'}`, async () => {
      const { page } = await site.open({ viewport: phone, javaScriptEnabled, reducedMotion: 'reduce' });
      for (const comparison of comparisons) {
        const [first, second] = comparison.reports as [ComparisonReport, ComparisonReport];
        const claim = second.claims[Math.floor(second.claims.length / 2)];
        if (!claim) continue;
        await page.goto(site.url(`${storyPage(comparison).path}#${claim.id}`));
        await waitInViewport(page, claim.id);
      }
    });
  }

  test('without JavaScript the aligned reading and the links to each view are there, and a link shows its report', async () => {
    const { page } = await site.open({ viewport: phone, javaScriptEnabled: false });
    for (const comparison of comparisons) {
      const [first, second] = comparison.reports as [ComparisonReport, ComparisonReport];
      await page.goto(site.url(storyPage(comparison).path));
      assert.ok(await page.locator('.cr-aligned').isVisible());
      assert.equal(await page.locator('.cr-aligned-claim:visible').count(), first.claims.length + second.claims.length);
      const hrefs = await page.locator('.cr-reading-switch a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      assert.deepEqual(hrefs, ['#cr-aligned-title', ...comparison.reports.map((report) => `#cr-report-${report.slug}-title`)]);
      await switchLink(page, second.outlet).click();
      assert.ok(await page.locator(`.cr-columns > article[data-report="${second.slug}"]`).isVisible(), `${comparison.slug}: the report link shows nothing`);
      assert.equal(await page.locator('.cr-aligned').isVisible(), false);
      assert.equal(await page.locator(`.cr-columns > article[data-report="${first.slug}"]`).isVisible(), false);
      await switchLink(page, 'Aligned').click();
      assert.ok(await page.locator('.cr-aligned').isVisible(), `${comparison.slug}: the aligned link shows nothing`);
    }
  });

  test('on a wide screen the reports stand side by side, with no switch and no aligned reading', async () => {
    const { page } = await site.open({ viewport: { width: 1280, height: 900 } });
    const comparison = comparisons[0]!;
    await page.goto(site.url(storyPage(comparison).path));
    const boxes = await page.locator('.cr-columns > article:visible').evaluateAll((articles) => articles.map((article) => article.getBoundingClientRect().top));
    assert.equal(boxes.length, 2);
    assert.ok(Math.abs(boxes[0]! - boxes[1]!) < 1, 'the columns are not side by side');
    assert.equal(await page.locator('.cr-reading-switch').isVisible(), false);
    assert.equal(await page.locator('.cr-aligned').isVisible(), false);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no WCAG 2.2 AA violation at 390 px in the ${colorScheme} scheme, in the aligned reading and in a report`, async () => {
      const { page } = await site.open({ viewport: phone, colorScheme });
      for (const comparison of comparisons) {
        const [first, second] = comparison.reports as [ComparisonReport, ComparisonReport];
        await page.goto(site.url(storyPage(comparison).path));
        assert.deepEqual(await axeViolations(page), [], `${comparison.slug}, aligned`);
        await switchLink(page, second.outlet).click();
        assert.deepEqual(await axeViolations(page), [], `${comparison.slug}, ${second.outlet}`);
        await switchLink(page, 'Aligned').click();
      }
    });
  }
});
