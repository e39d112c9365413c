/** The portfolio's link to one own order opens the trade page's page that holds it, whichever page that is. */
import { describe, expect, it } from "vitest";
import { parsePageCursor } from "@/lib/paging/client";
import { pageMyOrders, tradeOrderHref } from "./order-link";

// 80 own orders with gaps in their ids (other people's orders in between), sorted by id as the trade page sorts them.
const orders = Array.from({ length: 80 }, (_, i) => ({ id: BigInt(3 * i + 1) }));

function open(href: string) {
  const url = new URL(href, "http://x");
  const cursor = parsePageCursor(Object.fromEntries(url.searchParams), 1);
  return { url, page: pageMyOrders(orders, cursor, 25) };
}

describe("tradeOrderHref", () => {
  it("lands on a page that starts with the order, on any page, with the orders before it one page back", () => {
    for (const o of [orders[0]!, orders[24]!, orders[25]!, orders[61]!, orders[79]!]) {
      const { url, page } = open(tradeOrderHref("quiet-mountains", o.id));
      expect(url.pathname).toBe("/artworks/quiet-mountains/trade");
      expect(url.hash).toBe(`#order-${o.id}`);
      expect(page.rows[0]!.id).toBe(o.id);
      expect(page.prev === null).toBe(o === orders[0]);
    }
  });

  it("an order gone since (filled or cancelled) opens the page of the orders after it", () => {
    const { page } = open(tradeOrderHref("quiet-mountains", 50n)); // between 49 and 52
    expect(page.rows[0]!.id).toBe(52n);
  });

  it("page 1 without a cursor shows the first 25 orders; the link to the 40th does not", () => {
    expect(pageMyOrders(orders, {}, 25).rows.map((o) => o.id)).not.toContain(orders[39]!.id);
    expect(open(tradeOrderHref("quiet-mountains", orders[39]!.id)).page.rows.map((o) => o.id)).toContain(
      orders[39]!.id,
    );
  });
});
