// Draws the app icons (public/icons/*.png) with no image library: shapes are rasterised with
// 4×4 supersampling and written as PNG with node:zlib. Run: `npx tsx scripts/make-icons.ts`.
// The design: a light page with three purple lines on the app's purple (#5b3e96). The maskable
// icon fills the whole square and keeps the page inside the central 80 % safe zone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
/** Coverage test in unit coordinates (0..1 across the icon). */
type Shape = (x: number, y: number) => boolean;

const PURPLE: Rgba = [0x5b, 0x3e, 0x96, 255];
const PAPER: Rgba = [0xfa, 0xf7, 0xf2, 255];
const LINE: Rgba = [0x8a, 0x6c, 0xc4, 255];

function roundedRect(cx: number, cy: number, width: number, height: number, radius: number): Shape {
  return (x, y) => {
    const dx = Math.max(Math.abs(x - cx) - (width / 2 - radius), 0);
    const dy = Math.max(Math.abs(y - cy) - (height / 2 - radius), 0);
    return dx * dx + dy * dy <= radius * radius;
  };
}

interface Layer {
  shape: Shape;
  color: Rgba;
}

function iconLayers(maskable: boolean): Layer[] {
  // The glyph is drawn around the centre and scaled down for the maskable safe zone.
  const scale = maskable ? 0.92 : 1;
  const at = (offset: number) => 0.5 + offset * scale;
  const size = (value: number) => value * scale;
  const background = maskable ? () => true : roundedRect(0.5, 0.5, 1, 1, 0.22);
  const lines: Layer[] = [-0.1, 0, 0.1].map((offset, index) => ({
    shape: roundedRect(
      at(index === 2 ? -0.04 : 0),
      at(offset + 0.02),
      size(index === 2 ? 0.22 : 0.3),
      size(0.04),
      size(0.02),
    ),
    color: LINE,
  }));
  return [
    { shape: background, color: PURPLE },
    { shape: roundedRect(0.5, at(0.01), size(0.46), size(0.56), size(0.05)), color: PAPER },
    { shape: roundedRect(at(0), at(-0.19), size(0.3), size(0.05), size(0.025)), color: PURPLE },
    ...lines,
  ];
}

function render(sizePx: number, layers: Layer[]): Buffer {
  const samples = 4;
  const rowBytes = sizePx * 4 + 1;
  const raw = Buffer.alloc(rowBytes * sizePx);
  for (let py = 0; py < sizePx; py++) {
    raw[py * rowBytes] = 0; // filter type: none
    for (let px = 0; px < sizePx; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / sizePx;
          const y = (py + (sy + 0.5) / samples) / sizePx;
          let color: Rgba = [0, 0, 0, 0];
          for (const layer of layers) if (layer.shape(x, y)) color = layer.color;
          // Premultiply so edges against transparency blend correctly.
          sum[0]! += (color[0] * color[3]) / 255;
          sum[1]! += (color[1] * color[3]) / 255;
          sum[2]! += (color[2] * color[3]) / 255;
          sum[3]! += color[3];
        }
      }
      const n = samples * samples;
      const alpha = sum[3]! / n;
      const offset = py * rowBytes + 1 + px * 4;
      for (let channel = 0; channel < 3; channel++) {
        raw[offset + channel] = alpha === 0 ? 0 : Math.round(((sum[channel]! / n) * 255) / alpha);
      }
      raw[offset + 3] = Math.round(alpha);
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(sizePx: number, rgbaRows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(sizePx, 0);
  header.writeUInt32BE(sizePx, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rgbaRows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '../public/icons');
mkdirSync(outDir, { recursive: true });
const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];
for (const icon of icons) {
  const png = encodePng(icon.size, render(icon.size, iconLayers(icon.maskable)));
  writeFileSync(resolve(outDir, icon.file), png);
  console.log(`${icon.file}: ${png.length} bytes`);
}
