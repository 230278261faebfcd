// Portraits: assets/portraits/<id>.png, 128x128.
// People: DiceBear "open-peeps" (artwork by Pablo Stanley, CC0 1.0; DiceBear code MIT), with
// options picked by hand so each face roughly fits the character, on a soft coloured disc.
// Work centres of the MRP-8 plant: flat machine icons drawn here, on a coloured tile.
import { createAvatar } from '@dicebear/core';
import * as openPeeps from '@dicebear/open-peeps';
import path from 'node:path';
import { rasterise, savePalette, kb } from './lib.mjs';

const SIZE = 128;

// Skin tones of the style, light to dark.
const SKIN = { a: 'ffdbb4', b: 'edb98a', c: 'd08b5b', d: 'ae5d29', e: '694d3d' };
// Hair colours for the styles that use the "contrast" colour (grey, brown, etc.).
const HAIR = {
  grey: 'b8b4ae', silver: 'dcd8d2', brown: '7a4a2a', auburn: 'a55728', blond: 'd6b370',
  black: '2c1b18', dark: '4a312c', chestnut: 'b58143',
};

// id: [name, role, options]. Options are open-peeps' own: head (hair), face, facialHair,
// accessories (glasses), skinColor, clothingColor, headContrastColor (hair/beard tint).
// `bg` is the disc behind the face.
export const CAST = {
  bill: ['Bill Palmer', 'VP of IT Operations',
    { head: 'short2', face: 'concerned', skin: 'a', clothes: '8fa7df', bg: '6f93b8' }],
  brent: ['Brent Geller', 'lead engineer',
    { head: 'shaved3', face: 'tired', skin: 'b', clothes: '9ddadb', beard: 'chin', bg: 'c98b7a' }],
  chris: ['Chris Allers', 'VP of App Development',
    { head: 'pomp', face: 'explaining', skin: 'c', clothes: 'e78276', glasses: 'glasses3', bg: '7fb0a4' }],
  dana: ['Dana Kim', 'service desk',
    { head: 'bangs2', face: 'smile', skin: 'a', clothes: 'e279c7', bg: '9fb8d8' }],
  dick: ['Dick Landry', 'CFO',
    { head: 'noHair2', face: 'old', skin: 'a', clothes: '8fa7df', glasses: 'glasses', bg: 'b9a77c' }],
  erik: ['Erik Reid', 'board member',
    { head: 'noHair3', face: 'cheeky', skin: 'b', clothes: '78e185', beard: 'full4', glasses: 'glasses4', hair: 'grey', bg: 'a794c4' }],
  foreman: ['Ray Dolan', 'plant shift supervisor',
    { head: 'hatBeanie', face: 'driven', skin: 'c', clothes: 'ffcf77', beard: 'moustache4', bg: '8aa6b0' }],
  john: ['John Pesche', 'CISO',
    { head: 'short3', face: 'suspicious', skin: 'a', clothes: 'fdea6b', glasses: 'glasses2', bg: '8c9bb0' }],
  lena: ['Lena Ortiz', 'storage engineer',
    { head: 'long', face: 'driven', skin: 'c', clothes: '9ddadb', bg: 'd1a06f' }],
  maggie: ['Maggie Lee', 'retail program director',
    { head: 'mediumBangs2', face: 'explaining', skin: 'a', clothes: 'e78276', hair: 'brown', bg: '8fc3b0' }],
  mara: ['Mara Whitaker', 'compliance analyst on loan from the CISO',
    { head: 'cornrows', face: 'smile', skin: 'd', clothes: '8fa7df', glasses: 'glasses2', hair: 'black', bg: '7fb8a8' }],
  marcus: ['Marcus Hale', 'marketing analytics',
    { head: 'flatTop', face: 'smile', skin: 'e', clothes: 'fdea6b', glasses: 'glasses5', bg: '84a9d6' }],
  maya: ['Maya Chen', 'web engineer',
    { head: 'bun', face: 'driven', skin: 'a', clothes: '78e185', glasses: 'glasses4', hair: 'black', bg: 'd79aa3' }],
  nadia: ['Nadia Haddad', 'security analyst',
    { head: 'hijab', face: 'serious', skin: 'c', clothes: '8fa7df', bg: '9cbf8c' }],
  owen: ['Owen Park', 'developer',
    { head: 'short5', face: 'cheeky', skin: 'a', clothes: 'ffcf77', bg: '9d9ad6' }],
  paige: ['Paige Palmer', "Bill Palmer's wife",
    { head: 'grayBun', face: 'cheeky', skin: 'a', clothes: 'fdea6b', hair: 'chestnut', bg: 'e09a7f' }],
  patty: ['Patty McKee', 'director of IT service support',
    { head: 'bangs', face: 'smile', skin: 'a', clothes: '9ddadb', glasses: 'glasses5', hair: 'auburn', bg: 'c79ac0' }],
  priya: ['Priya Shah', 'developer',
    { head: 'longBangs', face: 'smile', skin: 'd', clothes: 'ffcf77', bg: '79b7c4' }],
  rita: ['Rita Alvarez', 'sales ops director',
    { head: 'longCurly', face: 'explaining', skin: 'c', clothes: 'e279c7', bg: 'c9b56f' }],
  'sam-okafor': ['Sam Okafor', 'desktop support lead',
    { head: 'shaved1', face: 'smile', skin: 'e', clothes: '78e185', glasses: 'glasses2', bg: 'd2a27e' }],
  'sam-ruiz': ['Sam Ruiz', 'service desk technician',
    { head: 'medium2', face: 'smile', skin: 'b', clothes: 'e78276', bg: '8ab8a0' }],
  'sam-whitaker': ['Sam Whitaker', 'compliance analyst',
    { head: 'short1', face: 'serious', skin: 'a', clothes: 'fdea6b', glasses: 'glasses', beard: 'moustache7', bg: 'a0aec0' }],
  sarah: ['Sarah Moulton', 'SVP retail ops',
    { head: 'grayMedium', face: 'contempt', skin: 'a', clothes: 'e279c7', hair: 'blond', bg: 'c48f8f' }],
  steve: ['Steve Masters', 'CEO',
    { head: 'grayShort', face: 'driven', skin: 'b', clothes: '8fa7df', hair: 'grey', bg: '7f95c4' }],
  tom: ['Tom Becker', 'DBA',
    { head: 'noHair1', face: 'calm', skin: 'b', clothes: '9ddadb', beard: 'full', glasses: 'glasses3', bg: 'b3a0d0' }],
  wes: ['Wes Davis', 'director of distributed ops',
    { head: 'shaved2', face: 'veryAngry', skin: 'a', clothes: 'e78276', beard: 'full2', bg: 'a7b86f' }],
  william: ['William Mason', 'director of QA',
    { head: 'short4', face: 'blank', skin: 'a', clothes: '78e185', glasses: 'glasses', hair: 'brown', bg: '8fb9c9' }],
  bartender: ['the bartender', 'bartender',
    { head: 'noHair2', face: 'smile', skin: 'd', clothes: 'fdea6b', beard: 'moustache6', bg: 'c2946a' }],
};

