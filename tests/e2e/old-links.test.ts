import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { axeViolations } from '../helpers/axe.ts';
import { buildEditSuite, type EditSuite } from '../helpers/build-edit-suite.ts';
import { startSite, type Site } from '../helpers/launch-browser.ts';
import { claimPagePath } from '../helpers/read-comparison.ts';

// Old links in a browser, on the corrected copies the edit suite builds (see build-edit-suite.ts).
let suite: EditSuite;
let site: Site;
before(async () => {
  suite = await buildEditSuite();
  site = await startSite(suite.dist);
}, { timeout: 300_000 });
after(async () => {
  await site?.close();
});

interface Recorded {
  reports: Record<string, { claims: { id: string; earlier?: string[] }[]; removed: { id: string; text: string }[] }>;
}

function ledgerOf(slug: string): Recorded {
  return JSON.parse(readFileSync(join(suite.root, 'content', 'stories', slug, 'claim-ledger.json'), 'utf8')) as Recorded;
}

function storyFor(edit: string): string {
  const story = suite.stories.find((candidate) => candidate.edit === edit);
  assert.ok(story, `the edit suite has no ${edit} story`);
  return story.slug;
}

describe('an old link to a claim since removed', () => {
  const removed = () => {
    const slug = storyFor('sentence-removed');
    const entry = Object.values(ledgerOf(slug).reports).flatMap((report) => report.removed)[0];
    assert.ok(entry, 'the sentence-removed story records no removed claim');
    return { slug, entry };
  };

  for (const width of [1280, 390]) {
    test(`opens a page that says so and shows the text as it was, cleanly and accessibly at ${width} px`, async () => {
      const { slug, entry } = removed();
      const { page, errors } = await site.open({ viewport: { width, height: 900 } });
      const response = await page.goto(site.url(claimPagePath(slug, entry.id)));
      assert.equal(response?.status(), 200);
      assert.match((await page.locator('h1').textContent()) ?? '', /removed/i);
      assert.ok(await page.getByText(entry.text).isVisible(), 'the removed text is not shown');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'the page scrolls sideways');
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
    });
  }

  test('on the story page, as an anchor, takes the reader to that page', async () => {
    const { slug, entry } = removed();
    const { page, errors } = await site.open();
    await page.goto(site.url(`/stories/${slug}/#${entry.id}`));
    await page.waitForURL((url) => url.pathname === claimPagePath(slug, entry.id));
    assert.match((await page.locator('h1').textContent()) ?? '', /removed/i);
    assert.deepEqual(errors, []);
  });
});

describe('an old link to a claim since corrected', () => {
  test('opens the claim as it reads now, highlighted in the story, and its page offers the earlier wording', async () => {
    const slug = storyFor('typo-fixed');
    const entry = Object.values(ledgerOf(slug).reports).flatMap((report) => report.claims).find((claim) => claim.earlier);
    assert.ok(entry?.earlier, 'the typo-fixed story records no earlier wording');
    const { page, errors } = await site.open();
    await page.goto(site.url(`/stories/${slug}/#${entry.id}`));
    await page.locator(`[id="${entry.id}"][data-highlight="target"]`).waitFor();
    await page.goto(site.url(claimPagePath(slug, entry.id)));
    const earlier = page.locator('details.cr-earlier');
    await earlier.locator('summary').click();
    assert.ok(await earlier.getByText(entry.earlier[0]!).isVisible(), 'the earlier wording is not shown');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
