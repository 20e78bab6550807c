import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { projectPaths } from '../helpers/project-paths.ts';

/**
 * The README's pictures: every local file it links or shows exists, and its screenshots cover each page at a
 * desktop and a phone width in both colour schemes, each picture really that wide.
 */

const readme = readFileSync(join(projectPaths.root, 'README.md'), 'utf8');

/** Local targets of markdown links and images and of HTML `src`/`href` attributes, without their #fragment. */
const localTargets = [...readme.matchAll(/\]\(([^)\s]+)\)|\b(?:src|href)="([^"]+)"/g)]
  .map((found) => (found[1] ?? found[2])!)
  .filter((target) => !/^[a-z]+:|^#/i.test(target))
  .map((target) => target.split('#')[0]!);

/** A PNG's width in pixels, from its IHDR chunk. */
function pngWidth(file: string): number {
  const bytes = readFileSync(file);
  assert.equal(bytes.toString('latin1', 1, 4), 'PNG', `${file} is not a PNG`);
  return bytes.readUInt32BE(16);
}

describe('the README', () => {
  test('links and shows only files that exist', () => {
    assert.ok(localTargets.length > 0, 'the README should show screenshots');
    const missing = localTargets.filter((target) => !existsSync(join(projectPaths.root, target)));
    assert.deepEqual(missing, []);
  });

  test('shows each page at 1280 and 390 px in the light and dark schemes', () => {
    const shots = localTargets.filter((target) => target.startsWith('docs/screenshots/'));
    const pages = new Set(shots.map((shot) => /([a-z]+)-\d+-(?:light|dark)\.png$/.exec(shot)?.[1]));
    assert.ok(pages.size >= 2, `expected screenshots of at least two pages, got ${[...pages].join(', ')}`);
    for (const page of pages) {
      for (const width of [1280, 390]) {
        for (const scheme of ['light', 'dark']) {
          const shot = `docs/screenshots/${page}-${width}-${scheme}.png`;
          assert.ok(shots.includes(shot), `the README does not show ${shot}`);
          assert.equal(pngWidth(join(projectPaths.root, shot)), width, `${shot} should be ${width} px wide`);
        }
      }
    }
  });
});
