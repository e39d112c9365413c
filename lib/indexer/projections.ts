/**
 * The one place the project's projections are registered with the indexer engine (which imports no domain): each
 * domain's projections and the idle tasks, under the recorded event set's version (`coverage.ts`). The worker
 * (`scripts/indexer.ts`), the embedded server mode (`embedded.ts`) and the tests use the engine through the functions
 * below. A domain never imports this file (it imports the domains): the views that need the record's coverage import
 * `coverage.ts`. Plain module.
 */
import { platformRolesProjection } from "@/lib/admin/projection";
import {
  complianceRecordsProjection,
  registerSnapshotsProjection,
  auditReconcileTask,
} from "@/lib/compliance/projection";
import { distributionsProjection } from "@/lib/distributions/projection";
import { salesProjection } from "@/lib/sale/projection";
import { marketProjection } from "@/lib/market/projection";
import { holdingsRecordsProjection } from "@/lib/portfolio/projection";
import { getIndexerCoverage, INDEXER_EVENTS_VERSION } from "./coverage";
import * as engine from "./indexer";
import { runIndexerLoop as runLoop } from "./loop";
import type { IndexerSetup } from "./projection";

export const ATELIER_INDEXER: IndexerSetup = {
  eventsVersion: INDEXER_EVENTS_VERSION,
  projections: [
    holdingsRecordsProjection,
    registerSnapshotsProjection,
    marketProjection,
    complianceRecordsProjection,
    platformRolesProjection,
    distributionsProjection,
    salesProjection,
  ],
  tasks: [auditReconcileTask],
};

/** The engine's options without the setup (this file supplies it; a test may pass its own). */
export type IndexerOptions = Omit<engine.IndexerOptions, "setup"> & { setup?: IndexerSetup };
const withSetup = (opts: IndexerOptions): engine.IndexerOptions => ({ ...opts, setup: opts.setup ?? ATELIER_INDEXER });

export const syncOnce = (opts: IndexerOptions) => engine.syncOnce(withSetup(opts));
export const syncToHead = (opts: IndexerOptions) => engine.syncToHead(withSetup(opts));
export const runIndexerLoop = (opts: IndexerOptions & Omit<Parameters<typeof runLoop>[0], "setup">) =>
  runLoop(withSetup(opts) as Parameters<typeof runLoop>[0]);

export { getIndexerCoverage, INDEXER_EVENTS_VERSION };
export {
  DEFAULT_INDEXER_NAME,
  getIndexerLag,
  hasMoreWork,
  IndexerConflictError,
  type IndexerContracts,
  type IndexerCoverage,
  type SyncResult,
} from "./indexer";
