/**
 * The listing review queue pages by keyset: 45 submitted listings changed at two instants (most at the same
 * microsecond), among drafts and live ones, are walked a page at a time, forwards and back: every one comes once,
 * longest waiting first (then by id), and only submitted ones.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { artworks } from "@/lib/db/schema";
import { walkPages } from "@/lib/paging/testing";
import { listSubmittedListings, REVIEW_PAGE } from "./listing-review";

const AT = ["2030-02-01 10:00:00.000003+00", "2030-02-01 10:00:00.000004+00"];
const ISSUER = "0x00000000000000000000000000000000000000c3";
type Seeded = { id: string; at: number };
const submitted: Seeded[] = [];
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  const rows = [];
  for (let i = 0; i < 60; i++) {
    const row = { id: randomUUID(), at: i % 5 === 0 ? 1 : 0 };
    const status = i % 4 === 3 ? ("draft" as const) : ("submitted" as const);
    if (status === "submitted") submitted.push(row);
    rows.push({
      id: row.id,
      slug: `listing-${i}`,
      issuerAddress: ISSUER,
      title: `Listing ${i}`,
      artist: "Test Artist",
      status,
      updatedAt: sql`${AT[row.at]}::timestamptz`,
    });
  }
  await t.db.insert(artworks).values(rows);
  submitted.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
});
afterAll(async () => {
  await t?.close();
});

describe("listSubmittedListings", () => {
  it("walks every submitted listing once, longest waiting first, ties by id, and back", async () => {
    expect(submitted.length).toBe(45);
    const { pages, forwards, back, ids } = await walkPages(
      (cursor) => listSubmittedListings(t.db, { cursor, size: REVIEW_PAGE }),
      { arity: 2, idOf: (l) => l.id },
    );
    expect(forwards).toEqual(submitted.map((s) => s.id));
    expect(back).toEqual(ids);
    expect(pages.length).toBe(Math.ceil(45 / REVIEW_PAGE));
    expect(pages.flatMap((p) => p.rows).every((l) => l.status === "submitted")).toBe(true);
    expect(pages.every((p, i) => p.total === 45 && p.start === i * REVIEW_PAGE)).toBe(true);
  });
});
