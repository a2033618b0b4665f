/**
 * Sample images for the demo content. No photo can be downloaded for this fictional site, so
 * this script paints a photo-like scene (sky, hills or skyline, water, light, grain) for every
 * image path referenced in content/**\/*.mdx that is missing under public/. Each scene is
 * seeded by a hash of its path, so re-running changes nothing. `--force` rewrites every file.
 * Usage: npx tsx scripts/make-sample-images.ts [--force]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import sharp from "sharp";

type Rng = () => number;
type Palette = { sky: [string, string]; sun: string; hills: string[]; water: [string, string]; lights: string; night: boolean };

const PALETTES: Record<string, Palette> = {
  dawn: {
    sky: ["#4a5a8a", "#f2b58a"],
    sun: "#ffe2b0",
    hills: ["#8d7f97", "#5d556e", "#3a3447", "#221e2a"],
    water: ["#c99a8c", "#3b3f5c"],
    lights: "#ffd9a0",
    night: false,
  },
  day: {
    sky: ["#3f7fc4", "#cfe3f2"],
    sun: "#fffbe8",
    hills: ["#8fa6b5", "#5f7f6a", "#3f5e43", "#26391f"],
    water: ["#7fa8c4", "#2d4d66"],
    lights: "#ffffff",
    night: false,
  },
  dusk: {
    sky: ["#2a2350", "#f08a4b"],
    sun: "#ffc07a",
    hills: ["#7a4f6a", "#4d3050", "#2e1d36", "#170f1d"],
    water: ["#d07a55", "#231a36"],
    lights: "#ffc766",
    night: true,
  },
  night: {
    sky: ["#050a1c", "#1f2f57"],
    sun: "#f1f0e0",
    hills: ["#1b2440", "#141a30", "#0d1122", "#070913"],
    water: ["#1c2a4d", "#04060f"],
    lights: "#ffcf6e",
    night: true,
  },
  overcast: {
    sky: ["#7d8690", "#c9cdd1"],
    sun: "#e6e8ea",
    hills: ["#9aa0a4", "#737b7c", "#505a56", "#333b36"],
    water: ["#8c969c", "#3d474d"],
    lights: "#f4efe2",
    night: false,
  },
};

function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}
function rngFrom(seed: number): Rng {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: Rng, xs: T[]): T => xs[Math.floor(r() * xs.length)];

/** Ridge line (sum of sines plus jitter) from left to right, closed at the bottom of the frame. */
function ridge(r: Rng, w: number, h: number, base: number, amp: number, rough: number, steps = 160): string {
  const f = [1 + r() * 2, 3 + r() * 4, 9 + r() * 12].map((k) => (k * 2 * Math.PI) / w),
    ph = f.map(() => r() * 6.3);
  let d = `M0 ${h}`;
  for (let i = 0; i <= steps; i++) {
    const x = (i / steps) * w;
    const y =
      base +
      amp * (0.5 * Math.sin(x * f[0] + ph[0]) + 0.3 * Math.sin(x * f[1] + ph[1]) + 0.12 * Math.sin(x * f[2] + ph[2]) + (r() - 0.5) * rough);
    d += ` L${x.toFixed(0)} ${y.toFixed(1)}`;
  }
  return `${d} L${w} ${h} Z`;
}

function skyline(r: Rng, w: number, horizon: number, p: Palette): string {
  let out = "";
  for (let x = 0; x < w;) {
    const bw = 40 + r() * 120,
      bh = 40 + r() ** 2 * horizon * 0.45,
      top = horizon - bh;
    out += `<rect x="${x}" y="${top}" width="${bw}" height="${bh + 2}" fill="${p.hills[2]}" opacity="${0.8 + r() * 0.2}"/>`;
    if (r() < 0.2)
      out += `<path d="M${x + bw / 2} ${top} v-${bh * 0.6} h${bw * 1.5} M${x + bw / 2} ${top - bh * 0.6} l${bw * 0.4} ${bh * 0.25}" stroke="${p.hills[2]}" stroke-width="6" fill="none"/>`;
    for (let wy = top + 12; wy < horizon - 10; wy += 18)
      for (let wx = x + 8; wx < x + bw - 10; wx += 16)
        if (r() < (p.night ? 0.35 : 0.08))
          out += `<rect x="${wx}" y="${wy}" width="7" height="9" fill="${p.lights}" opacity="${p.night ? 0.9 : 0.25}"/>`;
    x += bw + r() * 10;
  }
  return out;
}

