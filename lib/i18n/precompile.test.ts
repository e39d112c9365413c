import { _createCache, _createIntlFormatters } from "use-intl";
import { describe, expect, it } from "vitest";
import { locales } from "./config";
import { CLIENT_MESSAGES, pickMessages } from "./client-messages";
import formatMessage from "./format-message";
import { loadMessages } from "./messages";
import { precompileMessages } from "./precompile";

/** Every message string under `value`, by its path. */
function leaves(value: unknown, at = ""): [string, unknown][] {
  if (typeof value === "string" || Array.isArray(value)) return [[at, value]];
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k));
}

/**
 * Values for every argument a compiled message names (icu-minify's form: `[name]`, `[name, type, …]` with types
 * 1 select, 2 plural, 3 selectordinal, 4 number, 5 date, 6 time, or `[tag, …children]`), `count` for the plural ones.
 */
function valuesFor(compiled: unknown, count: number, out: Record<string, unknown> = {}): Record<string, unknown> {
  if (!Array.isArray(compiled)) return out;
  const [name, type, ...rest] = compiled as [unknown, unknown, ...unknown[]];
  if (typeof name === "string" && (type === undefined || typeof type === "number")) {
    if (type === undefined) out[name] ??= `«${name}»`;
    else if (type === 1) out[name] ??= Object.keys(rest[0] as object).find((k) => k !== "other") ?? "other";
    else if (type === 2 || type === 3 || type === 4) out[name] ??= count;
    else if (type === 5 || type === 6) out[name] ??= new Date(Date.UTC(2026, 0, 2, 3, 4));
    if (type === 1 || type === 2 || type === 3)
      for (const branch of Object.values(rest[0] as object)) valuesFor(branch, count, out);
    return out;
  }
  if (typeof name === "string" && typeof type !== "number") {
    out[name] ??= (chunks: unknown[]) => `<${name}>${chunks.map(String).join("")}</${name}>`;
    for (const child of compiled.slice(1)) valuesFor(child, count, out);
    return out;
  }
  for (const part of compiled) valuesFor(part, count, out);
  return out;
}

const render = (v: unknown) => (Array.isArray(v) ? v.map(String).join("") : String(v));

describe("precompiled client messages", () => {
  for (const locale of locales)
    it(`format as the ICU text does, every client message in ${locale} (what the browser shows is what the server did)`, async () => {
      const all = await loadMessages(locale);
      const paths = [...new Set(Object.values(CLIENT_MESSAGES).flat())];
      const raw = pickMessages(all, paths);
      const compiled = new Map(leaves(precompileMessages(raw)));
      const options = {
        cache: _createCache(),
        formatters: _createIntlFormatters(_createCache()),
        locale,
        timeZone: "Asia/Hong_Kong",
      };
      let checked = 0;
      for (const [key, text] of leaves(raw)) {
        if (Array.isArray(text)) {
          expect(compiled.get(key), key).toEqual(text);
          continue;
        }
        for (const count of [0, 1, 2, 1234.5]) {
          const values = valuesFor(compiled.get(key), count) as never;
          expect(render(formatMessage(key, compiled.get(key), values, options)), key).toBe(
            render(formatMessage(key, text, values, options)),
          );
        }
        checked++;
      }
      expect(checked).toBeGreaterThan(500);
    });

  it("leaves lists alone and makes an escaped text a one-part message", () => {
    expect(precompileMessages({ a: { list: ["x {y}", "z"] }, b: "It''s '{'literal'}'", c: "plain" })).toEqual({
      a: { list: ["x {y}", "z"] },
      b: ["It's {literal}"],
      c: "plain",
    });
  });
});
