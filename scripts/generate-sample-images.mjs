/**
 * Draws the embedded dataset's illustrations: abstract, original pictures made of shapes
 * and colours that hint at each subject (pixels for gaming, waves for sensors, wheels for
 * bicycles). Each is drawn as SVG from a seeded random generator, rendered to JPEG with
 * sharp, and written to `content/images/<sha1>-<w>x<h>.jpg` the way `sanity dataset
 * export` names asset files. The name → file map goes to
 * `scripts/sample-dataset/images.json`, which `build-sample-dataset.mjs` reads.
 *
 * Usage: npm exec -- node scripts/generate-sample-images.mjs
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const imageDir = join(root, 'content', 'images');
const manifestPath = join(root, 'scripts', 'sample-dataset', 'images.json');

const W = 1200;
const H = 675;

/** A small deterministic PRNG (mulberry32), so every run draws the same pictures. */
function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(name) {
  return createHash('sha1').update(name).digest().readUInt32BE(0);
}

const PALETTES = {
  fjord: ['#0f2d4f', '#1f5f8b', '#3f9bb8', '#9fd6d2', '#f4efe6'],
  evening: ['#1d1a3a', '#4b2e83', '#c0437a', '#f28f6b', '#ffd9a8'],
  forest: ['#13312a', '#2f6b4f', '#6fa86a', '#c9e4a5', '#f6f3e8'],
  sunrise: ['#2b1f33', '#d4553d', '#f39c45', '#f7d06b', '#fff6e3'],
  slate: ['#1f2933', '#3e4c59', '#7b8794', '#cbd2d9', '#f5f7fa'],
  berry: ['#2a1335', '#7a1f5c', '#d94f70', '#f3a6a0', '#fbeee6'],
  moss: ['#233329', '#58704a', '#a3b86c', '#e6dfa3', '#faf7ec'],
  ocean: ['#06283d', '#1363df', '#47b5ff', '#c4ecff', '#f2fbff'],
};

const rect = (x, y, w, h, fill, extra = '') =>
  `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}" ${extra}/>`;
const circle = (cx, cy, r, fill, extra = '') =>
  `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}" ${extra}/>`;
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

function gradientBackground(id, a, b, angle = 0) {
  const rad = (angle * Math.PI) / 180;
  const x2 = (0.5 + Math.cos(rad) / 2).toFixed(2);
  const y2 = (0.5 + Math.sin(rad) / 2).toFixed(2);
  const x1 = (1 - Number(x2)).toFixed(2);
  const y1 = (1 - Number(y2)).toFixed(2);
  return {
    defs: `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient>`,
    fill: `<rect width="${W}" height="${H}" fill="url(#${id})"/>`,
  };
}

