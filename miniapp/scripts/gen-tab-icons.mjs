// Generates the tab-bar icons (81x81 PNG, grey + brand colour) with Node built-ins only.
// Run: node scripts/gen-tab-icons.mjs   (the PNGs are committed; rerun after changing a shape)
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const SS = 4; // supersamples per axis
const STROKE = 5.5;
const COLORS = { normal: [0x8a, 0x8f, 0x99], active: [0x1f, 0x9e, 0x8c] };
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tabbar');

// --- geometry: each shape answers "is this point inked?" ---
const segDist = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};
const line =
  (ax, ay, bx, by, w = STROKE) =>
  (x, y) =>
    segDist(x, y, ax, ay, bx, by) <= w / 2;
const polyline =
  (pts, w = STROKE) =>
  (x, y) =>
    pts.slice(1).some((p, i) => segDist(x, y, pts[i][0], pts[i][1], p[0], p[1]) <= w / 2);
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r;
const ring =
  (cx, cy, r, w = STROKE) =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
const rrectDist = (x, y, x0, y0, x1, y1, r) => {
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r),
    qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const rrectOutline =
  (x0, y0, x1, y1, r, w = STROKE) =>
  (x, y) =>
    Math.abs(rrectDist(x, y, x0, y0, x1, y1, r)) <= w / 2;
const rrectFill = (x0, y0, x1, y1, r) => (x, y) => rrectDist(x, y, x0, y0, x1, y1, r) <= 0;
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));

const ICONS = {
  home: union(
    polyline([
      [12, 40],
      [40.5, 14],
      [69, 40],
    ]),
    polyline([
      [20, 34],
      [20, 67],
      [61, 67],
      [61, 34],
    ]),
    polyline([
      [34, 67],
      [34, 50],
      [47, 50],
      [47, 67],
    ]),
  ),
  articles: union(rrectOutline(18, 11, 63, 70, 6), line(28, 28, 53, 28), line(28, 40, 53, 40), line(28, 52, 44, 52)),
  scales: union(
    rrectOutline(17, 16, 64, 71, 6),
    rrectFill(30, 9, 51, 21, 4),
    polyline([
      [28, 45],
      [37, 54],
      [54, 35],
    ]),
  ),
  events: union(
    rrectOutline(13, 18, 68, 69, 6),
    rrectFill(13, 18, 68, 33, 6),
    line(28, 10, 28, 24),
    line(53, 10, 53, 24),
    disc(30, 47, 3.6),
    disc(40.5, 47, 3.6),
    disc(51, 47, 3.6),
    disc(30, 58, 3.6),
    disc(40.5, 58, 3.6),
  ),
  me: union(ring(40.5, 27, 11.5), (x, y) => y <= 68 && Math.abs(Math.hypot((x - 40.5) / 24, (y - 70) / 22) - 1) * 22 <= STROKE / 2, line(16.5, 69, 64.5, 69)),
};

// --- PNG encoding ---
const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
function encodePng(shape, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          if (shape(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS)) hits++;
        }
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((hits / (SS * SS)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [variant, color] of Object.entries(COLORS)) {
    const file = join(outDir, `${name}${variant === 'active' ? '-active' : ''}.png`);
    const png = encodePng(shape, color);
    writeFileSync(file, png);
    console.log(`${file} ${png.length} B`);
  }
}

// The station marker of the directory's map (packageBookings, so it does not weigh on the main package):
// a brand-coloured pin, its tip at the bottom centre.
const pin = (x, y) => {
  const inHead = Math.hypot(x - 40.5, y - 29) <= 25;
  // The tail: between the two tangents from the tip (40.5, 79) to the head.
  const inTail = y >= 29 && y <= 79 && Math.abs(x - 40.5) <= ((79 - y) / 50) * 21;
  const inHole = Math.hypot(x - 40.5, y - 29) <= 9;
  return (inHead || inTail) && !inHole;
};
const markerDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'packageBookings', 'assets');
mkdirSync(markerDir, { recursive: true });
const markerPng = encodePng(pin, COLORS.active);
writeFileSync(join(markerDir, 'marker.png'), markerPng);
console.log(`${join(markerDir, 'marker.png')} ${markerPng.length} B`);
