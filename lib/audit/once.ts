import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { anyRowWhere } from "@/lib/db/rows";
import { inLockedTransaction } from "@/lib/db/locks";
import { auditLog } from "@/lib/db/schema";

/**
 * Audits a user's transaction once: under the advisory lock `lock`, two post-backs of one hash at the same moment (a
 * retry, a second tab) run one after the other, and the second finds the first one's entry of one of `actions` for
 * that hash (`already_recorded`). Otherwise `write` records it, in that transaction.
 */
export function auditTxOnce<T>(
  db: Database,
  { lock, txHash, actions }: { lock: string; txHash: string; actions: readonly string[] },
  write: (t: Database) => Promise<T>,
): Promise<T | { ok: false; code: "already_recorded" }> {
  return inLockedTransaction(db, lock, async (t) => {
    const already = await anyRowWhere(
      t,
      auditLog,
      and(eq(auditLog.txHash, txHash), inArray(auditLog.action, [...actions])),
    );
    if (already) return { ok: false as const, code: "already_recorded" as const };
    return write(t);
  });
}