/** Each drawing returns the inside of an SVG of W × H. */
const DRAWINGS = {
  /** Pixel blocks and a rounded game controller outline: the gamers' youth club. */
  spillhuset(rnd) {
    const p = PALETTES.evening;
    const bg = gradientBackground('g', p[0], p[1], 30);
    let out = bg.fill;
    const size = 45;
    for (let x = 0; x < W; x += size) {
      for (let y = 0; y < H; y += size) {
        if (rnd() < 0.22)
          out += rect(
            x + 3,
            y + 3,
            size - 6,
            size - 6,
            pick(rnd, p.slice(2)),
            `opacity="${(0.35 + rnd() * 0.6).toFixed(2)}"`,
          );
      }
    }
    out += `<rect x="380" y="230" width="440" height="230" rx="115" fill="none" stroke="${p[4]}" stroke-width="22"/>`;
    out += rect(470, 320, 90, 28, p[4]) + rect(501, 289, 28, 90, p[4]);
    out += circle(700, 310, 22, p[3]) + circle(745, 355, 22, p[2]) + circle(655, 355, 22, p[3]);
    return { defs: bg.defs, body: out };
  },
  /** Two overlapping speech shapes over a pixel grid: gamers talking to parents. */
  'gamere-om-gaming'(rnd) {
    const p = PALETTES.sunrise;
    let out = rect(0, 0, W, H, p[4]);
    for (let i = 0; i < 140; i++) {
      const s = 18 + Math.floor(rnd() * 3) * 12;
      out += rect(
        Math.floor(rnd() * 40) * 30,
        Math.floor(rnd() * 23) * 30,
        s,
        s,
        pick(rnd, p.slice(1, 4)),
        `opacity="${(0.2 + rnd() * 0.4).toFixed(2)}"`,
      );
    }
    out += `<path d="M170 150 h420 a40 40 0 0 1 40 40 v170 a40 40 0 0 1 -40 40 h-280 l-90 80 v-80 h-50 a40 40 0 0 1 -40 -40 v-170 a40 40 0 0 1 40 -40z" fill="${p[0]}" opacity="0.92"/>`;
    out += `<path d="M610 260 h420 a40 40 0 0 1 40 40 v170 a40 40 0 0 1 -40 40 h-50 v80 l-90 -80 h-280 a40 40 0 0 1 -40 -40 v-170 a40 40 0 0 1 40 -40z" fill="${p[1]}" opacity="0.92"/>`;
    for (let i = 0; i < 3; i++) out += circle(300 + i * 80, 275, 18, p[3]);
    for (let i = 0; i < 3; i++) out += rect(720 + i * 90, 365, 50, 50, p[4]);
    return { body: out };
  },
  /** Concentric rings spreading from small dots: sensors and signals. */
  sensorer(rnd) {
    const p = PALETTES.ocean;
    const bg = gradientBackground('g', p[0], '#0b3f6b', 90);
    let out = bg.fill;
    const centres = [
      [320, 340],
      [820, 260],
      [960, 520],
    ];
    for (const [cx, cy] of centres) {
      for (let r = 30; r < 420; r += 34) {
        out += circle(
          cx,
          cy,
          r,
          'none',
          `stroke="${pick(rnd, [p[2], p[3]])}" stroke-width="${(2 + rnd() * 4).toFixed(1)}" opacity="${(1 - r / 430).toFixed(2)}"`,
        );
      }
      out += circle(cx, cy, 16, p[4]);
    }
    return { defs: bg.defs, body: out };
  },
  /** A round dispenser wheel with coloured compartments. */
  medisindispenser(rnd) {
    const p = PALETTES.berry;
    let out = rect(0, 0, W, H, p[4]);
    const cx = 600;
    const cy = 338;
    const n = 28;
    for (let i = 0; i < n; i++) {
      const a0 = (i / n) * Math.PI * 2;
      const a1 = ((i + 0.86) / n) * Math.PI * 2;
      const r0 = 120;
      const r1 = 270;
      const pt = (r, a) =>
        `${(cx + r * Math.cos(a)).toFixed(1)} ${(cy + r * Math.sin(a)).toFixed(1)}`;
      const fill = i % 7 === 0 ? p[2] : pick(rnd, [p[1], p[3], '#e7c6d4']);
      out += `<path d="M${pt(r0, a0)} L${pt(r1, a0)} A${r1} ${r1} 0 0 1 ${pt(r1, a1)} L${pt(r0, a1)} A${r0} ${r0} 0 0 0 ${pt(r0, a0)}Z" fill="${fill}"/>`;
    }
    out += circle(cx, cy, 100, p[0]);
    out += circle(cx, cy, 38, p[4]);
    for (let i = 0; i < 30; i++)
      out += circle(rnd() * W, rnd() * H, 4 + rnd() * 10, p[2], 'opacity="0.35"');
    return { body: out };
  },
  /** A dark night with a moon and a few lit windows: digital night-time supervision. */
  'digitalt-tilsyn'(rnd) {
    const p = PALETTES.slate;
    const bg = gradientBackground('g', '#0d1b2a', '#1b263b', 90);
    let out = bg.fill;
    for (let i = 0; i < 90; i++)
      out += circle(
        rnd() * W,
        rnd() * 330,
        1 + rnd() * 2,
        '#e0e6ed',
        `opacity="${(0.3 + rnd() * 0.7).toFixed(2)}"`,
      );
    out += circle(960, 130, 60, '#f2e9c9') + circle(985, 115, 56, '#0f1e30');
    let x = 40;
    while (x < W - 60) {
      const w = 120 + rnd() * 120;
      const h = 180 + rnd() * 200;
      out += rect(x, H - h, w, h, pick(rnd, ['#243447', '#2c3e50', '#1f2d3d']));
      for (let wy = H - h + 25; wy < H - 40; wy += 48) {
        for (let wx = x + 18; wx < x + w - 30; wx += 42) {
          out += rect(wx, wy, 22, 28, rnd() < 0.18 ? '#f6c453' : '#34495e');
        }
      }
      x += w + 14;
    }
    out += `<path d="M0 560 Q300 520 600 560 T1200 560" fill="none" stroke="${p[3]}" stroke-width="3" stroke-dasharray="6 10" opacity="0.6"/>`;
    return { defs: bg.defs, body: out };
  },
  /** Stacks of book spines and a sun: learning. */
  laering(rnd) {
    const p = PALETTES.moss;
    let out = rect(0, 0, W, H, p[4]);
    out += circle(980, 150, 90, '#f2c14e', 'opacity="0.85"');
    let x = 80;
    while (x < W - 80) {
      const w = 28 + rnd() * 40;
      const h = 220 + rnd() * 230;
      const fill = pick(rnd, [p[0], p[1], p[2], '#c0673a', '#3d6b8c']);
      const tilt = rnd() < 0.12 ? -8 : 0;
      out += `<rect x="${x.toFixed(1)}" y="${(590 - h).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}" transform="rotate(${tilt} ${x} 590)"/>`;
      out += rect(x + 6, 590 - h + 24, w - 12, 6, p[4], 'opacity="0.6"');
      x += w + 4;
    }
    out += rect(40, 590, W - 80, 22, p[0]);
    return { body: out };
  },
  /** Waves under a low sun: climate and the environment. */
  klima(rnd) {
    const p = PALETTES.forest;
    const bg = gradientBackground('g', '#dff3e4', '#9fd3c7', 90);
    let out = bg.fill;
    out += circle(600, 430, 170, '#f4a259', 'opacity="0.9"');
    for (let i = 0; i < 9; i++) {
      const y = 380 + i * 36;
      const amp = 14 + rnd() * 16;
      const color = [p[0], p[1], p[2], '#1f5f8b'][i % 4];
      let d = `M0 ${y}`;
      for (let x = 0; x <= W; x += 150)
        d += ` Q${x + 75} ${y + (i % 2 ? amp : -amp)} ${x + 150} ${y}`;
      d += ` V${H} H0Z`;
      out += `<path d="${d}" fill="${color}" opacity="${(0.55 + i * 0.05).toFixed(2)}"/>`;
    }
    return { defs: bg.defs, body: out };
  },
  /** Big wheels and a path: home care on electric bicycles. */
  elsykkel(rnd) {
    const p = PALETTES.fjord;
    let out = rect(0, 0, W, H, p[4]);
    out += `<path d="M0 560 C300 500 500 620 800 560 S1100 520 1200 540 V675 H0Z" fill="${p[3]}"/>`;
    const wheel = (cx, cy, r) => {
      let s = circle(cx, cy, r, 'none', `stroke="${p[0]}" stroke-width="18"`);
      for (let i = 0; i < 12; i++) {
        const a = (i / 12) * Math.PI * 2 + rnd() * 0.05;
        s += `<line x1="${cx}" y1="${cy}" x2="${(cx + r * Math.cos(a)).toFixed(1)}" y2="${(cy + r * Math.sin(a)).toFixed(1)}" stroke="${p[1]}" stroke-width="4"/>`;
      }
      return s + circle(cx, cy, 14, p[2]);
    };
    out += wheel(380, 400, 150) + wheel(820, 400, 150);
    out += `<path d="M380 400 L560 400 L700 230 L470 230 Z M560 400 L470 230 M700 230 L820 400 M700 230 L680 180 L740 175" fill="none" stroke="${p[2]}" stroke-width="16" stroke-linejoin="round" stroke-linecap="round"/>`;
    out += rect(520, 300, 80, 40, '#f2c14e', 'rx="8"');
    out += `<path d="M535 320 l18 -14 v10 h16 l-18 14 v-10z" fill="${p[0]}"/>`;
    return { body: out };
  },
  /** Nodes connected in a network: leaders learning from each other (LUP). */
  lederutvikling(rnd) {
    const p = PALETTES.slate;
    const bg = gradientBackground('g', '#f5f7fa', '#dde3ea', 45);
    let out = bg.fill;
    const nodes = Array.from({ length: 34 }, () => [
      60 + rnd() * (W - 120),
      60 + rnd() * (H - 120),
      rnd(),
    ]);
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const [x1, y1] = nodes[i];
        const [x2, y2] = nodes[j];
        if (Math.hypot(x1 - x2, y1 - y2) < 230)
          out += `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${p[2]}" stroke-width="2" opacity="0.6"/>`;
      }
    }
    for (const [x, y, v] of nodes)
      out += circle(x, y, 10 + v * 22, v > 0.7 ? '#e07a5f' : v > 0.35 ? '#3d5a80' : p[1]);
    return { defs: bg.defs, body: out };
  },
  /** A radiating star shape: the innovation prize. */
  innovasjonsprisen(rnd) {
    const p = PALETTES.sunrise;
    const bg = gradientBackground('g', p[0], '#4a2c40', 60);
    let out = bg.fill;
    const cx = 600;
    const cy = 338;
    for (let i = 0; i < 48; i++) {
      const a = (i / 48) * Math.PI * 2;
      const len = 200 + rnd() * 260;
      out += `<line x1="${cx}" y1="${cy}" x2="${(cx + len * Math.cos(a)).toFixed(1)}" y2="${(cy + len * Math.sin(a)).toFixed(1)}" stroke="${pick(rnd, p.slice(1, 4))}" stroke-width="${(3 + rnd() * 6).toFixed(1)}" stroke-linecap="round" opacity="0.7"/>`;
    }
    const star = [];
    for (let i = 0; i < 10; i++) {
      const a = (i / 10) * Math.PI * 2 - Math.PI / 2;
      const r = i % 2 ? 70 : 160;
      star.push(`${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`);
    }
    out += `<polygon points="${star.join(' ')}" fill="${p[3]}"/>`;
    out += circle(cx, cy, 40, p[4]);
    return { defs: bg.defs, body: out };
  },
  /** Three overlapping circles in a row: need, solution, test. */
  'blt-metoden'() {
    const p = PALETTES.fjord;
    let out = rect(0, 0, W, H, p[4]);
    out += circle(390, 338, 210, '#e07a5f', 'opacity="0.85"');
    out += circle(600, 338, 210, p[2], 'opacity="0.75"');
    out += circle(810, 338, 210, '#f2c14e', 'opacity="0.75"');
    out += `<path d="M180 600 H1020" stroke="${p[0]}" stroke-width="10" stroke-linecap="round"/>`;
    out += `<path d="M1000 580 L1030 600 L1000 620" fill="none" stroke="${p[0]}" stroke-width="10" stroke-linecap="round"/>`;
    return { body: out };
  },
  /** Tilted, cracked tiles: the prize for the best failure. */
  'beste-feil'(rnd) {
    const p = PALETTES.berry;
    let out = rect(0, 0, W, H, '#f7efe9');
    const size = 100;
    for (let x = 0; x < W; x += size) {
      for (let y = 0; y < H + size; y += size) {
        const broken = rnd() < 0.18;
        const rot = broken ? (rnd() - 0.5) * 40 : 0;
        const dx = broken ? (rnd() - 0.5) * 30 : 0;
        const fill = broken
          ? pick(rnd, [p[2], p[3]])
          : pick(rnd, ['#e8d6cf', '#efe2dc', '#e2cfc7']);
        out += `<rect x="${x + 6 + dx}" y="${y + 6}" width="${size - 12}" height="${size - 12}" fill="${fill}" transform="rotate(${rot.toFixed(1)} ${x + size / 2} ${y + size / 2})"/>`;
        if (broken)
          out += `<path d="M${x + 20} ${y + 30} L${x + 50} ${y + 55} L${x + 40} ${y + 80}" stroke="${p[0]}" stroke-width="3" fill="none"/>`;
      }
    }
    return { body: out };
  },
  /** Many round voices of different sizes: participation. */
  medvirkning(rnd) {
    const p = PALETTES.ocean;
    let out = rect(0, 0, W, H, '#fdf8f0');
    const colors = ['#e07a5f', '#3d5a80', '#81b29a', '#f2cc8f', p[1]];
    for (let i = 0; i < 70; i++) {
      const x = rnd() * W;
      const y = rnd() * H;
      const r = 14 + rnd() * 46;
      const fill = pick(rnd, colors);
      out += circle(x, y, r, fill, 'opacity="0.85"');
      out += `<path d="M${(x - r * 0.3).toFixed(1)} ${(y + r * 0.85).toFixed(1)} l${(-r * 0.35).toFixed(1)} ${(r * 0.5).toFixed(1)} l${(r * 0.7).toFixed(1)} ${(-r * 0.3).toFixed(1)}z" fill="${fill}" opacity="0.85"/>`;
    }
    return { body: out };
  },
  /** Open shelves with a glowing doorway: the library with longer opening hours. */
  bibliotek(rnd) {
    const p = PALETTES.evening;
    let out = rect(0, 0, W, H, '#2a2440');
    for (let shelf = 0; shelf < 5; shelf++) {
      const y = 80 + shelf * 120;
      let x = 40;
      while (x < W - 40) {
        if (x > 480 && x < 720) {
          x = 720;
          continue;
        }
        const w = 16 + rnd() * 26;
        const h = 60 + rnd() * 40;
        out += rect(x, y + 100 - h, w, h, pick(rnd, [p[2], p[3], p[4], '#6c5b9e', '#3f8f9b']));
        x += w + 3;
      }
      out += rect(30, y + 100, W - 60, 8, '#14101f');
    }
    const bg = gradientBackground('door', '#ffe6a8', '#f28f6b', 90);
    out += `<rect x="500" y="70" width="200" height="540" rx="100" fill="url(#door)"/>`;
    return { defs: bg.defs, body: out };
  },
  /** A seedling rising from bars: social entrepreneurs growing something new. */
  'sosialt-entreprenorskap'(rnd) {
    const p = PALETTES.moss;
    let out = rect(0, 0, W, H, '#f4f1e4');
    for (let i = 0; i < 9; i++) {
      const h = 80 + i * 38 + rnd() * 30;
      out += rect(
        90 + i * 115,
        600 - h,
        80,
        h,
        i % 3 === 0 ? p[1] : i % 3 === 1 ? p[2] : '#d9a441',
        'rx="6"',
      );
    }
    out += `<path d="M600 600 C600 450 600 360 610 260" stroke="${p[0]}" stroke-width="14" fill="none" stroke-linecap="round"/>`;
    out += `<path d="M610 300 C520 240 470 260 440 200 C520 180 590 220 610 300Z" fill="${p[1]}"/>`;
    out += `<path d="M612 270 C700 200 760 220 800 160 C700 140 630 190 612 270Z" fill="${p[2]}"/>`;
    out += rect(40, 600, W - 80, 14, p[0]);
    return { body: out };
  },
  /** Plates and small pieces: food waste in a nursing home kitchen. */
  matsvinn(rnd) {
    const p = PALETTES.forest;
    let out = rect(0, 0, W, H, '#f3ede2');
    const plates = [
      [300, 340, 180],
      [700, 300, 150],
      [980, 470, 120],
    ];
    for (const [x, y, r] of plates) {
      out += circle(x, y, r, '#ffffff', 'stroke="#d8cfc0" stroke-width="8"');
      out += circle(x, y, r * 0.7, 'none', 'stroke="#e9e1d3" stroke-width="4"');
      for (let i = 0; i < 6; i++) {
        const a = rnd() * Math.PI * 2;
        const d = rnd() * r * 0.5;
        out += circle(
          x + d * Math.cos(a),
          y + d * Math.sin(a),
          8 + rnd() * 20,
          pick(rnd, [p[1], p[2], '#e07a5f', '#f2c14e']),
        );
      }
    }
    out += `<path d="M120 620 H1080" stroke="${p[0]}" stroke-width="6" stroke-dasharray="20 14"/>`;
    return { body: out };
  },
  /** Dots of a map connected by arcs: sharing with other municipalities. */
  deling(rnd) {
    const p = PALETTES.fjord;
    const bg = gradientBackground('g', p[0], '#174a6e', 30);
    let out = bg.fill;
    const pts = Array.from({ length: 60 }, () => [
      200 + rnd() * 800 + Math.sin(rnd() * 6) * 60,
      40 + rnd() * 600,
    ]);
    const hub = [560, 470];
    for (const [x, y] of pts) {
      if (rnd() < 0.5) {
        const mx = (x + hub[0]) / 2;
        const my = Math.min(y, hub[1]) - 80;
        out += `<path d="M${hub[0]} ${hub[1]} Q${mx.toFixed(1)} ${my.toFixed(1)} ${x.toFixed(1)} ${y.toFixed(1)}" fill="none" stroke="${p[3]}" stroke-width="2" opacity="0.5"/>`;
      }
      out += circle(x, y, 5 + rnd() * 6, p[3]);
    }
    out += circle(hub[0], hub[1], 22, '#f2c14e');
    return { defs: bg.defs, body: out };
  },
  /** Stacked coins in growing towers: money for innovation and research. */
  innovasjonsmidler(rnd) {
    const p = PALETTES.sunrise;
    let out = rect(0, 0, W, H, '#fbf3e4');
    for (let t = 0; t < 7; t++) {
      const x = 150 + t * 150;
      const n = 3 + t * 2 + Math.floor(rnd() * 2);
      for (let i = 0; i < n; i++) {
        const y = 600 - i * 26;
        out += `<ellipse cx="${x}" cy="${y}" rx="58" ry="16" fill="${i % 2 ? p[2] : p[3]}" stroke="${p[1]}" stroke-width="3"/>`;
      }
    }
    out += `<path d="M120 220 Q500 120 1080 60" stroke="${p[1]}" stroke-width="8" fill="none" stroke-dasharray="4 16" stroke-linecap="round"/>`;
    return { body: out };
  },
  /** A tank full of rising bubbles: the name of the blog. */
  tanketanken(rnd) {
    const p = PALETTES.ocean;
    let out = rect(0, 0, W, H, '#eef6fb');
    out += `<rect x="300" y="90" width="600" height="500" rx="60" fill="${p[1]}" opacity="0.15" stroke="${p[0]}" stroke-width="10"/>`;
    out += `<path d="M310 300 Q450 270 600 300 T890 300 V580 H310Z" fill="${p[2]}" opacity="0.55"/>`;
    for (let i = 0; i < 60; i++) {
      const x = 340 + rnd() * 520;
      const y = 120 + rnd() * 440;
      out += circle(
        x,
        y,
        4 + rnd() * 22,
        'none',
        `stroke="${y < 300 ? p[1] : '#ffffff'}" stroke-width="3" opacity="0.8"`,
      );
    }
    out += rect(560, 40, 80, 60, p[0], 'rx="10"');
    return { body: out };
  },
  /** Routes drawn across a grid of streets: planning the home care day. */
  ruter(rnd) {
    let out = rect(0, 0, W, H, '#f1f3f5');
    for (let x = 0; x < W; x += 75) out += rect(x, 0, 8, H, '#dfe4ea');
    for (let y = 0; y < H; y += 75) out += rect(0, y, W, 8, '#dfe4ea');
    const colors = ['#e07a5f', '#3d5a80', '#2a9d8f'];
    for (const color of colors) {
      let x = 75 * Math.floor(rnd() * 4);
      let y = 75 * Math.floor(rnd() * 8);
      let d = `M${x + 4} ${y + 4}`;
      for (let i = 0; i < 14; i++) {
        if (rnd() < 0.5) x = Math.min(W - 75, x + 75 * (1 + Math.floor(rnd() * 2)));
        else y = Math.max(0, Math.min(H - 75, y + 75 * (rnd() < 0.5 ? -1 : 1)));
        d += ` L${x + 4} ${y + 4}`;
        out += circle(x + 4, y + 4, 10, color);
      }
      out += `<path d="${d}" fill="none" stroke="${color}" stroke-width="8" stroke-linejoin="round" opacity="0.8"/>`;
    }
    return { body: out };
  },
  /** Layered mountain ridges over a fjord: a nynorsk-coloured landscape for reflection. */
  fjord(rnd) {
    const p = PALETTES.fjord;
    const bg = gradientBackground('g', '#fbe3c8', '#bcd9ea', 90);
    let out = bg.fill;
    const layers = ['#9fb8c9', '#6f93ab', '#466f8d', p[0]];
    layers.forEach((color, i) => {
      let d = `M0 ${260 + i * 60}`;
      for (let x = 0; x <= W; x += 100) d += ` L${x} ${(200 + i * 70 + rnd() * 90).toFixed(1)}`;
      d += ` L${W} ${H} L0 ${H}Z`;
      out += `<path d="${d}" fill="${color}"/>`;
    });
    out += rect(0, 560, W, 115, p[1], 'opacity="0.85"');
    for (let i = 0; i < 12; i++)
      out += rect(rnd() * W, 580 + rnd() * 80, 40 + rnd() * 90, 3, '#ffffff', 'opacity="0.5"');
    return { defs: bg.defs, body: out };
  },
  /** Sticky notes on a wall: a workshop for finding needs and ideas. */
  verksted(rnd) {
    let out = rect(0, 0, W, H, '#ecebe6');
    const colors = ['#f9e27d', '#f7a8b8', '#9ad0ec', '#b5e3a1', '#fcc48a'];
    for (let col = 0; col < 9; col++) {
      for (let row = 0; row < 5; row++) {
        if (rnd() < 0.2) continue;
        const x = 60 + col * 122 + (rnd() - 0.5) * 16;
        const y = 50 + row * 118 + (rnd() - 0.5) * 16;
        const rot = ((rnd() - 0.5) * 10).toFixed(1);
        out += `<g transform="rotate(${rot} ${x + 50} ${y + 50})"><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="100" height="100" fill="${pick(rnd, colors)}"/>`;
        for (let l = 0; l < 3; l++)
          out += rect(x + 14, y + 24 + l * 22, 50 + rnd() * 22, 6, '#5c5c5c', 'opacity="0.35"');
        out += '</g>';
      }
    }
    return { body: out };
  },
};

async function main() {
  await mkdir(imageDir, { recursive: true });
  const manifest = {};
  const written = new Set();
  for (const [name, draw] of Object.entries(DRAWINGS)) {
    const { defs = '', body } = draw(createRandom(seedOf(name)));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${defs}</defs>${body}</svg>`;
    const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    const { width, height } = await sharp(jpeg).metadata();
    const sha1 = createHash('sha1').update(jpeg).digest('hex');
    const file = `${sha1}-${width}x${height}.jpg`;
    await writeFile(join(imageDir, file), jpeg);
    written.add(file);
    manifest[name] = { file, width, height, bytes: jpeg.length };
  }
  for (const file of await readdir(imageDir)) {
    if (!written.has(file)) await rm(join(imageDir, file));
  }
  await mkdir(dirname(manifestPath), { recursive: true });
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const total = Object.values(manifest).reduce((sum, item) => sum + item.bytes, 0);
  console.log(`Wrote ${written.size} images (${(total / 1024).toFixed(0)} KB) to content/images/`);
}

await main();
