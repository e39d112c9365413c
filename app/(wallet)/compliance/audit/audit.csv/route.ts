import { exportAuditCsv, parseAuditParams } from "@/lib/compliance";
import { complianceSessionOrNull, csvResponse, notFoundResponse } from "@/lib/http/csv-response";
import { requestIp } from "@/lib/http/request-ip";

export const dynamic = "force-dynamic";

/** CSV of the filtered audit log (with the hashes, so the chain can be re-verified outside), compliance only. */
export async function GET(request: Request) {
  const ctx = await complianceSessionOrNull();
  if (!ctx) return notFoundResponse();
  const p = parseAuditParams(Object.fromEntries(new URL(request.url).searchParams));
  const { csv, filename } = await exportAuditCsv({ actor: ctx.address, params: p, ip: requestIp(request) });
  return csvResponse(csv, filename);
}
