import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { exportAuditCsv } from "@/lib/compliance/audit-export";
import { parseAuditParams } from "@/lib/compliance/audit-query";
import { contentDisposition } from "@/lib/format/csv";
import { requestIp } from "@/lib/http/request-ip";

export const dynamic = "force-dynamic";

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
  const { csv, filename } = await exportAuditCsv({ actor: ctx.address, params: p, ip: requestIp(request) });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition("attachment", filename),
      "cache-control": "private, no-store",
    },
  });
}
