import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheFolder } from '../build/cache-folder.ts';
import { pngEncoding } from './encode-png.ts';
import type { CardElement } from './story-card.ts';

/** Where drawn cards are kept between builds (see cacheFolder). */
export const cardCacheDir = cacheFolder('cards');

const require = createRequire(import.meta.url);

/**
 * The versions of everything that draws a card besides its tree, and how its PNG is encoded: a new version of
 * one redraws every card.
 */
const drawingVersions = ['satori', '@resvg/resvg-js', '@fontsource/source-serif-4', '@fontsource/inter']
  .map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`)
  .concat(pngEncoding)
  .join(' ');

/**
 * The PNG of `card`, drawn by `draw` only when no earlier build drew the same tree with the same libraries and
 * fonts: the key is a digest of both, so a change to the card's design or text never reuses a stale image.
 */
export async function cachedCard(card: CardElement, draw: (card: CardElement) => Promise<Buffer>): Promise<Buffer> {
  const key = createHash('sha256').update(drawingVersions).update(JSON.stringify(card)).digest('hex');
  const file = join(cardCacheDir, key.slice(0, 2), `${key}.png`);
  try {
    return await readFile(file);
  } catch {
    const png = await draw(card);
    await mkdir(join(cardCacheDir, key.slice(0, 2)), { recursive: true });
    // Written aside then renamed, so a build that stops half-way never leaves a truncated card behind.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, png);
    await rename(partial, file);
    return png;
  }
}
