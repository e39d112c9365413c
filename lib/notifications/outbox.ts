/**
 * The email outbox: claiming due rows, recording a send or a failure. Claiming is one UPDATE over a
 * `SELECT … FOR UPDATE SKIP LOCKED` with a lease: two workers (two web instances) never claim the same row, and a
 * row whose worker died is claimed again once its lease has run out. A failure is retried with exponential backoff
 * (30 s, 1 min, 2 min … at most 6 h) and given up after MAX_ATTEMPTS, with the last error kept. Plain module.
 */
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { notificationOutbox, notifications, type OutboxRow } from "@/lib/db/schema";
import type { NotificationKind, Recipient } from "./kinds";
import { emailWanted } from "./recipients";

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;
/** A claim's lease. Renewed just before each send, and longer than one SMTP exchange may take (`mailer.ts`). */
export const LEASE_MS = 2 * 60_000;

/** The wait before the next try after `attempts` tries (1 → 30 s, 2 → 1 min, …, capped at 6 h). */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

export type ClaimedEmail = OutboxRow & { recipient: string | null; kind: NotificationKind | null };

/** Claims up to `limit` due emails for `workerId` (each claim counts as an attempt). */
export async function claimDueEmails(
  db: Database,
  {
    workerId,
    limit = 10,
    now = new Date(),
    leaseMs = LEASE_MS,
  }: { workerId: string; limit?: number; now?: Date; leaseMs?: number },
): Promise<ClaimedEmail[]> {
  const until = new Date(now.getTime() + leaseMs);
  const claimed = await db.execute<{ id: string | number }>(sql`
    UPDATE notification_outbox
       SET claimed_by = ${workerId}, claimed_until = ${until.toISOString()}::timestamptz, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM notification_outbox
        WHERE sent_at IS NULL AND failed_at IS NULL
          AND next_attempt_at <= ${now.toISOString()}::timestamptz
          AND (claimed_until IS NULL OR claimed_until < ${now.toISOString()}::timestamptz)
        ORDER BY next_attempt_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  const ids = claimed.rows.map((r) => Number(r.id));
  if (ids.length === 0) return [];
  const rows = await db
    .select({ row: notificationOutbox, recipient: notifications.recipient, kind: notifications.kind })
    .from(notificationOutbox)
    .leftJoin(notifications, eq(notifications.id, notificationOutbox.notificationId))
    .where(sql`${notificationOutbox.id} IN (${sql.join(ids, sql`, `)})`)
    .orderBy(notificationOutbox.id);
  return rows.map((r) => ({ ...r.row, recipient: r.recipient, kind: r.kind as NotificationKind | null }));
}

/**
 * Renews this worker's claim on one row just before it is sent, and says whether the worker still holds it: a row
 * whose lease ran out (a send that stalled) may have been claimed and sent by another worker meanwhile, and is
 * then skipped, never sent twice.
 */
export async function renewClaim(
  db: Database,
  {
    id,
    workerId,
    now = new Date(),
    leaseMs = LEASE_MS,
  }: { id: number; workerId: string; now?: Date; leaseMs?: number },
): Promise<boolean> {
  const renewed = await db
    .update(notificationOutbox)
    .set({ claimedUntil: new Date(now.getTime() + leaseMs) })
    .where(
      and(
        eq(notificationOutbox.id, id),
        eq(notificationOutbox.claimedBy, workerId),
        sql`${notificationOutbox.claimedUntil} > ${now.toISOString()}::timestamptz`,
        sql`${notificationOutbox.sentAt} IS NULL`,
      ),
    )
    .returning({ id: notificationOutbox.id });
  return renewed.length > 0;
}

/** Withdraws a queued email the person no longer wants (unsubscribed, or the kind turned off since it was queued). */
async function markWithdrawn(db: Database, { id, workerId, now }: { id: number; workerId: string; now: Date }) {
  await db
    .update(notificationOutbox)
    .set({ failedAt: now, claimedBy: null, claimedUntil: null, lastError: "withdrawn: no longer wanted by email" })
    .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.claimedBy, workerId)));
}

/**
 * The email as it should go now: null when the person unsubscribed or turned this kind off after it was queued
 * (or the portal no longer knows their address), else with the address they have now.
 */
async function stillWanted(db: Database, row: ClaimedEmail): Promise<ClaimedEmail | null> {
  if (!row.recipient || !row.kind) return row;
  const to = await emailWanted(db, row.recipient as Recipient, row.kind);
  return to ? { ...row, email: to.email } : null;
}

/** Records a send (only by the worker that holds the claim). */
export async function markSent(
  db: Database,
  { id, workerId, now = new Date() }: { id: number; workerId: string; now?: Date },
) {
  await db
    .update(notificationOutbox)
    .set({ sentAt: now, claimedBy: null, claimedUntil: null, lastError: null })
    .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.claimedBy, workerId)));
}

/** Records a failed try: retried after the backoff, or given up after MAX_ATTEMPTS. */
export async function markFailed(
  db: Database,
  { row, workerId, error, now = new Date() }: { row: OutboxRow; workerId: string; error: string; now?: Date },
) {
  const giveUp = row.attempts >= MAX_ATTEMPTS;
  await db
    .update(notificationOutbox)
    .set({
      lastError: error.slice(0, 1000),
      claimedBy: null,
      claimedUntil: null,
      nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
      ...(giveUp ? { failedAt: now } : {}),
    })
    .where(and(eq(notificationOutbox.id, row.id), eq(notificationOutbox.claimedBy, workerId)));
}

export type SendEmail = (email: ClaimedEmail) => Promise<void>;

/** One pass of a worker: claims due emails, sends each, records the outcome. */
export async function drainOutbox(
  db: Database,
  {
    send,
    workerId,
    limit = 10,
    now = () => new Date(),
  }: { send: SendEmail; workerId: string; limit?: number; now?: () => Date },
): Promise<{ sent: number; failed: number }> {
  const rows = await claimDueEmails(db, { workerId, limit, now: now() });
  let sent = 0;
  let failed = 0;
  for (const claimed of rows) {
    if (!(await renewClaim(db, { id: claimed.id, workerId, now: now() }))) continue;
    const row = await stillWanted(db, claimed);
    if (!row) {
      await markWithdrawn(db, { id: claimed.id, workerId, now: now() });
      continue;
    }
    try {
      await send(row);
      await markSent(db, { id: row.id, workerId, now: now() });
      sent += 1;
    } catch (error) {
      await markFailed(db, {
        row,
        workerId,
        error: error instanceof Error ? error.message : String(error),
        now: now(),
      });
      failed += 1;
    }
  }
  return { sent, failed };
}

/** How long a sent email's row (address, subject, body) is kept: long enough to answer "did you send it?". */
export const KEEP_SENT_MS = 30 * 24 * 60 * 60_000;
/** How long an email given up on (or withdrawn) is kept, with its last error, for an operator to look into. */
export const KEEP_FAILED_MS = 90 * 24 * 60 * 60_000;

/**
 * Retention (run by housekeeping): deletes the outbox rows of emails sent more than 30 days ago and of emails given
 * up on or withdrawn more than 90 days ago, with the address and the body they carry. The notification itself stays
 * in the person's list; an email still waiting to be sent is kept until it is sent or given up on.
 */
export async function deleteOldOutboxRows(
  db: Database,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ sent: number; failed: number }> {
  const sent = await db
    .delete(notificationOutbox)
    .where(lt(notificationOutbox.sentAt, new Date(now.getTime() - KEEP_SENT_MS)))
    .returning({ id: notificationOutbox.id });
  const failed = await db
    .delete(notificationOutbox)
    .where(
      and(isNull(notificationOutbox.sentAt), lt(notificationOutbox.failedAt, new Date(now.getTime() - KEEP_FAILED_MS))),
    )
    .returning({ id: notificationOutbox.id });
  return { sent: sent.length, failed: failed.length };
}