function avatar(o) {
  const opts = {
    seed: o.head + o.face,
    head: [o.head],
    face: [o.face],
    skinColor: [SKIN[o.skin]],
    clothingColor: [o.clothes],
    headContrastColor: [HAIR[o.hair ?? 'dark']],
    facialHair: o.beard ? [o.beard] : [],
    facialHairProbability: o.beard ? 100 : 0,
    accessories: o.glasses ? [o.glasses] : [],
    accessoriesProbability: o.glasses ? 100 : 0,
    maskProbability: 0,
  };
  return createAvatar(openPeeps, opts).toString();
}

function shade(hex, f) {
  const n = parseInt(hex, 16);
  const c = [n >> 16, (n >> 8) & 255, n & 255].map((v) =>
    Math.max(0, Math.min(255, Math.round(f > 0 ? v + (255 - v) * f : v * (1 + f)))));
  return c.map((v) => v.toString(16).padStart(2, '0')).join('');
}

function personSvg(o) {
  // Strip the avatar's outer <svg> so it can be placed (and clipped) as a nested one.
  const inner = avatar(o).replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const vb = avatar(o).match(/viewBox="([^"]+)"/)[1];
  const r = SIZE / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <defs>
    <clipPath id="disc"><circle cx="${r}" cy="${r}" r="${r - 2}"/></clipPath>
    <radialGradient id="glow" cx="50%" cy="38%" r="65%">
      <stop offset="0" stop-color="#${shade(o.bg, 0.28)}"/>
      <stop offset="1" stop-color="#${o.bg}"/>
    </radialGradient>
  </defs>
  <circle cx="${r}" cy="${r}" r="${r - 1}" fill="url(#glow)"/>
  <g clip-path="url(#disc)">
    <svg x="9" y="15" width="${SIZE - 16}" height="${SIZE - 16}" viewBox="${vb}" overflow="visible">${inner}</svg>
  </g>
  <circle cx="${r}" cy="${r}" r="${r - 2}" fill="none" stroke="#${shade(o.bg, 0.45)}" stroke-width="2.5"/>
