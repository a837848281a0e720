#!/usr/bin/env node
// Draws images/icon.png (128×128 RGBA, the Marketplace icon) with nothing but node:zlib: a blue
// rounded square, a white heptagon ring (the Kubernetes wheel's outline) and a white check mark.
// 4×4 supersampling for smooth edges. usage: node images/make-icon.mjs [out.png] [size]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const out = process.argv[2] || path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
const SIZE = Number(process.argv[3]) || 128;
const S = SIZE / 128; // all geometry below is in 128-px units
const BLUE = [50, 108, 229]; // #326CE5
const DARK = [30, 72, 170];
const WHITE = [255, 255, 255];

// --- geometry (128 units) ---------------------------------------------------------------------
const insideRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const heptagon = (cx, cy, r) => Array.from({ length: 7 }, (_, i) => {
  const a = -Math.PI / 2 + (i * 2 * Math.PI) / 7;
  return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
});
const insidePolygon = (x, y, pts) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i], [xj, yj] = pts[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const distToSegment = (x, y, [ax, ay], [bx, by]) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
};
const outer = heptagon(64, 66, 50);
const inner = heptagon(64, 66, 39);
const check = [[41, 67], [57, 83], [88, 49]];

/** Colour of one sample point, or undefined (transparent). */
function sample(x, y) {
  if (!insideRoundedRect(x, y, 2, 2, 126, 126, 24)) return undefined;
  if (distToSegment(x, y, check[0], check[1]) <= 6.5 || distToSegment(x, y, check[1], check[2]) <= 6.5) return WHITE;
  if (insidePolygon(x, y, outer) && !insidePolygon(x, y, inner)) return WHITE;
  // a slight vertical gradient
  const t = y / 128;
  return BLUE.map((c, i) => Math.round(c * (1 - 0.35 * t) + DARK[i] * 0.35 * t));
}

// --- raster -----------------------------------------------------------------------------------
const N = 4;
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < N; sy++) for (let sx = 0; sx < N; sx++) {
      const c = sample((px + (sx + 0.5) / N) / S, (py + (sy + 0.5) / N) / S);
      if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((255 * a) / (N * N));
  }
}

// --- PNG --------------------------------------------------------------------------------------
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`icon: ${out} (${SIZE}×${SIZE}, ${png.length} bytes)`);
