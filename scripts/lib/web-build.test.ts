import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isBuildStale, markBuildStart } from "./web-build";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A project with one source file and a build, each dated `at` (ms). */
function project(sourceAt: number, buildAt: number): string {
  const root = mkdtempSync(path.join(tmpdir(), "web-build-"));
  dirs.push(root);
  mkdirSync(path.join(root, "app"));
  mkdirSync(path.join(root, ".next"));
  writeFileSync(path.join(root, "app", "page.tsx"), "export default 1;");
  writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
  utimesSync(path.join(root, "app", "page.tsx"), new Date(sourceAt), new Date(sourceAt));
  utimesSync(path.join(root, ".next", "BUILD_ID"), new Date(buildAt), new Date(buildAt));
  return root;
}

describe("web build freshness", () => {
  const t0 = Date.UTC(2026, 0, 1);

  it("is stale without a build, or when a source is newer than it", () => {
    const root = project(t0 + 5_000, t0);
    expect(isBuildStale(root, ".next")).toBe(true);
    expect(isBuildStale(project(t0, t0 + 5_000), ".next")).toBe(false);
    rmSync(path.join(root, ".next", "BUILD_ID"));
    expect(isBuildStale(root, ".next")).toBe(true);
  });

  it("a source edited while the build ran makes the next start build again", () => {
    // Build started at t0, the source was saved at t0 + 10 s, the build wrote BUILD_ID at t0 + 60 s.
    const root = project(t0 + 10_000, t0 + 60_000);
    expect(isBuildStale(root, ".next")).toBe(false);
    expect(markBuildStart(root, t0, ".next")).toBe(true);
    expect(isBuildStale(root, ".next")).toBe(true);
  });

  it("leaves a build alone when nothing changed during it, and ignores Next's own tsconfig rewrite", () => {
    const root = project(t0 - 10_000, t0 + 60_000);
    writeFileSync(path.join(root, "tsconfig.json"), "{}");
    utimesSync(path.join(root, "tsconfig.json"), new Date(t0 + 30_000), new Date(t0 + 30_000));
    expect(markBuildStart(root, t0, ".next")).toBe(false);
    expect(isBuildStale(root, ".next")).toBe(false);
  });
});
