import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { buildFixtureSite, fixtureStories } from '../helpers/build-fixture-site.ts';
import { startSite, waitInViewport, type Site } from '../helpers/launch-browser.ts';
import { bestMatch, sharedWords, words } from '../helpers/pick-claims.ts';
import { readComparison, shownReports } from '../helpers/read-comparison.ts';
import type { Comparison, ComparisonClaim } from '../helpers/read-comparison.ts';
import { projectPaths } from '../helpers/project-paths.ts';
import { stripFrontmatter } from '../helpers/read-content.ts';

/**
 * Arriving from a search result (`/stories/<story>/?highlight=<query>#<claim id>`) in Chromium, over the fixture
 * site: the query's words are marked with the CSS Custom Highlight API, the count is announced, and the marks
 * can be cleared. Also: a right-to-left claim opened by its permalink.
 */
let site: Site;
let root: string;
before(async () => {
  const built = await buildFixtureSite();
  root = built.root;
  site = await startSite(built.dist);
}, { timeout: 300_000 });
after(async () => {
  await site?.close();
});

interface Mark {
  text: string;
  /** Id of the claim the marked text lies in; empty outside claims. */
  claim: string;
}

/** What the page's `cr-search` highlight covers, in document order; null when there is none. */
function marks(page: Page): Promise<Mark[] | null> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('cr-search');
    if (!highlight) return null;
    return [...highlight].map((range) => ({
      text: range.toString(),
      claim: (range.startContainer.parentElement?.closest('.cr-claim') as HTMLElement | null)?.id ?? '',
    }));
  });
}

function status(page: Page): Promise<string> {
  return page.locator('#cr-status').innerText();
}

async function waitForStatus(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction((source) => new RegExp(source, 'iu').test(document.getElementById('cr-status')?.textContent ?? ''), pattern.source, {
    timeout: 5_000,
  });
}

/** Words of `text` the query marks: those starting with one of its words, compared without case. */
function expectedMarks(text: string, query: string[]): string[] {
  return words(text).filter((word) => query.some((term) => word.startsWith(term.toLowerCase())));
}

