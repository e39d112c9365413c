/**
 * Which messages the client components of route files use: walks the imports from the route files (pages, layouts,
 * loading and error files), and from the first "use client" file on, every file it reaches runs in the browser; each
 * of those contributes its `useTranslations("…")` namespaces, as message paths (`complianceConsole.actions`: only that
 * part of the catalogue). A "use server" file's imports run on the server: the walk does not follow them. A file that
 * calls `useTranslations()` (the root) or reads a namespace by variable names what it reads in a comment:
 * `i18n-namespaces: issuer.files, amounts`.
 * Used by the test that keeps `CLIENT_MESSAGES` (client-messages.ts) exact. Node only (reads the source tree).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const EXTENSIONS = [".tsx", ".ts", "/index.tsx", "/index.ts"];

function resolve(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  if (/\.(tsx?|json|css)$/.test(base)) return existsSync(base) && /\.tsx?$/.test(base) ? base : null;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

const IMPORT = /(?:import|export)\s[^;]*?from\s*"([^"]+)"|import\(\s*"([^"]+)"\s*\)|import\s*"([^"]+)"/g;

export function routeFiles(dir: string, recurse: boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (recurse) out.push(...routeFiles(full, true));
    } else if (/^(page|layout|loading|error|not-found|template)\.tsx$/.test(name)) out.push(full);
  }
  return out;
}

/** The message paths with those covered by a shorter one left out (`a` covers `a.b`), sorted. */
export function coveringPaths(paths: Iterable<string>): string[] {
  const all = [...new Set(paths)].sort();
  return all.filter((p) => !all.some((q) => q !== p && p.startsWith(`${q}.`)));
}

/** The message paths the client code reachable from `entries` uses, and the files that name none (a problem). */
export function clientNamespaces(root: string, entries: string[]): { namespaces: Set<string>; unknown: string[] } {
  const namespaces = new Set<string>();
  const unknown: string[] = [];
  const seen = new Map<string, boolean>(); // file → visited as client
  const visit = (file: string, client: boolean) => {
    const before = seen.get(file);
    if (before === true || (before === false && !client)) return;
    seen.set(file, client);
    const source = readFileSync(file, "utf8");
    const directive = (name: string) =>
      new RegExp(`^\\s*(?:\\/\\*[\\s\\S]*?\\*\\/\\s*|\\/\\/[^\\n]*\\n\\s*)*["']use ${name}["']`).test(source);
    // Server actions run on the server, whatever imports them.
    if (directive("server")) return;
    const isClient = client || directive("client");
    if (isClient) {
      const named = /i18n-namespaces:\s*([\w.,\s]+?)\s*(?:\(|$)/m.exec(source);
      if (named) for (const ns of named[1]!.split(",")) namespaces.add(ns.trim());
      // Calls only, not a comment that mentions one.
      const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/[^\n]*/g, "$1");
      for (const m of code.matchAll(/useTranslations\(\s*("([^"]*)"|[^)\s]*)\s*\)/g)) {
        if (m[2]) namespaces.add(m[2]);
        else if (!named) unknown.push(path.relative(root, file));
      }
    }
    for (const m of source.matchAll(IMPORT)) {
      if (/^\s*import\s+type\s/.test(m[0]) || /^\s*export\s+type\s/.test(m[0])) continue;
      const target = resolve(root, file, (m[1] ?? m[2] ?? m[3])!);
      if (target) visit(target, isClient);
    }
  };
  for (const entry of entries) visit(entry, false);
  return { namespaces, unknown };
}
