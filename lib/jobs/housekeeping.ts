import "server-only";

import { walkAuditChainIfDue } from "@/lib/audit";
import { deleteExpiredRevocations } from "@/lib/auth/revocations";
import { deleteExpiredNonces } from "@/lib/auth/siwe";
import { getDb } from "@/lib/db";
import { expireLapsedApprovals } from "@/lib/kyc/applications";
import { emitExpiryReminders } from "@/lib/notifications";
import { deleteExpiredRateLimits } from "@/lib/rate-limit";

const INTERVAL_MS = 15 * 60_000;
const globalForJobs = globalThis as unknown as { __atelierHousekeeping?: NodeJS.Timeout };

export type HousekeepingResult = {
  approvalsExpired: number;
  /** Investors told their verification runs out within 30 (or 7) days. */
  expiryReminders: number;
  noncesDeleted: number;
  revocationsDeleted: number;
  rateLimitsDeleted: number;
  /** The whole audit chain was walked from its first entry (at most once a day): intact or not; null when not due. */
  auditFullWalk: "intact" | "broken" | null;
};

/**
 * Periodic, idempotent upkeep: approvals past their validity become `expired` (audited), investors whose approval
 * runs out within 30 or 7 days are reminded (lib/notifications, once each), used or stale sign-in
 * nonces, session revocations past their expiry and ended rate-limit windows are deleted; the audit chain is walked
 * whole once a day. Safe to run on every web instance at once.
 */
export async function runHousekeeping({ now = new Date() }: { now?: Date } = {}): Promise<HousekeepingResult> {
  const db = await getDb();
  const approvalsExpired = await expireLapsedApprovals(db, { now });
  const expiryReminders = await emitExpiryReminders(db, { now });
  const noncesDeleted = await deleteExpiredNonces(db, { now });
  const revocationsDeleted = await deleteExpiredRevocations(db, { now });
  const rateLimitsDeleted = await deleteExpiredRateLimits(db, { now });
  // The audit page verifies from the newest checkpoint; once a day the whole chain is walked from its first entry,
  // which also catches an old entry changed without re-hashing.
  const walk = await walkAuditChainIfDue(db, { now });
  const auditFullWalk = walk === null ? null : walk.ok ? "intact" : "broken";
  if (walk && !walk.ok) console.error(`[housekeeping] audit chain broken at entry ${walk.brokenAtId}: ${walk.reason}`);
  return { approvalsExpired, expiryReminders, noncesDeleted, revocationsDeleted, rateLimitsDeleted, auditFullWalk };
}

/** Starts the timer once per process (the first run a minute after start-up). */
export function startHousekeeping(): void {
  if (globalForJobs.__atelierHousekeeping) return;
  const tick = () =>
    runHousekeeping()
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
