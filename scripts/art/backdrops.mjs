// Backdrops: assets/backdrops/<place>.png, 960x540, hand-written flat SVG scenes.
// Calm, slightly dark, no text and no people, with the lower part kept dark and quiet so the
// dialogue box (white text on a dark panel) stays readable over it.
import path from 'node:path';
import { rasterise, savePalette, kb } from './lib.mjs';

const W = 960;
const H = 540;

// ---- Small SVG helpers -----------------------------------------------------------------------

const f = (v) => (Math.round(v * 10) / 10).toString();
const attrs = (o = {}) =>
  Object.entries(o).map(([k, v]) => ` ${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}="${v}"`).join('');
const rect = (x, y, w, h, fill, o) => `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" fill="${fill}"${attrs(o)}/>`;
const poly = (pts, fill, o) => `<polygon points="${pts.map((p) => f(p[0]) + ',' + f(p[1])).join(' ')}" fill="${fill}"${attrs(o)}/>`;
const circle = (cx, cy, r, fill, o) => `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="${fill}"${attrs(o)}/>`;
const ellipse = (cx, cy, rx, ry, fill, o) => `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx)}" ry="${f(ry)}" fill="${fill}"${attrs(o)}/>`;
const line = (x1, y1, x2, y2, stroke, w = 2, o) =>
  `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${stroke}" stroke-width="${w}"${attrs(o)}/>`;
const pathd = (d, fill, o) => `<path d="${d}" fill="${fill}"${attrs(o)}/>`;
const polyline = (pts, stroke, w = 2, o) =>
  `<polyline points="${pts.map((p) => f(p[0]) + ',' + f(p[1])).join(' ')}" fill="none" stroke="${stroke}" stroke-width="${w}" stroke-linejoin="round" stroke-linecap="round"${attrs(o)}/>`;
