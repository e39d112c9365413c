import "server-only";

/** Open market orders of a set of wallets, one keyset page at a time, oldest first, and the HKD their bids hold. */
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/connect";
import { type MarketOrder, marketOrders } from "@/lib/db/schema";
import { tablePage, timeKeyset, type Page, type PageCursor } from "@/lib/paging";

/** Oldest first; the order id breaks ties between orders placed in one block (served by market_orders_maker_open_idx). */
export const OPEN_ORDERS_KEYSET = timeKeyset(marketOrders.placedAt, marketOrders.orderId, "numeric", "asc");

export async function listOpenOrdersPage(
  db: Database,
  { makers, cursor, size }: { makers: readonly string[]; cursor: PageCursor; size: number },
): Promise<Page<MarketOrder> & { bidEscrow: bigint }> {
  const own = and(
    inArray(
      marketOrders.maker,
      makers.map((m) => m.toLowerCase()),
    ),
    eq(marketOrders.status, "open"),
  );
  const [page, [escrow]] = await Promise.all([
    tablePage(db, { table: marketOrders, keyset: OPEN_ORDERS_KEYSET, filter: own, cursor, size }),
    // The market holds each open bid's remaining shares × its price, whichever page is shown.
    db
      .select({
        held: sql<string>`coalesce(sum((${marketOrders.size} - ${marketOrders.filled} - ${marketOrders.cancelled}) * ${marketOrders.price}) filter (where ${marketOrders.side} = 'bid'), 0)::text`,
      })
      .from(marketOrders)
      .where(own),
  ]);
  return { ...page, bidEscrow: BigInt(escrow?.held ?? "0") };
}

/** `listOpenOrdersPage` on the app's database. */
export async function getOpenOrdersPage(args: { makers: readonly string[]; cursor: PageCursor; size: number }) {
  return listOpenOrdersPage(await getDb(), args);
}
