// Builds the pictures in assets/ and writes assets/CREDITS.md and assets/README.md.
// Called by scripts/art/make-art (which also builds the fonts); usage: node make.mjs ASSETS_DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePortraits, CAST } from './portraits.mjs';
import { makeBackdrops, SCENES } from './backdrops.mjs';
import { makeIcons, ICONS } from './icons.mjs';
import { kb } from './lib.mjs';

const assets = path.resolve(process.argv[2] ?? '../../assets');
const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = (name) => path.join(here, 'node_modules', name);
const pkg = (name) => JSON.parse(fs.readFileSync(path.join(pkgDir(name), 'package.json'), 'utf8'));
const v = (name) => pkg(name).version;

// Start clean, so a picture dropped from the lists does not linger.
for (const dir of ['portraits', 'backdrops', 'icons']) {
  const d = path.join(assets, dir);
  fs.mkdirSync(d, { recursive: true });
  for (const f of fs.readdirSync(d)) if (f.endsWith('.png')) fs.rmSync(path.join(d, f));
}

await makePortraits(path.join(assets, 'portraits'));
await makeBackdrops(path.join(assets, 'backdrops'));
await makeIcons(path.join(assets, 'icons'));

// Licence texts shipped beside the files they cover.
fs.copyFileSync(path.join(pkgDir('lucide-static'), 'LICENSE'), path.join(assets, 'icons', 'LICENSE-lucide.txt'));
fs.copyFileSync(path.join(pkgDir('@dicebear/open-peeps'), 'LICENSE'), path.join(assets, 'portraits', 'LICENSE-open-peeps.txt'));
fs.copyFileSync(path.join(pkgDir('@fontsource/atkinson-hyperlegible'), 'LICENSE'), path.join(assets, 'fonts', 'OFL.txt'));

const people = Object.entries(CAST);
const fonttools = process.env.FONTTOOLS_VERSION ?? '?';
const brotli = process.env.BROTLI_VERSION ?? '?';

