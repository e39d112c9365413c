/**
 * The issuer-application queue pages by keyset: 130 waiting applications (submitted and resubmitted) submitted at two
 * instants, most at the same microsecond, among approved ones and drafts, are walked a page at a time, forwards and
 * back: every one comes once, first submitted first (then by id); a status filter holds on every page.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { issuerApplications, type KybStatus } from "@/lib/db/schema";
import { walkPages } from "@/lib/paging/testing";
import { listKybQueue } from "./review";

const AT = ["2030-03-01 08:00:00.000007+00", "2030-03-01 08:00:00.000008+00"];
type Seeded = { id: string; at: number; status: KybStatus };
const seeded: Seeded[] = [];
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  const statuses: KybStatus[] = ["submitted", "resubmitted", "approved", "submitted", "draft"];
  const rows = [];
  for (let i = 0; i < 170; i++) {
    const row: Seeded = { id: randomUUID(), at: i % 4 === 0 ? 1 : 0, status: statuses[i % 5]! };
    seeded.push(row);
    const at = sql`${AT[row.at]}::timestamptz`;
    rows.push({
      id: row.id,
      applicant: `0x${(i + 1).toString(16).padStart(40, "0")}`,
      status: row.status,
      submittedAt: row.status === "draft" ? null : at,
      createdAt: row.status === "draft" ? at : sql`${AT[0]}::timestamptz`,
    });
  }
  await t.db.insert(issuerApplications).values(rows);
});
afterAll(async () => {
  await t?.close();
});

const order = (a: Seeded, b: Seeded) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe("listKybQueue pages", () => {
  it("walks every waiting application once, first submitted first, ties by id, and back", async () => {
    const expected = seeded.filter((s) => s.status === "submitted" || s.status === "resubmitted").sort(order);
    expect(expected.length).toBeGreaterThan(100);
    const { pages, forwards, back, ids } = await walkPages((cursor) => listKybQueue(t.db, { cursor, size: 12 }), {
      arity: 2,
      idOf: (r) => r.id,
    });
    expect(forwards).toEqual(expected.map((s) => s.id));
    expect(back).toEqual(ids);
    expect(pages.every((p, i) => p.total === expected.length && p.start === i * 12)).toBe(true);
  });

  it("keeps the status filter on every page; drafts page by when they were started", async () => {
    for (const status of ["approved", "draft"] as const) {
      const expected = seeded.filter((s) => s.status === status).sort(order);
      const { pages, forwards } = await walkPages((cursor) => listKybQueue(t.db, { status, cursor, size: 5 }), {
        arity: 2,
        idOf: (r) => r.id,
      });
      expect(forwards).toEqual(expected.map((s) => s.id));
      expect(pages.flatMap((p) => p.rows).every((r) => r.status === status)).toBe(true);
    }
  });
});
