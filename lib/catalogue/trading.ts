import "server-only";

import { eq, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { marketOrders, marketTrades } from "@/lib/db/schema";

/**
 * Tokens whose secondary market is active: an open order in the book or a trade on record (the indexer's tables).
 * Once an offering has ended, such an artwork shows as "trading" rather than "sold out" or "ended". One query per
 * request, whatever the number of artworks.
 */
export const getTradingTokens = cache(async (): Promise<Set<string>> => {
  const db = await getDb();
  const rows = await db
    .select({ token: marketOrders.token })
    .from(marketOrders)
    .where(eq(marketOrders.status, "open"))
    .union(
      db
        .select({ token: marketTrades.token })
        .from(marketTrades)
        .where(sql`true`),
    );
  return new Set(rows.map((r) => r.token.toLowerCase()));
});
