/**
 * Append-only, hash-chained audit log.
 *
 * Each row's `hash` = sha256(prev_hash || canonical JSON of the row's content), and `prev_hash` is the
 * previous row's hash (GENESIS_HASH for the first). Changing or deleting any row but the last breaks the
 * chain at the next row; `verifyAuditChain` finds it. (Removing the newest rows is detectable only against
 * a head hash kept elsewhere — export `getAuditHead` regularly.)
 *
 * Plain module (no `server-only`) so the seed script can write audit rows; it holds no keys.
 */
import { asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { type AuditLogEntry, type AuditWalk, auditCheckpoints, auditLog, auditWalks } from "@/lib/db/schema";
import { sha256Hex } from "@/lib/format/hash";
import { canonicalJson, type Json, toJson } from "./canonical";

export const GENESIS_HASH = `0x${"0".repeat(64)}`;

/** Advisory lock key that serialises audit writers (transaction-scoped; works on PostgreSQL and PGlite). */
const AUDIT_LOCK_KEY = 7_241_031_002;

export type AuditInput = {
  /** Lowercase wallet address, or "system". */
  actor: string;
  actorRole: string;
  /** Dotted verb, e.g. "kyc.approve", "auth.sign_in". */
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  txHash?: string | null;
  ip?: string | null;
  /** For tests and imports; defaults to now. */
  at?: Date;
};

type HashedContent = {
  at: Date;
  actor: string;
  actorRole: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: Json;
  after: Json;
  txHash: string | null;
  ip: string | null;
  prevHash: string;
};

/** The hash of a row: sha256(prevHash || canonical JSON of its content, timestamp as ISO string). */
export function computeAuditHash(content: HashedContent): string {
  const { prevHash, ...rest } = content;
  return sha256Hex(prevHash + canonicalJson({ ...rest, at: content.at.toISOString(), prevHash }));
}

function normaliseActor(actor: string): string {
  return /^0x[0-9a-fA-F]{40}$/.test(actor) ? actor.toLowerCase() : actor;
}

/** Append one entry. Serialised with a transaction-scoped advisory lock so concurrent writers cannot fork the chain. */
export async function writeAudit(db: Database, input: AuditInput): Promise<AuditLogEntry> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${sql.raw(String(AUDIT_LOCK_KEY))})`);
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const content: HashedContent = {
      // Millisecond precision, so the timestamp read back from timestamptz is the one that was hashed.
      at: new Date((input.at ?? new Date()).getTime()),
      actor: normaliseActor(input.actor),
      actorRole: input.actorRole,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      before: toJson(input.before),
      after: toJson(input.after),
      txHash: input.txHash ?? null,
      ip: input.ip ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const [row] = await tx
      .insert(auditLog)
      .values({ ...content, hash: computeAuditHash(content) })
      .returning();
    if (!row) throw new Error("writeAudit: insert returned no row");
    return row;
  });
}

export type AuditChainVerification =
  | {
      ok: true;
      /** Entries in the chain through the head. */
      count: number;
      headHash: string;
      /** Entries whose hashes this call recomputed (all of them for a full walk, the new ones otherwise). */
      checked: number;
      /** When a walk from the first entry last succeeded (null: never). */
      lastFullAt: Date | null;
    }
  | { ok: false; brokenAtId: number; reason: string; count: number };

type Start = { lastId: number; expectedPrev: string; count: number };

/**
 * Verifies the hash chain. By default from the newest checkpoint: it first checks that the checkpoint's entry
 * still carries the hash recorded there (so a chain rewritten and re-hashed from any earlier point is caught), then
 * recomputes only the entries after it — the audit page costs the new entries, not the whole log. `full` walks from
 * the first entry (housekeeping does once a day; it catches a changed entry before the checkpoint whose hash was
 * left alone). A successful walk records a new checkpoint at the head (`record: false` to only read).
 */
export async function verifyAuditChain(
  db: Database,
  options: { batchSize?: number; full?: boolean; record?: boolean } = {},
): Promise<AuditChainVerification> {
  const batchSize = options.batchSize ?? 500;
  const full = options.full ?? false;
  let start: Start = { lastId: 0, expectedPrev: GENESIS_HASH, count: 0 };
  if (!full) {
    const [checkpoint] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.throughId)).limit(1);
    if (checkpoint) {
      const [entry] = await db
        .select({ hash: auditLog.hash })
        .from(auditLog)
        .where(eq(auditLog.id, checkpoint.throughId));
      if (entry?.hash !== checkpoint.hash) {
        return {
          ok: false,
          brokenAtId: checkpoint.throughId,
          count: checkpoint.count,
          reason: entry
            ? "the entry at the last verified checkpoint no longer has the hash it had (the chain was rewritten)"
            : "the entry at the last verified checkpoint is gone (entries were deleted)",
        };
      }
      start = { lastId: checkpoint.throughId, expectedPrev: checkpoint.hash, count: checkpoint.count };
    }
  }
  const walked = await walkChain(db, start, batchSize);
  // Every whole walk is recorded, intact or not: what the last one found stays visible, and a broken chain is not
  // walked again on every housekeeping tick.
  if (full && (options.record ?? true))
    await db
      .insert(auditWalks)
      .values(
        walked.ok
          ? { ok: true, count: walked.count }
          : { ok: false, count: walked.count, brokenAtId: walked.brokenAtId, reason: walked.reason },
      );
  if (!walked.ok) return walked;
  const checked = walked.count - start.count;
  if ((options.record ?? true) && walked.count > 0 && (full || checked > 0)) {
    const insert = db
      .insert(auditCheckpoints)
      .values({ throughId: walked.lastId, hash: walked.headHash, count: walked.count, full });
    // A full walk marks the checkpoint (and its time); an incremental one never unmarks it.
    await (full
      ? insert.onConflictDoUpdate({ target: auditCheckpoints.throughId, set: { full: true, at: sql`now()` } })
      : insert.onConflictDoNothing());
  }
  const [last] = await db
    .select({ at: auditCheckpoints.at })
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.full, true))
    .orderBy(desc(auditCheckpoints.at))
    .limit(1);
  return { ok: true, count: walked.count, headHash: walked.headHash, checked, lastFullAt: last?.at ?? null };
}

/** The newest walk of the whole chain, intact or broken; null when none was made. */
export async function lastAuditWalk(db: Database): Promise<AuditWalk | null> {
  const [last] = await db.select().from(auditWalks).orderBy(desc(auditWalks.id)).limit(1);
  return last ?? null;
}

/**
 * Walks the whole chain from its first entry when the last whole walk — intact or broken — is older than `every`
 * (a day) or never was; null when not due. Housekeeping calls it on every instance every 15 minutes: a broken chain
 * is reported once per `every` (and stays shown on the audit page), not re-walked on every tick.
 */
export async function walkAuditChainIfDue(
  db: Database,
  { now = new Date(), every = 24 * 3_600_000 }: { now?: Date; every?: number } = {},
): Promise<AuditChainVerification | null> {
  const last = await lastAuditWalk(db);
  if (last && now.getTime() - last.at.getTime() < every) return null;
  return verifyAuditChain(db, { full: true });
}

/** Recomputes every entry after `start`, in id order. */
async function walkChain(
  db: Database,
  start: Start,
  batchSize: number,
): Promise<
  | { ok: true; count: number; headHash: string; lastId: number }
  | { ok: false; brokenAtId: number; reason: string; count: number }
> {
  let { lastId, expectedPrev, count } = start;
  const fromGenesis = start.lastId === 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    for (const row of rows) {
      if (row.prevHash !== expectedPrev) {
        return {
          ok: false,
          brokenAtId: row.id,
          count,
          reason:
            fromGenesis && count === 0 && row.prevHash !== GENESIS_HASH
              ? "the first entry does not start the chain (earlier entries were deleted)"
              : "the entry does not follow the previous one (an entry was deleted, inserted or reordered)",
        };
      }
      const recomputed = computeAuditHash({
        at: row.at,
        actor: row.actor,
        actorRole: row.actorRole,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        before: toJson(row.before),
        after: toJson(row.after),
        txHash: row.txHash,
        ip: row.ip,
        prevHash: row.prevHash,
      });
      if (recomputed !== row.hash) {
        return {
          ok: false,
          brokenAtId: row.id,
          count,
          reason: "the entry was modified after it was written (hash mismatch)",
        };
      }
      expectedPrev = row.hash;
      lastId = row.id;
      count += 1;
    }
    if (rows.length < batchSize) break;
  }
  return { ok: true, count, headHash: expectedPrev, lastId };
}

/** The newest entry's id and hash, to anchor elsewhere (detects truncation of the newest entries). */
export async function getAuditHead(db: Database): Promise<{ id: number; hash: string } | null> {
  const [row] = await db
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row ?? null;
}

export { canonicalJson } from "./canonical";
export { auditTxOnce } from "./once";