</svg>`;
}

// ---- Work centres: flat machine icons on a rounded tile. -----------------------------------

function tile(bg, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 128 128">
  <rect x="2" y="2" width="124" height="124" rx="22" fill="#${bg}"/>
  <rect x="2" y="2" width="124" height="124" rx="22" fill="none" stroke="#${shade(bg, 0.35)}" stroke-width="2.5"/>
  ${body}
</svg>`;
}

function teeth(cx, cy, rOut, rIn, n) {
  const pts = [];
  for (let i = 0; i < n; i++) {
    const a0 = (i / n) * Math.PI * 2;
    const a1 = ((i + 0.55) / n) * Math.PI * 2;
    const a2 = ((i + 1) / n) * Math.PI * 2;
    pts.push([cx + rIn * Math.cos(a0), cy + rIn * Math.sin(a0)]);
    pts.push([cx + rOut * Math.cos(a1), cy + rOut * Math.sin(a1)]);
    pts.push([cx + rIn * Math.cos(a2 - 0.02), cy + rIn * Math.sin(a2 - 0.02)]);
  }
  return pts.map((p) => p.map((v) => v.toFixed(1)).join(',')).join(' ');
}

const MACHINES = {
  // Saw and lathe cell: a toothed blade over a lathe bed turning a bar.
  saw: ['saw and lathe cell', tile('4f7a8c', `
    <polygon points="${teeth(50, 50, 32, 26, 18)}" fill="#d9e3e8"/>
    <circle cx="50" cy="50" r="17" fill="#9fb3bd"/>
    <circle cx="50" cy="50" r="6" fill="#3a5866"/>
    <rect x="14" y="92" width="100" height="12" rx="3" fill="#2f4a56"/>
    <rect x="18" y="104" width="10" height="12" fill="#2f4a56"/><rect x="100" y="104" width="10" height="12" fill="#2f4a56"/>
    <rect x="72" y="60" width="22" height="32" rx="3" fill="#f0b64a"/>
    <rect x="94" y="70" width="20" height="12" fill="#c9d4da"/>
    <rect x="20" y="72" width="52" height="8" rx="2" fill="#e8edf0"/>
    <rect x="76" y="66" width="14" height="6" rx="1" fill="#2f4a56" opacity="0.5"/>`)],
  // Heat treat oven: a furnace with a glowing window and heat rising.
  oven: ['heat treat oven', tile('8a4b3c', `
    <path d="M44 24 q-6 -8 0 -14 M64 24 q-6 -8 0 -14 M84 24 q-6 -8 0 -14" fill="none" stroke="#f7c9a0" stroke-width="4" stroke-linecap="round"/>
    <rect x="20" y="30" width="88" height="80" rx="6" fill="#3b2b2b"/>
    <rect x="20" y="30" width="88" height="12" rx="4" fill="#5a4240"/>
    <rect x="30" y="50" width="50" height="48" rx="4" fill="#2a1d1d"/>
    <rect x="35" y="55" width="40" height="38" rx="3" fill="#ff8c3a"/>
    <rect x="35" y="74" width="40" height="19" rx="3" fill="#ffb347"/>
    <path d="M40 90 q5 -12 10 0 q5 -12 10 0 q5 -12 10 0" fill="#ffe08a"/>
    <circle cx="94" cy="58" r="6" fill="#f0d9a0"/><circle cx="94" cy="58" r="2" fill="#3b2b2b"/>
    <rect x="88" y="72" width="12" height="4" rx="2" fill="#8fd18f"/>
    <rect x="88" y="82" width="12" height="4" rx="2" fill="#e57373"/>
    <rect x="26" y="110" width="10" height="8" fill="#2a1d1d"/><rect x="92" y="110" width="10" height="8" fill="#2a1d1d"/>`)],
  // Paint booth: a spray gun misting a part.
  paint: ['paint booth', tile('5c6f9e', `
    <rect x="84" y="26" width="28" height="76" rx="4" fill="#e9edf7"/>
    <rect x="84" y="26" width="28" height="38" rx="4" fill="#7fd0c0"/>
    <path d="M30 66 L78 40 L78 92 Z" fill="#7fd0c0" opacity="0.35"/>
    <g fill="#7fd0c0"><circle cx="60" cy="56" r="3"/><circle cx="68" cy="70" r="3.5"/><circle cx="58" cy="78" r="2.5"/>
      <circle cx="72" cy="50" r="2.5"/><circle cx="74" cy="84" r="3"/><circle cx="50" cy="66" r="2.5"/></g>
    <rect x="14" y="58" width="26" height="16" rx="4" fill="#2d3550"/>
    <rect x="36" y="63" width="12" height="6" rx="2" fill="#2d3550"/>
    <path d="M20 74 L30 74 L26 100 L16 100 Z" fill="#2d3550"/>
    <rect x="20" y="42" width="14" height="16" rx="3" fill="#c9cfe0"/>
    <rect x="22" y="80" width="10" height="4" rx="2" fill="#c9cfe0"/>`)],
  // Final assembly: a conveyor with boxes under a robot arm.
  assembly: ['final assembly', tile('5e8a5a', `
    <rect x="12" y="90" width="104" height="10" rx="5" fill="#2e4430"/>
    <g fill="#9cbf98"><circle cx="22" cy="95" r="3"/><circle cx="43" cy="95" r="3"/><circle cx="64" cy="95" r="3"/><circle cx="85" cy="95" r="3"/><circle cx="106" cy="95" r="3"/></g>
    <rect x="22" y="104" width="8" height="12" fill="#2e4430"/><rect x="98" y="104" width="8" height="12" fill="#2e4430"/>
    <rect x="20" y="68" width="24" height="22" rx="2" fill="#e0b872"/>
    <rect x="30" y="68" width="4" height="22" fill="#c49a55"/>
    <rect x="80" y="70" width="22" height="20" rx="2" fill="#e0b872"/>
    <rect x="58" y="18" width="16" height="10" rx="2" fill="#2e4430"/>
    <path d="M66 26 L52 46 L66 62" fill="none" stroke="#f0c94a" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>
    <circle cx="66" cy="26" r="6" fill="#2e4430"/><circle cx="52" cy="46" r="6" fill="#2e4430"/>
    <path d="M60 62 L72 62 M60 62 L60 70 M72 62 L72 70" stroke="#e9efe8" stroke-width="4" stroke-linecap="round"/>`)],
};

export async function makePortraits(outDir) {
  let total = 0;
  const rows = [];
  for (const [id, [name, , o]] of Object.entries(CAST)) {
    const n = await savePalette(rasterise(personSvg(o), SIZE), path.join(outDir, `${id}.png`), { colors: 96 });
    total += n;
    rows.push(`${id} ${kb(n)}`);
  }
  for (const [id, [, svg]] of Object.entries(MACHINES)) {
    const n = await savePalette(rasterise(svg, SIZE), path.join(outDir, `${id}.png`), { colors: 64 });
    total += n;
    rows.push(`${id} ${kb(n)}`);
  }
  console.log(`  portraits: ${rows.length} files, ${kb(total)} (${rows.join(', ')})`);
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await makePortraits(process.argv[2] ?? path.resolve('../../assets/portraits'));
}
