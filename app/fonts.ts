import localFont from "next/font/local";
export { GeistSans } from "geist/font/sans";
export { GeistMono } from "geist/font/mono";

/** Fraunces (variable weight), the display serif for titles. Paths are relative to this file. */
export const Fraunces = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/fraunces/files/fraunces-latin-wght-normal.woff2",
      weight: "100 900",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource-variable/fraunces/files/fraunces-latin-ext-wght-normal.woff2",
      weight: "100 900",
      style: "normal",
    },
  ],
  variable: "--font-fraunces",
  display: "swap",
  fallback: ["Georgia", "serif"],
});
