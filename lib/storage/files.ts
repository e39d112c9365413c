import "server-only";

import { readFile } from "node:fs/promises";
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

export async function readStoredFile(relative: string): Promise<Buffer | null> {
  const full = resolveStoredPath(relative);
  if (!full) return null;
  try {
    return await readFile(full);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
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