function arrivalUrl(story: string, query: string, claimId?: string): string {
  return site.url(`/stories/${story}/?highlight=${encodeURIComponent(query)}${claimId ? `#${claimId}` : ''}`);
}

/** The language a report's file declares, `en` when it declares none. */
function reportLang(story: string, report: string): string {
  const source = readFileSync(join(root, 'content', 'stories', story, `${report}.md`), 'utf8');
  const frontmatter = source.slice(0, source.length - stripFrontmatter(source).length);
  return /^lang:\s*["']?([\w-]+)/m.exec(frontmatter)?.[1] ?? 'en';
}

/**
 * A claim of the story page to arrive at, and a query for it: the closest match's second claim and up to two
 * words it shares with its counterpart, the second cut to a word start; without a match on the page, the first
 * report's longest claim and its two longest words.
 */
function arrival(comparison: Comparison): { claim: ComparisonClaim; query: string[]; onPage: Set<string> } {
  const shown = shownReports(comparison);
  // Every report is on the story page, so every counterpart is marked, side by side or not.
  const onPage = new Set(comparison.reports.flatMap((report) => report.claims.map((claim) => claim.id)));
  const match = bestMatch(comparison, shown.map((report) => report.slug));
  const claim = match?.second ?? [...shown[0]!.claims].sort((a, b) => b.text.length - a.text.length)[0]!;
  const chosen = match ? sharedWords(match.first, match.second, 2) : [];
  const query = chosen.length > 0 ? chosen : [...new Set(words(claim.text))].sort((a, b) => b.length - a.length).slice(0, 2);
  if (query.length > 1) query[1] = query[1]!.slice(0, Math.max(3, Math.ceil(query[1]!.length / 2)));
  return { claim, query, onPage };
}

/** The fixture site's stories: those of content/ and of tests/fixtures/stories/. */
const stories = [...readdirSync(projectPaths.stories), ...readdirSync(fixtureStories)].sort();

for (const story of stories) {
  describe(`arriving from search at a claim of ${story}`, () => {
    let comparison: Comparison;
    before(() => {
      comparison = readComparison(story, join(root, 'dist'));
    });

    test('scrolls the claim into view, marks the query words in it and in its counterparts only, and announces how many', async () => {
      const { claim, query, onPage } = arrival(comparison);
      const { page, errors } = await site.open();
      await page.goto(arrivalUrl(story, query.join(' '), claim.id));
      await waitInViewport(page, claim.id, { whole: true });
      await waitForStatus(page, /highlighted/);
      const found = (await marks(page)) ?? [];
      const scope = [claim, ...claim.counterparts.filter((id) => onPage.has(id)).map((id) => comparison.reports.flatMap((r) => r.claims).find((c) => c.id === id)!)];
      for (const inClaim of scope) {
        assert.deepEqual(
          found.filter((mark) => mark.claim === inClaim.id).map((mark) => mark.text.toLowerCase()),
          expectedMarks(inClaim.text, query),
          `marks in ${inClaim.id} for "${query.join(' ')}"`,
        );
      }
      assert.ok(found.some((mark) => mark.claim === claim.id), `nothing marked in ${claim.id} for "${query.join(' ')}"`);
      assert.equal(found.length, scope.reduce((sum, c) => sum + expectedMarks(c.text, query).length, 0), 'marks outside the claim and its counterparts');
      const count = found.length;
      assert.match(await status(page), new RegExp(`^Highlighted ${count} match(?:es)? of “${query.join(' ')}”`));
      assert.equal(await page.locator(`[id="${claim.id}"] .cr-claim-text`).textContent(), claim.text, 'the claim text was changed');
      assert.equal(await page.locator(`[id="${claim.id}"]`).getAttribute('data-highlight'), 'target');
      assert.deepEqual(errors, []);
    });

    test('marks the words without changing the markup of the report columns', async () => {
      const { claim, query } = arrival(comparison);
      const { page } = await site.open();
      const html = () => page.locator('.cr-columns').innerHTML();
      await page.goto(arrivalUrl(story, query.join(' '), claim.id));
      await waitForStatus(page, /highlighted/);
      await page.locator('.cr-clear-highlight').evaluate((button) => button.remove());
      const highlighted = await html();
      await page.goto(site.url(`/stories/${story}/#${claim.id}`));
      assert.equal(highlighted, await html());
    });
  });
}

describe('arriving from search in a browser', () => {
  const story = readdirSync(projectPaths.stories).sort()[0]!;

  test('Escape clears the marks and removes the query from the address, keeping the claim in it', async () => {
    const comparison = readComparison(story, join(root, 'dist'));
    const { claim, query } = arrival(comparison);
    const { page, errors } = await site.open();
    await page.goto(arrivalUrl(story, query.join(' '), claim.id));
    await waitForStatus(page, /highlighted/);
    await page.keyboard.press('Escape');
    await waitForStatus(page, /cleared/);
    assert.equal(await marks(page), null);
    const url = new URL(page.url());
    assert.equal(url.searchParams.has('highlight'), false);
    assert.equal(url.hash, `#${claim.id}`);
    assert.equal(await page.locator('.cr-clear-highlight').count(), 0);
    assert.deepEqual(errors, []);
  });

  test('the Clear search highlight button in the claim clears the marks by keyboard and keeps focus in the claim', async () => {
    const comparison = readComparison(story, join(root, 'dist'));
    const { claim, query } = arrival(comparison);
    const { page, errors } = await site.open();
    await page.goto(arrivalUrl(story, query.join(' '), claim.id));
    await waitForStatus(page, /highlighted/);
    const button = page.locator(`[id="${claim.id}"]`).getByRole('button', { name: 'Clear search highlight' });
    assert.ok(await button.isVisible(), 'no visible clear button in the claim');
    await button.focus();
    await page.keyboard.press('Enter');
    await waitForStatus(page, /cleared/);
    assert.equal(await marks(page), null);
    assert.equal(new URL(page.url()).searchParams.has('highlight'), false);
    assert.equal(await page.evaluate((id) => Boolean(document.activeElement?.closest(`[id="${id}"]`)), claim.id), true, 'focus left the claim');
    assert.deepEqual(errors, []);
  });

  test('without a claim in the address the query is marked in every report column, with a note to clear it', async () => {
    const comparison = readComparison(story, join(root, 'dist'));
    const { query } = arrival(comparison);
    const { page, errors } = await site.open();
    await page.goto(arrivalUrl(story, query[0]!));
    await waitForStatus(page, /highlighted/);
    const found = (await marks(page)) ?? [];
    const expected = shownReports(comparison).flatMap((report) => report.claims.flatMap((c) => expectedMarks(c.text, [query[0]!])));
    assert.ok(found.filter((mark) => mark.claim !== '').length >= expected.length, 'claims of the columns not all marked');
    assert.ok(new Set(found.map((mark) => mark.claim)).size > 1, 'marks in one claim only');
    const note = page.locator('.cr-search-note');
    assert.match(await note.innerText(), new RegExp(`Highlighted ${found.length} match`));
    await note.getByRole('button', { name: 'Clear search highlight' }).click();
    assert.equal(await marks(page), null);
    assert.equal(await note.count(), 0);
    assert.deepEqual(errors, []);
  });

  test('the arrived page with its marks has no WCAG 2.2 AA violations that axe can find', async () => {
    const comparison = readComparison(story, join(root, 'dist'));
    const { claim, query } = arrival(comparison);
    const { page } = await site.open();
    await page.goto(arrivalUrl(story, query.join(' '), claim.id));
    await waitForStatus(page, /highlighted/);
    assert.deepEqual(await axeViolations(page), []);
  });

  test('where the browser has no Custom Highlight API the page works as without a query', async () => {
    const comparison = readComparison(story, join(root, 'dist'));
    const { claim, query } = arrival(comparison);
    const { page, errors } = await site.open();
    await page.addInitScript(() => {
      Reflect.deleteProperty(window, 'Highlight');
    });
    await page.goto(arrivalUrl(story, query.join(' '), claim.id));
    await waitInViewport(page, claim.id, { whole: true });
    assert.equal(await page.locator(`[id="${claim.id}"]`).getAttribute('data-highlight'), 'target');
    assert.equal(await page.locator('.cr-clear-highlight, .cr-search-note').count(), 0);
    assert.equal(await status(page), '');
    assert.deepEqual(errors, []);
  });
});

describe('a report written right to left, arrived at from search', () => {
  /** The fixture site's reports whose language is written right to left, with their story. */
  function rtlReports(): Array<{ story: string; comparison: Comparison; slug: string }> {
    return readdirSync(join(root, 'content', 'stories')).sort().flatMap((story) => {
      const comparison = readComparison(story, join(root, 'dist'));
      return comparison.reports
        .filter((report) => ['ur', 'ar', 'fa', 'ps', 'he'].includes(reportLang(story, report.slug).split('-')[0]!))
        .map((report) => ({ story, comparison, slug: report.slug }));
    });
  }

  test('Urdu words are marked in an Urdu claim, also when typed with the Arabic yeh and kaf', async () => {
    const [rtl] = rtlReports();
    assert.ok(rtl, 'no right-to-left report in the fixture site');
    const report = shownReports(rtl.comparison).find((shown) => shown.slug === rtl.slug);
    assert.ok(report, 'the right-to-left report is not on its story page');
    const candidates = report.claims.flatMap((claim) => words(claim.text).filter((word) => /[یک]/u.test(word) && word.length >= 4).map((word) => ({ claim, word })));
    const { claim, word } = candidates.sort((a, b) => b.word.length - a.word.length)[0]!;
    const { page, errors } = await site.open();
    await page.goto(arrivalUrl(rtl.story, word.replaceAll('ی', 'ي').replaceAll('ک', 'ك'), claim.id));
    await waitInViewport(page, claim.id, { whole: true });
    await waitForStatus(page, /highlighted/);
    const found = (await marks(page)) ?? [];
    assert.ok(found.length > 0, `nothing marked for ${word}`);
    assert.deepEqual(
      found.filter((mark) => mark.claim === claim.id).map((mark) => mark.text),
      words(claim.text).filter((other) => other.startsWith(word)),
    );
    assert.deepEqual(errors, []);
  });

  test("an Urdu claim's permalink opens it right to left with its detail's interface left to right, and fits a 390 px phone", async () => {
    const [rtl] = rtlReports();
    assert.ok(rtl, 'no right-to-left report in the fixture site');
    const claim = rtl.comparison.reports.find((report) => report.slug === rtl.slug)!.claims[0]!;
    const { page, errors } = await site.open({ viewport: { width: 390, height: 800 } });
    await page.goto(site.url(claim.context));
    await page.locator(`details[data-detail-of="${claim.id}"][open]`).waitFor({ timeout: 5_000 });
    const directions = await page.evaluate((id) => ({
      column: getComputedStyle(document.getElementById(id)!.closest('.cr-report')!).direction,
      claim: getComputedStyle(document.getElementById(id)!.querySelector('.cr-claim-text')!).direction,
      detail: getComputedStyle(document.querySelector(`details[data-detail-of="${id}"] .cr-share-buttons`)!).direction,
      visible: document.getElementById(id)!.getClientRects().length > 0,
      widths: [document.documentElement.scrollWidth, window.innerWidth],
    }), claim.id);
    assert.equal(directions.column, 'rtl');
    assert.equal(directions.claim, 'rtl');
    assert.equal(directions.detail, 'ltr', 'the interface text should stay left to right');
    assert.ok(directions.visible, 'the claim is not shown');
    assert.ok(directions.widths[0]! <= directions.widths[1]!, `the page is ${directions.widths[0]} px wide in a ${directions.widths[1]} px window`);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
