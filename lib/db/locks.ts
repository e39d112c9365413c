import { sql } from "drizzle-orm";
import type { Database } from "./connect";

/**
 * Runs `fn` in a transaction that first takes a transaction-scoped advisory lock on `key` (PostgreSQL's
 * `pg_advisory_xact_lock(hashtext(key))`; PGlite runs one transaction at a time and takes it too). Two requests for
 * the same key — a double click, two tabs, two instances — then run one after the other, so a "read, then insert if
 * missing" inside `fn` happens once. The lock is released when the transaction ends. Keys name what they guard,
 * e.g. `kyc.draft:<wallet>`.
 */
export function inLockedTransaction<T>(db: Database, key: string, fn: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await lockForTransaction(t, key);
    return fn(t);
  });
}

/** Takes the advisory lock on `key` for the rest of the caller's transaction (call it inside one). */
export async function lockForTransaction(tx: Database, key: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
}
