/** Audit log, checkpoints and walks; the indexer cursor and projection bookkeeping. */
import type { InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { backfillRange, blockNumber, blockRef, serialId, timestamptz, updatedAt } from "./columns";

// ---------------------------------------------------------------------------------------------
// Audit and indexer

/** Append-only, hash-chained. Write only through `lib/audit`. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serialId(),
    at: timestamptz("at").notNull(),
    /** Lowercase address or "system". */
    actor: text("actor").notNull(),
    actorRole: text("actor_role").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    txHash: text("tx_hash"),
    ip: text("ip"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [
    index("audit_log_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_log_actor_idx").on(t.actor),
    index("audit_log_at_idx").on(t.at),
    // The action filter, and the list of actions read by skipping along it.
    index("audit_log_action_idx").on(t.action),
    // "Is this transaction audited?" (agent post-back, audit reconciliation after each indexer batch).
    index("audit_log_tx_idx").on(sql`lower(${t.txHash})`),
  ],
);
export type AuditLogEntry = InferSelectModel<typeof auditLog>;

/**
 * Points up to which the audit chain was verified: the entry's id and hash, and how many entries the chain held
 * through it. The audit page verifies only what follows the newest checkpoint (after checking that entry still
 * has its hash); a full walk from the first entry (`full`) runs in housekeeping once a day and on demand.
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  id: serialId(),
  throughId: bigint("through_id", { mode: "number" }).notNull().unique(),
  hash: text("hash").notNull(),
  count: bigint("count", { mode: "number" }).notNull(),
  full: boolean("full").notNull().default(false),
  at: timestamptz("at").notNull().defaultNow(),
});
export type AuditCheckpoint = InferSelectModel<typeof auditCheckpoints>;

/**
 * Every walk of the whole audit chain from its first entry, intact or not (owned by lib/audit). A broken chain is
 * recorded too, so that housekeeping does not re-walk it on every tick and the audit page can say what the last
 * whole walk found, even when the newer entries verify.
 */
export const auditWalks = pgTable("audit_walks", {
  id: serialId(),
  at: timestamptz("at").notNull().defaultNow(),
  ok: boolean("ok").notNull(),
  count: bigint("count", { mode: "number" }).notNull(),
  brokenAtId: bigint("broken_at_id", { mode: "number" }),
  reason: text("reason"),
});
export type AuditWalk = InferSelectModel<typeof auditWalks>;

export const indexerCursor = pgTable("indexer_cursor", {
  name: text("name").primaryKey(),
  ...blockRef(),
  /**
   * The indexer's event set this cursor reads (`INDEXER_EVENTS_VERSION` in lib/indexer/projections.ts). A row written before
   * a version added events (the default, 1) gets a one-time re-scan of its history: `backfill_cursor` walks
   * from the start block to `backfill_to` (the cursor at the upgrade); both are NULL when none is pending.
   */
  eventsVersion: integer("events_version").notNull().default(1),
  ...backfillRange(),
  /** Audit reconciliation (lib/compliance/reconcile.ts): every agent transaction up to this block is audited. */
  reconciledBlock: blockNumber("reconciled_block"),
  updatedAt: updatedAt(),
});
export type IndexerCursor = InferSelectModel<typeof indexerCursor>;

/**
 * Each projection's progress (lib/indexer/projection.ts), per indexer cursor: the version its rows were built by and,
 * while one is pending, its own backfill from `chain_events` (`backfill_cursor` walks from the start block to
 * `backfill_to`, the live cursor when it began; both NULL when none is pending). A projection without a row, or
 * with another version, backfills alone.
 */
export const indexerProjections = pgTable(
  "indexer_projections",
  {
    indexer: text("indexer").notNull(),
    projection: text("projection").notNull(),
    version: integer("version").notNull(),
    ...backfillRange(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("indexer_projections_pk").on(t.indexer, t.projection)],
);
export type IndexerProjectionRow = InferSelectModel<typeof indexerProjections>;
