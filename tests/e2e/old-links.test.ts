import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { axeViolations } from '../helpers/axe.ts';
import { buildEditSuite, type EditSuite } from '../helpers/build-edit-suite.ts';
import { startSite, waitInViewport, type Site } from '../helpers/launch-browser.ts';

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
    for (const javaScriptEnabled of [true, false]) {
      test(`lands on a note under Corrections that says so and shows the text as it was, accessibly at ${width} px${javaScriptEnabled ? '' : ' without JavaScript'}`, async () => {
        const { slug, entry } = removed();
        // Reduced motion: the landing, not the smooth scroll to it, is under test.
        const { page, errors } = await site.open({ viewport: { width, height: 900 }, javaScriptEnabled, reducedMotion: 'reduce' });
        const response = await page.goto(site.url(`/stories/${slug}/#${entry.id}`));
        assert.equal(response?.status(), 200);
        const note = page.locator(`.cr-corrections [id="${entry.id}"]`);
        assert.match((await note.textContent()) ?? '', /removed/i);
        assert.ok(await note.getByText(entry.text).isVisible(), 'the removed text is not shown');
        await waitInViewport(page, entry.id);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'the page scrolls sideways');
        assert.equal(new URL(page.url()).pathname, `/stories/${slug}/`, 'the page was left');
        // axe runs as a script in the page: with JavaScript, over the same note.
        if (javaScriptEnabled) assert.deepEqual(await axeViolations(page), []);
        assert.deepEqual(errors, []);
      });
    }
  }
});

describe('an old link to a claim since corrected', () => {
  test('opens the claim as it reads now, highlighted, its detail open with the earlier wording, and a note under Corrections', async () => {
    const slug = storyFor('typo-fixed');
    const entry = Object.values(ledgerOf(slug).reports).flatMap((report) => report.claims).find((claim) => claim.earlier);
    assert.ok(entry?.earlier, 'the typo-fixed story records no earlier wording');
    const { page, errors } = await site.open();
    await page.goto(site.url(`/stories/${slug}/#${entry.id}`));
    await page.locator(`[id="${entry.id}"][data-highlight="target"]`).waitFor();
    const detail = page.locator(`details[data-detail-of="${entry.id}"]`);
    assert.equal(await detail.getAttribute('open'), '', 'the detail is not open');
    assert.ok(await detail.locator('.cr-earlier').getByText(entry.earlier[0]!).isVisible(), 'the earlier wording is not shown');
    await page.locator(`[id="${entry.id}"] a.cr-corrected`).click();
    const note = page.locator(`[id="cr-corrected-${entry.id}"]`);
    assert.ok(await note.getByText(entry.earlier[0]!).isVisible(), 'the note does not give the earlier wording');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
