import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { select } from 'hast-util-select';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { fixtureStories } from '../helpers/build-fixture-site.ts';
import { readContent } from '../helpers/read-content.ts';
import { attribute, readPage } from '../helpers/read-dist.ts';
import { serveFixtureSite } from '../helpers/serve-fixture-site.ts';

/**
 * Looks: the colour scheme switch in the header (system, light, dark; remembered, applied before first paint)
 * and the print stylesheet. On the fixture site, whose stories include one with conflicts and one of three reports.
 */
const { site, dist } = await serveFixtureSite();

const schemeKey = 'crossread-scheme';

/** The story pages of the fixture site: the project's stories and the fixture stories. */
const storyPaths = [...readContent().map((story) => story.slug), ...readdirSync(fixtureStories)].sort().map((slug) => `/stories/${slug}/`);

function bodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

function schemeAttribute(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('data-scheme'));
}

/** The page's background in each scheme as the system sets it, with nothing chosen. */
async function systemBackgrounds(): Promise<{ light: string; dark: string }> {
  const backgrounds = { light: '', dark: '' };
  for (const colorScheme of ['light', 'dark'] as const) {
    const { page } = await site.open({ colorScheme });
    await page.goto(site.url('/'));
    backgrounds[colorScheme] = await bodyBackground(page);
  }
  assert.notEqual(backgrounds.light, backgrounds.dark, 'the light and dark schemes have the same background');
  return backgrounds;
}

describe('the colour scheme switch', () => {
  test('follows the system until the reader chooses, then switches the page to Dark, Light and back to System', async () => {
    const system = await systemBackgrounds();
    const { page, errors } = await site.open({ colorScheme: 'light' });
    await page.goto(site.url('/'));
    const switcher = page.getByRole('group', { name: 'Colours' });
    assert.ok(await switcher.isVisible(), 'the header has no visible colour switch');
    assert.equal(await switcher.getByRole('radio', { name: 'System' }).isChecked(), true);

    await switcher.getByRole('radio', { name: 'Dark' }).check();
    assert.equal(await bodyBackground(page), system.dark);
    assert.equal(await schemeAttribute(page), 'dark');

    await switcher.getByRole('radio', { name: 'Light' }).check();
    assert.equal(await bodyBackground(page), system.light);

    await switcher.getByRole('radio', { name: 'System' }).check();
    assert.equal(await schemeAttribute(page), null);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), schemeKey), null);
    assert.equal(await bodyBackground(page), system.light);
    assert.deepEqual(errors, []);
  });

  test('can be worked with the keyboard, the arrow keys moving between the choices', async () => {
    const { page } = await site.open({ colorScheme: 'light' });
    await page.goto(site.url('/'));
    const system = page.getByRole('radio', { name: 'System' });
    await system.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByRole('radio', { name: 'Light' }).isChecked(), true);
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByRole('radio', { name: 'Dark' }).isChecked(), true);
    assert.equal(await schemeAttribute(page), 'dark');
  });

  test('remembers the choice across a reload and on other pages, whatever the system says', async () => {
    const system = await systemBackgrounds();
    const { page, errors } = await site.open({ colorScheme: 'light' });
    await page.goto(site.url('/'));
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.reload();
    assert.equal(await bodyBackground(page), system.dark);
    assert.equal(await page.getByRole('radio', { name: 'Dark' }).isChecked(), true);
    await page.goto(site.url(storyPaths[0] ?? '/'));
    assert.equal(await bodyBackground(page), system.dark);
    assert.deepEqual(errors, []);
  });

  test('applies the stored choice before first paint, from a script ahead of everything in the body', async () => {
    const system = await systemBackgrounds();
    // A classic inline script, first in <body>: it runs before any of the page is parsed, waiting for no file.
    const body = select('body', readPage('/', dist));
    const first = body?.children.find((node) => node.type === 'element');
    assert.ok(first?.type === 'element' && first.tagName === 'script', 'the body does not open with a script');
    assert.equal(attribute(first, 'src') ?? attribute(first, 'type') ?? attribute(first, 'defer') ?? attribute(first, 'async'), undefined);

    // With every script file refused, only that inline script can set the scheme of the first paint.
    const { page } = await site.open({ colorScheme: 'light' });
    await page.goto(site.url('/'));
    await page.evaluate((key) => localStorage.setItem(key, 'dark'), schemeKey);
    await page.route('**/*.js', (route) => route.abort());
    await page.reload();
    assert.equal(await schemeAttribute(page), 'dark');
    assert.equal(await bodyBackground(page), system.dark);
  });

  test('keeps its place in the header before the scripts have set it up, so nothing moves when it appears', async () => {
    const headerBoxes = async (page: Page) =>
      page.evaluate(() =>
        ['.cr-site-header', '[data-search-opener]', '[data-scheme-toggle]'].map((selector) => {
          const box = document.querySelector(selector)!.getBoundingClientRect();
          return `${selector} ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`;
        }),
      );
    for (const width of [320, 390, 1280]) {
      const viewport = { width, height: 800 };
      const waiting = await site.open({ viewport });
      // The page as first painted: the inline script has run, the module scripts not yet.
      await waiting.page.route('**/*.js', (route) => route.abort());
      await waiting.page.goto(site.url('/'));
      const ready = await site.open({ viewport });
      await ready.page.goto(site.url('/'));
      await ready.page.locator('[data-scheme-toggle][data-ready]').waitFor();
      await ready.page.locator('[data-search-opener][data-ready]').waitFor({ state: 'attached' });
      assert.deepEqual(await headerBoxes(waiting.page), await headerBoxes(ready.page), `at ${width} px`);
      assert.equal(await waiting.page.locator('[data-scheme-toggle]').isVisible(), false, 'the switch shows before it works');
    }
  });

  test('is hidden without JavaScript, and the system scheme applies', async () => {
    const system = await systemBackgrounds();
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await site.open({ colorScheme, javaScriptEnabled: false });
      await page.goto(site.url('/'));
      assert.equal(await page.locator('[data-scheme-toggle]').isVisible(), false);
      assert.equal(await bodyBackground(page), system[colorScheme]);
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`leaves no WCAG 2.2 AA violation on the home, a story and the methodology page when ${scheme} is chosen`, async () => {
      const other = scheme === 'light' ? 'dark' : 'light';
      // Chosen against the system's scheme, so the choice, not the system, decides the colours.
      const { page, errors } = await site.open({ colorScheme: other });
      await page.goto(site.url('/'));
      await page.getByRole('radio', { name: scheme === 'light' ? 'Light' : 'Dark' }).check();
      for (const path of ['/', storyPaths[0] ?? '/', '/methodology/']) {
        await page.goto(site.url(path));
        assert.equal(await schemeAttribute(page), scheme);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `axe found violations on ${path} in the ${scheme} scheme:\n${violations.join('\n')}`);
      }
      assert.deepEqual(errors, []);
    });
  }
});

