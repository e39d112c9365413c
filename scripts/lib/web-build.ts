/**
 * Whether the Next.js build is older than the sources it was made from. Shared by the start script
 * and the benchmarks so that both rebuild by the same rule.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Paths whose contents make up the web build. */
export const WEB_SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
];

/** Newest modification time under the web sources. */
export function newestSourceMtime(root: string): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== "node_modules") walk(path.join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const r of WEB_SOURCES) walk(path.join(root, r));
  return newest;
}

/** True when `distDir` has no build, or one older than the sources. */
export function isBuildStale(root: string, distDir = process.env.NEXT_DIST_DIR || ".next"): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  return !existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceMtime(root);
}
