import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { cardFonts } from './card-fonts.ts';
import { encodePng } from './encode-png.ts';
import { cardSize, type CardElement } from './story-card.ts';

/**
 * Draws a card tree as a PNG of `cardSize`: one satori layout to SVG (text as paths, so resvg needs no fonts),
 * then one resvg rasterisation, whose pixels encodePng writes (resvg's own PNG encoder took 40 % of a card's
 * time). Characters the fonts lack are drawn as empty boxes: no `loadAdditionalAsset` is given, so nothing is
 * fetched. Throws on a style satori cannot apply, since every style is ours.
 */
export async function renderCard(card: CardElement): Promise<Buffer> {
  const styleErrors: string[] = [];
  const svg = await satori(card, {
    ...cardSize,
    fonts: await cardFonts(),
    onStyleError: (error) => styleErrors.push(error.message),
  });
  if (styleErrors.length > 0) throw new Error(`The card uses styles satori cannot apply: ${styleErrors.join('; ')}`);
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } });
  const image = resvg.render();
  return encodePng(image.pixels, image.width, image.height);
}
