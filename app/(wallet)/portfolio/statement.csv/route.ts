import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth";
import { exportStatement } from "@/lib/portfolio";
import { contentDisposition } from "@/lib/format/csv";
import { requestIp } from "@/lib/http/request-ip";
import { RateLimitedError } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

/** No parameters are accepted: the statement is always the caller's own. */
const Query = z.object({}).strict();

/** CSV statement of the signed-in investor's holdings and transactions (all their wallets). Audited. */
export async function GET(request: Request) {
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new Response("Unexpected parameters.\n", { status: 400 });
  let ctx;
  try {
    ctx = await requireSession();
  } catch (error) {
    if (error instanceof AuthError)
      return new Response("Sign in to download your statement.\n", {
        status: error.code === "unauthenticated" ? 401 : 403,
      });
    throw error;
  }
  let statement;
  try {
    statement = await exportStatement({
      address: ctx.address,
      investorId: ctx.investor?.id ?? null,
      ip: requestIp(request),
    });
  } catch (error) {
    if (error instanceof RateLimitedError)
      return new Response(`Too many statement downloads: try again in ${error.retryAfterSeconds} s.\n`, {
        status: 429,
        headers: { "retry-after": String(error.retryAfterSeconds) },
      });
    throw error;
  }
  const { csv, filename } = statement;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition("attachment", filename),
      "cache-control": "private, no-store",
    },
  });
}
