import "server-only";

import { lt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { rateLimits } from "@/lib/db/schema";

/*
 * Rate limits kept in the database (table rate_limits, owned by this module), so that every instance
 * behind a load balancer counts against the same window. One fixed window per key, counted by an
 * atomic upsert that works the same on PGlite and PostgreSQL.
 */

export type RateLimitRule = { limit: number; windowMs: number };

/**
 * Every limit of the portal, in one place. Keys are per client IP and per wallet address — but a wallet is counted
 * only once it is proven (a verified signature or a session): counting a wallet that a request merely names would let
 * anyone lock that wallet out by sending bad attempts in its name.
 */
export const RATE_LIMITS = {
  /** Sign-in nonces: a person signs in a few times a day; a script asks hundreds of times a minute. */
  nonce: { limit: 30, windowMs: 60_000 },
  /** Sign-in attempts (successful or not) per IP; sign-ins per wallet once its signature is verified. */
  signIn: { limit: 20, windowMs: 60_000 },
  /** Uploads of images and documents (issuer listings, KYC documents). */
  upload: { limit: 60, windowMs: 10 * 60_000 },
  /** Audit entries for refused privileged calls per wallet: the refusal always stands, the record of it is capped. */
  forbiddenAudit: { limit: 10, windowMs: 10 * 60_000 },
  /** Settling a confirmed transaction (each may wait on the chain). */
  settle: { limit: 60, windowMs: 60_000 },
  /** Distribution plans: each reads the register and builds and stores a tree; an issuer makes a few a day. */
  distributionPlan: { limit: 10, windowMs: 10 * 60_000 },
  /** Sale plans: each reads the register and builds and stores a weights tree. */
  salePlan: { limit: 10, windowMs: 10 * 60_000 },
  /** Statement downloads (CSV and the yearly PDF): each reads the whole portfolio from the chain. */
  statement: { limit: 30, windowMs: 10 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof RATE_LIMITS;

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Thrown by `enforceRateLimits`; `retryAfterSeconds` is what the client should wait. */
export class RateLimitedError extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(`Rate limited: retry after ${retryAfterSeconds} s`);
    this.name = "RateLimitedError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Count one hit on `key` under `rule`; says whether it is within the limit, else how long to wait. */
export async function hitRateLimit(
  db: Database,
  { key, rule, now = new Date() }: { key: string; rule: RateLimitRule; now?: Date },
): Promise<RateLimitResult> {
  const resetAt = new Date(now.getTime() + rule.windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, hits: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`CASE WHEN ${rateLimits.resetAt} <= ${now} THEN 1 ELSE ${rateLimits.hits} + 1 END`,
        resetAt: sql`CASE WHEN ${rateLimits.resetAt} <= ${now} THEN ${resetAt} ELSE ${rateLimits.resetAt} END`,
      },
    })
    .returning({ hits: rateLimits.hits, resetAt: rateLimits.resetAt });
  if (!row || row.hits <= rule.limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000)) };
}

/**
 * Count one hit of `name` for each subject (client IP, wallet address; null ones are skipped) and throw
 * `RateLimitedError` with the longest wait when any is over its limit.
 */
export async function enforceRateLimits(
  db: Database,
  {
    name,
    subjects,
    now = new Date(),
  }: { name: RateLimitName; subjects: { ip?: string | null; address?: string | null }; now?: Date },
): Promise<void> {
  const rule = RATE_LIMITS[name];
  const keys = [
    subjects.ip ? `${name}:ip:${subjects.ip}` : null,
    subjects.address ? `${name}:address:${subjects.address.toLowerCase()}` : null,
  ].filter((k): k is string => k !== null);
  let wait = 0;
  for (const key of keys) {
    const result = await hitRateLimit(db, { key, rule, now });
    if (!result.ok) wait = Math.max(wait, result.retryAfterSeconds);
  }
  if (wait > 0) throw new RateLimitedError(wait);
}

/** Housekeeping: forget windows that have ended. */
export async function deleteExpiredRateLimits(
  db: Database,
  { now = new Date() }: { now?: Date } = {},
): Promise<number> {
  const removed = await db.delete(rateLimits).where(lt(rateLimits.resetAt, now)).returning({ key: rateLimits.key });
  return removed.length;
}
