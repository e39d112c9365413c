import "server-only";

import { asc, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { marketTrades } from "@/lib/db/schema";

export type TradePrice = { at: Date; price: bigint };

/**
 * Every trade price of the given tokens (from the indexer), oldest first per token: lower-case token → its trades. For
 * the portfolio's value over time; a token that never traded has no entry.
 */
export async function listTradePrices(
  db: Database,
  { tokens }: { tokens: readonly string[] },
): Promise<Map<string, TradePrice[]>> {
  const out = new Map<string, TradePrice[]>();
  if (tokens.length === 0) return out;
  const rows = await db
    .select({ token: marketTrades.token, at: marketTrades.tradedAt, price: marketTrades.price })
    .from(marketTrades)
    .where(
      inArray(
        marketTrades.token,
        tokens.map((t) => t.toLowerCase()),
      ),
    )
    .orderBy(asc(marketTrades.tradedAt), asc(marketTrades.id));
  for (const r of rows) {
    const list = out.get(r.token) ?? [];
    list.push({ at: r.at, price: BigInt(r.price) });
    out.set(r.token, list);
  }
  return out;
}
