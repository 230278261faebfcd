// Shared helpers: SVG -> PNG (resvg), then a small palette PNG (sharp / libimagequant).
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import fs from 'node:fs';
import path from 'node:path';

export function rasterise(svg, width) {
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
    shapeRendering: 2,
    imageRendering: 0,
  });
  return r.render().asPng();
}

/** Writes `png` to `file` as a quantised palette PNG; returns its size in bytes. */
export async function savePalette(png, file, { colors = 128, dither = 0.6 } = {}) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = await sharp(png)
    .png({ palette: true, colors, dither, effort: 10, compressionLevel: 9 })
    .toBuffer();
  fs.writeFileSync(file, out);
  return out.length;
}

/** Writes a white-on-transparent icon as grey+alpha PNG (the game tints it). */
export async function saveGreyAlpha(png, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = await sharp(png)
    .toColourspace('b-w')
    .png({ compressionLevel: 9, effort: 10, adaptiveFiltering: true })
    .toBuffer();
  fs.writeFileSync(file, out);
  return out.length;
}

export function kb(n) {
  return `${(n / 1024).toFixed(1)} KB`;
}