const linear = (id, stops, x2 = 0, y2 = 1) =>
  `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${stops.map(([o, c, a = 1]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${a}"/>`).join('')}</linearGradient>`;
const radial = (id, stops, cx = 0.5, cy = 0.5, r = 0.5) =>
  `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${stops.map(([o, c, a = 1]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${a}"/>`).join('')}</radialGradient>`;

// A deterministic random source, so every run draws the same pictures.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];

// One-point perspective: a point (x, y) on the picture plane pushed to depth z (z = 1 is the
// picture plane) moves towards the vanishing point.
const persp = (vx, vy) => (x, y, z) => [vx + (x - vx) / z, vy + (y - vy) / z];

// A quad on a plane of constant x (a side wall) between depths z0 and z1, heights y0..y1.
const wallQuad = (P, x, y0, y1, z0, z1) => [P(x, y0, z0), P(x, y0, z1), P(x, y1, z1), P(x, y1, z0)];
// A quad on a plane of constant y (floor or ceiling) between x0..x1 and depths z0..z1.
const floorQuad = (P, y, x0, x1, z0, z1) => [P(x0, y, z0), P(x1, y, z0), P(x1, y, z1), P(x0, y, z1)];

// A night skyline: buildings with a few lit windows, inside the box (x, y, w, h).
function skyline(r, x, y, w, h, { colors, lit = '#e8c872', litRate = 0.18, minH = 0.25 }) {
  let out = '';
  let bx = x - 10;
  while (bx < x + w) {
    const bw = 30 + r() * 60;
    const bh = h * (minH + r() * (1 - minH) * 0.8);
    const top = y + h - bh;
    out += rect(bx, top, bw, bh + 2, pick(r, colors));
    if (r() < 0.3) out += rect(bx + bw * 0.4, top - 14, 3, 14, pick(r, colors));
    for (let wy = top + 8; wy < y + h - 8; wy += 12) {
      for (let wx = bx + 6; wx < bx + bw - 8; wx += 10) {
        if (r() < litRate) out += rect(wx, wy, 4, 6, lit, { opacity: (0.35 + r() * 0.45).toFixed(2) });
      }
    }
    bx += bw + 2 + r() * 6;
  }
  // A nested <svg> clips what it holds to its own box.
  return `<svg x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" viewBox="${f(x)} ${f(y)} ${f(w)} ${f(h)}">${out}</svg>`;
}

// Darkens the edges and the bottom, where the dialogue box sits.
function finish(extraDefs = '', bottom = 0.55) {
  return {
    defs: extraDefs +
      radial('vignette', [[0.55, '#000', 0], [1, '#000', 0.5]], 0.5, 0.42, 0.75) +
      linear('shade', [[0, '#000', 0], [0.62, '#000', 0], [1, '#000', bottom]]),
    over: rect(0, 0, W, H, 'url(#vignette)') + rect(0, 0, W, H, 'url(#shade)'),
  };
}

function svg(defs, body) {
  const fin = finish(defs);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>${fin.defs}</defs>
${body}
${fin.over}
</svg>`;
}

// ---- Scenes ---------------------------------------------------------------------------------

// Bill's office on the IT operations floor, late in the day.
function office() {
  const r = rng(11);
  let b = '';
  b += rect(0, 0, W, H, '#2a3343');
  b += rect(0, 0, W, 26, '#222a38');
  b += rect(0, 430, W, 110, '#20262f');
  b += rect(0, 426, W, 6, '#1a2029');
  // Window onto the city at dusk.
  b += rect(36, 56, 300, 284, '#1a2130');
  b += rect(46, 66, 280, 264, 'url(#dusk)');
  b += circle(276, 112, 15, '#d9dde4', { opacity: 0.85 });
  b += skyline(r, 46, 170, 280, 160, { colors: ['#151b28', '#19202f', '#1d2536'] });
  b += rect(183, 66, 6, 264, '#1a2130') + rect(46, 196, 280, 6, '#1a2130');
  b += rect(30, 336, 312, 10, '#394456');
  // Kanban whiteboard: three columns of sticky notes, no words.
  b += rect(378, 78, 236, 158, '#8b96a4');
  b += rect(384, 84, 224, 146, '#b9c1ca');
  b += line(458, 96, 458, 220, '#7d8796', 2) + line(534, 96, 534, 220, '#7d8796', 2);
  const notes = ['#e3bf5a', '#e3897a', '#7fc2a6', '#8fb0e0'];
  [[396, 4], [470, 3], [546, 2]].forEach(([cx, n], col) => {
    for (let i = 0; i < n; i++) {
      const c = col === 1 && i === 0 ? '#e3897a' : pick(r, notes);
      b += rect(cx + (i % 2) * 26, 100 + Math.floor(i / 2) * 30 + (i % 2) * 4, 22, 22, c, { opacity: 0.92 });
    }
  });
  b += rect(384, 228, 224, 6, '#6f7a89');
  // Wall clock.
  b += circle(684, 112, 30, '#1a2130') + circle(684, 112, 25, '#cdd3da');
  b += line(684, 112, 684, 96, '#1a2130', 3) + line(684, 112, 697, 119, '#1a2130', 3);
  // Glass wall onto the operations floor: cubicles and glowing monitors.
  b += rect(736, 30, 224, 400, '#2f3c50');
  b += rect(736, 30, 224, 400, 'url(#glass)');
  for (let i = 0; i < 4; i++) b += rect(750 + i * 56, 52, 40, 6, '#8fa6bf', { opacity: 0.5 });
  for (let i = 0; i < 5; i++) {
    const x = 744 + i * 46;
    b += rect(x + 8, 300, 22, 16, '#5fa3cf', { opacity: 0.8 }) + rect(x + 17, 316, 4, 8, '#1c2533');
  }
  b += rect(736, 322, 224, 108, '#273244');
  for (let i = 0; i < 5; i++) b += rect(744 + i * 46, 322, 4, 108, '#1d2633');
  b += rect(730, 30, 8, 400, '#1b2230') + rect(846, 30, 5, 400, '#1b2230');
  // Filing cabinet with a plant on it.
  b += rect(58, 352, 96, 78, '#3b4658') + line(62, 390, 150, 390, '#2a3343', 3);
  b += rect(96, 368, 20, 5, '#8d99aa') + rect(96, 406, 20, 5, '#8d99aa');
  b += pathd('M90 352 L120 352 L116 330 L94 330 Z', '#8a5a3c');
  [[-28, -40], [-12, -56], [6, -60], [22, -44], [30, -28], [-30, -20]].forEach(([dx, dy], i) => {
    b += ellipse(105 + dx * 0.6, 330 + dy * 0.55, 10, 22, i % 2 ? '#3f6d50' : '#4f8060', { transform: `rotate(${dx} ${105 + dx * 0.6} ${330 + dy * 0.55})` });
  });
  // Desk, monitor, lamp, mug, phone.
  b += poly([[230, 372], [760, 372], [806, 408], [190, 408]], '#5b4534');
  b += rect(190, 408, 616, 16, '#4a382b');
  b += rect(210, 424, 22, 116, '#3b2d23') + rect(764, 424, 22, 116, '#3b2d23');
  b += rect(350, 424, 300, 90, '#44342a');
  b += rect(500, 340, 14, 34, '#151a22') + rect(474, 368, 66, 7, '#151a22');
  b += rect(420, 248, 176, 100, '#121720');
  b += rect(427, 255, 162, 86, '#24587c');
  b += polyline([[436, 320], [462, 304], [486, 312], [510, 286], [536, 294], [560, 272], [580, 278]], '#7fd6e6', 3);
  for (let i = 0; i < 6; i++) b += rect(438 + i * 12, 332 - (6 + r() * 22), 7, 6 + r() * 22, '#3f86b0');
  b += rect(445, 380, 120, 14, '#1e2430');
  b += poly([[250, 292], [290, 292], [348, 372], [214, 372]], '#f3d27a', { opacity: 0.13 });
  b += ellipse(300, 372, 26, 6, '#1c222c') + line(300, 370, 322, 300, '#1c222c', 5) + line(322, 300, 276, 270, '#1c222c', 5);
  b += pathd('M246 292 Q250 256 276 262 Q298 268 294 292 Z', '#c9a050') + ellipse(270, 292, 24, 5, '#ffe6a8');
  b += rect(640, 346, 22, 26, '#b5524a') + pathd('M662 352 q12 0 12 8 q0 8 -12 8', 'none', { stroke: '#b5524a', strokeWidth: 4 });
  b += rect(690, 354, 48, 18, '#1d232d') + rect(694, 346, 40, 8, '#262d39', { rx: 3 });
  b += rect(700, 358, 4, 3, '#7fe08a');
  const defs =
    linear('dusk', [[0, '#1c2742'], [0.6, '#3a4a6c'], [1, '#5a5470']]) +
    linear('glass', [[0, '#9fb7d4', 0.12], [1, '#9fb7d4', 0.02]], 1, 1);
  return svg(defs, b);
}

// The incident bridge: a wall of dashboards, a conference phone, a long table.
function war_room() {
  const r = rng(22);
  let b = '';
  b += rect(0, 0, W, H, '#1c2230');
  b += rect(0, 0, W, 30, '#151a25');
  for (let i = 0; i < 4; i++) b += rect(110 + i * 200, 8, 140, 10, '#6f8299', { opacity: 0.35 });
  b += rect(0, 410, W, 130, '#161a23');
  // The screen wall: six dashboards.
  b += rect(110, 48, 740, 262, '#0c1018');
  const scr = (x, y, w, h, kind) => {
    let s = rect(x, y, w, h, '#0f2130');
    const red = kind === 'alert';
    if (red) s += rect(x, y, w, h, '#4a1a1d');
    s += rect(x, y, w, 14, red ? '#6a2226' : '#16324a');
    if (kind === 'line') {
      const pts = [];
      for (let i = 0; i <= 14; i++) pts.push([x + 10 + i * ((w - 20) / 14), y + h - 20 - r() * (h - 50) * (i > 10 ? 1 : 0.5)]);
      s += polyline(pts, '#5fd3c0', 3);
      s += line(x + 10, y + h - 14, x + w - 10, y + h - 14, '#2a4a60', 2);
    } else if (kind === 'bars') {
      for (let i = 0; i < 10; i++) {
        const bh = 10 + r() * (h - 40);
        s += rect(x + 12 + i * ((w - 24) / 10), y + h - 10 - bh, (w - 24) / 10 - 6, bh, i === 7 ? '#f0b040' : '#3f8fc0');
      }
    } else if (kind === 'alert') {
      const cx = x + w / 2, cy = y + h / 2 + 8;
      s += poly([[cx, cy - 34], [cx + 38, cy + 30], [cx - 38, cy + 30]], '#e05a4f');
      s += rect(cx - 4, cy - 12, 8, 26, '#4a1a1d') + rect(cx - 4, cy + 18, 8, 7, '#4a1a1d');
    } else if (kind === 'grid') {
      for (let i = 0; i < 8; i++) for (let j = 0; j < 4; j++) {
        const c = r() < 0.15 ? '#e05a4f' : r() < 0.2 ? '#f0b040' : '#3fae7a';
        s += rect(x + 14 + i * ((w - 28) / 8), y + 24 + j * ((h - 34) / 4), (w - 28) / 8 - 6, (h - 34) / 4 - 6, c, { opacity: 0.85 });
      }
    } else if (kind === 'net') {
      const nodes = [];
      for (let i = 0; i < 7; i++) nodes.push([x + 20 + r() * (w - 40), y + 28 + r() * (h - 44)]);
      for (let i = 1; i < nodes.length; i++) s += line(...nodes[i], ...nodes[Math.floor(r() * i)], '#2f6f8f', 2);
      nodes.forEach((n, i) => { s += circle(n[0], n[1], 6, i === 3 ? '#e05a4f' : '#5fd3c0'); });
    } else if (kind === 'gauge') {
      const cx = x + w / 2, cy = y + h - 18;
      s += pathd(`M${cx - 60} ${cy} A60 60 0 0 1 ${cx + 60} ${cy}`, 'none', { stroke: '#2a4a60', strokeWidth: 14 });
      s += pathd(`M${cx - 60} ${cy} A60 60 0 0 1 ${cx + 42} ${cy - 43}`, 'none', { stroke: '#f0b040', strokeWidth: 14 });
      s += line(cx, cy, cx + 40, cy - 40, '#e8eef2', 4) + circle(cx, cy, 6, '#e8eef2');
    }
    return s;
  };
  const kinds = [['line', 'alert', 'bars'], ['grid', 'net', 'gauge']];
  for (let j = 0; j < 2; j++) for (let i = 0; i < 3; i++) b += scr(122 + i * 242, 60 + j * 124, 232, 114, kinds[j][i]);
  b += poly([[110, 310], [850, 310], [930, 410], [30, 410]], '#6fb5d8', { opacity: 0.05 });
  // Red beacon.
  b += circle(900, 70, 60, 'url(#beacon)') + pathd('M886 80 a14 14 0 0 1 28 0 Z', '#e04a40') + rect(882, 80, 36, 6, '#2a2f3a');
  // Chairs behind the table, the table, phone, laptops, cups, papers.
  for (let i = 0; i < 6; i++) b += rect(190 + i * 100, 300, 62, 72, '#252b38', { rx: 12 });
  b += poly([[170, 360], [790, 360], [900, 470], [60, 470]], '#363c49');
  b += poly([[170, 360], [790, 360], [796, 366], [164, 366]], '#4a5262');
  b += rect(60, 470, 840, 14, '#272c37');
  b += poly([[452, 398], [508, 398], [522, 418], [438, 418]], '#10131a') + ellipse(480, 404, 14, 4, '#2a303c');
  b += circle(464, 412, 2.5, '#7fe08a') + circle(496, 412, 2.5, '#e05a4f');
  [[240, 372], [612, 380], [720, 374]].forEach(([x, y]) => {
    b += poly([[x, y], [x + 70, y], [x + 66, y + 42], [x + 4, y + 42]], '#8e98a8') + rect(x - 6, y + 42, 82, 6, '#6c7584');
    b += ellipse(x + 35, y + 20, 6, 6, '#b8c2cf', { opacity: 0.6 });
  });
  b += poly([[330, 420], [372, 414], [378, 440], [336, 446]], '#c8ccd2', { opacity: 0.8 });
  b += rect(560, 424, 16, 20, '#d9d4c8') + rect(846, 408, 16, 20, '#d9d4c8') + rect(150, 416, 16, 20, '#b5524a');
  const defs = radial('beacon', [[0, '#ff4a3a', 0.45], [1, '#ff4a3a', 0]]);
  return svg(defs, b);
}

// The MRP-8 plant floor: high windows, hanging lamps, machines, racks, a forklift.
function plant() {
  const r = rng(33);
  let b = '';
  b += rect(0, 0, W, H, '#243039');
  // High windows and trusses.
  for (let i = 0; i < 6; i++) {
    b += rect(40 + i * 152, 40, 128, 70, '#3b5263');
    b += rect(40 + i * 152, 40, 128, 70, 'url(#sky)');
    for (let k = 1; k < 4; k++) b += rect(40 + i * 152 + k * 32, 40, 3, 70, '#1c262e');
    b += rect(40 + i * 152, 74, 128, 3, '#1c262e');
  }
  b += rect(0, 0, W, 28, '#1a232a');
  for (let i = 0; i < 9; i++) b += line(i * 120, 28, i * 120 + 60, 4, '#1a232a', 5) + line(i * 120 + 60, 4, i * 120 + 120, 28, '#1a232a', 5);
  // Back wall: pallet racking with crates.
  b += rect(0, 130, W, 250, '#2a3740');
  for (let i = 0; i < 8; i++) {
    const x = 20 + i * 118;
    b += rect(x, 150, 6, 200, '#c28a36') + rect(x + 104, 150, 6, 200, '#c28a36');
    for (let lv = 0; lv < 3; lv++) {
      const y = 200 + lv * 60;
      b += rect(x, y, 110, 6, '#3d7aa3');
      for (let k = 0; k < 3; k++) if (r() < 0.75) b += rect(x + 8 + k * 33, y - 36 - r() * 8 + 8, 28, 36 - 8 + r() * 8, pick(r, ['#8a6a44', '#7a5c3a', '#9a7a4e', '#4e6f8a']));
    }
  }
  // Floor with safety lanes.
  b += rect(0, 370, W, 170, '#2c3438');
  b += poly([[0, 370], [W, 370], [W, 378], [0, 378]], '#20272b');
  b += poly([[300, 378], [312, 378], [150, 540], [120, 540]], '#c9a53a', { opacity: 0.55 });
  b += poly([[648, 378], [660, 378], [840, 540], [810, 540]], '#c9a53a', { opacity: 0.55 });
  // Hanging lamps with cones of light.
  [150, 480, 810].forEach((x) => {
    b += line(x, 28, x, 150, '#11181d', 3);
    b += poly([[x - 12, 150], [x + 12, 150], [x + 26, 166], [x - 26, 166]], '#5d6d78');
    b += poly([[x - 26, 166], [x + 26, 166], [x + 170, 470], [x - 170, 470]], 'url(#cone)');
  });
  // Lathe (left).
  b += rect(60, 300, 230, 80, '#47697a') + rect(60, 292, 230, 10, '#587d8f');
  b += rect(78, 250, 64, 50, '#3c5a69') + circle(110, 275, 18, '#c9d3d8') + circle(110, 275, 7, '#3c5a69');
  b += rect(142, 268, 110, 12, '#dde4e8') + rect(252, 258, 26, 34, '#3c5a69');
  b += rect(196, 226, 54, 40, '#2e4654') + rect(202, 232, 42, 22, '#6fc0b4', { opacity: 0.7 });
  b += rect(60, 380, 230, 8, '#1f2a30');
  for (let i = 0; i < 8; i++) b += poly([[60 + i * 30, 388], [76 + i * 30, 388], [66 + i * 30, 398], [50 + i * 30, 398]], i % 2 ? '#1f2a30' : '#d6b23a');
  // Press (middle).
  b += rect(420, 180, 130, 210, '#3d5b69') + rect(410, 170, 150, 24, '#4d6f7f');
  b += rect(450, 194, 70, 90, '#2c4350') + rect(462, 284, 46, 40, '#d08a2a') + rect(440, 330, 90, 14, '#2c4350');
  b += circle(536, 214, 6, '#e05a4f') + circle(536, 232, 6, '#6fd08a');
  // Conveyor with parts bins (right).
  b += rect(600, 330, 300, 16, '#1f2a30') + rect(610, 346, 8, 40, '#1f2a30') + rect(880, 346, 8, 40, '#1f2a30');
  for (let i = 0; i < 14; i++) b += circle(612 + i * 21, 338, 5, '#667b86');
  [[620, 44], [700, 36], [790, 44]].forEach(([x, h]) => { b += rect(x, 330 - h, 60, h, '#3f78b0') + rect(x, 330 - h, 60, 8, '#5a93c8'); });
  // Forklift.
  b += rect(690, 400, 110, 50, '#d08a2a') + rect(720, 356, 60, 44, 'none', { stroke: '#1c262e', strokeWidth: 6 });
  b += rect(800, 360, 8, 100, '#1c262e') + rect(800, 446, 60, 8, '#1c262e');
  b += circle(712, 456, 18, '#151b20') + circle(780, 456, 18, '#151b20') + circle(712, 456, 6, '#667b86') + circle(780, 456, 6, '#667b86');
  const defs =
    linear('sky', [[0, '#6f8fa6', 0.7], [1, '#3b5263', 0]]) +
    linear('cone', [[0, '#fff1c2', 0.22], [1, '#fff1c2', 0]]);
  return svg(defs, b);
}

// A bar at night: back bar with bottles, pendant lamps, a neon glass, stools.
function saloon() {
  const r = rng(44);
  let b = '';
  b += rect(0, 0, W, H, '#35221a');
  for (let x = 0; x < W; x += 48) b += rect(x, 0, 3, 340, '#2a1a13');
  b += rect(0, 0, W, 24, '#24160f');
  // Night window with a street lamp.
  b += rect(34, 80, 130, 200, '#1b1512') + rect(42, 88, 114, 184, '#18223a');
  b += circle(120, 130, 40, 'url(#street)') + circle(120, 130, 6, '#f3d38a');
  b += rect(42, 220, 114, 52, '#121a2c');
  b += rect(97, 88, 4, 184, '#1b1512') + rect(42, 178, 114, 4, '#1b1512');
  // Mirror and shelves of bottles.
  b += rect(200, 70, 590, 220, '#1f1712');
  b += rect(212, 82, 566, 196, '#2c3a3e') + rect(212, 82, 566, 196, 'url(#mirror)');
  const colors = ['#b8742a', '#3f7a4a', '#a9b8b0', '#8a2a2a', '#c9a24a', '#5a7a9a', '#6a3a5a'];
  [170, 270].forEach((shelfY) => {
    b += rect(206, shelfY, 578, 8, '#6a4028');
    let x = 222;
    while (x < 762) {
      const bw = 12 + r() * 10, bh = 34 + r() * 34, c = pick(r, colors);
      b += rect(x, shelfY - bh, bw, bh, c, { rx: 3, opacity: 0.92 });
      b += rect(x + bw / 2 - 3, shelfY - bh - 14, 6, 16, c, { opacity: 0.92 });
      b += rect(x + 3, shelfY - bh + 6, 3, bh - 12, '#fff', { opacity: 0.18 });
      x += bw + 6 + r() * 10;
    }
  });
  // Neon glass on the wall, right.
  const neon = 'M836 100 L900 100 L868 140 Z M868 140 L868 176 M850 178 L886 178';
  b += pathd(neon, 'none', { stroke: '#ff6fae', strokeWidth: 14, opacity: 0.18, strokeLinejoin: 'round', strokeLinecap: 'round' });
  b += pathd(neon, 'none', { stroke: '#ff8fc2', strokeWidth: 4, strokeLinejoin: 'round', strokeLinecap: 'round' });
  b += circle(884, 92, 9, 'none', { stroke: '#7fe8e0', strokeWidth: 4 });
  // Pendant lamps.
  [300, 480, 660].forEach((x) => {
    b += line(x, 0, x, 40, '#140c08', 2) + circle(x, 54, 70, 'url(#lamp)');
    b += pathd(`M${x - 18} 58 Q${x} 30 ${x + 18} 58 Z`, '#c98a3a') + ellipse(x, 58, 18, 4, '#ffe1a0');
  });
  // The bar: rail, taps, front panels, brass foot rail.
  b += rect(0, 330, W, 22, '#6a3f24') + rect(0, 330, W, 4, '#8a5a36');
  [420, 450, 480, 510].forEach((x, i) => { b += rect(x, 290, 8, 40, ['#c9a24a', '#1a1a1a', '#c9a24a', '#8a2a2a'][i], { rx: 3 }) + rect(x - 4, 322, 16, 8, '#9a9a9a'); });
  b += rect(600, 312, 18, 18, '#d9c27a', { opacity: 0.8 }) + rect(640, 316, 14, 14, '#b8742a', { opacity: 0.8 });
  b += rect(0, 352, W, 150, '#46291b');
  for (let x = 20; x < W; x += 150) b += rect(x, 368, 120, 110, '#3c2317', { rx: 6 });
  b += rect(0, 470, W, 6, '#b08a40', { opacity: 0.8 });
  // Stools.
  [170, 420, 670].forEach((x) => {
    b += line(x - 20, 430, x - 34, 540, '#1c110b', 6) + line(x + 20, 430, x + 34, 540, '#1c110b', 6);
    b += ellipse(x, 426, 44, 12, '#6a2a22') + ellipse(x, 422, 44, 10, '#7e3a2e');
  });
  const defs =
    radial('street', [[0, '#f3d38a', 0.6], [1, '#f3d38a', 0]]) +
    radial('lamp', [[0, '#ffd27a', 0.35], [1, '#ffd27a', 0]]) +
    linear('mirror', [[0, '#8fb0b8', 0.18], [0.5, '#8fb0b8', 0.04], [1, '#8fb0b8', 0.12]], 1, 1);
  return svg(defs, b);
}

// The boardroom: a long table in perspective, tall chairs, the city at dusk behind.
function boardroom() {
  const r = rng(55);
  let b = '';
  b += rect(0, 0, W, H, '#3a2e29');
  b += rect(0, 0, W, 34, '#2a221e');
  [200, 480, 760].forEach((x) => { b += ellipse(x, 18, 40, 6, '#f3dfb0', { opacity: 0.55 }); });
  // Windows.
  b += rect(150, 50, 660, 290, '#1e1a1c');
  b += rect(160, 60, 640, 270, 'url(#evening)');
  b += circle(660, 210, 30, '#e8b28a', { opacity: 0.35 });
  b += skyline(r, 160, 170, 640, 160, { colors: ['#221f2e', '#282436', '#1c1a28'], litRate: 0.12 });
  for (let i = 1; i < 5; i++) b += rect(160 + i * 128 - 3, 60, 6, 270, '#1e1a1c');
  // Wood panels either side.
  for (let i = 0; i < 2; i++) {
    b += rect(20 + i * 62, 60, 50, 270, '#443631', { rx: 3 });
    b += rect(826 + i * 62, 60, 50, 270, '#443631', { rx: 3 });
  }
  b += rect(0, 340, W, 200, '#2b2321');
  const P = persp(480, 190);
  // Chairs along both sides, smaller with distance, and one at the head.
  // A high-backed chair seen from behind, its back at depth z, centred on x. Drawn before
  // the table, which hides the seat and stem of those it stands in front of.
  const chair = (x, z, w0 = 90) => {
    const [cx, top] = P(x, 300, z);
    const [, seat] = P(x, 480, z);
    const [, foot] = P(x, 600, z);
    const w = w0 / z;
    return rect(cx - 3 / z, seat, 6 / z, foot - seat, '#111014') +
      ellipse(cx, foot, w * 0.45, 6 / z, '#111014') +
      rect(cx - w * 0.55, seat - 6 / z, w * 1.1, 16 / z, '#141317', { rx: 6 / z }) +
      rect(cx - w / 2, top, w, seat - top, '#1b191e', { rx: 12 / z }) +
      rect(cx - w / 2 + 6 / z, top + 7 / z, w - 12 / z, (seat - top) * 0.6, '#25222a', { rx: 9 / z });
  };
  b += chair(480, 3.7, 110);
  for (const z of [3.0, 2.4, 1.9, 1.5]) b += chair(118, z) + chair(842, z);
  // Table: a long trapezoid, with a sheen.
  const t0 = P(170, 430, 1), t1 = P(790, 430, 1), t2 = P(790, 430, 3.2), t3 = P(170, 430, 3.2);
  b += poly([t3, t2, t1, t0], '#4d2f22');
  b += poly([P(400, 430, 3.2), P(470, 430, 3.2), P(520, 430, 1), P(380, 430, 1)], '#7a4c36', { opacity: 0.35 });
  b += poly([t0, t1, [t1[0], t1[1] + 16], [t0[0], t0[1] + 16]], '#3a2219');
  // Carafes and glasses.
  [[1.4, 300], [1.4, 660], [2.3, 330], [2.3, 630]].forEach(([z, x]) => {
    const [gx, gy] = P(x, 430, z);
    b += rect(gx - 8 / z, gy - 30 / z, 16 / z, 30 / z, '#a9c4cf', { opacity: 0.5 });
  });
  b += poly([P(440, 430, 1.2), P(520, 430, 1.2), P(520, 430, 1.5), P(440, 430, 1.5)], '#d6d0c4', { opacity: 0.7 });
  const defs = linear('evening', [[0, '#262a46'], [0.55, '#5a4660'], [1, '#a06a5a']]);
  return svg(defs, b);
}

// The data centre: two rows of racks down a cold aisle.
function data_centre() {
  const r = rng(66);
  const P = persp(480, 250);
  let b = '';
  b += rect(0, 0, W, H, '#121820');
  const Z = 4.2;
  const XL = 250, XR = 710, YT = 20, YB = 560, YC = -60;
  // Ceiling, floor, end wall.
  b += poly(floorQuad(P, YC, -400, 1360, 1, Z), '#10151c');
  b += poly(floorQuad(P, YB, XL, XR, 1, Z), '#1c2632');
  for (let z = 1.25; z < Z; z += 0.45) b += polyline([P(XL, YB, z), P(XR, YB, z)], '#273442', 2);
  for (let x = XL + 92; x < XR; x += 92) b += polyline([P(x, YB, 1), P(x, YB, Z)], '#273442', 2);
  const e0 = P(XL, YT, Z), e1 = P(XR, YB, Z);
  b += rect(e0[0], e0[1], e1[0] - e0[0], e1[1] - e0[1], '#1a2633');
  b += rect(e0[0] + 40, e0[1] + 22, e1[0] - e0[0] - 80, e1[1] - e0[1] - 22, '#24405a');
  b += rect(e0[0] + 44, e0[1] + 26, e1[0] - e0[0] - 88, e1[1] - e0[1] - 26, '#3a6a8a', { opacity: 0.6 });
  // Ceiling light strips.
  for (let z = 1.2; z < Z; z += 0.6) b += poly([P(430, YC + 40, z), P(530, YC + 40, z), P(530, YC + 40, z + 0.3), P(430, YC + 40, z + 0.3)], '#cfe6f5', { opacity: 0.8 });
  // Rack rows: faces toward the aisle, with server slots and lights.
  const leds = ['#5fe08a', '#5fe08a', '#5fe08a', '#6fb8ff', '#6fb8ff', '#f0b040'];
  const row = (X, side) => {
    let s = '';
    const zs = [];
    for (let z = 1; z < Z - 0.01; z += 0.4) zs.push(z);
    zs.forEach((z0) => {
      const z1 = Math.min(z0 + 0.4, Z);
      s += poly(wallQuad(P, X, YT, YB, z0, z1), '#222c38');
      s += polyline([P(X, YT, z0), P(X, YB, z0)], '#0c1117', 5 / z0);
      for (let k = 1; k < 14; k++) {
        const y = YT + k * ((YB - YT - 80) / 14);
        s += polyline([P(X, y, z0 + 0.03), P(X, y, z1 - 0.03)], '#161e28', 2 / z0);
        const n = 1 + Math.floor(r() * 3);
        for (let i = 0; i < n; i++) {
          const zz = z0 + 0.06 + i * 0.05;
          const [lx, ly] = P(X, y + 10, zz);
          s += rect(lx - side * 1, ly, 5 / zz, 4 / zz, pick(r, leds), { opacity: 0.9 });
        }
      }
    });
    return s;
  };
  b += row(XL, 1) + row(XR, -1);
  // The near ends of the rows, facing the viewer.
  b += rect(-10, YT, XL + 10, YB - YT, '#1a222c') + rect(XR, YT, W - XR + 10, YB - YT, '#1a222c');
  for (let k = 0; k < 6; k++) {
    b += rect(20, 60 + k * 62, XL - 50, 46, '#222c38') + rect(XR + 30, 60 + k * 62, W - XR - 50, 46, '#222c38');
    b += rect(36, 80 + k * 62, 8, 5, pick(r, leds)) + rect(XR + 46, 80 + k * 62, 8, 5, pick(r, leds));
    b += rect(60, 80 + k * 62, 120, 4, '#10161d') + rect(XR + 70, 80 + k * 62, 120, 4, '#10161d');
  }
  b += rect(0, 0, W, H, 'url(#cold)');
  const defs = radial('cold', [[0, '#5fb8ff', 0.16], [1, '#5fb8ff', 0]], 0.5, 0.45, 0.5);
  return svg(defs, b);
}

// Bill's kitchen late at night: a laptop open on the table under the pendant lamp.
function home() {
  const r = rng(77);
  let b = '';
  b += rect(0, 0, W, H, '#2a2f3b');
  // Window with the night sky.
  b += rect(90, 60, 260, 220, '#7c776d') + rect(100, 70, 240, 200, '#141b33');
  for (let i = 0; i < 30; i++) b += circle(100 + r() * 240, 122 + r() * 90, r() * 1.4 + 0.4, '#dfe6f5', { opacity: (0.4 + r() * 0.5).toFixed(2) });
  b += circle(290, 148, 16, '#e6e2c8') + circle(297, 143, 14, '#141b33');
  b += skyline(r, 100, 210, 240, 60, { colors: ['#10152a', '#0d1224'], litRate: 0.08, minH: 0.3 });
  b += rect(217, 70, 6, 200, '#7c776d') + rect(100, 168, 240, 6, '#7c776d');
  b += rect(84, 60, 272, 56, '#8f8574') + rect(84, 116, 272, 6, '#8c826f');
  b += rect(80, 280, 280, 12, '#8c826f');
  // Wall clock: a little after two.
  b += circle(440, 90, 26, '#1d222b') + circle(440, 90, 22, '#cfcab8');
  b += line(440, 90, 451, 84, '#1d222b', 3) + line(440, 90, 448, 73, '#1d222b', 2);
  // Cabinets, counter, stove, fridge.
  b += rect(500, 40, 300, 130, '#46505c');
  for (let i = 0; i < 3; i++) b += rect(506 + i * 98, 46, 92, 118, '#4f5a67', { rx: 3 }) + rect(506 + i * 98 + 78, 92, 5, 26, '#a9b0b8');
  b += rect(500, 170, 300, 6, '#f3d89a', { opacity: 0.35 });
  b += rect(500, 176, 300, 144, '#323946');
  for (let x = 500; x < 800; x += 30) b += rect(x, 176, 1.5, 144, '#2a303b');
  for (let y = 176; y < 320; y += 30) b += rect(500, y, 300, 1.5, '#2a303b');
  b += rect(500, 176, 300, 142, 'url(#underlight)');
  b += rect(480, 318, 340, 14, '#6d6e70') + rect(486, 332, 328, 130, '#3d4652');
  for (let i = 0; i < 4; i++) b += rect(494 + i * 80, 342, 72, 110, '#46505c', { rx: 3 }) + rect(494 + i * 80 + 30, 350, 12, 4, '#a9b0b8');
  b += rect(574, 302, 30, 16, '#1d222b', { rx: 4 }) + rect(612, 300, 22, 18, '#b5524a', { rx: 5 }) + rect(632, 306, 8, 3, '#b5524a');
  b += ellipse(720, 312, 30, 8, '#6f5a40') + circle(708, 304, 7, '#d08a3a') + circle(722, 302, 7, '#c9c050') + circle(734, 305, 7, '#b5524a');
  b += rect(830, 50, 112, 412, '#69717b', { rx: 8 }) + rect(830, 190, 112, 4, '#5d646d');
  b += rect(844, 120, 6, 50, '#c9ced4') + rect(844, 214, 6, 70, '#c9ced4');
  // Table with a laptop and a phone, under a pendant lamp.
  b += line(230, 0, 230, 250, '#151920', 2) + pathd('M196 272 Q230 230 264 272 Z', '#c98a3a') + ellipse(230, 272, 34, 5, '#ffe1a0');
  b += poly([[196, 272], [264, 272], [400, 420], [60, 420]], '#ffd27a', { opacity: 0.1 });
  b += poly([[30, 410], [430, 410], [470, 450], [-10, 450]], '#5a4334') + rect(-10, 450, 480, 14, '#45342a');
  b += rect(40, 464, 18, 90, '#3b2d23') + rect(400, 464, 18, 90, '#3b2d23');
  b += poly([[176, 336], [292, 336], [296, 408], [172, 408]], '#1b1f27');
  b += poly([[182, 342], [286, 342], [289, 402], [179, 402]], '#3d78a8');
  b += polyline([[190, 390], [208, 376], [226, 382], [246, 362], [262, 370], [280, 352]], '#9ad8ef', 2.5);
  b += poly([[160, 410], [308, 410], [318, 420], [150, 420]], '#2a2f39');
  b += poly([[172, 408], [296, 408], [360, 440], [108, 440]], '#6fb8e8', { opacity: 0.08 });
  b += rect(340, 396, 22, 24, '#d9d4c8', { rx: 3 }) + ellipse(351, 396, 11, 3, '#4a3022');
  b += poly([[90, 414], [124, 410], [130, 422], [96, 426]], '#151920') + poly([[94, 415], [121, 412], [125, 420], [98, 423]], '#4f7fa8');
  const defs = linear('underlight', [[0, '#f3d89a', 0.14], [1, '#f3d89a', 0.02]]);
  return svg(defs, b);
}

// A corporate corridor ending in the lifts.
function hallway() {
  const r = rng(88);
  const P = persp(480, 236);
  const Z = 3.1;
  const XL = 40, XR = 920, YT = -30, YF = 600;
  let b = '';
  b += rect(0, 0, W, H, '#2b313c');
  b += poly(floorQuad(P, YT, XL, XR, 1, Z), '#262c36');
  b += poly(floorQuad(P, YF, XL, XR, 1, Z), '#30343a');
  b += poly(floorQuad(P, YF, 300, 660, 1, Z), '#3a3f46');
  b += poly(wallQuad(P, XL, YT, YF, 1, Z), '#3b4350');
  b += poly(wallQuad(P, XR, YT, YF, 1, Z), '#363d49');
  // Ceiling lights.
  for (let z = 1.15; z < Z - 0.2; z += 0.42) b += poly(floorQuad(P, YT, 380, 580, z, z + 0.16), '#dfe8ef', { opacity: 0.85 });
  for (let z = 1.15; z < Z - 0.2; z += 0.42) b += poly(floorQuad(P, YF, 380, 580, z, z + 0.2), '#dfe8ef', { opacity: 0.07 });
  // Skirting lines.
  b += polyline([P(XL, YF - 26, 1), P(XL, YF - 26, Z)], '#2a303a', 4) + polyline([P(XR, YF - 26, 1), P(XR, YF - 26, Z)], '#2a303a', 4);
  // Doors on the left wall, a glass office and a picture on the right.
  const door = (X, z0, z1, color) =>
    poly(wallQuad(P, X, 130, YF, z0 - 0.03, z1 + 0.03), '#2a303a') +
    poly(wallQuad(P, X, 150, YF, z0, z1), color) +
    poly(wallQuad(P, X, 360, 390, z1 - 0.05, z1 - 0.03), '#c9ced4');
  b += door(XL, 1.25, 1.6, '#6a4a36') + door(XL, 2.1, 2.35, '#6a4a36');
  b += poly(wallQuad(P, XR, 150, 470, 1.2, 1.8), '#1e2530');
  b += poly(wallQuad(P, XR, 160, 460, 1.23, 1.77), '#6f8fa8', { opacity: 0.35 });
  b += poly(wallQuad(P, XR, 200, 330, 2.15, 2.45), '#1e2530') + poly(wallQuad(P, XR, 212, 318, 2.18, 2.42), '#c97a5a');
  b += poly(wallQuad(P, XR, 250, 318, 2.18, 2.3), '#5a8ab0') + poly(wallQuad(P, XR, 212, 260, 2.3, 2.42), '#e3bf5a');
  // The end wall and the lifts.
  const e0 = P(XL, YT, Z), e1 = P(XR, YF, Z);
  b += rect(e0[0], e0[1], e1[0] - e0[0], e1[1] - e0[1], '#414a58');
  const lift = (cx) => {
    const [x0, y0] = P(cx - 95, 150, Z), [x1, y1] = P(cx + 95, YF, Z);
    let s = rect(x0 - 6, y0 - 6, x1 - x0 + 12, y1 - y0 + 6, '#2a303a');
    s += rect(x0, y0, x1 - x0, y1 - y0, '#9aa4ae');
    s += rect(x0, y0, (x1 - x0) / 2 - 1, y1 - y0, 'url(#steel)') + rect((x0 + x1) / 2 + 1, y0, (x1 - x0) / 2 - 1, y1 - y0, 'url(#steel)');
    s += rect((x0 + x1) / 2 - 1, y0, 2, y1 - y0, '#4a525c');
    s += rect((x0 + x1) / 2 - 14, y0 - 20, 28, 10, '#151a20') + poly([[(x0 + x1) / 2 - 4, y0 - 12], [(x0 + x1) / 2 + 4, y0 - 12], [(x0 + x1) / 2, y0 - 18]], '#f0b040');
    return s;
  };
  b += lift(330) + lift(630);
  const [bx, by] = P(480, 360, Z);
  b += rect(bx - 6, by - 14, 12, 28, '#2a303a') + circle(bx, by - 5, 2.6, '#f0d070') + circle(bx, by + 5, 2.6, '#9aa4ae');
  // A plant by the glass office.
  const [px, py] = P(XR - 70, YF, 1.1);
  b += rect(px - 30, py - 90, 60, 90, '#59606b');
  for (let i = 0; i < 9; i++) {
    const a = -80 + i * 20;
    b += ellipse(px + a * 0.5, py - 130 - Math.abs(a) * -0.2, 12, 40, i % 2 ? '#3f6d50' : '#4f8060', { transform: `rotate(${a * 0.6} ${px + a * 0.5} ${py - 130})` });
  }
  const defs = linear('steel', [[0, '#b8c0c8'], [0.5, '#8f98a2'], [1, '#a8b0b8']], 1, 0);
  return svg(defs, b);
}

export const SCENES = { office, war_room, plant, saloon, boardroom, data_centre, home, hallway };

export async function makeBackdrops(outDir, only) {
  let total = 0;
  const rows = [];
  for (const [name, scene] of Object.entries(SCENES)) {
    if (only && !only.includes(name)) continue;
    const n = await savePalette(rasterise(scene(), W), path.join(outDir, `${name}.png`), { colors: 96, dither: 0.35 });
    total += n;
    rows.push(`${name} ${kb(n)}`);
  }
  console.log(`  backdrops: ${rows.length} files, ${kb(total)} (${rows.join(', ')})`);
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, ...only] = process.argv.slice(2);
  await makeBackdrops(out ?? path.resolve('../../assets/backdrops'), only.length ? only : undefined);
}
