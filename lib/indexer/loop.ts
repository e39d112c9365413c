/**
 * The poll loop around `syncOnce`: index to the confirmed head, sleep, repeat; back off on errors. Once caught up,
 * it also runs the audit reconciliation (agent transactions on-chain without an audit entry; see
 * lib/compliance/reconcile.ts), at most every `reconcileEveryMs`.
 * Its status (last success, last error, events recorded) is kept on globalThis for `/api/health`.
 * Plain module: used by the embedded server mode and by `scripts/indexer.ts`.
 */
import { reconcileAgentAudit } from "../compliance/reconcile";
import { DEFAULT_INDEXER_NAME, hasMoreWork, IndexerConflictError, type IndexerOptions, syncOnce } from "./indexer";

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
  /** Audit entries the reconciliation wrote for agent transactions the portal did not record. */
  auditsReconciled: number;
  lastReconcileError: string | null;
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
  opts: IndexerOptions & {
    mode: "embedded" | "worker";
    intervalMs?: number;
    signal?: AbortSignal;
    reconcileEveryMs?: number;
  },
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
    auditsReconciled: 0,
    lastReconcileError: null,
  };
  const reconcileEvery = opts.reconcileEveryMs ?? 15_000;
  let lastReconcile = 0;
  /** A failing reconciliation is logged, never stops the indexer. */
  const reconcile = async () => {
    lastReconcile = Date.now();
    try {
      const r = await reconcileAgentAudit({
        db: opts.db,
        client: opts.client,
        contracts: opts.contracts,
        name: opts.name ?? DEFAULT_INDEXER_NAME,
        ...(opts.log ? { log: opts.log } : {}),
      });
      status.auditsReconciled += r.recorded;
      status.lastReconcileError = null;
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      if (message !== status.lastReconcileError) opts.log?.(`audit reconciliation error (retrying): ${message}`);
      status.lastReconcileError = message;
    }
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
        if (hasMoreWork(r)) continue; // catching up (or backfilling): no sleep
        if (Date.now() - lastReconcile >= reconcileEvery) await reconcile();
      } catch (error) {
        const message =
          error instanceof IndexerConflictError
            ? error.message
            : error instanceof Error
              ? error.message.split("\n")[0]!
              : String(error);
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
