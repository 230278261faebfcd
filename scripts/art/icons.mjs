// Icons: assets/icons/<name>.png, 32x32, white on transparent (the game tints them).
// From lucide-static (ISC licence, Lucide Icons and contributors), rasterised with resvg.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { rasterise, saveGreyAlpha, kb } from './lib.mjs';

const SIZE = 32;
export const ICONS = {
  business: 'briefcase',
  internal: 'wrench',
  change: 'git-branch',
  unplanned: 'flame',
  constraint: 'star',
  clock: 'clock',
  play: 'play',
  pause: 'pause',
  step: 'skip-forward',
  bridge: 'phone',
  person: 'user',
  wait: 'hourglass',
  done: 'check',
  warning: 'triangle-alert',
  settings: 'settings',
};
// Icons that read better filled than as an outline at 16-32 px.
const FILLED = new Set(['play', 'pause', 'step', 'constraint']);

const require = createRequire(import.meta.url);
const lucideDir = path.join(path.dirname(require.resolve('lucide-static/package.json')), 'icons');

export function iconSvg(name, lucide) {
  let svg = fs.readFileSync(path.join(lucideDir, `${lucide}.svg`), 'utf8')
    .replace(/<!--.*?-->/gs, '')
    .replaceAll('currentColor', '#ffffff')
    .replace(/stroke-width="2"/, 'stroke-width="2.25"');
  if (FILLED.has(name)) svg = svg.replace('fill="none"', 'fill="#ffffff"');
  return svg;
}

export async function makeIcons(outDir) {
  let total = 0;
  for (const [name, lucide] of Object.entries(ICONS)) {
    total += await saveGreyAlpha(rasterise(iconSvg(name, lucide), SIZE), path.join(outDir, `${name}.png`));
  }
  console.log(`  icons: ${Object.keys(ICONS).length} files, ${kb(total)}`);
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await makeIcons(process.argv[2] ?? path.resolve('../../assets/icons'));
}
