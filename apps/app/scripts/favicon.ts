/**
 * Draws the site icon, so the browser's automatic request for /favicon.ico finds one (a 404 otherwise shows in the
 * console on every visit): a white card with a red heart on the table's green, in an ICO holding 16, 32 and 48 px
 * PNGs. Drawn here from shapes, so the project owns every pixel and needs no image tool.
 */
import { deflateSync, crc32 } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const FELT: Rgba = [11, 61, 46, 255];
const GOLD: Rgba = [232, 195, 90, 255];
const CARD: Rgba = [250, 247, 238, 255];
const HEART: Rgba = [204, 36, 48, 255];

/** Signed distance to a rounded rectangle centred at the origin (negative inside). */
function roundedRect(x: number, y: number, halfW: number, halfH: number, radius: number): number {
  const qx = Math.abs(x) - halfW + radius;
  const qy = Math.abs(y) - halfH + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Inside the classic heart curve (x² + y² − 1)³ ≤ x²y³, y pointing up, about 2.3 units wide. */
function inHeart(x: number, y: number): boolean {
  const a = x * x + y * y - 1;
  return a * a * a - x * x * y * y * y <= 0;
}

/** The colour at a point of the unit square (0..1, y down). */
function colourAt(u: number, v: number): Rgba | null {
  const x = u - 0.5;
  const y = v - 0.5;
  if (roundedRect(x, y, 0.5, 0.5, 0.2) > 0) return null;
  if (roundedRect(x, y, 0.5, 0.5, 0.2) > -0.05) return GOLD;
  if (roundedRect(x, y, 0.3, 0.38, 0.07) > 0) return FELT;
  return inHeart(x / 0.17, -(y - 0.02) / 0.17) ? HEART : CARD;
}

/** RGBA pixels of a size×size icon, each pixel the average of 4×4 samples (smooth edges at 16 px). */
export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (colour === null) continue;
          for (let c = 0; c < 3; c++) sum[c] += colour[c] * colour[3];
          sum[3] += colour[3];
        }
      }
      const at = (py * size + px) * 4;
      const alpha = sum[3] / (samples * samples);
      for (let c = 0; c < 3; c++) pixels[at + c] = sum[3] === 0 ? 0 : Math.round(sum[c] / sum[3]);
      pixels[at + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of RGBA pixels: 8 bits a channel, no filtering (the images are tiny). */
export function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

/** An ICO file whose images are PNGs (every browser of the last decade reads them). */
export function encodeIco(pngs: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map(({ png }) => png)]);
}

export function buildFavicon(): Buffer {
  return encodeIco([16, 32, 48].map((size) => ({ size, png: encodePng(size, drawIcon(size)) })));
}
