import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { select } from 'hast-util-select';
import { claimPagePath, readComparison } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import { attribute, readPage, resolveDistFile } from '../helpers/read-dist.ts';

/** Width and height from a PNG's IHDR chunk, after the 8-byte signature and the chunk's length and type. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is not a PNG`);
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR', `${file} has no IHDR chunk first`);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

for (const story of readContent()) {
  describe(`the share cards of ${story.slug}`, () => {
    test('every claim page shares a 1200x630 PNG card of its own through Open Graph and Twitter', () => {
      const comparison = readComparison(story.slug);
      const cards = new Set<string>();
      for (const claim of comparison.reports.flatMap((report) => report.claims)) {
        const path = claimPagePath(story.slug, claim.id);
        const page = readPage(path);
        const meta = (name: string) => attribute(select(`meta[property="${name}"], meta[name="${name}"]`, page), 'content');

        const image = meta('og:image');
        assert.ok(image, `${path}: no og:image`);
        assert.equal(meta('twitter:image'), image, `${path}: twitter:image is not the og:image`);
        assert.equal(meta('twitter:card'), 'summary_large_image', `${path}: twitter:card`);
        assert.ok(meta('og:image:alt')?.trim(), `${path}: og:image:alt is empty`);

        const url = new URL(image);
        assert.equal(url.origin, new URL(meta('og:url') ?? '').origin, `${path}: og:image is not an absolute URL on the site`);
        assert.match(url.pathname, /\.png$/, `${path}: og:image is not a PNG`);
        const file = resolveDistFile(url.pathname);
        assert.ok(file, `${path}: og:image ${url.pathname} is not in dist/`);
        assert.deepEqual(pngSize(file), { width: 1200, height: 630 }, `${path}: ${url.pathname}`);
        assert.equal(meta('og:image:width'), '1200', `${path}: og:image:width`);
        assert.equal(meta('og:image:height'), '630', `${path}: og:image:height`);

        assert.ok(!cards.has(url.pathname), `${path}: shares the card of another claim`);
        cards.add(url.pathname);
      }
    });
  });
}
