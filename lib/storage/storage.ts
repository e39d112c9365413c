import path from "node:path";

/**
 * Where uploaded files live, behind one interface: the local folder `${DATA_DIR}/files` (the embedded default,
 * `./local.ts`) or an S3-compatible object store (`./s3.ts`, chosen by S3_BUCKET). Keys are relative paths such as
 * `artworks/<slug>/image-1.webp` or `kyc/<application>/<id>.bin`; a key that would leave the store's root (`..`,
 * an absolute path, NUL) names nothing: reads answer null and writes throw.
 *
 * Nothing here decides who may read a file: private files (KYC documents, unapproved listings) are read only by
 * the app's authorised routes, and KYC documents are encrypted before `put`.
 */
export interface FileStorage {
  /** "local" or "s3", for logs and the hash cache. */
  readonly kind: "local" | "s3";
  /** Stores `body` under `key`, replacing any object there. */
  put(key: string, body: Uint8Array, options?: { contentType?: string }): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** The object as a web stream with its stat (the stream must be read or cancelled), or null. */
  stream(key: string): Promise<{ body: ReadableStream<Uint8Array>; stat: StoredStat } | null>;
  /** Size and version of the object under `key`, or null when there is none. */
  stat(key: string): Promise<StoredStat | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; nothing happens when there is none. */
  delete(key: string): Promise<void>;
  /** Removes every object whose key starts with `prefix/` (a listing's folder). */
  deletePrefix(prefix: string): Promise<void>;
}

export type StoredStat = {
  /** Bytes, or null when the store did not say (a response without a length): never guessed. */
  size: number | null;
  /**
   * Changes whenever the content may have changed: the ETag (and version id) of an object, the size, inode,
   * modification and change times of a local file. Caches of derived values (the document hash) key on it.
   */
  version: string;
  /**
   * False when the version could repeat for different content: a local file changed within the filesystem's
   * timestamp granularity ("racy", as git calls it). Such a version is not cached.
   */
  stable: boolean;
};

/** Thrown by `put` for a key that would leave the store's root. */
export class StorageKeyError extends Error {
  constructor(key: string) {
    super(`storage: key leaves the files store: ${JSON.stringify(key)}`);
    this.name = "StorageKeyError";
  }
}

/** Thrown by `deletePrefix` when the store kept some of the folder's objects (each named with its reason). */
export class StorageDeleteError extends Error {
  constructor(
    readonly prefix: string,
    readonly failures: string[],
  ) {
    super(`storage: ${failures.length} object(s) under ${JSON.stringify(prefix)} not deleted: ${failures.join("; ")}`);
    this.name = "StorageDeleteError";
  }
}

/** A driver's `exists`, from its `stat`. */
export function withExists<Extra extends object>(driver: Omit<FileStorage, "exists"> & Extra): FileStorage & Extra {
  return { ...driver, exists: async (key: string) => (await driver.stat(key)) !== null };
}

const ROOT = "/files";

/**
 * The normal form of `key` inside a store (`a/./b/../c` ⇒ `a/c`), or null when it leaves the root, names the root
 * itself or holds NUL. The same rule as the local folder's `path.resolve(root, key)` inside `root`.
 */
export function normalizeKey(key: string): string | null {
  if (key.includes("\0")) return null;
  const full = path.posix.resolve(ROOT, key);
  return full.startsWith(ROOT + "/") ? full.slice(ROOT.length + 1) : null;
}
