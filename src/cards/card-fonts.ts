import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Font, FontWeight } from 'satori';

/**
 * Fontsource ships each font split by script. Satori keeps one face per name, weight and style, so each subset
 * is loaded under a name of its own and the card's font stacks list them all: Latin, Latin Extended, Cyrillic,
 * Greek and Vietnamese text finds its glyphs. Other scripts have none here and are drawn as the font's
 * "missing glyph" box; satori does not fail on them.
 */
const subsets = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'];

const stack = (family: string) => subsets.map((subset) => `'${family} ${subset}'`).join(', ');

/** The `fontFamily` values the card's styles use (see story-card.ts). */
export const cardFamilies = { serif: stack('Source Serif 4'), sans: stack('Inter') } as const;

/** The faces the card uses: the title in the serif, everything else in Inter. */
const faces: { family: string; file: string; weight: FontWeight }[] = [
  { family: 'Source Serif 4', file: '@fontsource/source-serif-4/files/source-serif-4-{subset}-600-normal.woff', weight: 600 },
  { family: 'Inter', file: '@fontsource/inter/files/inter-{subset}-400-normal.woff', weight: 400 },
  { family: 'Inter', file: '@fontsource/inter/files/inter-{subset}-700-normal.woff', weight: 700 },
];

// Resolved through the package's exports from wherever this module runs (source or Astro's bundle), so no
// path is tied to one checkout; satori reads .woff (and not every version reads .woff2).
const require = createRequire(import.meta.url);

let loading: Promise<Font[]> | undefined;

/**
 * The card fonts, read from node_modules once per process: every call returns the same array, which also lets
 * satori keep its parsed copy of the fonts between renders. No network is involved.
 */
export function cardFonts(): Promise<Font[]> {
  loading ??= Promise.all(
    faces.flatMap(({ family, file, weight }) =>
      subsets.map(async (subset): Promise<Font> => {
        const data = await readFile(require.resolve(file.replace('{subset}', subset)));
        return { name: `${family} ${subset}`, data, weight, style: 'normal' };
      }),
    ),
  );
  return loading;
}
