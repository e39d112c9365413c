/**
 * Where one of a wallet's own orders is on the trade page: the page lists them a page at a time by order id (the
 * cursor is the id of the row before the page), so the link to an order opens the page that starts with it, scrolled
 * to it (`#order-<id>`); the orders before it are one "Previous page" away.
 */
import { encodeCursor, pageHref, pageInMemory, type PageCursor } from "@/lib/paging/client";

/** The trade page's cursor key of an own order (its id), shared by the page's keyset and links into it. */
export const myOrderKey = (id: bigint | string) => [BigInt(id).toString()];

export function tradeOrderHref(slug: string, orderId: bigint | string): string {
  const before = encodeCursor(myOrderKey(BigInt(orderId) - 1n));
  return `${pageHref(`/artworks/${slug}/trade`, {}, "", { after: before })}#order-${BigInt(orderId)}`;
}

/** One page of a wallet's own orders, sorted by id, as the trade page shows them. */
export function pageMyOrders<O extends { id: bigint }>(sortedById: readonly O[], cursor: PageCursor, size: number) {
  return pageInMemory(sortedById, {
    cursor,
    size,
    keyOf: (o) => myOrderKey(o.id),
    compare: (o, [id]) => (o.id === BigInt(id!) ? 0 : o.id < BigInt(id!) ? -1 : 1),
  });
}
