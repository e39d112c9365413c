import "server-only";

import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { getServerEnv } from "@/lib/env";

/**
 * Local file storage under `${DATA_DIR}/files` (the embedded default). Paths are relative and
 * confined to that folder; object storage can implement the same two functions at scale.
 */
export function filesRoot(): string {
  return path.resolve(getServerEnv().dataDir, "files");
}

/** Resolves a stored relative path, refusing anything that escapes the files folder. */
export function resolveStoredPath(relative: string): string | null {
  const root = filesRoot();
  const full = path.resolve(root, relative);
  return full.startsWith(root + path.sep) ? full : null;
}

/** Top-level folders of the files store. Only `artworks` is ever served to the public. */
export type StorageArea = "artworks" | "kyc";

/**
 * One segment of a stored path as a request may name it: not empty, not `.` or `..`, and free of `/`,
 * `\`, NUL and control characters (a NUL reaching the filesystem is an error, not a missing file).
 */
export function isSafePathSegment(segment: string): boolean {
  return (
    segment.length > 0 &&
    segment.length <= 255 &&
    segment !== "." &&
    segment !== ".." &&
    !/[/\\\u0000-\u001f\u007f]/.test(segment)
  );
}

/**
 * The stored path of `segments` inside one area (e.g. `artworks`), or null when a segment is unsafe or
 * the result would leave `files/<area>/`.
 */
export function confinedStoredPath(area: StorageArea, segments: readonly string[]): string | null {
  if (segments.length === 0 || !segments.every(isSafePathSegment)) return null;
  const relative = [area, ...segments].join("/");
  const full = resolveStoredPath(relative);
  const areaRoot = path.join(filesRoot(), area) + path.sep;
  return full && full.startsWith(areaRoot) ? relative : null;
}

/**
 * The bytes of a stored file, or null when it does not exist. With `area`, the path must be made of safe
 * segments and lie inside `files/<area>/` (public routes pass `area: "artworks"`).
 */
export async function readStoredFile(relative: string, { area }: { area?: StorageArea } = {}): Promise<Buffer | null> {
  if (area) {
    const [first, ...rest] = relative.split("/");
    if (first !== area || !confinedStoredPath(area, rest)) return null;
  }
  if (relative.includes("\0")) return null;
  const full = resolveStoredPath(relative);
  if (!full) return null;
  try {
    return await readFile(full);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

const hashCache = new Map<string, { stamp: string; sha256: `0x${string}` }>();

/**
 * SHA-256 of a stored file's bytes, re-computed only when the file changes (its size, inode, modification or
 * change time differ), so pages that verify documents on every render do not re-read them.
 */
export async function hashStoredFile(relative: string): Promise<`0x${string}` | null> {
  const full = resolveStoredPath(relative);
  if (!full) return null;
  let st;
  try {
    st = await stat(full, { bigint: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const stamp = `${st.size}:${st.ino}:${st.mtimeNs}:${st.ctimeNs}`;
  const hit = hashCache.get(full);
  if (hit && hit.stamp === stamp) return hit.sha256;
  const bytes = await readStoredFile(relative);
  if (!bytes) return null;
  const sha256 = `0x${createHash("sha256").update(bytes).digest("hex")}` as const;
  // A file changed within the filesystem's timestamp granularity of our read could change again with the same
  // stamp ("racy", as git calls it): cache only files untouched for a couple of seconds.
  const settled = BigInt(Date.now() - 2_000) * 1_000_000n;
  if (st.mtimeNs < settled && st.ctimeNs < settled) {
    if (hashCache.size > 5_000) hashCache.clear();
    hashCache.set(full, { stamp, sha256 });
  }
  return sha256;
}

/** Writes a file under the files folder (creating folders), refusing paths that escape it. */
export async function writeStoredFile(relative: string, content: Uint8Array): Promise<void> {
  const full = resolveStoredPath(relative);
  if (!full) throw new Error(`writeStoredFile: path escapes the files folder: ${relative}`);
  const { mkdir, writeFile } = await import("node:fs/promises");
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, content);
}

export async function deleteStoredFile(relative: string): Promise<void> {
  const full = resolveStoredPath(relative);
  if (!full) return;
  const { rm } = await import("node:fs/promises");
  await rm(full, { force: true });
}
