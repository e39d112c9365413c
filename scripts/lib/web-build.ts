/**
 * Whether the Next.js build is older than the sources it was made from. Shared by the start script
 * and the benchmarks so that both rebuild by the same rule.
 */
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import path from "node:path";

/** Paths whose contents make up the web build. */
export const WEB_SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
];

/** Newest modification time under the web sources (`skip`: paths relative to root to leave out). */
export function newestSourceMtime(root: string, skip: string[] = []): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== "node_modules") walk(path.join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const r of WEB_SOURCES) if (!skip.includes(r)) walk(path.join(root, r));
  return newest;
}

/** True when `distDir` has no build, or one older than the sources. */
export function isBuildStale(root: string, distDir = process.env.NEXT_DIST_DIR || ".next"): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  return !existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceMtime(root);
}

/**
 * After a build that started at `startedMs`: when a source changed while it ran, the build may hold the old
 * version, yet its BUILD_ID (written at the end) is newer than the change. Date the BUILD_ID back to the start
 * so that the next start builds again. tsconfig.json is left out: Next itself rewrites it during a build.
 */
export function markBuildStart(root: string, startedMs: number, distDir = process.env.NEXT_DIST_DIR || ".next") {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId) || newestSourceMtime(root, ["tsconfig.json"]) <= startedMs) return false;
  const at = new Date(startedMs);
  utimesSync(buildId, at, at);
  return true;
}
