import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { select } from 'hast-util-select';
import { buildFixtureSite, type BuiltCopy } from '../helpers/build-fixture-site.ts';
import { readAllComparisons, type Comparison } from '../helpers/read-comparison.ts';
import { attribute, collapse, readPage, resolveDistFile, textOf } from '../helpers/read-dist.ts';

/**
 * The share cards, over the site built with the fixture stories next to the real ones (a story of three
 * reports): one card per story, the image of its story page.
 */
let site: BuiltCopy;
let stories: Comparison[];
before(async () => {
  site = await buildFixtureSite();
  stories = readAllComparisons(site.dist);
}, { timeout: 300_000 });

/** Width and height from a PNG's IHDR chunk, after the 8-byte signature and the chunk's length and type. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is not a PNG`);
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR', `${file} has no IHDR chunk first`);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The Open Graph and Twitter values of the page at `path`. */
function metaOf(path: string): (name: string) => string | undefined {
  const page = readPage(path, site.dist);
  return (name) => attribute(select(`meta[property="${name}"], meta[name="${name}"]`, page), 'content');
}

test("every story page shares its story's 1200x630 PNG card through Open Graph and Twitter", () => {
  const cards = new Set<string>();
  for (const comparison of stories) {
    const card = `/stories/${comparison.slug}/card.png`;
    const file = resolveDistFile(card, site.dist);
    assert.ok(file, `${card} is not in dist/`);
    assert.deepEqual(pngSize(file), { width: 1200, height: 630 }, card);
    assert.ok(!cards.has(card));
    cards.add(card);

    {
      const path = `/stories/${comparison.slug}/`;
      const meta = metaOf(path);
      const image = meta('og:image');
      assert.ok(image, `${path}: no og:image`);
      const url = new URL(image);
      assert.equal(url.origin, new URL(meta('og:url') ?? '').origin, `${path}: og:image is not an absolute URL on the site`);
      assert.equal(url.pathname, card, `${path}: og:image is not its story's card`);
      assert.equal(meta('twitter:image'), image, `${path}: twitter:image is not the og:image`);
      assert.equal(meta('twitter:card'), 'summary_large_image', `${path}: twitter:card`);
      assert.equal(meta('og:image:type'), 'image/png', `${path}: og:image:type`);
      assert.equal(meta('og:image:width'), '1200', `${path}: og:image:width`);
      assert.equal(meta('og:image:height'), '630', `${path}: og:image:height`);
      const alt = meta('og:image:alt') ?? '';
      assert.ok(alt.includes(comparison.title), `${path}: og:image:alt does not name the story: ${alt}`);
      assert.equal(meta('twitter:image:alt'), alt, `${path}: twitter:image:alt is not the og:image:alt`);
    }
  }
});

test("the card's text alternative names every outlet of the story and its shared and single-report claim counts", () => {
  for (const comparison of stories) {
    const claims = comparison.reports.flatMap((report) => report.claims);
    const shared = claims.filter((claim) => claim.counterparts.length > 0).length;
    const alt = metaOf(`/stories/${comparison.slug}/`)('og:image:alt') ?? '';
    for (const report of comparison.reports) assert.ok(alt.includes(report.outlet), `${comparison.slug}: the alt does not name ${report.outlet}: ${alt}`);
    assert.ok(alt.includes(`${shared} of ${claims.length} claims shared`), `${comparison.slug}: ${alt}`);
    assert.ok(alt.includes(`${claims.length - shared} only in one report`), `${comparison.slug}: ${alt}`);
  }
});

test("sharing a claim hands over its permalink, its own words and its outlet, read from its page, whose preview is the story's card", () => {
  for (const comparison of stories) {
    for (const report of comparison.reports) {
      for (const claim of report.claims) {
        const [path = ''] = claim.context.split('#');
        const page = readPage(path, site.dist);
        const detail = select(`details[data-detail-of="${claim.id}"]`, page);
        assert.ok(detail, `${claim.context}: no detail`);
        // What claim-share.ts passes on: the detail's link to the claim, the claim's text and its column's outlet.
        assert.equal(attribute(select('a.cr-permalink', detail), 'href'), claim.context, `${claim.context}: the shared address is not the permalink`);
        const element = select(`[id="${claim.id}"]`, page);
        assert.equal(textOf(select('.cr-claim-text', element ?? page)), collapse(claim.text), `${claim.context}: the claim's text`);
        const column = select(`article.cr-report[data-report="${report.slug}"]`, page);
        assert.equal(textOf(select('.cr-report-outlet', column ?? page)), report.outlet, `${claim.context}: the outlet of its column`);
        assert.equal(textOf(select('main h1', page)), comparison.title, `${path}: the story's title`);
        assert.equal(new URL(metaOf(path)('og:image') ?? 'x:').pathname, `/stories/${comparison.slug}/card.png`, `${path}: the preview is not the story's card`);
      }
    }
  }
});
