import { getHealth } from "@/lib/platform";

export const dynamic = "force-dynamic";

/** Liveness and dependencies: web, database, chain (latest block) and indexer, as JSON. */
export async function GET() {
  const { ok, body } = await getHealth();
  return Response.json(body, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