function sceneSvg(path: string, w: number, h: number): string {
  const r = rngFrom(hash(path));
  const mood = /lantern|festival/.test(path) ? "night" : pick(r, Object.keys(PALETTES));
  const p = PALETTES[mood];
  const kind = /shipyard|tidal|ferry|lantern/.test(path)
    ? "city"
    : /grain|rail|bank/.test(path)
      ? "country"
      : pick(r, ["city", "coast", "country"]);
  const horizon = h * (0.48 + r() * 0.14);
  const sunX = w * (0.15 + r() * 0.7),
    sunY = horizon * (p.night ? 0.3 : 0.45 + r() * 0.4);
  let s = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs>
<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[0]}"/><stop offset="1" stop-color="${p.sky[1]}"/></linearGradient>
<linearGradient id="mist" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[1]}" stop-opacity="0"/><stop offset="1" stop-color="${p.sky[1]}" stop-opacity="0.6"/></linearGradient>
<linearGradient id="sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.water[0]}"/><stop offset="1" stop-color="${p.water[1]}"/></linearGradient>
<radialGradient id="glow"><stop offset="0" stop-color="${p.sun}" stop-opacity="0.9"/><stop offset="1" stop-color="${p.sun}" stop-opacity="0"/></radialGradient>
<radialGradient id="vig" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.55"/></radialGradient>
<filter id="soft"><feGaussianBlur stdDeviation="${w / 90}"/></filter><filter id="haze"><feGaussianBlur stdDeviation="3"/></filter></defs>
<rect width="${w}" height="${h}" fill="url(#sky)"/>`;
  if (p.night)
    for (let i = 0; i < 160; i++)
      s += `<circle cx="${r() * w}" cy="${r() * horizon * 0.8}" r="${0.8 + r() * 1.6}" fill="#fff" opacity="${0.3 + r() * 0.6}"/>`;
  s += `<circle cx="${sunX}" cy="${sunY}" r="${w * (p.night ? 0.08 : 0.25)}" fill="url(#glow)"/><circle cx="${sunX}" cy="${sunY}" r="${w * (p.night ? 0.014 : 0.02)}" fill="${p.sun}"/>`;
  s += `<g filter="url(#soft)" opacity="${mood === "overcast" ? 0.8 : 0.5}">`;
  for (let i = 0; i < 14; i++)
    s += `<ellipse cx="${r() * w}" cy="${r() * horizon * 0.75}" rx="${w * (0.06 + r() * 0.14)}" ry="${h * (0.015 + r() * 0.04)}" fill="${mood === "night" ? "#2a3552" : "#ffffff"}" opacity="${0.3 + r() * 0.5}"/>`;
  s += `</g><g filter="url(#haze)">`;
  s += `<path d="${ridge(r, w, h, horizon - h * 0.13, h * 0.16, 0.12)}" fill="${p.hills[0]}" opacity="0.75"/>`;
  s += `<rect y="${horizon - h * 0.2}" width="${w}" height="${h * 0.2}" fill="url(#mist)"/>`;
  s += `<path d="${ridge(r, w, h, horizon - h * 0.04, h * 0.07, 0.15)}" fill="${p.hills[1]}"/></g>`;
  if (kind === "city") s += skyline(r, w, horizon + 2, p);
  if (kind === "country") {
    s += `<path d="${ridge(r, w, h, horizon + h * 0.02, h * 0.05, 0.05)}" fill="${p.hills[2]}"/>`;
    for (let i = 0; i < 9; i++)
      s += `<path d="${ridge(r, w, h, horizon + h * (0.08 + i * 0.05), h * 0.03, 0.02)}" fill="${pick(r, ["#8a7a45", "#6d7a3a", "#a58f52", "#4f5e2f"])}" opacity="${0.55 + r() * 0.3}"/>`;
  } else {
    s += `<rect y="${horizon}" width="${w}" height="${h - horizon}" fill="url(#sea)"/>`;
    for (let i = 0; i < 26; i++)
      s += `<ellipse cx="${sunX + (r() - 0.5) * w * 0.08}" cy="${horizon + (i / 26) ** 1.4 * (h - horizon)}" rx="${w * (0.01 + r() * 0.05)}" ry="2" fill="${p.sun}" opacity="${0.15 + r() * 0.35}"/>`;
    for (let i = 0; i < 120; i++)
      s += `<rect x="${r() * w}" y="${horizon + r() ** 1.6 * (h - horizon)}" width="${20 + r() * 120}" height="2" fill="#fff" opacity="${0.04 + r() * 0.1}"/>`;
    if (p.night)
      for (let i = 0; i < 40; i++)
        s += `<rect x="${r() * w}" y="${horizon + 4 + r() * h * 0.12}" width="3" height="${10 + r() * 60}" fill="${p.lights}" opacity="${0.2 + r() * 0.4}"/>`;
  }
  const shore = h * (0.88 + r() * 0.05);
  s += `<path d="${ridge(r, w, h, shore, h * 0.05, 0.1)}" fill="${p.hills[3]}"/>`;
  const trees = r() < 0.7 ? 90 : 0,
    cx = r() * w;
  for (let i = 0; i < trees; i++) {
    const x = (cx + (r() - 0.5) * w * (r() < 0.5 ? 0.4 : 1.2) + w) % w,
      th = h * (0.05 + r() ** 2 * 0.2),
      base = shore + h * (0.02 + r() * 0.08);
    s += `<path d="M${x} ${base - th} L${x - th * 0.16} ${base - th * 0.45} L${x - th * 0.1} ${base - th * 0.45} L${x - th * 0.22} ${base} L${x + th * 0.22} ${base} L${x + th * 0.1} ${base - th * 0.45} L${x + th * 0.16} ${base - th * 0.45} Z" fill="${p.hills[3]}"/>`;
  }
  return `${s}<rect width="${w}" height="${h}" fill="url(#vig)"/></svg>`;
}

