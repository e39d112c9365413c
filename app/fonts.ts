import localFont from "next/font/local";

/*
 * The three families every page uses. Geist and Geist Mono are Latin subsets of the `geist` package's variable fonts
 * (scripts/subset-fonts.ts: Latin-1, the symbols, every OpenType feature, weights 400–900), Fraunces is fontsource's Latin file; the
 * rest of each font (Latin Extended, Cyrillic, Greek, Vietnamese) is declared in app/globals.css as "… Extended",
 * fetched only by a page that shows such a letter. Only the sans and the display serif are preloaded: the mono
 * (addresses, hashes) is fetched when a page uses it, so it never competes with the page's first image.
 */

/** Geist, the text face. Paths are relative to this file. */
export const GeistSans = localFont({
  src: "./_fonts/geist-sans-latin.woff2",
  variable: "--font-geist-sans",
  // The subset's weight axis (scripts/subset-fonts.ts, WEIGHT_AXIS): nothing in Atelier is drawn lighter than 400.
  weight: "400 900",
  display: "swap",
});

/** Geist Mono, for addresses, hashes and codes. */
export const GeistMono = localFont({
  src: "./_fonts/geist-mono-latin.woff2",
  variable: "--font-geist-mono",
  weight: "400 900",
  display: "swap",
  preload: false,
  adjustFontFallback: false,
  fallback: ["ui-monospace", "SFMono-Regular", "Menlo", "Liberation Mono", "DejaVu Sans Mono", "monospace"],
});

/** Fraunces (variable weight), the display serif for titles. */
export const Fraunces = localFont({
  src: "../node_modules/@fontsource-variable/fraunces/files/fraunces-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  variable: "--font-fraunces",
  display: "swap",
  fallback: ["Georgia", "serif"],
});
