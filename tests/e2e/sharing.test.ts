import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { axeViolations } from '../helpers/axe.ts';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { textFragment, withTextFragment } from '../../src/pipeline/text-fragment.ts';
import { buildFixtureSite } from '../helpers/build-fixture-site.ts';
import { launchBrowser } from '../helpers/launch-browser.ts';
import { readComparison } from '../helpers/read-comparison.ts';
import type { Comparison, ComparisonClaim, ComparisonReport } from '../helpers/read-comparison.ts';
import { startStaticServer } from '../helpers/start-static-server.ts';
import type { StaticServer } from '../helpers/start-static-server.ts';

/**
 * Sharing a claim in Chromium, on the site built with the fixture stories: the three-report story has claims
 * (of its third report) that its story page does not show.
 */
const storySlug = 'panjshir-three-outlets';

let server: StaticServer;
let browser: Browser;
let comparison: Comparison;
let report: ComparisonReport;
let claim: ComparisonClaim;
let claimPath: string;
before(async () => {
  const { dist } = await buildFixtureSite();
  server = await startStaticServer(dist);
  browser = await launchBrowser();
  comparison = readComparison(storySlug, dist);
  report = comparison.reports[0]!;
  claim = report.claims[0]!;
  claimPath = claim.context;
}, { timeout: 300_000 });
after(async () => {
  await browser?.close();
  await server?.close();
});

const url = (path: string) => new URL(path, server.origin).href;

async function open(
  path: string,
  options: BrowserContextOptions & { init?: string } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { init, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url(path));
  return { context, page, errors };
}

function waitForStatus(page: Page, pattern: RegExp): Promise<unknown> {
  return page.waitForFunction((source) => new RegExp(source, 'i').test(document.getElementById('cr-status')?.textContent ?? ''), pattern.source, {
    timeout: 5_000,
  });
}

// Records every navigator.share call instead of opening the system share sheet; `rejectWith` makes it fail.
const shareStub = (rejectWith?: string) => `
  window.sharedData = [];
  Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: (data) => {
    window.sharedData.push(data);
    return ${rejectWith ? `Promise.reject(new DOMException('stubbed', '${rejectWith}'))` : 'Promise.resolve()'};
  } });
  Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: () => true });
`;
const noShare = `delete Navigator.prototype.share; delete Navigator.prototype.canShare;`;

/** The detail of the claim at `claimPath`, which the address opens. */
async function openedDetail(page: Page): Promise<Locator> {
  const detail = page.locator(`details[data-detail-of="${claim.id}"]`);
  await page.locator(`details[data-detail-of="${claim.id}"][open]`).waitFor({ timeout: 5_000 });
  return detail;
}

