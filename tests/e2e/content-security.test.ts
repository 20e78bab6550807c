import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildFixtureSite } from '../helpers/build-fixture-site.ts';
import { startSite } from '../helpers/launch-browser.ts';
import type { Site } from '../helpers/launch-browser.ts';
import { readComparison } from '../helpers/read-comparison.ts';

/**
 * In Chromium, on the fixture story whose reports were pasted with scripts, handlers and frames: nothing of
 * them runs or loads, the site's Content-Security-Policy is enforced, and the site's own scripts (search with
 * Pagefind's WebAssembly, sharing, highlighting) work under it without a single violation.
 */
const slug = 'harbour-fire-pasted-markup';
const fixture = await buildFixtureSite();

let site: Site;
before(async () => {
  site = await startSite(fixture.dist);
});
after(async () => {
  await site?.close();
});

interface Watched {
  page: Page;
  errors: string[];
  dialogs: string[];
  foreignRequests: string[];
  violations: () => Promise<string[]>;
}

/** A page that records alerts, requests to other hosts and Content-Security-Policy violations. */
async function watchedPage(): Promise<Watched> {
  const { page, errors } = await site.open();
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(site.origin)) foreignRequests.push(request.url());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  return { page, errors, dialogs, foreignRequests, violations };
}

describe('a story pasted with scripts and frames, in Chromium', () => {
  test('runs nothing of the reports and loads nothing from another host', async () => {
    const { page, errors, dialogs, foreignRequests, violations } = await watchedPage();
    await page.goto(site.url(`/stories/${slug}/`));
    await page.waitForLoadState('networkidle');
    // Hover and click every claim, where a pasted handler would fire.
    for (const claim of await page.locator('.cr-claim-text').all()) await claim.hover();
    assert.deepEqual(dialogs, []);
    assert.doesNotMatch(await page.title(), /pwned/);
    assert.deepEqual(foreignRequests, []);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
  });

  test('enforces the policy: a script added to the page at run time does not run', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(site.url(`/stories/${slug}/`));
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
    });
    assert.equal(ran, false);
    assert.ok((await violations()).some((violation) => violation.startsWith('script-src')), 'no violation was reported');
  });

  test("lets the site's own search, sharing and claim details work with no violation", async () => {
    const { page, errors, foreignRequests, violations } = await watchedPage();
    await page.goto(site.url(`/stories/${slug}/`));
    await page.keyboard.press('/');
    await page.locator('#cr-search-dialog [data-search-part="input"]').waitFor({ state: 'visible' });
    await page.keyboard.type('firefighters blaze');
    await page.locator('#cr-search-dialog .cr-search-result').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    const claim = readComparison(slug, fixture.dist).reports[0]?.claims[0];
    assert.ok(claim);
    await page.goto(site.url(claim.context));
    await page.locator(`details[data-detail-of="${claim.id}"][open]`).waitFor({ timeout: 5_000 });
    await page.waitForLoadState('networkidle');
    assert.deepEqual(foreignRequests, []);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
  });
});
