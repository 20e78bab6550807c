import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { select } from 'hast-util-select';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { buildEditSuite } from '../helpers/build-edit-suite.ts';
import { buildFixtureSite } from '../helpers/build-fixture-site.ts';
import { launchBrowser } from '../helpers/launch-browser.ts';
import { searchablePhrase } from '../helpers/pick-claims.ts';
import { projectPaths } from '../helpers/project-paths.ts';
import { readAllComparisons, type Comparison } from '../helpers/read-comparison.ts';
import { attribute, listPages } from '../helpers/read-dist.ts';
import { startStaticServer, type StaticServer } from '../helpers/start-static-server.ts';

/**
 * Every page a reader can reach, as it loads, in both colour schemes at a desktop and a phone width: axe finds
 * no WCAG 2.2 AA violation and the page logs no console error. The project's dist/ is checked page by page;
 * the fixture site (more outlets, other languages, hostile markup) one page of each kind per story; each story
 * also opened at its busiest claim's permalink, that claim's detail open; the edit suite adds what only
 * corrections make (the Corrections notes, a detail with an earlier wording).
 */

interface Variant {
  name: string;
  viewport: { width: number; height: number };
  colorScheme: 'light' | 'dark';
}

const variants: Variant[] = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
].flatMap((viewport) =>
  (['light', 'dark'] as const).map((colorScheme) => ({ name: `${colorScheme} at ${viewport.width} px`, viewport, colorScheme })),
);

interface Target {
  path: string;
  /** What `ready` brings on screen, for the test's title. */
  showing?: string;
  /** Waits for, or opens, what the page is checked with (search results, the search dialog). */
  ready?: (page: Page) => Promise<void>;
}

interface SiteUnderTest {
  name: string;
  dist: string;
  targets: Target[];
}

/** An address nothing is built at: it must answer with the 404 page. */
const missing = '/no-such-page/';

function searchWithResults(dist: string): Target {
  return {
    path: `/search/?q=${encodeURIComponent(searchablePhrase(dist))}`,
    showing: 'with its results',
    ready: async (page) => {
      await page.locator('#cr-search-results li').first().waitFor({ timeout: 15_000 });
    },
  };
}

/** A story page with the header's search dialog open on results: the dialog is part of every page. */
function searchDialogWithResults(dist: string): Target {
  const [story] = readAllComparisons(dist);
  assert.ok(story, `${dist} has no story`);
  return {
    path: `/stories/${story.slug}/`,
    showing: 'with the search dialog open on results',
    ready: async (page) => {
      await page.locator('.cr-search-open').first().click();
      await page.locator('#cr-search-dialog [data-search-part="input"]').fill(searchablePhrase(dist));
      await page.locator('#cr-search-dialog [data-search-part="results"] li').first().waitFor({ timeout: 15_000 });
    },
  };
}

/** A claim's permalink, its detail opened by the address. */
function claimOpened(path: string, id: string): Target {
  return {
    path: `${path}#${id}`,
    showing: 'at a claim, its detail open',
    ready: async (page) => {
      await page.locator(`details[data-detail-of="${id}"][open]`).waitFor({ timeout: 5_000 });
    },
  };
}

/** Each story at its busiest claim (see busiestClaim), its detail open. */
function claimsOpened(dist: string): Target[] {
  return readAllComparisons(dist).flatMap((comparison) => {
    const id = busiestClaim(comparison);
    const claim = comparison.reports.flatMap((report) => report.claims).find((candidate) => candidate.id === id);
    return claim ? [claimOpened(claim.context.split('#')[0]!, claim.id)] : [];
  });
}

/** Every HTML page of the site, each story at a claim, search with results (on its page and in the dialog), and a missing address. */
function everyPage(dist: string): Target[] {
  return [...listPages(dist).map((page) => ({ path: page.urlPath })), ...claimsOpened(dist), searchWithResults(dist), searchDialogWithResults(dist), { path: missing }];
}

/** The claim whose detail shows the most: one of a match with conflicts, else the claim matched most often. */
function busiestClaim(comparison: Comparison): string | undefined {
  const conflicting = comparison.matches.find((match) => match.conflicts.length > 0)?.claims[0];
  if (conflicting) return conflicting;
  const claims = comparison.reports.flatMap((report) => report.claims);
  return [...claims].sort((a, b) => b.counterparts.length - a.counterparts.length)[0]?.id;
}

/** One page of each kind: every page (home, stories, pairs, search, methodology…), each story at a claim, search with results, and a missing address. */
function onePageOfEachKind(dist: string): Target[] {
  return [...listPages(dist).map((page) => ({ path: page.urlPath })), ...claimsOpened(dist), searchWithResults(dist), { path: missing }];
}

