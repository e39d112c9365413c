/**
 * The notifications page pages by keyset (it used to show only the newest 100): 260 notifications of one wallet,
 * created at three instants (most at the same microsecond), among another wallet's, are walked newest first a page at
 * a time, forwards and back: every one comes once, and only the wallet's own. "Mark all as read" marks every page.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { notifications } from "@/lib/db/schema";
import { walkPages } from "@/lib/paging/testing";
import { countUnread, listNotificationsPage, markAllRead } from "./inbox";

const ME = "0x00000000000000000000000000000000000000a1";
const OTHER = "0x00000000000000000000000000000000000000b2";
const AT = ["2030-05-01 00:00:00.000001+00", "2030-05-01 00:00:00.000002+00", "2030-05-03 12:00:00+00"];
type Seeded = { id: string; at: number };
const mine: Seeded[] = [];
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  const rows = [];
  for (let i = 0; i < 300; i++) {
    const row = { id: randomUUID(), at: (i * 7) % 3 };
    const own = i % 15 !== 0;
    if (own) mine.push(row);
    rows.push({
      id: row.id,
      recipient: `wallet:${own ? ME : OTHER}`,
      kind: "role_granted",
      params: { role: "issuer" },
      link: "/issuer",
      dedupeKey: `test:${row.id}`,
      createdAt: sql`${AT[row.at]}::timestamptz`,
    });
  }
  await t.db.insert(notifications).values(rows);
  // Newest first: instant, then id, both descending.
  mine.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
});
afterAll(async () => {
  await t?.close();
});

const walk = () =>
  walkPages((cursor) => listNotificationsPage(t.db, { address: ME, locale: "en", cursor, size: 25 }), {
    arity: 2,
    idOf: (n) => n.id,
  });

describe("listNotificationsPage", () => {
  it("walks all 280 of one wallet's notifications, newest first, ties by id, and back", async () => {
    expect(mine.length).toBe(280);
    const { pages, forwards, back, ids } = await walk();
    expect(forwards).toEqual(mine.map((m) => m.id));
    expect(back).toEqual(ids);
    expect(pages.length).toBe(12);
    expect(pages.every((p, i) => p.total === 280 && p.start === i * 25)).toBe(true);
    expect(pages[0]!.rows[0]!.title).toBeTruthy();
  });

  it("'mark all as read' marks the notifications of every page, not only the first", async () => {
    expect(await countUnread(t.db, { address: ME })).toBe(280);
    expect(await markAllRead(t.db, { address: ME })).toBe(280);
    expect(await countUnread(t.db, { address: ME })).toBe(0);
    const { pages } = await walk();
    expect(pages.flatMap((p) => p.rows).every((n) => n.read)).toBe(true);
    expect(await countUnread(t.db, { address: OTHER })).toBe(20);
  });
});
