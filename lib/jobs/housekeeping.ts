import "server-only";

import { deleteExpiredRevocations } from "@/lib/auth/revocations";
import { deleteExpiredNonces } from "@/lib/auth/siwe";
import { getDb } from "@/lib/db";
import { expireLapsedApprovals } from "@/lib/kyc/applications";
import { deleteExpiredRateLimits } from "@/lib/rate-limit";

const INTERVAL_MS = 15 * 60_000;
const globalForJobs = globalThis as unknown as { __atelierHousekeeping?: NodeJS.Timeout };

export type HousekeepingResult = {
  approvalsExpired: number;
  noncesDeleted: number;
  revocationsDeleted: number;
  rateLimitsDeleted: number;
};

/**
 * Periodic, idempotent upkeep: approvals past their validity become `expired` (audited), used or stale sign-in
 * nonces, session revocations past their expiry and ended rate-limit windows are deleted. Safe to run on every web instance at once.
 */
export async function runHousekeeping({ now = new Date() }: { now?: Date } = {}): Promise<HousekeepingResult> {
  const db = await getDb();
  const approvalsExpired = await expireLapsedApprovals(db, { now });
  const noncesDeleted = await deleteExpiredNonces(db, { now });
  const revocationsDeleted = await deleteExpiredRevocations(db, { now });
  const rateLimitsDeleted = await deleteExpiredRateLimits(db, { now });
  return { approvalsExpired, noncesDeleted, revocationsDeleted, rateLimitsDeleted };
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
