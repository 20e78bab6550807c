import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from '../../src/cards/encode-png.ts';

/** The RGBA pixels of an 8-bit RGBA PNG (colour type 6, not interlaced), rows unfiltered whatever their filter. */
function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
      assert.deepEqual([...body.subarray(8)], [8, 6, 0, 0, 0], 'not an 8-bit RGBA PNG without interlace');
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = rows[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const paeth = () => {
        const [a, b, c] = [Math.abs(up - upLeft), Math.abs(left - upLeft), Math.abs(left + up - 2 * upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predicted = [0, left, up, (left + up) >> 1, filter === 4 ? paeth() : 0][filter]!;
      pixels[y * stride + x] = (rows[y * (stride + 1) + 1 + x]! + predicted) & 0xff;
    }
  }
  return { width, height, pixels };
}

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
