import { randomUUID } from "node:crypto";
import type { BigIntStats } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { FileStorage, ResolvedDriver, StoredStat } from "./storage";
import { storeOf } from "./storage";

const isMissing = (err: unknown) => {
  const code = (err as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR";
};

/**
 * Files in a local folder (`${DATA_DIR}/files` by default): the embedded driver, one machine only. A key is a path
 * relative to `root` and must resolve inside it.
 */
export function createLocalStorage(root: string): FileStorage & { readonly root: string } {
  const base = path.resolve(root);

  /** The absolute path of `key`, or null when it escapes the folder or holds NUL. */
  const resolve = (key: string): string | null => {
    if (key.includes("\0")) return null;
    const full = path.resolve(base, key);
    return full.startsWith(base + path.sep) ? full : null;
  };

  async function statOf(full: string): Promise<StoredStat | null> {
    let st;
    try {
      st = await stat(full, { bigint: true });
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    return st.isFile() ? describe(st) : null;
  }

  function describe(st: BigIntStats): StoredStat {
    // Changed within the last couple of seconds: the same stamp could still describe other bytes.
    const settled = BigInt(Date.now() - 2_000) * 1_000_000n;
    return {
      size: Number(st.size),
      version: `${st.size}:${st.ino}:${st.mtimeNs}:${st.ctimeNs}`,
      stable: st.mtimeNs < settled && st.ctimeNs < settled,
    };
  }

  const driver: ResolvedDriver<string> = {
    async put(full, body) {
      await mkdir(path.dirname(full), { recursive: true });
      // Written beside the file and renamed over it: a reader sees the old bytes or the new, never a part.
      const temporary = `${full}.${randomUUID()}.part`;
      try {
        await writeFile(temporary, body);
        await rename(temporary, full);
      } catch (err) {
        await rm(temporary, { force: true });
        throw err;
      }
    },
    async get(full) {
      try {
        return await readFile(full);
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async stream(full) {
      // One open file: its stat describes exactly the bytes streamed (a rename over the path meanwhile does not
      // change what this handle reads).
      let handle;
      try {
        handle = await open(full, "r");
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      try {
        const st = await handle.stat({ bigint: true });
        if (!st.isFile()) {
          await handle.close();
          return null;
        }
        const body = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
        return { body, stat: describe(st) };
      } catch (err) {
        await handle.close();
        throw err;
      }
    },
    stat: statOf,
    async delete(full) {
      await rm(full, { force: true });
    },
    async deletePrefix(full) {
      await rm(full, { recursive: true, force: true });
    },
  };
  return storeOf("local", resolve, driver, { root: base });
}
