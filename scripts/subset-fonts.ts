/**
 * `npx tsx scripts/subset-fonts.ts`: writes the Latin subsets of Geist and Geist Mono that every page preloads
 * (app/_fonts/*.woff2), from the variable fonts of the `geist` package.
 *
 * Why: the full variable fonts (69 kB and 71 kB) carry Cyrillic, Greek and Vietnamese that almost no page shows, and a
 * preloaded font competes with the page's largest image for the phone's bandwidth (Lighthouse's LCP, issue 17). The
 * subsets keep every glyph of Latin-1 and every symbol the fonts have (arrows, ≤ ≥, ✓, currency, punctuation) and
 * all OpenType features (tabular and lining figures, kerning); the rest of the font is still there when a name
 * needs it: app/globals.css declares the full file as "… Extended" with the `EXTENDED_RANGES` below as its
 * unicode-range, first in the font stack, so the browser fetches it only for a page that shows such a letter.
 *
 * Their weight axis keeps 400–900 (WEIGHT_AXIS below): nothing draws lighter, and the cut axis saves a quarter of
 * every preloaded byte.
 *
 * The subsets are committed (the build needs no extra step); scripts/subset-fonts.test.ts fails when they no
 * longer match what this script makes from the installed `geist` (run it again after updating the package).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import subsetFont from "subset-font";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** Code points left out of the Latin subsets (inclusive ranges): Latin Extended, IPA, combining marks, Greek,
 * Cyrillic, Thai baht, Latin Extended Additional (Vietnamese), Latin Extended-D. */
const LEFT_OUT: [number, number][] = [
  [0x0100, 0x052f],
  [0x0e3f, 0x0e3f],
  [0x1e00, 0x1eff],
  [0xa78b, 0xa78c],
];
/** Latin Extended letters that Latin-1 typography uses (dotless i, Œ œ): kept in the subsets. */
const KEPT: number[] = [0x0131, 0x0152, 0x0153];

/** The unicode-range of the "… Extended" faces in app/globals.css: exactly what the subsets leave out. */
export const EXTENDED_RANGES = "U+0100-0130, U+0132-0151, U+0154-052F, U+0E3F, U+1E00-1EFF, U+A78B-A78C";

export const FONT_SUBSETS = [
  { from: "node_modules/geist/dist/fonts/geist-sans/Geist-Variable", to: "app/_fonts/geist-sans-latin.woff2" },
  { from: "node_modules/geist/dist/fonts/geist-mono/GeistMono-Variable", to: "app/_fonts/geist-mono-latin.woff2" },
] as const;

/** The code points a font maps (its cmap table, formats 4 and 12), read from its TrueType file. */
export function codePointsOf(ttf: Buffer): number[] {
  const tables = ttf.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    if (ttf.toString("latin1", record, record + 4) === "cmap") cmap = ttf.readUInt32BE(record + 8);
  }
  if (cmap < 0) throw new Error("the font has no cmap table");
  const out = new Set<number>();
  const subtables = ttf.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const at = cmap + ttf.readUInt32BE(cmap + 4 + i * 8 + 4);
    const format = ttf.readUInt16BE(at);
    if (format === 4) {
      const segments = ttf.readUInt16BE(at + 6) / 2;
      const ends = at + 14;
      const starts = ends + segments * 2 + 2;
      for (let s = 0; s < segments; s++) {
        const start = ttf.readUInt16BE(starts + s * 2);
        const end = ttf.readUInt16BE(ends + s * 2);
        if (start !== 0xffff) for (let c = start; c <= end; c++) out.add(c);
      }
    } else if (format === 12) {
      const groups = ttf.readUInt32BE(at + 12);
      for (let g = 0; g < groups; g++) {
        const start = ttf.readUInt32BE(at + 16 + g * 12);
        const end = ttf.readUInt32BE(at + 20 + g * 12);
        for (let c = start; c <= end; c++) out.add(c);
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** The code points a subset keeps: what the font maps, minus LEFT_OUT, plus KEPT; no control characters. */
export function keptCodePoints(all: number[]): number[] {
  const left = (c: number) => LEFT_OUT.some(([a, b]) => c >= a && c <= b) && !KEPT.includes(c);
  return all.filter((c) => c >= 0x20 && !left(c));
}

/**
 * The weight axis the subsets keep. No style of Atelier asks for a weight under 400 (it uses 400, 500 and 600, and
 * `<strong>`'s bolder, up to 900), so the thin end of the variable axis (100–399) is cut: its outline deltas are
 * about a quarter of each file (Geist 39.8 → 29.6 kB, Geist Mono 44.7 → 34.1 kB); weights 400–900 draw exactly as
 * before. app/fonts.ts declares the same range, so a lighter weight asked for is drawn at 400, never faked.
 */
export const WEIGHT_AXIS = { min: 400, max: 900 } as const;

/** The subset of one font (woff2), every OpenType feature kept, the weight axis cut to WEIGHT_AXIS. */
export async function makeSubset(from: string): Promise<Buffer> {
  const kept = keptCodePoints(codePointsOf(readFileSync(path.join(root, `${from}.ttf`))));
  return subsetFont(readFileSync(path.join(root, `${from}.woff2`)), String.fromCodePoint(...kept), {
    targetFormat: "woff2",
    variationAxes: { wght: WEIGHT_AXIS },
  });
}

async function main() {
  for (const { from, to } of FONT_SUBSETS) {
    const subset = await makeSubset(from);
    writeFileSync(path.join(root, to), subset);
    const full = readFileSync(path.join(root, `${from}.woff2`)).length;
    console.log(`${to}: ${(subset.length / 1024).toFixed(1)} kB (the full font: ${(full / 1024).toFixed(1)} kB)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, "scripts/subset-fonts.ts")) void main();
