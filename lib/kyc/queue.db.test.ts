/**
 * The KYC queue pages by keyset (issue 17: it used to stop silently at 500 rows). 1,150 open applications (and others
 * around them) submitted at three instants, hundreds at the same microsecond, are walked a page at a time in each sort,
 * forwards and back: every application comes once, in the sort's order, past the old 500-row cut; filters hold on
 * every page; a row decided between pages shifts nothing.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { investors, kycApplications, type KycStatus } from "@/lib/db/schema";
import { decodeCursor, type PageCursor } from "@/lib/paging";
import { walkPages } from "@/lib/paging/testing";
import { listQueue, type QueueFilters } from "./queue";

// Instants with microseconds (a JavaScript Date would round them to the millisecond): the ties are what a keyset
// without the id would skip or repeat.
const AT = ["2030-01-01 00:00:00.000001+00", "2030-01-01 00:00:00.000002+00", "2030-01-02 09:30:00.5+00"];
const NAMES = ["Chan Tai Man", "Wong Siu Ming", null, "Au Yeung"];
const OPEN = new Set<KycStatus>(["submitted", "in_review", "needs_information"]);

type Seeded = { id: string; at: number; name: string | null; residence: string; status: KycStatus };
const seeded: Seeded[] = [];
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  const statuses: KycStatus[] = ["submitted", "in_review", "needs_information", "approved", "draft", "rejected"];
  const inv = [];
  const apps = [];
  for (let i = 0; i < 1_400; i++) {
    // Open applications mostly; a few of every other status, in among them.
    const status = i % 7 === 6 ? statuses[3 + (i % 3)]! : statuses[i % 3]!;
    const row: Seeded = {
      id: randomUUID(),
      at: (i * 5) % 3,
      name: NAMES[i % 4]!,
      residence: i % 5 === 0 ? "SG" : "HK",
      status,
    };
    seeded.push(row);
    const investorId = randomUUID();
    inv.push({ id: investorId, legalName: row.name, residence: row.residence, category: "professional" as const });
    const at = sql`${AT[row.at]}::timestamptz`;
    apps.push({
      id: row.id,
      investorId,
      wallet: `0x${(i + 1).toString(16).padStart(40, "0")}`,
      status,
      // A draft has not been submitted: its creation time orders it.
      submittedAt: status === "draft" ? null : at,
      createdAt: status === "draft" ? at : sql`${AT[0]}::timestamptz`,
    });
  }
  for (let i = 0; i < inv.length; i += 500) {
    await t.db.insert(investors).values(inv.slice(i, i + 500));
    await t.db.insert(kycApplications).values(apps.slice(i, i + 500));
  }
});
afterAll(async () => {
  await t?.close();
});

const byTimeThenId = (a: Seeded, b: Seeded) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

const walk = (filters: QueueFilters, size: number, arity = 2) =>
  walkPages((cursor) => listQueue(t.db, filters, { cursor, size }), { arity, idOf: (r) => r.id });

describe("listQueue pages", () => {
  it("walks 1,150 open applications, oldest first, past the old 500-row cut, with ties broken by id", async () => {
    const expected = seeded.filter((s) => OPEN.has(s.status)).sort(byTimeThenId);
    expect(expected.length).toBeGreaterThan(1_100);
    const { pages, forwards, back, ids: walked } = await walk({ status: "open" }, 50);
    expect(forwards).toEqual(ids(expected));
    expect(new Set(forwards).size).toBe(forwards.length);
    expect(back).toEqual(walked);
    expect(pages.every((p, i) => p.total === expected.length && p.start === i * 50)).toBe(true);
    expect(pages[0]!.prev).toBeNull();
  });

  it("newest first is the same walk reversed", async () => {
    const expected = seeded
      .filter((s) => OPEN.has(s.status))
      .sort(byTimeThenId)
      .reverse();
    const { forwards, back, ids: walked } = await walk({ status: "open", sort: "newest" }, 37);
    expect(forwards).toEqual(ids(expected));
    expect(back).toEqual(walked);
  });

  it("keeps the filters on every page: by name (no name last), residence SG, one status", async () => {
    const name = (s: Seeded) => s.name ?? "\uffff";
    const expected = seeded
      .filter((s) => s.status === "in_review" && s.residence === "SG")
      .sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : byTimeThenId(a, b)));
    expect(expected.length).toBeGreaterThan(20);
    const {
      pages,
      forwards,
      back,
      ids: walked,
    } = await walk({ status: "in_review", country: "SG", sort: "name" }, 9, 4);
    expect(forwards).toEqual(ids(expected));
    expect(back).toEqual(walked);
    expect(pages.flatMap((p) => p.rows).every((r) => r.status === "in_review" && r.residence === "SG")).toBe(true);
    expect(pages.at(-1)!.rows.at(-1)!.legalName).toBeNull();
  });

  it("drafts (never submitted) page by when they were started", async () => {
    const expected = seeded.filter((s) => s.status === "draft").sort(byTimeThenId);
    const { forwards } = await walk({ status: "draft" }, 11);
    expect(forwards).toEqual(ids(expected));
  });

  it("an application decided between pages shifts nothing: page 2 still starts after page 1's last row", async () => {
    const size = 40;
    const first = await listQueue(t.db, { status: "open" }, { size });
    const cursor: PageCursor = { after: decodeCursor(first.next!, 2)! };
    const second = await listQueue(t.db, { status: "open" }, { size, cursor });
    await t.db.update(kycApplications).set({ status: "approved" }).where(eq(kycApplications.id, first.rows[5]!.id));
    const again = await listQueue(t.db, { status: "open" }, { size, cursor });
    expect(ids(again.rows)).toEqual(ids(second.rows));
    expect(again.total).toBe(second.total! - 1);
  });
});