/**
 * What only corrections make, from the edit suite: a story page at the note of a claim since removed, and at a
 * corrected claim whose open detail gives its earlier wording. One of each: they share their templates.
 */
async function correctedClaimPages(): Promise<SiteUnderTest> {
  const suite = await buildEditSuite();
  const pages = listPages(suite.dist);
  const removed = pages.flatMap((page) => {
    const note = select('.cr-correction[data-correction="removed"]', page.tree);
    return note ? [{ path: `${page.urlPath}#${attribute(note, 'id')}`, showing: 'at the note of a removed claim' }] : [];
  })[0];
  const corrected = pages.flatMap((page) => {
    const detail = select('details.cr-claim-detail:has(.cr-earlier)', page.tree);
    return detail ? [claimOpened(page.urlPath, attribute(detail, 'dataDetailOf') ?? '')] : [];
  })[0];
  assert.ok(removed, 'no page of the edit suite has the note of a removed claim');
  assert.ok(corrected, 'no page of the edit suite has a claim with an earlier wording');
  return { name: 'the edit suite', dist: suite.dist, targets: [removed, corrected] };
}

const fixture = await buildFixtureSite();
const sites: SiteUnderTest[] = [
  { name: 'the project site', dist: projectPaths.dist, targets: everyPage(projectPaths.dist) },
  { name: 'the fixture site', dist: fixture.dist, targets: onePageOfEachKind(fixture.dist) },
  await correctedClaimPages(),
];

interface LoggedError {
  message: string;
  /** The URL the error is about or comes from, when the browser names one. */
  source: string;
}

/** A page of its own per variant, reused from page to page; `errors` collects what the current page logs. */
interface Tab {
  variant: Variant;
  page: Page;
  errors: LoggedError[];
}

let browser: Browser;
const contexts: BrowserContext[] = [];
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await Promise.all(contexts.map((context) => context.close().catch(() => {})));
  await browser?.close();
});

async function openTabs(): Promise<Tab[]> {
  return Promise.all(
    variants.map(async (variant) => {
      const context = await browser.newContext({ viewport: variant.viewport, colorScheme: variant.colorScheme });
      contexts.push(context);
      const page = await context.newPage();
      const tab: Tab = { variant, page, errors: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') tab.errors.push({ message: `console error: ${message.text()}`, source: message.location().url });
      });
      page.on('pageerror', (error) => tab.errors.push({ message: `uncaught exception: ${error.message}`, source: '' }));
      return tab;
    }),
  );
}

/** What is wrong with `target` in one tab's variant: axe's violations and the console errors, one entry each. */
async function problemsIn(tab: Tab, server: StaticServer, target: Target): Promise<string[]> {
  tab.errors.length = 0;
  const url = new URL(target.path, server.origin).href;
  // From the same page, an address with a fragment would only scroll it (and answer no response): load it anew.
  if (url.includes('#')) await tab.page.goto('about:blank');
  const response = await tab.page.goto(url, { waitUntil: 'load' });
  const expected = target.path === missing ? 404 : 200;
  const problems = response?.status() === expected ? [] : [`answered ${response?.status()}, not ${expected}`];
  await target.ready?.(tab.page);
  problems.push(...(await axeViolations(tab.page)));
  // Chromium logs the 404 of a missing address itself as an error: that one is the page working as meant.
  const logged = tab.errors.filter((error) => !(expected === 404 && error.source === url && /\b404\b/.test(error.message)));
  problems.push(...logged.map((error) => `${error.message}${error.source ? ` (${error.source})` : ''}`));
  return problems.map((problem) => `${target.path}, ${tab.variant.name}: ${problem}`);
}

const schemesAndWidths = 'in light and dark at 1280 and 390 px';

for (const site of sites) {
  describe(`${site.name}, ${schemesAndWidths}`, () => {
    let server: StaticServer;
    let tabs: Tab[];
    before(async () => {
      server = await startStaticServer(site.dist);
      tabs = await openTabs();
    });
    after(async () => {
      await server?.close();
    });

    for (const target of site.targets) {
      const name = target.showing ? `${target.path} ${target.showing}` : target.path;
      test(`${name} has no WCAG 2.2 AA violation that axe can find and logs no console error`, async () => {
        const problems = (await Promise.all(tabs.map((tab) => problemsIn(tab, server, target)))).flat();
        assert.deepEqual(problems, [], problems.join('\n'));
      });
    }
  });
}
