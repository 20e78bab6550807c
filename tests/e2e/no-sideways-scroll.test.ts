import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildFixtureSite } from '../helpers/build-fixture-site.ts';
import { startSite, type Site } from '../helpers/launch-browser.ts';
import { searchablePhrase } from '../helpers/pick-claims.ts';
import { projectPaths } from '../helpers/project-paths.ts';
import { listPages } from '../helpers/read-dist.ts';

/** Phone widths, from the narrowest a site is expected to serve. */
const widths = [320, 360, 390];

interface PageKind {
  name: string;
  path: string;
  /** Waits for what the page shows after loading (search results). */
  ready?: (page: Page) => Promise<void>;
}

/** Every story page (also with every claim's detail open), the home page, search with results, and a missing address. */
function pageKinds(dist: string): PageKind[] {
  const paths = listPages(dist).map((page) => page.urlPath);
  const matching = (pattern: RegExp) => paths.filter((path) => pattern.test(path));
  return [
    { name: 'home', path: '/' },
    ...matching(/^\/stories\/[^/]+\/$/).map((path) => ({ name: 'story', path })),
    ...matching(/^\/stories\/[^/]+\/$/).map((path) => ({
      name: 'details open',
      path,
      ready: async (page: Page) => {
        await page.evaluate(() => {
          for (const detail of document.querySelectorAll('details')) detail.open = true;
        });
      },
    })),
    {
      name: 'search with results',
      path: `/search/?q=${encodeURIComponent(searchablePhrase(dist))}`,
      ready: async (page) => {
        await page.locator('#cr-search-results li').first().waitFor({ timeout: 15_000 });
      },
    },
    { name: '404', path: '/no-such-page/' },
  ];
}

/** How far the document is wider than the window, with the elements that reach past its right edge. */
function overflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const excess = document.documentElement.scrollWidth - window.innerWidth;
    const culprits =
      excess > 0
        ? [...document.querySelectorAll('body *')]
            .filter((element) => {
              const box = element.getBoundingClientRect();
              return box.width > 0 && (box.right > window.innerWidth + 0.5 || box.left < -0.5);
            })
            .slice(0, 5)
            .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`)
        : [];
    return { excess, culprits };
  });
}

function hasDist(dist: string): boolean {
  try {
    return readdirSync(join(dist, 'stories')).length > 0;
  } catch {
    return false;
  }
}

for (const which of ['project', 'fixture'] as const) {
  describe(`the ${which} site at phone widths`, () => {
    let site: Site;
    let dist: string;
    before(async () => {
      dist = which === 'project' ? projectPaths.dist : (await buildFixtureSite()).dist;
      assert.ok(hasDist(dist), `${dist} has no stories: was the site built?`);
      site = await startSite(dist);
    });
    after(async () => {
      await site?.close();
    });

    test('no page scrolls sideways at 320, 360 or 390 px, in any reading mode of a story', async () => {
      const kinds = pageKinds(dist);
      // Every page with its details open at every width would be slow: at 360 and 390 one of each kind is enough.
      const sample = (width: number) => (width === 320 ? kinds : kinds.filter((kind, i) => kinds.findIndex((other) => other.name === kind.name) === i));
      const found: string[] = [];
      for (const width of widths) {
        const { page, context } = await site.open({ viewport: { width, height: 800 } });
        for (const kind of sample(width)) {
          await page.goto(site.url(kind.path));
          await kind.ready?.(page);
          const views = kind.name === 'story' || kind.name === 'pair' ? await page.locator('.cr-reading-switch a').all() : [];
          for (const view of [null, ...views]) {
            const label = view ? ` (${(await view.innerText()).trim()})` : '';
            await view?.click();
            const { excess, culprits } = await overflow(page);
            if (excess > 0) found.push(`${kind.path}${label} at ${width} px: ${excess} px too wide, by ${culprits.join(', ')}`);
          }
        }
        await context.close();
      }
      assert.deepEqual(found, []);
    });
  });
}
