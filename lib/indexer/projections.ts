/**
 * The one place the project's projections are registered with the indexer engine (which imports no domain): the
 * recorded event set's version, each domain's projections and the idle tasks. The worker (`scripts/indexer.ts`),
 * the embedded server mode (`embedded.ts`), the tests and the views that need the record's coverage use the engine
 * through the functions below. Plain module.
 */
import {
  complianceRecordsProjection,
  registerSnapshotsProjection,
  auditReconcileTask,
} from "../compliance/projections";
import type { Database } from "../db/connect";
import { marketProjection } from "../market/projection";
import { holdingsRecordsProjection } from "../portfolio/projection";
import * as engine from "./indexer";
import { runIndexerLoop as runLoop } from "./loop";
import type { IndexerSetup } from "./projection";

/**
 * Version of the recorded event set (the union of the projections' events). Raise it when a projection adds events:
 * databases indexed by an older version re-read their history from the chain once (`rescan.ts`). A projection that
 * only changes what it does with events already recorded raises its own `version` instead (it alone backfills from
 * `chain_events`). 1: transfers, purchases, market, registry. 2: the token's agent events, mints with their lock-up,
 * and rules (the register at a past block is built from them). 3: lock-up lots (merged, consumed by a forced transfer
 * or burn, moved by a recovery) and the freeze state a recovery moves. 4: the token's role grants and revokes and its
 * ownership changes (the register's role history). 5: register snapshots (the token's state read at each block with
 * its register events, `lib/compliance/token-states.ts`): the register at a past block is read from them, so a
 * re-read of the history fills them for the blocks indexed before. 6: the enforcement desk's proposals, executions
 * and cancellations (two-agent forced transfers, recoveries, burns), recorded with `token` = the token they act on;
 * the registry's two-agent wallet links (`WalletLink*`) and the platform's emergency stop and resume.
 */
export const INDEXER_EVENTS_VERSION = 6;

export const ATELIER_INDEXER: IndexerSetup = {
  eventsVersion: INDEXER_EVENTS_VERSION,
  projections: [holdingsRecordsProjection, registerSnapshotsProjection, marketProjection, complianceRecordsProjection],
  tasks: [auditReconcileTask],
};

/** The engine's options without the setup (this file supplies it; a test may pass its own). */
export type IndexerOptions = Omit<engine.IndexerOptions, "setup"> & { setup?: IndexerSetup };
const withSetup = (opts: IndexerOptions): engine.IndexerOptions => ({ ...opts, setup: opts.setup ?? ATELIER_INDEXER });

export const syncOnce = (opts: IndexerOptions) => engine.syncOnce(withSetup(opts));
export const syncToHead = (opts: IndexerOptions) => engine.syncToHead(withSetup(opts));
export const runIndexerLoop = (opts: IndexerOptions & Omit<Parameters<typeof runLoop>[0], "setup">) =>
  runLoop(withSetup(opts) as Parameters<typeof runLoop>[0]);

/** How far the indexer's record (and every projection) is complete, for views built only from it. */
export const getIndexerCoverage = (db: Database, name?: string) =>
  engine.getIndexerCoverage(db, INDEXER_EVENTS_VERSION, name);

export {
  DEFAULT_INDEXER_NAME,
  getIndexerLag,
  hasMoreWork,
  IndexerConflictError,
  type IndexerContracts,
  type IndexerCoverage,
  type SyncResult,
} from "./indexer";
