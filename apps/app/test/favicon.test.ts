import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32, inflateSync } from 'node:zlib';
import { buildFavicon, drawIcon } from '../scripts/favicon';

/** The PNGs inside an ICO, read back by its directory. */
function icoImages(ico: Buffer): { size: number; png: Buffer }[] {
  assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2)], [0, 1], 'an icon file');
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return { size: ico.readUInt8(entry), png: ico.subarray(offset, offset + length) };
  });
}

/** A PNG's chunks with their CRCs checked, and its pixels unfiltered (the encoder writes filter 0 rows). */
function readPng(png: Buffer): { width: number; pixels: Buffer } {
  assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a');
  let at = 8;
  let width = 0;
  const data: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('ascii');
    const body = png.subarray(at + 8, at + 8 + length);
    assert.equal(png.readUInt32BE(at + 8 + length), crc32(png.subarray(at + 4, at + 8 + length)), `${type} CRC`);
    if (type === 'IHDR') width = body.readUInt32BE(0);
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  const pixels = Buffer.concat(Array.from({ length: width }, (_, y) => rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))));
  return { width, pixels };
}

describe('the favicon', () => {
  it('is an ICO of 16, 32 and 48 px PNGs that decode to the drawn pixels', () => {
    const images = icoImages(buildFavicon());
    assert.deepEqual(images.map((image) => image.size), [16, 32, 48]);
    for (const { size, png } of images) {
      const { width, pixels } = readPng(png);
      assert.equal(width, size);
      assert.deepEqual(pixels, Buffer.from(drawIcon(size)));
    }
  });

  it('shows a red heart on a light card, with transparent rounded corners', () => {
    const size = 48;
    const pixels = drawIcon(size);
    const at = (x: number, y: number) => Array.from(pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4));
    const [r, g, b, a] = at(size / 2, size / 2);
    assert.ok(a === 255 && r > 150 && g < 80 && b < 80, `centre ${[r, g, b, a]}`);
    assert.equal(at(0, 0)[3], 0, 'corner');
    const [cr, cg, cb] = at(size / 2, Math.round(size * 0.2));
    assert.ok(cr > 200 && cg > 200 && cb > 200, 'card above the heart');
  });
});