describe('a story printed', () => {
  for (const path of storyPaths) {
    test(`${path} prints the two reports side by side without the site's controls, marks legible without colour`, async () => {
      // A4's printable width at 96 px to the inch, in the dark scheme: paper is printed light all the same.
      const { page } = await site.open({ viewport: { width: 700, height: 1000 }, colorScheme: 'dark' });
      await page.goto(site.url(path));
      await page.emulateMedia({ media: 'print' });

      for (const chrome of ['.cr-site-header', '[data-search-opener]', '[data-scheme-toggle]']) {
        assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} prints`);
      }
      const visibleButtons = await page.locator('main button:visible').count();
      assert.equal(visibleButtons, 0, 'buttons print');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), 'rgb(0, 0, 0)');

      // The pair side by side prints; the other reports of a larger story are hidden as on the screen.
      const reports = page.locator('.cr-columns > .cr-report:visible');
      assert.equal(await reports.count(), 2);
      for (const report of await reports.all()) {
        assert.ok(await report.locator('.cr-claim').first().isVisible(), 'a report prints no claim');
      }
      // Both boxes from one layout, in page coordinates: boxes read one call apart, relative to the viewport, differ
      // by whatever the page scrolled in between.
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.cr-columns > .cr-report')]
          .filter((report) => report.checkVisibility())
          .map((report) => {
            const box = report.getBoundingClientRect();
            return { x: box.left + scrollX, y: box.top + scrollY, width: box.width };
          }),
      );
      assert.equal(boxes.length, 2);
      assert.equal(Math.round(boxes[0]!.y), Math.round(boxes[1]!.y), 'the two reports do not stand side by side');
      assert.ok(boxes[0]!.x + boxes[0]!.width <= boxes[1]!.x, 'the two reports overlap');
      // The whole of each report prints: nothing in a scroll box (paper does not scroll).
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.cr-columns, .cr-columns > .cr-report, .cr-columns > .cr-report *')]
          .filter((element) => element.scrollHeight > element.clientHeight + 1 && getComputedStyle(element).overflowY !== 'visible')
          .map((element) => element.className),
      );
      assert.deepEqual(clipped, [], 'part of a report is cut off in a scroll box');

      const cues = await page.evaluate(() => {
        const style = (selector: string, pseudo?: string) => {
          const element = document.querySelector(selector);
          return element ? getComputedStyle(element, pseudo) : undefined;
        };
        const shared = style('.cr-report mark:not([data-conflict])');
        const conflict = style('.cr-report mark[data-conflict]');
        const unique = style('.cr-report .cr-claim[data-status="unique"]');
        const source = document.querySelector<HTMLAnchorElement>('.cr-report a.cr-source');
        return {
          shared: shared && { line: shared.textDecorationLine, background: shared.backgroundColor },
          conflict: conflict && { style: conflict.textDecorationStyle },
          unique: unique && { rule: unique.borderInlineStartStyle },
          badge: document.querySelector('.cr-report .cr-claim[data-status="unique"] .cr-badge')?.checkVisibility() ?? false,
          source: source && { href: source.getAttribute('href'), after: getComputedStyle(source, '::after').content },
        };
      });
      if (cues.shared) {
        assert.match(cues.shared.line, /underline/);
        assert.equal(cues.shared.background, 'rgba(0, 0, 0, 0)', 'shared wording relies on a shade');
      }
      if (cues.conflict) assert.equal(cues.conflict.style, 'wavy');
      if (cues.unique) {
        assert.equal(cues.unique.rule, 'dashed');
        assert.ok(cues.badge, 'the "Only in" badge does not print');
      }
      assert.ok(cues.source, 'no link to an original report');
      assert.ok(cues.source.after.includes(cues.source.href ?? '\0'), `the original's address does not print: ${cues.source.after}`);
    });
  }

  test('every kind of mark is checked on some story of the site', async () => {
    const kinds = { shared: false, conflict: false, unique: false };
    for (const path of storyPaths) {
      const page = readPage(path, dist);
      kinds.shared ||= Boolean(select('.cr-report mark:not([data-conflict])', page));
      kinds.conflict ||= Boolean(select('.cr-report mark[data-conflict]', page));
      kinds.unique ||= Boolean(select('.cr-report .cr-claim[data-status="unique"]', page));
      assert.ok(attribute(select('.cr-report a.cr-source', page), 'href'));
    }
    assert.deepEqual(kinds, { shared: true, conflict: true, unique: true });
  });
});
