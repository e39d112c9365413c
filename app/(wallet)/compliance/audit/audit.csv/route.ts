import { writeAudit } from "@/lib/audit";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { auditDetails, listAudit, parseAuditParams } from "@/lib/compliance/audit-query";
import { getDb } from "@/lib/db";
import { contentDisposition, csvField } from "@/lib/format/csv";
import { hkDateStamp } from "@/lib/format/date";
import { requestIp } from "@/lib/http/request-ip";

export const dynamic = "force-dynamic";

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

/** CSV of the filtered audit log (with the hashes, so the chain can be re-verified outside), compliance only. */
export async function GET(request: Request) {
  let ctx;
  try {
    ctx = await requireSession({ role: "compliance" });
  } catch (error) {
    if (error instanceof AuthError) return new Response("Not found.\n", { status: 404 });
    throw error;
  }
  const p = parseAuditParams(Object.fromEntries(new URL(request.url).searchParams));
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
    actor: ctx.address,
    actorRole: "compliance",
    action: "audit.exported",
    subjectType: "audit_log",
    subjectId: "audit_log",
    after: { filters: { ...p, page: undefined }, rows: rows.length },
    ip: requestIp(request),
  });
  return new Response(`${lines.join("\r\n")}\r\n`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition("attachment", `audit-log-${hkDateStamp(new Date())}.csv`),
      "cache-control": "private, no-store",
    },
  });
}
