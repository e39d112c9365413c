import "server-only";

import { createHash } from "node:crypto";
import { getServerEnv, type ServerEnv } from "@/lib/env";
import { createConfiguredStorage } from "./configured";
import { type FileStorage, normalizeKey } from "./storage";

export type { FileStorage, StoredStat } from "./storage";

let configured: { env: ServerEnv; storage: FileStorage } | undefined;

/**
 * The configured file store: an S3-compatible bucket when S3_BUCKET is set (every instance sees the same files),
 * else the local folder `${DATA_DIR}/files`. One per configuration (a reset configuration in tests gets its own).
 */
export function fileStorage(): FileStorage {
  const env = getServerEnv();
  if (configured?.env !== env) {
    configured = { env, storage: createConfiguredStorage(env) };
  }
  return configured.storage;
}

/** Top-level folders of the files store. Only `artworks` is ever served to the public. */
export type StorageArea = "artworks" | "kyc" | "issuers";

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
 * the result would leave `<area>/`.
 */
export function confinedStoredPath(area: StorageArea, segments: readonly string[]): string | null {
  if (segments.length === 0 || !segments.every(isSafePathSegment)) return null;
  const relative = [area, ...segments].join("/");
  const key = normalizeKey(relative);
  return key && key.startsWith(`${area}/`) ? relative : null;
}

/** `relative` when it is made of safe segments inside `area`, else null. */
function inArea(relative: string, area: StorageArea | undefined): string | null {
  if (!area) return relative;
  const [first, ...rest] = relative.split("/");
  return first === area && confinedStoredPath(area, rest) ? relative : null;
}

/**
 * The bytes of a stored file, or null when it does not exist. With `area`, the path must be made of safe
 * segments and lie inside `<area>/` (public routes pass `area: "artworks"`).
 */
export async function readStoredFile(relative: string, { area }: { area?: StorageArea } = {}): Promise<Buffer | null> {
  const key = inArea(relative, area);
  return key === null ? null : fileStorage().get(key);
}

/** A stored file as a stream with its size, confined like `readStoredFile`; null when it does not exist. */
export async function streamStoredFile(
  relative: string,
  { area }: { area?: StorageArea } = {},
): Promise<{ body: ReadableStream<Uint8Array>; size: number | null } | null> {
  const key = inArea(relative, area);
  const found = key === null ? null : await fileStorage().stream(key);
  return found && { body: found.body, size: found.stat.size };
}

const hashCache = new Map<string, { version: string; sha256: `0x${string}` }>();

/**
 * SHA-256 of a stored file's bytes, re-computed only when the stored object changes version (its ETag in object
 * storage; size, inode, modification and change time of a local file), so pages that verify documents on every
 * render do not re-read them.
 */
export async function hashStoredFile(relative: string): Promise<`0x${string}` | null> {
  const storage = fileStorage();
  const key = normalizeKey(relative);
  if (!key) return null;
  const before = await storage.stat(key);
  if (!before) return null;
  const cacheKey = `${storage.kind}:${key}`;
  const hit = hashCache.get(cacheKey);
  if (hit && hit.version === before.version) return hit.sha256;
  const bytes = await storage.get(key);
  if (!bytes) return null;
  const sha256 = `0x${createHash("sha256").update(bytes).digest("hex")}` as const;
  // Cached only when the bytes read are the version stated (unchanged across the read) and that version cannot
  // repeat for other bytes.
  const after = await storage.stat(key);
  if (before.stable && after?.version === before.version) {
    if (hashCache.size > 5_000) hashCache.clear();
    hashCache.set(cacheKey, { version: before.version, sha256 });
  }
  return sha256;
}

/** Writes a file to the store, refusing paths that escape it. */
export async function writeStoredFile(
  relative: string,
  content: Uint8Array,
  options?: { contentType?: string },
): Promise<void> {
  await fileStorage().put(relative, content, options);
}

export async function deleteStoredFile(relative: string): Promise<void> {
  await fileStorage().delete(relative);
}

/** Removes every file under a folder (e.g. `artworks/<slug>`). */
export async function deleteStoredFolder(relative: string): Promise<void> {
  await fileStorage().deletePrefix(relative);
}
