import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from '../../src/cards/encode-png.ts';
import { decodePng } from '../helpers/decode-png.ts';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="24" viewBox="0 0 40 24">
  <rect width="40" height="24" fill="#fbfaf7"/><circle cx="12" cy="12" r="9" fill="#1b58a3"/>
  <path d="M22 4 L38 20" stroke="#a0421a" stroke-width="3" stroke-opacity="0.6"/><rect x="30" y="2" width="8" height="6" fill="#000" fill-opacity="0.3"/>
</svg>`;

test('a PNG encodePng writes holds the very pixels of the PNG resvg writes', () => {
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  const ours = decodePng(encodePng(image.pixels, image.width, image.height));
  const theirs = decodePng(image.asPng());
  assert.deepEqual({ width: ours.width, height: ours.height }, { width: 40, height: 24 });
  assert.ok(ours.pixels.equals(theirs.pixels), 'the pixels differ');
});

test('the same pixels give the same bytes', () => {
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  assert.ok(encodePng(image.pixels, image.width, image.height).equals(encodePng(Buffer.from(image.pixels), image.width, image.height)));
});

test('pixels that are not width x height RGBA are refused', () => {
  assert.throws(() => encodePng(new Uint8Array(10), 2, 2), /not 2x2 RGBA pixels/);
});
