/**
 * A search or a sort by name, country or KYC of a 100,000-holder register is one statement in the database (the
 * holders joined there with 100,000 investors and their wallets); only the page's positions come back. Prints the
 * timings, asserts none: speed targets live in the bench (`npm run bench -- --only=register`), not in timed tests.
 */
import { sql } from "drizzle-orm";
import type { Address, Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import type { ChainHolder } from "./register-chain";
import { queryRegisterPositions } from "./register-order";
import type { RegisterParams } from "./register-query";

const HOLDERS = 100_000;
const walletOf = (i: number) => `0x${(i + 1).toString(16).padStart(40, "0")}` as Address;
const investorOf = (i: number) => `0x${i.toString(16).padStart(64, "0")}` as Hex;
const holders: ChainHolder[] = Array.from({ length: HOLDERS }, (_, i) => ({
  wallet: walletOf(i),
  shares: BigInt(1 + (i % 500)),
  frozen: false,
  frozenAmount: 0n,
  lockedAmount: 0n,
  lockedUntil: 0,
  investorId: investorOf(i),
  verified: true,
}));

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  const t0 = performance.now();
  // Written by the database itself (the same ids and wallets as `investorOf` and `walletOf`), names in no particular
  // order (k * 7,919 mod 100,000), four countries, three KYC statuses.
  await t.db.execute(sql`
    INSERT INTO investors (legal_name, on_chain_id, kyc_status, residence, category)
    SELECT 'Investor ' || lpad(((k * 7919) % ${HOLDERS})::text, 6, '0'), '0x' || lpad(to_hex(k), 64, '0'),
      (ARRAY['approved', 'approved', 'approved', 'expired', 'in_review'])[k % 5 + 1]::kyc_status,
      (ARRAY['HK', 'SG', 'TW', 'JP'])[k % 4 + 1], 'retail'
    FROM generate_series(0, ${HOLDERS - 1}) AS k`);
  await t.db.execute(sql`
    INSERT INTO investor_wallets (address, investor_id, is_primary)
    SELECT '0x' || lpad(to_hex(('x' || right(on_chain_id, 8))::bit(32)::int + 1), 40, '0'), id, true FROM investors`);
  console.log(`[perf] ${HOLDERS.toLocaleString("en")} investors written in ${Math.round(performance.now() - t0)} ms`);
}, 600_000);

afterAll(async () => {
  await t?.close();
});

const params = (p: Partial<RegisterParams>) => ({
  q: "",
  sort: "name" as const,
  dir: "asc" as const,
  page: 1,
  per: 50,
  ...p,
});

describe(`queryRegisterPositions at ${HOLDERS.toLocaleString("en")} holders`, () => {
  it.each([
    params({}),
    params({ page: 1_000 }),
    params({ sort: "country", dir: "desc", page: 37 }),
    params({ sort: "kyc", page: 2 }),
    params({ q: "investor 09999", sort: "name" }),
    params({ q: "sg", sort: "kyc", per: 250 }),
  ])("serves a page in one statement (%o)", async (p) => {
    await queryRegisterPositions(t.db, holders, p);
    const t0 = performance.now();
    const { positions, total, page } = await queryRegisterPositions(t.db, holders, p);
    const ms = Math.round(performance.now() - t0);
    console.log(`[perf] ${JSON.stringify(p)}: ${ms} ms, ${total} matches, page ${page}, ${positions.length} rows`);
    expect(positions.length).toBeGreaterThan(0);
    expect(positions.length).toBeLessThanOrEqual(p.per);
    expect(page).toBe(Math.min(p.page, Math.ceil(total / p.per)));
  });

  it("orders the first page by name", async () => {
    const { positions, total } = await queryRegisterPositions(t.db, holders, params({}));
    expect(total).toBe(HOLDERS);
    // Investor 000000 … 000049: the holders k with k * 7,919 mod 100,000 = 0 … 49.
    const expected = Array.from({ length: 50 }, (_, n) => holders.findIndex((_, k) => (k * 7_919) % HOLDERS === n));
    expect(positions).toEqual(expected);
  });
});
