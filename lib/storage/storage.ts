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

/** What a driver does with a key it has resolved (a file's path, an object's key): the store's work less the key checks. */
export type ResolvedDriver<K> = {
  put(key: K, body: Uint8Array, options?: { contentType?: string }): Promise<void>;
  get(key: K): Promise<Buffer | null>;
  stream(key: K): ReturnType<FileStorage["stream"]>;
  stat(key: K): Promise<StoredStat | null>;
  delete(key: K): Promise<void>;
  deletePrefix(prefix: K): Promise<void>;
};

/**
 * A store from its driver, the key rule kept in one place: every key is resolved first, and one that names nothing
 * (`resolve` answers null) reads as absent, is ignored by the deletes and refused by `put` (StorageKeyError);
 * `exists` comes from `stat`.
 */
export function storeOf<K, Extra extends object>(
  kind: FileStorage["kind"],
  resolve: (key: string) => K | null,
  driver: ResolvedDriver<K>,
  extra: Extra,
): FileStorage & Extra {
  const stat = async (key: string) => {
    const k = resolve(key);
    return k === null ? null : driver.stat(k);
  };
  return {
    ...extra,
    kind,
    async put(key, body, options) {
      const k = resolve(key);
      if (k === null) throw new StorageKeyError(key);
      await driver.put(k, body, options);
    },
    async get(key) {
      const k = resolve(key);
      return k === null ? null : driver.get(k);
    },
    async stream(key) {
      const k = resolve(key);
      return k === null ? null : driver.stream(k);
    },
    stat,
    exists: async (key) => (await stat(key)) !== null,
    async delete(key) {
      const k = resolve(key);
      if (k !== null) await driver.delete(k);
    },
    async deletePrefix(prefix) {
      const k = resolve(prefix);
      if (k !== null) await driver.deletePrefix(k);
    },
  };
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
