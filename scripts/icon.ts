/**
 * Draws media/icon.png, the 128×128 extension icon package.json names (the Marketplace and the Extensions view
 * want a PNG; media/ssm-policy-studio.svg, the activity-bar glyph, is the same shield and check mark): a white
 * shield with the check cut out, on a rounded navy square. Plain Node (node:zlib), no image library.
 *
 *   npx tsx scripts/icon.ts     rewrites media/icon.png
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export const ICON_SIZE = 128;

type Point = readonly [number, number];
type Rgb = readonly [number, number, number];

const NAVY: Rgb = [0x1e, 0x3a, 0x5f];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** media/ssm-policy-studio.svg's shield, in its 24-unit viewBox: two lines, a cubic down to the tip, a cubic back up. */
function shieldOutline(): Point[] {
  const cubic = (p0: Point, p1: Point, p2: Point, p3: Point, steps = 48): Point[] =>
    Array.from({ length: steps }, (_, i) => {
      const t = (i + 1) / steps;
      const u = 1 - t;
      return [
        u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
        u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
      ] as const;
    });
  return [[12, 2.5], [4, 5.5], [4, 11.5], ...cubic([4, 11.5], [4, 16.3], [7.4, 20.1], [12, 21.5]), ...cubic([12, 21.5], [16.6, 20.1], [20, 16.3], [20, 11.5]), [20, 5.5]];
}

/** The svg's check mark, a polyline. */
const CHECK: Point[] = [[8.5, 12], [11, 14.5], [15.5, 9.5]];

function insidePolygon(poly: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment([ax, ay]: Point, [bx, by]: Point, x: number, y: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function insideRoundedSquare(x: number, y: number, size: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return x >= 0 && y >= 0 && x <= size && y <= size && Math.hypot(x - cx, y - cy) <= radius;
}

/** The icon's pixels, RGBA, row by row; each pixel averages 4×4 samples. */
export function drawIcon(size = ICON_SIZE): Uint8Array {
  const scale = (size * 0.72) / 19; // the shield is 19 units tall
  const toIcon = ([x, y]: Point): Point => [size / 2 + (x - 12) * scale, size / 2 + (y - 12) * scale];
  const shield = shieldOutline().map(toIcon);
  const check = CHECK.map(toIcon);
  const checkHalfWidth = 1.2 * scale;
  const radius = size * 0.18;
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = px + (sx + 0.5) / samples;
          const y = py + (sy + 0.5) / samples;
          if (!insideRoundedSquare(x, y, size, radius)) continue;
          const onCheck = distanceToSegment(check[0], check[1], x, y) <= checkHalfWidth || distanceToSegment(check[1], check[2], x, y) <= checkHalfWidth;
          const color = insidePolygon(shield, x, y) && !onCheck ? WHITE : NAVY;
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG of `rgba` (no filtering: each row starts with filter type 0). */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(rows, y * (1 + width * 4) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

if (require.main === module) {
  const out = join(__dirname, '..', 'media', 'icon.png');
  writeFileSync(out, encodePng(drawIcon(), ICON_SIZE, ICON_SIZE));
  console.log(`wrote ${out}`);
}
