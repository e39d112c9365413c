/**
 * The recorded event set's version and how far the record is complete under it: the part of the indexer's set-up a
 * domain's views may read (`getIndexerCoverage`) without importing the registry (`projections.ts`, which imports the
 * domains' projections). Engine side: imports no domain. Plain module.
 */
import type { Database } from "../db/connect";
import * as engine from "./indexer";

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
 * the registry's two-agent wallet links (`WalletLink*`) and the platform's emergency stop and resume. 7: the platform
 * roles' grants and revokes (RoleGranted / RoleRevoked of the factory, the registry and the desk: the admin console's
 * "granted when, by whom"). 8: the distributor's distributions (created, claimed, held or released, closed). 9: the artwork
 * sales (opened, votes, finalised, redemptions, dust swept).
 */
export const INDEXER_EVENTS_VERSION = 9;

/** How far the indexer's record (and every projection) is complete, for views built only from it. */
export const getIndexerCoverage = (db: Database, name?: string) =>
  engine.getIndexerCoverage(db, INDEXER_EVENTS_VERSION, name);
