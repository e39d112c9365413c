import "server-only";
import { writeAudit } from "@/lib/audit";
import { auditDetails, listAudit, type AuditParams } from "@/lib/compliance/audit-query";
import { getDb } from "@/lib/db";
import { csvField } from "@/lib/format/csv";
import { hkDateStamp } from "@/lib/format/date";

const COLUMNS = [
  "id",
  "at",
  "actor",
  "actor_role",
  "action",
  "subject_type",
  "subject_id",
  "reason",
  "details",
  "tx_hash",
  "prev_hash",
  "hash",
];

/**
 * The filtered audit log as CSV (with the hashes, so the chain can be re-verified outside); the export is itself
 * audited. Returns the CSV and its file name.
 */
export async function exportAuditCsv({
  actor,
  params: p,
  ip,
}: {
  actor: string;
  params: AuditParams;
  ip: string | null;
}): Promise<{ csv: string; filename: string }> {
  const db = await getDb();
  const { rows } = await listAudit(db, { ...p, page: 1 }, { limit: 100_000 });
  const lines = [COLUMNS.join(",")];
  for (const e of rows) {
    const { reason, details } = auditDetails(e);
    lines.push(
      [
        String(e.id),
        e.at.toISOString(),
        csvField(e.actor),
        csvField(e.actorRole),
        csvField(e.action),
        csvField(e.subjectType),
        csvField(e.subjectId),
        csvField(reason ?? ""),
        csvField(details),
        csvField(e.txHash ?? ""),
        csvField(e.prevHash),
        csvField(e.hash),
      ].join(","),
    );
  }
  await writeAudit(db, {
    actor: actor,
    actorRole: "compliance",
    action: "audit.exported",
    subjectType: "audit_log",
    subjectId: "audit_log",
    after: { filters: { ...p, page: undefined }, rows: rows.length },
    ip,
  });
  return { csv: `${lines.join("\r\n")}\r\n`, filename: `audit-log-${hkDateStamp(new Date())}.csv` };
}
