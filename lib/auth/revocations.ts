import "server-only";

import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { sessionRevocations, sessionSignOuts } from "@/lib/db/schema";

/** Refuse a session token from now on (sign-out). Kept until the token would have expired anyway. */
export async function revokeSession(
  db: Database,
  { jti, expiresAt, now = new Date() }: { jti: string; expiresAt: Date; now?: Date },
): Promise<void> {
  await db.insert(sessionRevocations).values({ jti, expiresAt, revokedAt: now }).onConflictDoNothing();
}

/**
 * "Sign out everywhere": every session of this wallet issued up to now is refused (also on other devices
 * and instances); a later sign-in is not affected.
 */
export async function revokeAllSessions(
  db: Database,
  { address, now = new Date() }: { address: string; now?: Date },
): Promise<void> {
  await db
    .insert(sessionSignOuts)
    .values({ address: address.toLowerCase(), signedOutAt: now })
    .onConflictDoUpdate({
      target: sessionSignOuts.address,
      set: { signedOutAt: sql`GREATEST(${sessionSignOuts.signedOutAt}, excluded.signed_out_at)` },
    });
}

/**
 * Whether a session is refused: its own jti was revoked (sign-out), or, given its wallet and issue time,
 * the wallet signed out everywhere at or after it was issued (issue times are whole seconds, so a token
 * from the same second as the sign-out is refused too).
 */
export async function isSessionRevoked(
  db: Database,
  { jti, address, issuedAt }: { jti: string; address?: string; issuedAt?: Date },
): Promise<boolean> {
  const [row] = await db
    .select({ jti: sessionRevocations.jti })
    .from(sessionRevocations)
    .where(eq(sessionRevocations.jti, jti))
    .limit(1);
  if (row) return true;
  if (!address || !issuedAt) return false;
  const [everywhere] = await db
    .select({ address: sessionSignOuts.address })
    .from(sessionSignOuts)
    .where(
      and(
        eq(sessionSignOuts.address, address.toLowerCase()),
        gte(sessionSignOuts.signedOutAt, new Date(Math.floor(issuedAt.getTime() / 1000) * 1000)),
      ),
    )
    .limit(1);
  return Boolean(everywhere);
}

export async function deleteExpiredRevocations(
  db: Database,
  { now = new Date() }: { now?: Date } = {},
): Promise<number> {
  const removed = await db
    .delete(sessionRevocations)
    .where(lt(sessionRevocations.expiresAt, now))
    .returning({ jti: sessionRevocations.jti });
  return removed.length;
}

export { raiseRoleFloor, readRoleFloor } from "./projection";
