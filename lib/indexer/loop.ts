/**
 * The poll loop around `syncOnce`: index to the confirmed head, sleep, repeat; back off on errors.
 * Its status (last success, last error, events recorded) is kept on globalThis for `/api/health`.
 * Plain module: used by the embedded server mode and by `scripts/indexer.ts`.
 */
import { IndexerConflictError, type IndexerOptions, syncOnce } from "./indexer";

export type IndexerStatus = {
  mode: "embedded" | "worker";
  running: boolean;
  startedAt: string;
  lastSyncAt: string | null;
  lastError: string | null;
  cursor: string | null;
  safeHead: string | null;
  eventsRecorded: number;
  reorgs: number;
};

const globalForIndexer = globalThis as unknown as { __atelierIndexerStatus?: IndexerStatus };

/** The status of the indexer loop running in this process, if any. */
export function getLocalIndexerStatus(): IndexerStatus | null {
  return globalForIndexer.__atelierIndexerStatus ?? null;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const onAbort = () => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/**
 * Runs until `signal` aborts. Catches up in chunks without sleeping, then polls every `intervalMs`.
 * Errors are logged once per distinct message and retried with a growing delay (at most 30 s).
 */
export async function runIndexerLoop(
  opts: IndexerOptions & { mode: "embedded" | "worker"; intervalMs?: number; signal?: AbortSignal },
): Promise<void> {
  const status: IndexerStatus = {
    mode: opts.mode,
    running: true,
    startedAt: new Date().toISOString(),
    lastSyncAt: null,
    lastError: null,
    cursor: null,
    safeHead: null,
    eventsRecorded: 0,
    reorgs: 0,
  };
  globalForIndexer.__atelierIndexerStatus = status;
  const interval = opts.intervalMs ?? 1_000;
  let delay = interval;
  try {
    while (!opts.signal?.aborted) {
      try {
        const r = await syncOnce(opts);
        status.lastSyncAt = new Date().toISOString();
        status.cursor = r.cursor.toString();
        status.safeHead = r.safeHead.toString();
        status.eventsRecorded += r.inserted;
        if (r.reorgedTo !== undefined) status.reorgs += 1;
        if (status.lastError) opts.log?.("indexer recovered");
        status.lastError = null;
        delay = interval;
        if (r.cursor < r.safeHead) continue; // catching up: no sleep
      } catch (error) {
        const message = error instanceof IndexerConflictError ? error.message : error instanceof Error ? error.message.split("\n")[0]! : String(error);
        if (message !== status.lastError) opts.log?.(`indexer error (retrying): ${message}`);
        status.lastError = message;
        delay = Math.min(delay * 2, 30_000);
      }
      await sleep(delay, opts.signal);
    }
  } finally {
    status.running = false;
  }
}
