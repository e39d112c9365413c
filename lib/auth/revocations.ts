import "server-only";

import { eq, lt } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { sessionRevocations } from "@/lib/db/schema";

/** Refuse a session token from now on (sign-out). Kept until the token would have expired anyway. */
export async function revokeSession(
  db: Database,
  { jti, expiresAt, now = new Date() }: { jti: string; expiresAt: Date; now?: Date },
): Promise<void> {
  await db.insert(sessionRevocations).values({ jti, expiresAt, revokedAt: now }).onConflictDoNothing();
}

export async function isSessionRevoked(db: Database, { jti }: { jti: string }): Promise<boolean> {
  const [row] = await db
    .select({ jti: sessionRevocations.jti })
    .from(sessionRevocations)
    .where(eq(sessionRevocations.jti, jti))
    .limit(1);
  return Boolean(row);
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
