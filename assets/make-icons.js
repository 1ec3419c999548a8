#!/usr/bin/env node
/*
 * Draws the KA Planner icon (a rising bar chart, white on an Office-green rounded square) and
 * writes it as real RGBA PNGs: icon-16.png, icon-32.png, icon-64.png, icon-80.png; and the icon of
 * the ribbon's 80/20 button (falling Pareto bars, the biggest customer first):
 * pareto-icon-16.png, pareto-icon-32.png, pareto-icon-80.png. For the unified manifest (Microsoft 365
 * app package): color-192.png (the icon at 192x192) and outline-32.png (the same drawing as a
 * white outline on transparent, which the unified manifest requires for its outline icon).
 *
 * Deterministic and dependency-free: the shape is defined on a 16-unit grid (every size is a
 * whole multiple of 16, so bar edges fall on pixel borders), each pixel is 8x8 supersampled for
 * the rounded corners, and the PNG is assembled by hand (signature, IHDR, IDAT via node's zlib,
 * IEND, each chunk with its CRC-32).
 *
 * Usage: node assets/make-icons.js      (rewrites the PNGs next to this script)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const GREEN = [0x21, 0x73, 0x46]; // Office/Excel green #217346
const WHITE = [0xff, 0xff, 0xff];
const GRID = 16;
const CORNER = 3; // corner radius of the background square, in grid units
/** Bars of the chart in grid units: [left, top, right, bottom]. */
const BARS = [
  [3, 9, 5, 13],
  [7, 6, 9, 13],
  [11, 3, 13, 13],
];
/** The 80/20 button: Pareto bars, largest first. */
const PARETO_BARS = [
  [2, 3, 5, 13],
  [6, 7, 8, 13],
  [9, 9, 11, 13],
  [12, 11, 14, 13],
];
const PARETO_SIZES = [16, 32, 80];
/** Unified manifest icons: the full-colour one and the white outline one. */
const COLOR_SIZE = 192;
const OUTLINE_SIZE = 32;
/** Width of the outline's border, in grid units (one pixel at 32x32 would vanish when scaled). */
const OUTLINE_WIDTH = 1;
const SUPERSAMPLE = 8;

function insideRoundedSquare(x, y) {
  if (x < 0 || y < 0 || x > GRID || y > GRID) return false;
  const cx = Math.min(Math.max(x, CORNER), GRID - CORNER);
  const cy = Math.min(Math.max(y, CORNER), GRID - CORNER);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= CORNER * CORNER;
}

function insideBar(x, y, bars = BARS) {
  return bars.some(([l, t, r, b]) => x >= l && x < r && y >= t && y < b);
}

/** RGBA pixels of the icon at `size` x `size`. */
function drawIcon(size, bars = BARS) {
  const scale = size / GRID;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let shape = 0;
      let bar = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / scale;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / scale;
          if (insideRoundedSquare(x, y)) {
            shape++;
            if (insideBar(x, y, bars)) bar++;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (shape === 0) continue; // fully transparent
      const whiteShare = bar / shape;
      for (let c = 0; c < 3; c++) {
        rgba[i + c] = Math.round(GREEN[c] * (1 - whiteShare) + WHITE[c] * whiteShare);
      }
      rgba[i + 3] = Math.round((255 * shape) / (SUPERSAMPLE * SUPERSAMPLE));
    }
  }
  return rgba;
}

/**
 * The outline icon: white, transparent elsewhere; the rounded square's border and the bars,
 * so it reads as the same icon where Microsoft 365 draws outlines (Teams' app bar).
 */
function drawOutline(size) {
  const scale = size / GRID;
  const rgba = Buffer.alloc(size * size * 4);
  const inset = (x) => x - OUTLINE_WIDTH;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let white = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / scale;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / scale;
          if (!insideRoundedSquare(x, y)) continue;
          // Inside the square: white on its border band or on a bar.
          const inner = insideRoundedSquare((inset(x) * GRID) / (GRID - 2 * OUTLINE_WIDTH), (inset(y) * GRID) / (GRID - 2 * OUTLINE_WIDTH));
          if (!inner || insideBar(x, y)) white++;
        }
      }
      const i = (py * size + px) * 4;
      if (white === 0) continue;
      rgba[i] = rgba[i + 1] = rgba[i + 2] = 0xff;
      rgba[i + 3] = Math.round((255 * white) / (SUPERSAMPLE * SUPERSAMPLE));
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) for the given pixels. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  for (const size of SIZES) {
    const file = path.join(__dirname, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
  for (const size of PARETO_SIZES) {
    const file = path.join(__dirname, `pareto-icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size, PARETO_BARS)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
  const color = path.join(__dirname, `color-${COLOR_SIZE}.png`);
  fs.writeFileSync(color, encodePng(COLOR_SIZE, COLOR_SIZE, drawIcon(COLOR_SIZE)));
  const outline = path.join(__dirname, `outline-${OUTLINE_SIZE}.png`);
  fs.writeFileSync(outline, encodePng(OUTLINE_SIZE, OUTLINE_SIZE, drawOutline(OUTLINE_SIZE)));
  console.log(`wrote ${path.relative(process.cwd(), color)} and ${path.relative(process.cwd(), outline)}`);
}

if (require.main === module) main();

module.exports = { drawIcon, drawOutline, encodePng, crc32, SIZES, BARS, PARETO_BARS, PARETO_SIZES, COLOR_SIZE, OUTLINE_SIZE };
