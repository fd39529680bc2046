#!/usr/bin/env node
// Draws the add-in's icons and writes them to assets/ as PNG files.
// ImageMagick is not available on our machines, so this is a tiny rasteriser: every shape is
// a point-inclusion test in a unit square, painted in order and supersampled for smooth edges,
// then encoded as an RGBA PNG with zlib. Run `node scripts/make-icons.js` after changing it and
// commit the PNGs (the manifest validator checks that they exist and have the declared sizes).
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const ASSETS = path.join(__dirname, "..", "assets");

// Brand colours (RGB). The same blue is the task pane's accent.
const BRAND = [31, 95, 139];
const BRAND_DARK = [20, 63, 92];
const GRID = [150, 184, 209];
const WHITE = [255, 255, 255];
const GREEN = [46, 133, 64];

/** Rectangle with rounded corners, [x0,x1]×[y0,y1], corner radius r. */
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function rect(x0, y0, x1, y1) {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function disc(cx, cy, r) {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Ring between radii ri and ro, optionally leaving out angles (radians, y down) in [gapFrom, gapTo]. */
function ring(cx, cy, ri, ro, gapFrom, gapTo) {
  return (x, y) => {
    const d2 = (x - cx) ** 2 + (y - cy) ** 2;
    if (d2 < ri * ri || d2 > ro * ro) return false;
    if (gapFrom === undefined) return true;
    const a = Math.atan2(y - cy, x - cx);
    return !(a >= gapFrom && a <= gapTo);
  };
}

/** Segment from (ax,ay) to (bx,by) with round ends, half-width w. */
function capsule(ax, ay, bx, by, w) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w;
  };
}

function triangle(p, q, r) {
  const side = (a, b, x, y) => (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  return (x, y) => {
    const s1 = side(p, q, x, y);
    const s2 = side(q, r, x, y);
    const s3 = side(r, p, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

/**
 * The table every icon shares: a white sheet with a blue header row and grid lines.
 * `px` is one pixel in unit coordinates, so thin lines stay at least a pixel wide at 16×16.
 */
function tableLayers(px) {
  const line = Math.max(0.035, px);
  const border = Math.max(0.055, px);
  const [x0, y0, x1, y1] = [0.06, 0.1, 0.82, 0.86];
  const header = 0.31;
  return [
    [roundedRect(x0, y0, x1, y1, 0.07), BRAND],
    [roundedRect(x0 + border, header, x1 - border, y1 - border, 0.03), WHITE],
    [rect(0.31 - line / 2, header, 0.31 + line / 2, y1 - border), GRID],
    [rect(0.56 - line / 2, header, 0.56 + line / 2, y1 - border), GRID],
    [rect(x0 + border, 0.58 - line / 2, x1 - border, 0.58 + line / 2), GRID],
  ];
}

/** Add-in icon, group icon and "Open Scrutiny Sheets": the table under a magnifying glass. */
function magnifierIcon(px) {
  const [cx, cy] = [0.64, 0.62];
  return [
    ...tableLayers(px),
    [disc(cx, cy, 0.25), WHITE],
    [ring(cx, cy, 0.15, 0.23), BRAND_DARK],
    [capsule(0.8, 0.78, 0.93, 0.91, 0.06), BRAND_DARK],
  ];
}

/** "Refresh comparisons": the table with a circular arrow. */
function refreshIcon(px) {
  const [cx, cy] = [0.66, 0.64];
  const [ri, ro] = [0.14, 0.23];
  const gapFrom = (-115 * Math.PI) / 180;
  const gapTo = (-35 * Math.PI) / 180;
  // Arrowhead at the end of the clockwise arc (angle gapFrom), pointing along the direction of travel.
  const mid = (ri + ro) / 2;
  const [ex, ey] = [cx + mid * Math.cos(gapFrom), cy + mid * Math.sin(gapFrom)];
  const [nx, ny] = [Math.cos(gapFrom), Math.sin(gapFrom)];
  const [tx, ty] = [-Math.sin(gapFrom), Math.cos(gapFrom)];
  const half = 0.14;
  const arrow = triangle(
    [ex - nx * half, ey - ny * half],
    [ex + nx * half, ey + ny * half],
    [ex + tx * 0.15, ey + ty * 0.15]
  );
  return [
    ...tableLayers(px),
    [disc(cx, cy, 0.28), WHITE],
    [ring(cx, cy, ri, ro, gapFrom, gapTo), GREEN],
    [arrow, GREEN],
  ];
}

/** Paints the layers into an RGBA buffer, supersampling each pixel on an n×n grid. */
function render(size, draw, n = 8) {
  const layers = draw(1 / size);
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let colour = null;
          for (const [inside, c] of layers) if (inside(x, y)) colour = c;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      // Colour is averaged over covered samples only (unpremultiplied), alpha is the coverage.
      pixels[o] = a ? Math.round(r / a) : 0;
      pixels[o + 1] = a ? Math.round(g / a) : 0;
      pixels[o + 2] = a ? Math.round(b / a) : 0;
      pixels[o + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes an RGBA buffer as a PNG (8-bit RGBA, no interlace, filter 0 on every row). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const ICONS = [
  ...[16, 32, 64, 80, 128].map((size) => ({ name: `icon-${size}.png`, size, draw: magnifierIcon })),
  ...[16, 32, 80].map((size) => ({ name: `refresh-${size}.png`, size, draw: refreshIcon })),
];

function main() {
  fs.mkdirSync(ASSETS, { recursive: true });
  for (const { name, size, draw } of ICONS) {
    fs.writeFileSync(path.join(ASSETS, name), encodePng(size, render(size, draw)));
    process.stdout.write(`assets/${name} (${size}x${size})\n`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, ICONS };
