/**
 * Generative artwork images for the demo catalogue. Every image is made here from code (no
 * copyrighted works): a seeded PRNG drives a handful of painterly styles rendered by librsvg (sharp).
 */
import sharp from "sharp";

export type ArtStyle = "colour-field" | "ink-mountains" | "geometric" | "brushstrokes" | "orbs" | "grid";

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const W = 1600;
const H = 1200;

const canvasTexture = `
  <filter id="grain" x="0" y="0" width="100%" height="100%">
    <feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="7" result="n"/>
    <feColorMatrix type="saturate" values="0"/>
    <feComponentTransfer><feFuncA type="linear" slope="0.10"/></feComponentTransfer>
    <feBlend in="SourceGraphic" mode="multiply"/>
  </filter>
  <filter id="soft"><feGaussianBlur stdDeviation="18"/></filter>
  <filter id="edge"><feTurbulence type="fractalNoise" baseFrequency="0.02" numOctaves="3" seed="3" result="t"/>
    <feDisplacementMap in="SourceGraphic" in2="t" scale="40"/></filter>`;

function colourField(r: () => number, palette: string[]): string {
  const [bg, a, b, c] = palette;
  const gap = 60 + r() * 40;
  const topH = 420 + r() * 140;
  return `
  <rect width="${W}" height="${H}" fill="${bg}"/>
  <g filter="url(#edge)">
    <rect x="140" y="${gap + 40}" width="${W - 280}" height="${topH}" rx="14" fill="${a}" opacity="0.92" filter="url(#soft)"/>
    <rect x="150" y="${gap + 60 + topH}" width="${W - 300}" height="${H - topH - 2 * gap - 200}" rx="14" fill="${b}" opacity="0.9" filter="url(#soft)"/>
    <rect x="170" y="${gap + 70 + topH + (H - topH - 2 * gap - 200) * 0.7}" width="${W - 340}" height="40" fill="${c}" opacity="0.5" filter="url(#soft)"/>
  </g>`;
}

function inkMountains(r: () => number, palette: string[]): string {
  const [paper, ink] = palette;
  let layers = "";
  for (let i = 0; i < 6; i++) {
    const base = 380 + i * 130;
    let d = `M0 ${H} L0 ${base}`;
    for (let x = 0; x <= W; x += 80) {
      const y = base - Math.sin(x / (180 + i * 40) + r() * 0.6 + i) * (90 + r() * 70) - r() * 40;
      d += ` L${x} ${y.toFixed(0)}`;
    }
    d += ` L${W} ${H} Z`;
    layers += `<path d="${d}" fill="${ink}" opacity="${(0.12 + i * 0.13).toFixed(2)}" filter="url(#soft)"/>`;
  }
  const sunX = 300 + r() * 1000;
  return `<rect width="${W}" height="${H}" fill="${paper}"/>
    <circle cx="${sunX}" cy="${220 + r() * 80}" r="70" fill="${palette[2]}" opacity="0.85"/>
    ${layers}`;
}

function geometric(r: () => number, palette: string[]): string {
  let shapes = `<rect width="${W}" height="${H}" fill="${palette[0]}"/>`;
  const cols = [200, 520 + r() * 120, 980 + r() * 150, 1400];
  const rows = [150, 470 + r() * 100, 800 + r() * 100, 1080];
  for (let i = 0; i < cols.length - 1; i++) {
    for (let j = 0; j < rows.length - 1; j++) {
      if (r() < 0.55) continue;
      const fill = palette[1 + Math.floor(r() * (palette.length - 1))];
      shapes += `<rect x="${cols[i]}" y="${rows[j]}" width="${cols[i + 1]! - cols[i]!}" height="${rows[j + 1]! - rows[j]!}" fill="${fill}"/>`;
    }
  }
  for (const x of cols) shapes += `<rect x="${x - 9}" y="120" width="18" height="${H - 240}" fill="#1c1c1c"/>`;
  for (const y of rows) shapes += `<rect x="170" y="${y - 9}" width="${W - 340}" height="18" fill="#1c1c1c"/>`;
  shapes += `<circle cx="${700 + r() * 300}" cy="${500 + r() * 200}" r="${150 + r() * 60}" fill="${palette[2]}" opacity="0.9"/>`;
  return shapes;
}

