import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codePointsOf, EXTENDED_RANGES, FONT_SUBSETS, keptCodePoints, makeSubset } from "./subset-fonts";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const read = (file: string) => readFileSync(path.join(root, file));

describe("the preloaded Latin font subsets", () => {
  it.each(FONT_SUBSETS)("$to is what scripts/subset-fonts.ts makes from the installed font", async ({ from, to }) => {
    expect(Buffer.compare(await makeSubset(from), read(to))).toBe(0);
  });

  it("cover every letter and symbol of the English messages the font has; the rest is in the Extended faces' range", () => {
    const font = codePointsOf(read(`${FONT_SUBSETS[0].from}.ttf`));
    const kept = new Set(keptCodePoints(font));
    const ranges = EXTENDED_RANGES.split(", ").map((r) => {
      const [a, b = a] = r.slice(2).split("-");
      return [parseInt(a!, 16), parseInt(b!, 16)] as const;
    });
    const extended = (c: number) => ranges.some(([a, b]) => c >= a && c <= b);
    // Every code point of the font is either in the preloaded subset or in the Extended face's range, never both.
    for (const c of font.filter((c) => c >= 0x20))
      expect(kept.has(c) !== extended(c), `U+${c.toString(16)}`).toBe(true);
    const messages = read("lib/i18n/messages/en.json").toString("utf8");
    const used = [...new Set([...messages, ..."→←↗✓≤≥–—…·“”’HK$"])].map((ch) => ch.codePointAt(0)!);
    // What the full font has (✓ is not in Geist: the system's font draws it, as before the subset).
    const inFont = new Set(font);
    const latin = used.filter((c) => c >= 0x20 && c < 0x2e80 && inFont.has(c));
    expect(latin.filter((c) => !kept.has(c)).map((c) => `U+${c.toString(16)}`)).toEqual([]);
  });

  it("app/globals.css gives both Extended Geist faces exactly the range the subsets leave out", () => {
    const css = read("app/globals.css").toString("utf8");
    for (const family of ["Geist Extended", "Geist Mono Extended"]) {
      const face = new RegExp(`font-family: "${family}";[^}]*unicode-range:\\s*([^;]+);`).exec(css);
      expect(face?.[1]?.replace(/\s+/g, " ").trim(), family).toBe(EXTENDED_RANGES);
    }
  });
});
