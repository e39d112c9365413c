import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

const FALLBACK = "/portfolio";
const ORIGIN = "https://atelier.example";

/** Pieces an attacker combines to turn a relative path into another origin after normalisation. */
const pieces = [
  "/",
  ".",
  "..",
  "%2e",
  "%2E",
  "%2e%2e",
  "%5C",
  "%5c",
  "\\",
  "//",
  "%2f",
  "%2F",
  "evil.example",
  "portfolio",
];

/** Every `/`-led string of one to four pieces (about 41,000 inputs). */
function* generated(): Generator<string> {
  const depth = (prefix: string, left: number): string[] =>
    left === 0 ? [prefix] : [prefix, ...pieces.flatMap((p) => depth(prefix + p, left - 1))];
  for (const s of new Set(depth("/", 4))) yield s;
}

/** What a browser does with the value in a `Location` header (WHATWG URL parsing, as Node's URL). */
function followedByBrowser(location: string): URL {
  return new URL(location, `${ORIGIN}/sign-in?next=x`);
}

function assertSafe(input: string, out: string) {
  const context = `${JSON.stringify(input)} -> ${JSON.stringify(out)}`;
  expect(out.startsWith("/"), context).toBe(true);
  expect(/^\/[/\\]/.test(out), context).toBe(false);
  expect(followedByBrowser(out).origin, context).toBe(ORIGIN);
  // A path that only turns into `//host` once decoded must not pass either.
  const decoded = decodeURIComponent(followedByBrowser(out).pathname);
  expect(/^\/[/\\]/.test(decoded), context).toBe(false);
  expect(/[\\\0]|%5c|%2f/i.test(followedByBrowser(out).pathname), context).toBe(false);
  expect(safeNextPath(out), `not idempotent: ${context}`).toBe(out);
}

describe("safeNextPath", () => {
  it.each([
    "/.//evil.example/phish",
    "/%2e//evil.example/phish",
    "/%2E//evil.example/phish",
    "/portfolio/..//evil.example/phish",
    "/./%5Cevil.example/phish",
    "/./\\evil.example/phish",
    "/%5C%5Cevil.example",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/sign-in",
    "/sign-in/",
    "/portfolio/../sign-in?next=//evil.example",
  ])("refuses %s", (input) => {
    expect(safeNextPath(input)).toBe(FALLBACK);
  });

  it.each([
    ["/portfolio", "/portfolio"],
    ["/artworks/abc?tab=documents#terms", "/artworks/abc?tab=documents#terms"],
    ["/artworks/./abc/../def", "/artworks/def"],
    ["/compliance?q=%2F%2Fnot-a-path", "/compliance?q=%2F%2Fnot-a-path"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it("refuses non-strings and overlong values", () => {
    expect(safeNextPath(undefined)).toBe(FALLBACK);
    expect(safeNextPath(["/portfolio"])).toBe(FALLBACK);
    expect(safeNextPath(`/${"a".repeat(600)}`)).toBe(FALLBACK);
  });

  it("never yields another origin and is idempotent, over generated inputs", () => {
    let count = 0;
    for (const input of generated()) {
      assertSafe(input, safeNextPath(input));
      count++;
    }
    expect(count).toBeGreaterThan(30_000);
  });
});
