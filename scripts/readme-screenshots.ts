/**
 * Screenshots for the README: `npm run screenshots [-- --dist <folder>]` serves an already built site (dist/ by
 * default; this builds nothing), opens the home page and the first story's page in Debian's Chromium, and
 * writes docs/screenshots/<page>-<width>-<scheme>.png: the first screenful at a desktop and a phone size, in the
 * light and dark schemes the site follows from the system. Rerun it after a change to the looks and commit the
 * PNGs with the change.
 */
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/helpers/launch-browser.ts';
import { startStaticServer } from '../tests/helpers/start-static-server.ts';

const root = join(import.meta.dirname, '..');
const output = join(root, 'docs', 'screenshots');

/** A desktop screen and a common phone, CSS pixels at a device scale of 1 to keep the files small. */
const sizes = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const schemes = ['light', 'dark'] as const;

function firstStory(dist: string): string {
  const stories = join(dist, 'stories');
  const [story] = readdirSync(stories)
    .filter((name) => statSync(join(stories, name, 'index.html'), { throwIfNoEntry: false })?.isFile())
    .sort();
  if (!story) throw new Error(`${stories} holds no story page: build the site first (npm run build)`);
  return story;
}

const { values } = parseArgs({ options: { dist: { type: 'string', default: join(root, 'dist') } } });
const dist = resolve(values.dist);
const storySlug = firstStory(dist);
const story = `/stories/${storySlug}/`;

/** The shorter claim of the story's first part match, so its page opens with the longer claim's stretch lit. */
function firstPartClaim(): string {
  const comparison = JSON.parse(readFileSync(join(dist, 'stories', storySlug, 'comparison.json'), 'utf8')) as {
    matches: { claims: [string, string]; part?: { claim: string } }[];
  };
  const match = comparison.matches.find((m) => m.part);
  if (!match) throw new Error(`${story} has no part match to show: update this script`);
  return match.claims.find((id) => id !== match.part!.claim)!;
}
/** `scrollTo` names the element put at the top of the screen: the reports themselves, below the story's header. */
const pages: { name: string; path: string; scrollTo?: string }[] = [
  { name: 'home', path: '/' },
  { name: 'story', path: story },
  { name: 'glance', path: story, scrollTo: '#cr-glance-title' },
  { name: 'reports', path: story, scrollTo: '#cr-side-by-side-title' },
  { name: 'parts', path: `${story}#${firstPartClaim()}` },
];

mkdirSync(output, { recursive: true });
const server = await startStaticServer(dist);
const browser = await launchBrowser();
try {
  for (const viewport of sizes) {
    for (const colorScheme of schemes) {
      const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce', deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const { name, path, scrollTo } of pages) {
        await page.goto(new URL(path, server.origin).href, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        if (scrollTo) {
          const target = page.locator(scrollTo);
          if ((await target.count()) === 0) throw new Error(`${path} has no ${scrollTo} to scroll to: update this script`);
          // The parent, because the heading itself may be visually hidden.
          await target.evaluate((element) => (element.parentElement ?? element).scrollIntoView({ block: 'start' }));
        }
        const file = join(output, `${name}-${viewport.width}-${colorScheme}.png`);
        await page.screenshot({ path: file, type: 'png' });
        console.log(`${relative(root, file)}  ${Math.round(statSync(file).size / 1024)} KB`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
