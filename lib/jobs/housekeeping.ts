import "server-only";

import { walkAuditChainIfDue } from "@/lib/audit";
import { deleteExpiredRevocations, deleteExpiredNonces } from "@/lib/auth";
import { expireLapsedApprovals } from "@/lib/kyc";
import { getDb } from "@/lib/db";
import { deleteOldOutboxRows, emitExpiryReminders } from "@/lib/notifications";
import { deleteExpiredRateLimits } from "@/lib/rate-limit";
import { deleteOldJobRuns, recordJobRun } from "./runs";

const INTERVAL_MS = 15 * 60_000;
const KEEP_RUNS_MS = 7 * 24 * 3_600_000;
const globalForJobs = globalThis as unknown as { __atelierHousekeeping?: NodeJS.Timeout };

export type HousekeepingResult = {
  approvalsExpired: number;
  /** Investors told their verification runs out within 30 (or 7) days. */
  expiryReminders: number;
  noncesDeleted: number;
  revocationsDeleted: number;
  rateLimitsDeleted: number;
  /** Outbox rows deleted with their address and body: sent over 30 days ago, given up on over 90 days ago. */
  emailsDeleted: { sent: number; failed: number };
  /** The whole audit chain was walked from its first entry (at most once a day): intact or not; null when not due. */
  auditFullWalk: "intact" | "broken" | null;
};

/**
 * Periodic, idempotent upkeep: approvals past their validity become `expired` (audited), investors whose approval
 * runs out within 30 or 7 days are reminded (lib/notifications, once each), used or stale sign-in
 * nonces, session revocations past their expiry and ended rate-limit windows are deleted, and so are sent emails
 * after 30 days and emails given up on after 90 (lib/notifications, the outbox's retention); the audit chain is walked
 * whole once a day. Safe to run on every web instance at once.
 */
export async function runHousekeeping({ now = new Date() }: { now?: Date } = {}): Promise<HousekeepingResult> {
  const db = await getDb();
  const approvalsExpired = await expireLapsedApprovals(db, { now });
  const expiryReminders = await emitExpiryReminders(db, { now });
  const noncesDeleted = await deleteExpiredNonces(db, { now });
  const revocationsDeleted = await deleteExpiredRevocations(db, { now });
  const rateLimitsDeleted = await deleteExpiredRateLimits(db, { now });
  const emailsDeleted = await deleteOldOutboxRows(db, { now });
  // The audit page verifies from the newest checkpoint; once a day the whole chain is walked from its first entry,
  // which also catches an old entry changed without re-hashing.
  const walk = await walkAuditChainIfDue(db, { now });
  const auditFullWalk = walk === null ? null : walk.ok ? "intact" : "broken";
  if (walk && !walk.ok) console.error(`[housekeeping] audit chain broken at entry ${walk.brokenAtId}: ${walk.reason}`);
  await deleteOldJobRuns(db, { before: new Date(now.getTime() - KEEP_RUNS_MS) });
  return {
    approvalsExpired,
    expiryReminders,
    noncesDeleted,
    revocationsDeleted,
    rateLimitsDeleted,
    emailsDeleted,
    auditFullWalk,
  };
}

/** One run, recorded (`job_runs`) whether it succeeded or failed, for the operators' health page. */
export async function runHousekeepingRecorded(): Promise<HousekeepingResult> {
  const startedAt = new Date();
  try {
    const result = await runHousekeeping({ now: startedAt });
    await recordJobRun(await getDb(), { job: "housekeeping", startedAt, ok: true, detail: result });
    return result;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
    // The database may be what failed: the failure is logged by the caller either way.
    await getDb()
      .then((db) => recordJobRun(db, { job: "housekeeping", startedAt, ok: false, detail: { error: message } }))
      .catch(() => null);
    throw error;
  }
}

/** Starts the timer once per process (the first run a minute after start-up). */
export function startHousekeeping(): void {
  if (globalForJobs.__atelierHousekeeping) return;
  const tick = () =>
    runHousekeepingRecorded()
      .then((r) => {
        if (r.approvalsExpired) console.log(`[housekeeping] ${r.approvalsExpired} KYC approval(s) expired`);
      })
      .catch((error: unknown) =>
        console.error("[housekeeping] failed:", error instanceof Error ? error.message : error),
      );
  setTimeout(tick, 60_000).unref();
  globalForJobs.__atelierHousekeeping = setInterval(tick, INTERVAL_MS);
  globalForJobs.__atelierHousekeeping.unref();
}
