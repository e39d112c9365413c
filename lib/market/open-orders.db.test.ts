/**
 * Open orders page by keyset (placed_at, order_id): 501 orders of one investor's two wallets placed at three instants
 * (many at the same microsecond) are walked forwards and backwards a page at a time; no row is skipped or repeated,
 * a cancel between pages shifts nothing, and the bids' escrow counts every page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { marketOrders } from "@/lib/db/schema";
import { eq } from "drizzle-orm";
import { decodeCursor, type PageCursor } from "@/lib/paging";
import { listOpenOrdersPage } from "./open-orders";

const A = "0x00000000000000000000000000000000000000aa";
const B = "0x00000000000000000000000000000000000000bb";
const OTHER = "0x00000000000000000000000000000000000000cc";
const TOKEN = "0x0000000000000000000000000000000000000101";
// Three instants with microseconds (a JavaScript Date would round them to the millisecond).
const AT = ["2030-01-01 00:00:00.000001+00", "2030-01-01 00:00:00.000002+00", "2030-01-01 00:00:01.5+00"];

let t: TestDatabase;
const mine: string[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  const rows = [];
  // Order ids are not in time order: ties at one instant must still come out by id.
  for (let i = 1; mine.length < 501; i++) {
    const id = String(((i * 7919) % 1000) + 1);
    const maker = i % 13 === 0 ? OTHER : i % 2 ? A : B;
    const status = i % 17 === 0 ? ("filled" as const) : ("open" as const);
    if (maker !== OTHER && status === "open") mine.push(id);
    rows.push({
      orderId: id,
      token: TOKEN,
      maker,
      side: i % 3 === 0 ? ("bid" as const) : ("ask" as const),
      price: "1000000",
      size: "3",
      filled: "1",
      cancelled: "0",
      status,
      placedBlock: 1,
      placedTx: `0x${"1".repeat(64)}`,
      placedAt: AT[i % 3] as unknown as Date,
    });
  }
  for (const row of rows)
    await t.db.execute(
      `INSERT INTO market_orders (order_id, token, maker, side, price, size, filled, cancelled, status, placed_block, placed_tx, placed_at)
       VALUES ('${row.orderId}', '${row.token}', '${row.maker}', '${row.side}', ${row.price}, ${row.size}, ${row.filled}, ${row.cancelled}, '${row.status}', ${row.placedBlock}, '${row.placedTx}', '${row.placedAt}')`,
    );
  // Expected order: instant, then order id as a number.
  const at = new Map(rows.map((r) => [r.orderId, AT.indexOf(r.placedAt as unknown as string)]));
  mine.sort((x, y) => at.get(x)! - at.get(y)! || Number(x) - Number(y));
});
afterAll(async () => {
  await t?.close();
});

const SIZE = 50;
const page = (cursor: PageCursor) => listOpenOrdersPage(t.db, { makers: [A, B.toUpperCase()], cursor, size: SIZE });
const cursorOf = (c: string) => decodeCursor(c, 2)!;

describe("listOpenOrdersPage", () => {
  it("holds 501 open orders and walks them forwards without a skip or a repeat, then back", async () => {
    expect(mine.length).toBe(501);
    const seen: string[] = [];
    const pages = [];
    let p = await page({});
    for (;;) {
      pages.push(p);
      expect(p.total).toBe(501);
      expect(p.start).toBe(seen.length);
      seen.push(...p.rows.map((r) => r.orderId));
      if (!p.next) break;
      p = await page({ after: cursorOf(p.next) });
    }
    expect(seen).toEqual(mine);
    expect(pages.length).toBe(11);
    expect(pages[0]!.prev).toBeNull();
    expect(pages.at(-1)!.rows.length).toBe(1);
    // Backwards from the last page lands on the same pages.
    const back: string[][] = [];
    let q = pages.at(-1)!;
    while (q.prev) {
      q = await page({ before: cursorOf(q.prev) });
      back.unshift(q.rows.map((r) => r.orderId));
    }
    expect(back).toEqual(pages.slice(0, -1).map((x) => x.rows.map((r) => r.orderId)));
  });

  it("a cancel on page 2 leaves page 2 starting where it did; a page past the end is the last page", async () => {
    const first = await page({});
    const second = await page({ after: cursorOf(first.next!) });
    await t.db
      .update(marketOrders)
      .set({ status: "cancelled" })
      .where(eq(marketOrders.orderId, second.rows[3]!.orderId));
    const again = await page({ after: cursorOf(first.next!) });
    expect(again.rows.map((r) => r.orderId)).toEqual(
      [...second.rows.slice(0, 3), ...second.rows.slice(4)].map((r) => r.orderId).concat(again.rows.at(-1)!.orderId),
    );
    expect(again.total).toBe(500);
    const past = await page({ after: ["2031-01-01 00:00:00+00", "999999"] });
    expect(past.rows.length).toBe(0 + (500 % SIZE || SIZE));
    expect(past.next).toBeNull();
    expect(past.prev).not.toBeNull();
  });

  it("counts the escrow of every open bid, not only the page's", async () => {
    const p = await page({});
    const bids = await t.db.select().from(marketOrders);
    const expected = bids
      .filter((o) => o.status === "open" && o.side === "bid" && o.maker !== OTHER)
      .reduce((s, o) => s + (BigInt(o.size) - BigInt(o.filled) - BigInt(o.cancelled)) * BigInt(o.price), 0n);
    expect(expected).toBeGreaterThan(0n);
    expect(p.bidEscrow).toBe(expected);
  });
});
