/**
 * Draws a handful of small, real PNG images (seeded gradients with a disc) and names them
 * the way `sanity dataset export` does: `images/<sha1>-<w>x<h>.png`.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { Random } from './random.ts';

/** One image file of the export, and the asset string documents use to point at it. */
export interface ExportImage {
  fileName: string;
  bytes: Buffer;
  width: number;
  height: number;
  /** `image@file://./images/<file name>` */
  asset: string;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** Encodes 8-bit RGB pixels (`width * height * 3` bytes) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  if (rgb.length !== width * height * 3) {
    throw new Error(`encodePng: expected ${width * height * 3} bytes of RGB, got ${rgb.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, default compression/filter/interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const offset = y * (width * 3 + 1);
    rows[offset] = 0; // filter: none
    rows.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), offset + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Draws `count` distinct images of `width` × `height` pixels. */
export function drawImages(
  random: Random,
  count: number,
  width = 640,
  height = 360,
): ExportImage[] {
  const images: ExportImage[] = [];
  for (let index = 0; index < count; index += 1) {
    const from = [random.int(0, 255), random.int(0, 255), random.int(0, 255)] as const;
    const to = [random.int(0, 255), random.int(0, 255), random.int(0, 255)] as const;
    const disc = { x: random.int(0, width), y: random.int(0, height), r: random.int(40, 140) };
    const rgb = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const t = (x + y) / (width + height);
        const inside = (x - disc.x) ** 2 + (y - disc.y) ** 2 < disc.r ** 2;
        const at = (y * width + x) * 3;
        for (let c = 0; c < 3; c += 1) {
          const value = Math.round((from[c] ?? 0) * (1 - t) + (to[c] ?? 0) * t);
          rgb[at + c] = inside ? 255 - value : value;
        }
      }
    }
    const bytes = encodePng(width, height, rgb);
    const sha1 = createHash('sha1').update(bytes).digest('hex');
    const fileName = `${sha1}-${width}x${height}.png`;
    images.push({ fileName, bytes, width, height, asset: `image@file://./images/${fileName}` });
  }
  return images;
}