function avatarSvg(path: string, size: number): string {
  const r = rngFrom(hash(path));
  const hue = Math.floor(r() * 360),
    skin = pick(r, ["#6b4a3a", "#a0735a", "#d3a183", "#8c5d45", "#e2b799"]);
  const coat = `hsl(${(hue + 180) % 360} 25% ${20 + r() * 15}%)`,
    hair = pick(r, ["#1d1712", "#3b2a1e", "#6b4b2f", "#9a9a9a", "#2a2a2a"]);
  const c = size / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><defs>
<radialGradient id="bg" cx="0.35" cy="0.3" r="0.9"><stop offset="0" stop-color="hsl(${hue} 45% 72%)"/><stop offset="1" stop-color="hsl(${hue} 40% 32%)"/></radialGradient>
<radialGradient id="face" cx="0.4" cy="0.35" r="0.8"><stop offset="0" stop-color="#fff" stop-opacity="0.25"/><stop offset="1" stop-color="#000" stop-opacity="0.25"/></radialGradient>
<filter id="b"><feGaussianBlur stdDeviation="1.5"/></filter></defs>
<rect width="${size}" height="${size}" fill="url(#bg)"/><g filter="url(#b)">
<path d="M${c - 170} ${size} C${c - 165} ${size * 0.72} ${c - 90} ${size * 0.68} ${c} ${size * 0.68} C${c + 90} ${size * 0.68} ${c + 165} ${size * 0.72} ${c + 170} ${size} Z" fill="${coat}"/>
<rect x="${c - 32}" y="${size * 0.5}" width="64" height="${size * 0.2}" rx="20" fill="${skin}"/><rect x="${c - 32}" y="${size * 0.5}" width="64" height="${size * 0.2}" rx="20" fill="#000" opacity="0.22"/>
<ellipse cx="${c}" cy="${size * 0.4}" rx="${70 + r() * 10}" ry="${88 + r() * 10}" fill="${skin}"/>
<ellipse cx="${c}" cy="${size * 0.4}" rx="80" ry="98" fill="url(#face)"/>
<path d="M${c - 84} ${size * 0.46} C${c - 100} ${size * 0.1} ${c + 100} ${size * 0.1} ${c + 84} ${size * (0.46 + r() * 0.1)} C${c + 78} ${size * 0.3} ${c + 30} ${size * 0.24} ${c - 20} ${size * 0.27} C${c - 60} ${size * 0.29} ${c - 72} ${size * 0.34} ${c - 84} ${size * 0.46} Z" fill="${hair}"/></g></svg>`;
}

async function render(path: string, out: string): Promise<void> {
  const isAvatar = path.includes("/images/authors/");
  const w = isAvatar ? 480 : 2000,
    h = isAvatar ? 480 : path.includes("-wide") ? 1125 : 1333;
  const r = rngFrom(hash(path) ^ 0x9e3779b9);
  // Low- and mid-frequency mottling (upscaled random fields) plus per-pixel film grain, added in sRGB.
  const field = async (div: number): Promise<Buffer> => {
    const fw = Math.round(w / div),
      fh = Math.round(h / div),
      buf = Buffer.alloc(fw * fh);
    for (let i = 0; i < buf.length; i++) buf[i] = 128 + (r() + r() - 1) * 127;
    return sharp(buf, { raw: { width: fw, height: fh, channels: 1 } })
      .resize(w, h, { kernel: "cubic" })
      .extractChannel(0)
      .raw()
      .toBuffer();
  };
  const [low, mid] = [await field(60), await field(8)];
  const svg = Buffer.from(isAvatar ? avatarSvg(path, w) : sceneSvg(path, w, h));
  const px = await sharp(svg).removeAlpha().blur(0.8).raw().toBuffer();
  for (let i = 0, j = 0; j < low.length; i += 3, j++) {
    const n = (low[j] - 128) * 0.1 + (mid[j] - 128) * 0.06 + (r() + r() + r() - 1.5) * 13;
    for (let c = 0; c < 3; c++) px[i + c] = Math.max(0, Math.min(255, px[i + c] + n + (r() - 0.5) * 4));
  }
  const img = sharp(px, { raw: { width: w, height: h, channels: 3 } });
  mkdirSync(dirname(out), { recursive: true });
  if (out.endsWith(".webp")) await img.webp({ quality: 78 }).toFile(out);
  else if (out.endsWith(".png")) await img.png().toFile(out);
  else await img.jpeg({ quality: 80, progressive: true, mozjpeg: true }).toFile(out);
}

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mdxFiles(join(dir, e.name)) : e.name.endsWith(".mdx") ? [join(dir, e.name)] : [],
  );
}

async function main(): Promise<void> {
  const force = process.argv.includes("--force");
  const paths = new Set<string>();
  for (const file of mdxFiles("content")) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^\s*(?:src|avatar):\s*["']?(\/[^\s"']+)/gm)) paths.add(m[1]);
    for (const m of text.matchAll(/<ImageCaption\b[^>]*?\bsrc="(\/[^"]+)"/g)) paths.add(m[1]);
  }
  let written = 0;
  for (const p of [...paths].sort()) {
    const out = join("public", p);
    if (!force && existsSync(out)) continue;
    await render(p, out);
    written++;
    console.log(`wrote ${out} (${(statSync(out).size / 1024).toFixed(0)} KB)`);
  }
  console.log(`${paths.size} image paths referenced, ${written} written.`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
