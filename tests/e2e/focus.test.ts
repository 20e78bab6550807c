import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startSite, type Site } from '../helpers/launch-browser.ts';
import { matchedClaim } from '../helpers/pick-claims.ts';
import { readAllComparisons } from '../helpers/read-comparison.ts';

/**
 * Reading by keyboard on the built site, in both schemes at a desktop and a phone width: the first Tab reaches
 * a visible "Skip to content" link that moves focus into the page's main content, and every control Tab
 * reaches after it shows a focus ring (at least 2 px, 3:1 against what is behind it, WCAG 2.4.7 and 1.4.11)
 * and is not hidden under the sticky header or anything else (WCAG 2.2's 2.4.11).
 */

let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

const [story] = readAllComparisons();
assert.ok(story, 'dist/ has no story: was the site built?');
const claim = matchedClaim(story);
assert.ok(claim, `${story.slug} has no claim found in another report`);

const missing = '/no-such-page/';
// The story page again at a claim's permalink: its detail open, its controls reached by Tab from the claim.
const pages = ['/', `/stories/${story.slug}/`, claim.context, '/methodology/', '/search/', missing];
const variants = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
].flatMap((viewport) => (['light', 'dark'] as const).map((colorScheme) => ({ viewport, colorScheme })));

/** How many Tab stops are checked per page: the page tools and the first claims, where a fault would show. */
const tabStops = 60;

interface FocusSeen {
  /** The focused element, as a short selector for messages. */
  what: string;
  ringStyle: string;
  ringWidth: number;
  /** Contrast of the ring against the nearest painted background behind it. */
  ringContrast: number;
  /** Whether the ring's element is on screen and the topmost thing at its centre. */
  onTop: boolean;
  covering: string;
}

/** Waits until the page stops scrolling (focus may scroll it smoothly), at most about a second. */
function scrollSettled(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = -1;
        let still = 0;
        let frames = 0;
        const check = () => {
          still = scrollY === last ? still + 1 : 0;
          last = scrollY;
          frames += 1;
          if (still >= 3 || frames > 60) resolve();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

/** What the focused element looks like; a visually hidden input is shown by its label, so the label is measured. */
function focusSeen(page: Page): Promise<FocusSeen | undefined> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement || active instanceof SVGElement) || active === document.body) return undefined;
    const activeBox = active.getBoundingClientRect();
    const hidden = activeBox.width <= 1 || activeBox.height <= 1 || getComputedStyle(active).opacity === '0';
    const shown = hidden ? (active.closest('label') ?? active) : active;
    const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    // Any CSS colour (light-dark(), oklch…) as sRGB, through the canvas.
    const rgb = (color: string): [number, number, number, number] => {
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = color;
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data as unknown as number[];
      return [r!, g!, b!, a!];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    let backdrop: Element | null = shown.parentElement;
    let background = 'white';
    for (; backdrop; backdrop = backdrop.parentElement) {
      const color = getComputedStyle(backdrop).backgroundColor;
      if (rgb(color)[3] > 0) {
        background = color;
        break;
      }
    }
    const style = getComputedStyle(shown);
    const [ring, behind] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))];
    const box = shown.getBoundingClientRect();
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + Math.min(box.height, 40) / 2, 0), innerHeight - 1);
    const inView = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
    const top = document.elementFromPoint(x, y);
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.classList.length > 0 ? `.${[...element.classList].join('.')}` : ''}`;
    return {
      what: `${name(active)} "${(active.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`,
      ringStyle: style.outlineStyle,
      ringWidth: parseFloat(style.outlineWidth),
      ringContrast: (Math.max(ring, behind) + 0.05) / (Math.min(ring, behind) + 0.05),
      onTop: inView && top !== null && (shown.contains(top) || top.contains(shown) || active.contains(top)),
      covering: top ? `${name(top)} at ${Math.round(x)},${Math.round(y)}; box ${Math.round(box.top)}..${Math.round(box.bottom)} of ${innerHeight}` : 'nothing',
    };
  });
}

for (const variant of variants) {
  describe(`by keyboard, ${variant.colorScheme} at ${variant.viewport.width} px`, () => {
    for (const path of pages) {
      // An address naming a claim starts Tab at that claim (the browser's fragment navigation), on purpose.
      if (!path.includes('#')) test(`${path}: the first Tab shows "Skip to content", which moves focus to the main content`, async () => {
        const { page, errors } = await site.open(variant);
        await page.goto(site.url(path));
        await page.keyboard.press('Tab');
        const skip = page.locator('.cr-skip-link');
        assert.ok(await skip.evaluate((link) => link === document.activeElement), 'the first Tab should reach the skip link');
        const box = await skip.boundingBox();
        assert.ok(box && box.width > 0 && box.height > 0 && box.y >= 0 && box.y + box.height <= variant.viewport.height, 'the focused skip link should be on screen');
        assert.match(await skip.innerText(), /skip to content/i);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'main');
        // Chromium logs the 404 of the missing address itself: that one is the page working as meant.
        assert.deepEqual(errors.filter((error) => !(path === missing && /\b404\b/.test(error))), []);
      });

      test(`${path}: every control Tab reaches shows a focus ring of at least 2 px and 3:1, not covered by anything`, async () => {
        const { page } = await site.open(variant);
        await page.goto(site.url(path));
        const faults: string[] = [];
        let first: string | undefined;
        for (let stop = 0; stop < tabStops; stop += 1) {
          await page.keyboard.press('Tab');
          await scrollSettled(page);
          const seen = await focusSeen(page);
          if (!seen) continue;
          if (seen.what === first) break; // round the page and back to the start
          first ??= seen.what;
          if (seen.ringStyle === 'none' || seen.ringWidth < 2) faults.push(`${seen.what}: no focus ring (${seen.ringStyle} ${seen.ringWidth}px)`);
          else if (seen.ringContrast < 3) faults.push(`${seen.what}: focus ring contrast ${seen.ringContrast.toFixed(2)}:1`);
          if (!seen.onTop) faults.push(`${seen.what}: focused but off screen or covered (${seen.covering})`);
        }
        assert.ok(first, `Tab reached nothing on ${path}`);
        assert.deepEqual(faults, [], faults.join('\n'));
      });
    }
  });
}