const credits = `# Credits

Everything in \`assets/\` is made by \`scripts/art/make-art\` (run it to rebuild; it installs its
own tools: npm packages into \`scripts/art/node_modules\`, Python ones into \`scripts/art/pylib\`).
This file is written by that script too (\`scripts/art/make.mjs\`); edit the script, not this file.

| files | source (package, version) | author | licence (text) | how made |
| --- | --- | --- | --- | --- |
| \`portraits/<person>.png\` (${people.length} people, list below) | DiceBear style "Open Peeps": \`@dicebear/open-peeps\` ${v('@dicebear/open-peeps')}, drawn by \`@dicebear/core\` ${v('@dicebear/core')} | artwork: Pablo Stanley (Open Peeps, openpeeps.com); DiceBear code: Florian Körner | artwork: **CC0 1.0** public domain dedication (\`portraits/LICENSE-open-peeps.txt\`, https://creativecommons.org/publicdomain/zero/1.0/); the DiceBear code that draws it is MIT and is not shipped | \`scripts/art/portraits.mjs\`: hair, face, beard, glasses, skin and clothes chosen by hand per character, on a soft coloured disc; 128×128 |
| \`portraits/{saw,oven,paint,assembly}.png\` (plant work centres) | original, drawn as SVG in \`scripts/art/portraits.mjs\` | Parts Unlimited project | the project's licence, MIT OR Apache-2.0 (see \`Cargo.toml\`) | flat machine icons on a coloured tile; 128×128 |
| \`backdrops/*.png\` (${Object.keys(SCENES).join(', ')}) | original, hand-written SVG in \`scripts/art/backdrops.mjs\` | Parts Unlimited project | the project's licence, MIT OR Apache-2.0 (see \`Cargo.toml\`) | flat scenes, darkened towards the edges and the bottom so the dialogue box reads; 960×540 |
| \`icons/*.png\` (${Object.keys(ICONS).length} icons, list below) | \`lucide-static\` ${v('lucide-static')} | Lucide Icons and Contributors (some icons derived from Feather, Cole Bemis) | **ISC** (Feather parts: MIT), full text in \`icons/LICENSE-lucide.txt\` | \`scripts/art/icons.mjs\`: stroke made white and 2.25 wide, play/pause/step/constraint filled; 32×32, white on transparent |
| \`fonts/AtkinsonHyperlegible-Regular.ttf\`, \`fonts/AtkinsonHyperlegible-Bold.ttf\` | Atkinson Hyperlegible 1.006, from \`@fontsource/atkinson-hyperlegible\` ${v('@fontsource/atkinson-hyperlegible')} (WOFF2) | Braille Institute of America, Inc. (Copyright 2020) | **SIL Open Font License 1.1**, full text in \`fonts/OFL.txt\` | \`scripts/art/fonts.py\` with fonttools ${fonttools} + brotli ${brotli}: the "latin" and "latin-ext" WOFF2 subsets of each weight merged into one TrueType font, and these symbols drawn in as plain outlines: ★ ☆ ✔ ✓ ✘ ✗ ▶ ◀ ⏸ ← → ↑ ↓ (− and × were already there) |

Every picture is rasterised with \`@resvg/resvg-js\` ${v('@resvg/resvg-js')} and saved as a palette
(quantised) PNG with \`sharp\` ${v('sharp')}.

## Notes on the licences

- **Open Peeps / CC0**: no attribution is required; it is given here anyway. Only the CC0
  "open-peeps" style is used: other DiceBear styles are CC BY 4.0 or have other terms.
- **Fonts / OFL**: the fonts are a Modified Version under the OFL (merged subsets, added symbol
  glyphs; their version string says so). The licence declares no Reserved Font Name, so the
  name is kept. The fonts may be bundled and embedded in the game but not sold on their own;
  \`fonts/OFL.txt\` must travel with them.
- **Lucide / ISC**: keep \`icons/LICENSE-lucide.txt\` (the copyright and permission notice).
- The game keeps egui's own fonts behind Atkinson Hyperlegible, for any other glyph.

## Tools used to build (not shipped)

| tool | version | licence |
| --- | --- | --- |
| @dicebear/core | ${v('@dicebear/core')} | ${pkg('@dicebear/core').license} |
| @dicebear/open-peeps (code) | ${v('@dicebear/open-peeps')} | ${pkg('@dicebear/open-peeps').license} (code), CC0 1.0 (artwork) |
| @resvg/resvg-js | ${v('@resvg/resvg-js')} | ${pkg('@resvg/resvg-js').license} |
| sharp | ${v('sharp')} | ${pkg('sharp').license} |
| fonttools (PyPI) | ${fonttools} | MIT |
| brotli (PyPI) | ${brotli} | MIT |

## People

| file | character | style options |
| --- | --- | --- |
${people.map(([id, [name, role, o]]) => `| \`portraits/${id}.png\` | ${name}, ${role} | ${[
    `hair \`${o.head}\``, `face \`${o.face}\``, o.beard && `facial hair \`${o.beard}\``, o.glasses && `\`${o.glasses}\``,
  ].filter(Boolean).join(', ')} |`).join('\n')}

## Icons

| file | Lucide icon |
| --- | --- |
${Object.entries(ICONS).map(([n, l]) => `| \`icons/${n}.png\` | \`${l}\` |`).join('\n')}
`;
fs.writeFileSync(path.join(assets, 'CREDITS.md'), credits);

const readme = `# assets

The game's pictures and font, built into the binary (see \`src/ui/art.rs\`).

- \`portraits/\`: 128×128 faces of the cast (\`<id>.png\`) and of the plant's work centres
  (\`saw\`, \`oven\`, \`paint\`, \`assembly\`).
- \`backdrops/\`: 960×540 scenes, one per place (\`office\`, \`war_room\`, \`plant\`, \`saloon\`,
  \`boardroom\`, \`data_centre\`, \`home\`, \`hallway\`).
- \`icons/\`: 32×32 white-on-transparent icons, tinted by the game.
- \`fonts/\`: Atkinson Hyperlegible, regular and bold, with \`OFL.txt\`.

Who made what, and under which licence: \`CREDITS.md\`.

All of it is generated. To rebuild, run \`scripts/art/make-art\` (Node 20+ and Python 3 with pip;
it installs its npm and PyPI packages under \`scripts/art/\`). The output is the same on every
run. To change a face, a scene or an icon, edit \`scripts/art/portraits.mjs\`,
\`backdrops.mjs\`, \`icons.mjs\` or \`fonts.py\`, and run it again.
`;
fs.writeFileSync(path.join(assets, 'README.md'), readme);

let total = 0;
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
  const p = path.join(d, e.name);
  if (e.isDirectory()) walk(p); else total += fs.statSync(p).size;
});
walk(assets);
console.log(`  assets/ in all: ${kb(total)} (${total} bytes)`);
