/**
 * The poll loop around `syncOnce`: index to the confirmed head, sleep, repeat; back off on errors. Once caught up,
 * it also runs the setup's idle tasks (e.g. compliance's audit reconciliation), each at most every `everyMs`.
 * Each batch that recorded events moves the public page epoch (lib/db/page-epoch.ts). Its status (last success, last error, events recorded) is kept on globalThis for `/api/health`.
 * Plain module: used through `projections.ts` by the embedded server mode and by `scripts/indexer.ts`.
 */
import { bumpPageEpoch } from "@/lib/db/page-epoch";
import { DEFAULT_INDEXER_NAME, hasMoreWork, IndexerConflictError, type IndexerOptions, syncOnce } from "./indexer";
import type { IdleTask } from "./projection";

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
  /** Each idle task's rows written (e.g. audit entries the reconciliation wrote) and its last error. */
  tasks: Record<string, { recorded: number; lastError: string | null }>;
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
    tasks: {},
  };
  const tasks = opts.setup.tasks ?? [];
  const lastRun = new Map<string, number>();
  /** A failing task is logged, never stops the indexer. */
  const runTask = async (task: IdleTask) => {
    lastRun.set(task.name, Date.now());
    const state = (status.tasks[task.name] ??= { recorded: 0, lastError: null });
    try {
      const r = await task.run({
        db: opts.db,
        client: opts.client,
        contracts: opts.contracts,
        name: opts.name ?? DEFAULT_INDEXER_NAME,
        ...(opts.log ? { log: opts.log } : {}),
      });
      state.recorded += r.recorded;
      state.lastError = null;
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      if (message !== state.lastError) opts.log?.(`${task.name} error (retrying): ${message}`);
      state.lastError = message;
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
        // What public pages show changed only if events were recorded (or a reorg undid some): not on an empty block.
        if (r.inserted > 0 || (r.backfill?.inserted ?? 0) > 0 || r.reorgedTo !== undefined)
          await bumpPageEpoch(opts.db);
        if (status.lastError) opts.log?.("indexer recovered");
        status.lastError = null;
        delay = interval;
        if (hasMoreWork(r)) continue; // catching up (or backfilling): no sleep
        for (const task of tasks) if (Date.now() - (lastRun.get(task.name) ?? 0) >= task.everyMs) await runTask(task);
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
