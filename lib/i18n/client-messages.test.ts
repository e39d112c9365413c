import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "./config";
import { CLIENT_MESSAGES, type ClientMessageScope, pickMessages } from "./client-messages";
import { clientNamespaces, coveringPaths, routeFiles } from "./client-namespaces.walk";
import { loadMessages } from "./messages";

const root = path.resolve(__dirname, "../..");
const wallet = path.join(root, "app/(wallet)");
const files = routeFiles(wallet, true);

/** A route file's scope name: its path under app/(wallet) without the extension (`compliance/layout`). */
const scopeOf = (file: string) =>
  path
    .relative(wallet, file)
    .replace(/\.tsx$/, "")
    .split(path.sep)
    .join("/");

/** The scope a route file's `<ClientMessages scope="…">` names, if it renders one. */
function provided(file: string): string | null {
  return /<ClientMessages\s+scope="([^"]+)"/.exec(readFileSync(file, "utf8"))?.[1] ?? null;
}

/**
 * The provider whose messages a route file's client components see: its own, else the nearest layout's above it (a
 * page, loading or error file sits inside the layout of its own folder; a layout inside its parent folder's).
 */
function providerOf(file: string): string | null {
  if (provided(file)) return scopeOf(file);
  let dir = path.basename(file) === "layout.tsx" ? path.dirname(path.dirname(file)) : path.dirname(file);
  for (; dir.startsWith(wallet); dir = path.dirname(dir)) {
    const layout = path.join(dir, "layout.tsx");
    if (files.includes(layout) && provided(layout)) return scopeOf(layout);
  }
  return null;
}

/** What each scope's client code reads, from the route files it covers. */
function expectedScopes(): Map<string, { paths: string[]; files: string[] }> {
  const out = new Map<string, { paths: string[]; files: string[] }>();
  for (const file of files) {
    const scope = providerOf(file);
    expect(scope, `${path.relative(root, file)} is under no ClientMessages provider`).not.toBeNull();
    const entry = out.get(scope!) ?? { paths: [], files: [] };
    const { namespaces, unknown } = clientNamespaces(root, [file]);
    // A client component reading a namespace by variable or from the root names them: `i18n-namespaces: a, b.c`.
    expect(unknown, `${path.relative(root, file)} reaches useTranslations() without i18n-namespaces`).toEqual([]);
    entry.paths = coveringPaths([...entry.paths, ...namespaces]);
    entry.files.push(path.relative(wallet, file));
    out.set(scope!, entry);
  }
  return out;
}

describe("per-namespace client messages", () => {
  it("a ClientMessages provider names its own file as its scope", () => {
    for (const file of files) {
      const scope = provided(file);
      if (scope) expect(scope, path.relative(root, file)).toBe(scopeOf(file));
    }
  });

  it("each provider gives its client components exactly the messages they read", () => {
    const expected = expectedScopes();
    for (const [scope, { paths, files: covered }] of expected) {
      expect(CLIENT_MESSAGES, `CLIENT_MESSAGES has no "${scope}" (${covered.join(", ")})`).toHaveProperty([scope]);
      expect(coveringPaths(CLIENT_MESSAGES[scope as ClientMessageScope]), `CLIENT_MESSAGES["${scope}"]`).toEqual(paths);
    }
    for (const scope of Object.keys(CLIENT_MESSAGES))
      expect(expected.has(scope), `CLIENT_MESSAGES["${scope}"]: no route file renders it`).toBe(true);
  });

  it("every listed message path exists in every language, and a scope carries far less than the catalogue", async () => {
    for (const locale of locales) {
      const messages = await loadMessages(locale);
      for (const [scope, list] of Object.entries(CLIENT_MESSAGES))
        for (const p of list) expect(messages, `${locale}: ${scope} → ${p}`).toHaveProperty(p.split("."));
      const whole = JSON.stringify(messages).length;
      for (const list of Object.values(CLIENT_MESSAGES))
        expect(JSON.stringify(pickMessages(messages, list)).length).toBeLessThan(whole / 4);
    }
  });

  it("pickMessages cuts the catalogue to whole namespaces and parts of them, without changing it", () => {
    const messages = { a: { b: { x: "1" }, c: "2" }, d: "3", e: { f: "4" } };
    const before = JSON.stringify(messages);
    expect(pickMessages(messages, ["a.b", "d", "e.f", "e", "missing.key"])).toEqual({
      a: { b: { x: "1" } },
      d: "3",
      e: { f: "4" },
    });
    expect(JSON.stringify(messages)).toBe(before);
  });
});