describe("sharing a claim from its detail, opened by its permalink", () => {
  test("copy link puts the claim's absolute permalink on the clipboard and says so", async () => {
    const { context, page, errors } = await open(claimPath);
    await (await openedDetail(page)).getByRole('button', { name: 'Copy link' }).click();
    await waitForStatus(page, /copied/);
    // The permalink on the host the reader is on (comparison.json names CROSSREAD_SITE's).
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url(claimPath));
    assert.equal(new URL(claim.permalink).pathname + new URL(claim.permalink).hash, claimPath);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('share hands the permalink, a title and the quoted claim to the Web Share API', async () => {
    const { context, page, errors } = await open(claimPath, { init: shareStub() });
    await (await openedDetail(page)).getByRole('button', { name: 'Share…' }).click();
    await page.waitForFunction(() => (window as unknown as { sharedData: unknown[] }).sharedData.length === 1, null, { timeout: 5_000 });
    const [shared] = await page.evaluate(() => (window as unknown as { sharedData: ShareData[] }).sharedData);
    assert.equal(shared?.url, url(claimPath));
    assert.ok(shared?.title?.includes(report.outlet), shared?.title);
    assert.ok(shared?.text?.includes(claim.text), shared?.text);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a share the reader cancels says nothing', async () => {
    const { context, page, errors } = await open(claimPath, { init: shareStub('AbortError') });
    await (await openedDetail(page)).getByRole('button', { name: 'Share…' }).click();
    await page.waitForFunction(() => (window as unknown as { sharedData: unknown[] }).sharedData.length === 1, null, { timeout: 5_000 });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#cr-status').textContent(), '');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the share button is not offered where the browser cannot share', async () => {
    const { context, page, errors } = await open(claimPath, { init: noShare });
    const detail = await openedDetail(page);
    assert.ok(await detail.getByRole('button', { name: 'Copy link' }).isVisible(), 'the script did not run');
    assert.equal(await detail.locator('button[data-share-action="share"]').isVisible(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('copy citation copies the quoted claim, the citation shown and the absolute permalink', async () => {
    const { context, page, errors } = await open(claimPath);
    const detail = await openedDetail(page);
    const shown = (await detail.locator('.cr-cite-text').textContent()) ?? '';
    assert.ok(shown.includes(report.url) && shown.includes(report.outlet), shown);
    await detail.getByRole('button', { name: 'Copy citation' }).click();
    await waitForStatus(page, /copied/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.includes(claim.text) && copied.includes(shown) && copied.includes(url(claimPath)), copied);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('without JavaScript the detail opens by hand, its source link, link to the claim and citation work, and no button is shown', async () => {
    const { context, page } = await open(claimPath, { javaScriptEnabled: false });
    const detail = page.locator(`details[data-detail-of="${claim.id}"]`);
    await detail.locator('summary').click();
    const source = detail.getByRole('link', { name: /Read it at the source/ });
    assert.ok(await source.isVisible());
    assert.equal(await source.getAttribute('href'), report.url, 'without JavaScript the source link opens the report');
    assert.equal(await detail.getByRole('link', { name: 'Link to this claim' }).getAttribute('href'), claimPath);
    assert.ok(((await detail.locator('.cr-cite-text').textContent()) ?? '').includes(report.url));
    assert.equal(await page.locator('.cr-claim-detail button:visible').count(), 0);
    await context.close();
  });

  test('the page with a claim\'s sharing tools open has no WCAG 2.2 AA violations that axe can find, nor sideways scroll at 390 px', async () => {
    for (const width of [1280, 390]) {
      const { context, page } = await open(claimPath, { viewport: { width, height: 900 }, init: shareStub() });
      await openedDetail(page);
      assert.deepEqual(await axeViolations(page), [], `at ${width} px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at ${width} px`);
      await context.close();
    }
  });
});

describe('claim links on story pages', () => {
  test("copy link in the detail of a claim of the second report copies its place on the story page", async () => {
    const shown = comparison.reports[1]!.claims[0]!;
    const { context, page, errors } = await open(`/stories/${storySlug}/`);
    const detail = page.locator(`details[data-detail-of="${shown.id}"]`);
    await detail.locator('summary').click();
    await detail.getByRole('button', { name: 'Copy link' }).click();
    await waitForStatus(page, /copied/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url(`/stories/${storySlug}/#${shown.id}`));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a story page opened at the id of a claim of a report not side by side stays put and sets that report beside the first, at the claim', async () => {
    const elsewhere = comparison.reports[2]?.claims[0];
    assert.ok(elsewhere, 'the fixture story needs a third report');
    const { context, page, errors } = await open(`/stories/${storySlug}/#${elsewhere.id}`);
    await page.locator(`[id="${elsewhere.id}"][data-highlight="target"]`).waitFor({ timeout: 5_000 });
    assert.equal(page.url(), url(`/stories/${storySlug}/#${elsewhere.id}`));
    assert.equal(await page.locator(`.cr-report[data-report="${comparison.reports[2]!.slug}"]`).getAttribute('data-side'), 'second');
    assert.ok(await page.locator(`[id="${elsewhere.id}"]`).isVisible());
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("opening a claim's detail points its source link at the claim's sentence, with the fragment the pipeline makes", async () => {
    const { context, page, errors } = await open(`/stories/${storySlug}/`);
    let fragments = 0;
    for (const report of comparison.reports) {
      const texts = report.claims.map((one) => one.text);
      for (const [index, one] of report.claims.entries()) {
        const link = page.locator(`details[data-detail-of="${one.id}"] a.cr-source-link`);
        assert.equal(await link.getAttribute('href'), report.url, `${one.id}: before opening`);
        await page.locator(`details[data-detail-of="${one.id}"]`).evaluate((detail) => ((detail as HTMLDetailsElement).open = true));
        const fragment = textFragment(texts, index);
        if (fragment) fragments++;
        const expected = withTextFragment(report.url, fragment);
        await page.waitForFunction(([id, href]) => document.querySelector(`details[data-detail-of="${id}"] a.cr-source-link`)?.getAttribute('href') === href, [one.id, expected] as const, { timeout: 5_000 });
      }
    }
    assert.ok(fragments > 0, 'no claim got a fragment');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a story page opened at the id of a claim it shows stays put, highlights it and opens its detail', async () => {
    const shown = comparison.reports[0]!.claims.at(-1)!;
    const { context, page, errors } = await open(`/stories/${storySlug}/#${shown.id}`);
    await page.waitForFunction((id) => document.getElementById(id)?.dataset.highlight === 'target', shown.id, { timeout: 5_000 });
    assert.equal(page.url(), url(`/stories/${storySlug}/#${shown.id}`));
    assert.equal(await page.locator(`details[data-detail-of="${shown.id}"]`).getAttribute('open'), '');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('text fragments in Chromium', () => {
  const fixtures = new URL('../fixtures/text-fragment/', import.meta.url);

  test("each fixture's fragments scroll a page of its claims, one paragraph each, to the claim they were made for", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.txt'))) {
      const claims = readFileSync(new URL(name, fixtures), 'utf8').split('\n').filter((line) => line.trim() !== '');
      // Each claim a screen apart, so that where the browser scrolled tells which one it found.
      const body = claims.map((claim, index) => `<p id="claim-${index}" style="margin: 0 0 150vh">${escape(claim)}</p>`).join('');
      await context.route('https://outlet.test/**', (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>${name}</title><body>${body}</body>` }),
      );
      for (const [index] of claims.entries()) {
        const fragment = textFragment(claims, index);
        if (fragment === undefined || index === 0) continue;
        const page = await context.newPage();
        await page.goto(`https://outlet.test/${name}${fragment}`);
        await page.waitForFunction(
          (id) => {
            const top = document.getElementById(id)?.getBoundingClientRect().top ?? -1;
            return top >= 0 && top < window.innerHeight;
          },
          `claim-${index}`,
          { timeout: 5_000 },
        ).catch(() => assert.fail(`${name}: ${fragment} did not bring claim ${index} into view`));
        await page.close();
      }
      await context.unrouteAll();
    }
    await context.close();
  });
});
