// Dev aid, not part of the build: lays PNGs from a folder side by side on a dark background
// (like the game's UI) into one contact sheet, to look at them all at once.
// Usage: node preview.mjs DIR OUT.png [scale]
import sharp from 'sharp';
import fs from 'node:fs';
import path from 'node:path';

const [dir, out, scaleArg] = process.argv.slice(2);
const scale = Number(scaleArg ?? 1);
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
const metas = await Promise.all(files.map((f) => sharp(path.join(dir, f)).metadata()));
const w = Math.round(metas[0].width * scale), h = Math.round(metas[0].height * scale);
const pad = 8, cols = Math.max(1, Math.min(files.length, Math.floor(1400 / (w + pad))));
const rows = Math.ceil(files.length / cols);
const tiles = await Promise.all(files.map((f) => sharp(path.join(dir, f)).resize(w, h, { kernel: 'nearest' }).png().toBuffer()));
await sharp({ create: { width: cols * (w + pad) + pad, height: rows * (h + pad) + pad, channels: 4, background: '#1b1d23' } })
  .composite(tiles.map((t, i) => ({ input: t, left: pad + (i % cols) * (w + pad), top: pad + Math.floor(i / cols) * (h + pad) })))
  .png().toFile(out);
console.log(files.map((f, i) => `${i}:${f}`).join(' '));
