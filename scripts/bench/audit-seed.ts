/**
 * Bulk audit entries for the benchmarks: `entries` rows appended to the hash chain after its newest entry (or from
 * the genesis hash), hashed exactly as `writeAudit` hashes, written 2,000 per statement. Used by the audit section
 * (in-memory PGlite) and the large-lists section (the bench app's database, so the audit page is served over it).
 */
import { desc } from "drizzle-orm";
import { computeAuditHash, GENESIS_HASH } from "../../lib/audit";
import { toJson } from "../../lib/audit/canonical";
import type { Database } from "../../lib/db/connect";
import { auditLog } from "../../lib/db/schema";

const ACTIONS = ["kyc.approve", "kyc.submit", "token.wallet_freeze", "auth.sign_in", "listing.submit", "market.fill"];
const BATCH = 2_000;

/** Appends `entries` hash-chained rows; returns the seconds it took. */
export async function appendAuditEntries(
  db: Database,
  entries: number,
  log: (s: string) => void = () => {},
): Promise<number> {
  const t0 = performance.now();
  const [last] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prev = last?.hash ?? GENESIS_HASH;
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < entries; i += BATCH) {
    const rows = [];
    for (let j = i; j < Math.min(entries, i + BATCH); j++) {
      const content = {
        at: new Date(start + j * 1_000),
        actor: `0x${(j % 5_000).toString(16).padStart(40, "0")}`,
        actorRole: "investor",
        action: ACTIONS[j % ACTIONS.length]!,
        subjectType: "investor",
        subjectId: `inv-${j % 20_000}`,
        before: toJson({ status: "in_review" }),
        after: toJson({ status: "approved", n: j }),
        txHash: null,
        ip: "127.0.0.1",
        prevHash: prev,
      };
      prev = computeAuditHash(content);
      rows.push({ ...content, hash: prev });
    }
    await db.insert(auditLog).values(rows);
    if ((i / BATCH) % 50 === 49) log(`  ${(i + BATCH).toLocaleString("en")} entries written`);
  }
  return (performance.now() - t0) / 1000;
}