function brushstrokes(r: () => number, palette: string[]): string {
  let s = `<rect width="${W}" height="${H}" fill="${palette[0]}"/>`;
  for (let i = 0; i < 38; i++) {
    const x = r() * W;
    const y = r() * H;
    const len = 300 + r() * 700;
    const angle = -0.6 + r() * 1.2;
    const x2 = x + Math.cos(angle) * len;
    const y2 = y + Math.sin(angle) * len;
    const cx = (x + x2) / 2 + (r() - 0.5) * 300;
    const cy = (y + y2) / 2 + (r() - 0.5) * 300;
    const col = palette[1 + Math.floor(r() * (palette.length - 1))];
    s += `<path d="M${x.toFixed(0)} ${y.toFixed(0)} Q${cx.toFixed(0)} ${cy.toFixed(0)} ${x2.toFixed(0)} ${y2.toFixed(0)}" stroke="${col}" stroke-width="${(20 + r() * 70).toFixed(0)}" stroke-linecap="round" fill="none" opacity="${(0.55 + r() * 0.4).toFixed(2)}" filter="url(#edge)"/>`;
  }
  return s;
}

function orbs(r: () => number, palette: string[]): string {
  let s = `<rect width="${W}" height="${H}" fill="${palette[0]}"/>
    <rect y="${H * 0.62}" width="${W}" height="${H * 0.38}" fill="${palette[1]}" opacity="0.9"/>`;
  for (let i = 0; i < 9; i++) {
    const cx = 260 + i * 130 + r() * 60;
    const cy = H * 0.62 - 40 - r() * 60;
    const rad = 55 + r() * 45;
    s += `<ellipse cx="${cx + 20}" cy="${H * 0.62 + 30}" rx="${rad}" ry="18" fill="#000" opacity="0.18" filter="url(#soft)"/>`;
    s += `<circle cx="${cx}" cy="${cy}" r="${rad}" fill="${palette[2 + (i % (palette.length - 2))]}"/>`;
    s += `<circle cx="${cx - rad / 3}" cy="${cy - rad / 3}" r="${rad / 4}" fill="#fff" opacity="0.25" filter="url(#soft)"/>`;
  }
  return s;
}

function grid(r: () => number, palette: string[]): string {
  let s = `<rect width="${W}" height="${H}" fill="${palette[0]}"/>`;
  const n = 18;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 14; j++) {
      const x = 120 + i * 76;
      const y = 110 + j * 72;
      const wave = Math.sin(i / 2.5 + j / 3 + r() * 0.3);
      const rad = 12 + (wave + 1) * 12;
      const col = palette[1 + ((i + j) % (palette.length - 1))];
      s += `<circle cx="${x}" cy="${y}" r="${rad.toFixed(1)}" fill="${col}" opacity="${(0.6 + wave * 0.3).toFixed(2)}"/>`;
    }
  }
  return s;
}

const styles: Record<ArtStyle, (r: () => number, p: string[]) => string> = {
  "colour-field": colourField,
  "ink-mountains": inkMountains,
  geometric,
  brushstrokes,
  orbs,
  grid,
};

export function artworkSvg(style: ArtStyle, seed: number, palette: string[]): string {
  const body = styles[style](prng(seed), palette);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs>${canvasTexture}</defs><g filter="url(#grain)">${body}</g></svg>`;
}

/** Renders the artwork and a detail crop as WebP. */
export async function renderArtwork(style: ArtStyle, seed: number, palette: string[]) {
  const png = await sharp(Buffer.from(artworkSvg(style, seed, palette)))
    .png()
    .toBuffer();
  const full = await sharp(png).webp({ quality: 84 }).toBuffer();
  const detail = await sharp(png)
    .extract({ left: 400, top: 300, width: 800, height: 600 })
    .resize(1600, 1200)
    .webp({ quality: 84 })
    .toBuffer();
  return { full, detail, width: W, height: H };
}
