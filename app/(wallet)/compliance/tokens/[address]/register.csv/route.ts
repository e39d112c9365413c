import { getAddress, isAddress } from "viem";
import { RegisterUnavailableError, exportRegisterCsv } from "@/lib/compliance";
import { parseRegisterParams } from "@/lib/compliance/client";
import { complianceSessionOrNull, csvResponse, notFoundResponse } from "@/lib/http/csv-response";
import { requestIp } from "@/lib/http/request-ip";

export const dynamic = "force-dynamic";

/**
 * CSV of a token's whole register (search and sort of the page apply; no paging), compliance only, audited, streamed
 * in batches of holders as the client reads it (bounded memory whatever the register's size). A past
 * block comes from the same source as the page (the indexer once it has reached the block, else the node's archive).
 */
export async function GET(request: Request, { params }: { params: Promise<{ address: string }> }) {
  const { address } = await params;
  // Not found for everybody who is not a compliance agent: the route does not reveal that it exists.
  const ctx = await complianceSessionOrNull();
  if (!ctx || !isAddress(address, { strict: false })) return notFoundResponse();
  const token = getAddress(address);
  const p = parseRegisterParams(Object.fromEntries(new URL(request.url).searchParams));
  let exported;
  try {
    exported = await exportRegisterCsv({ actor: ctx.address, token, params: p, ip: requestIp(request) });
  } catch (error) {
    if (error instanceof RegisterUnavailableError)
      return new Response(`Register unavailable: ${error.code}.\n`, {
        status: error.code === "not_a_token" ? 404 : 409,
      });
    throw error;
  }
  return csvResponse(exported.body, exported.filename, {
    // Where the rows came from: the chain (latest), the indexer (a past block it has reached) or the node's archive.
    "x-register-source": exported.source,
  });
}
