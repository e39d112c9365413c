/**
 * The register page the console serves: sorted by the chain's fields without a search, it joins only the page's
 * identities (a handful of statements, however many holders); a search or a sort by name joins every holder's first.
 * Either way the rows, their order and the paging are those of the whole joined register.
 */
import { keccak256, toHex, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/connect";
import { investors, investorWallets } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import type { ChainHolder } from "./register-chain";
import { loadIdentities } from "./register-identities";
import { joinRegister, queryRegister, type RegisterParams } from "./register-query";

const HOLDERS = 1_200;
const walletOf = (i: number) => `0x${(i * 7 + 1).toString(16).padStart(40, "0")}` as Address;
const investorOf = (i: number) => keccak256(toHex(`page-investor-${i}`));
const holders: ChainHolder[] = Array.from({ length: HOLDERS }, (_, i) => ({
  wallet: walletOf(i),
  // Many ties (ordered by wallet), a few frozen wallets and partial freezes.
  shares: BigInt(1 + (i % 97)),
  frozen: i % 101 === 0,
  frozenAmount: i % 13 === 0 ? 1n : 0n,
  lockedAmount: 0n,
  lockedUntil: 0,
  investorId: investorOf(i),
  verified: i % 17 !== 0,
}));
const data = {
  token: "0x00000000000000000000000000000000000a9e11" as Address,
  blockNumber: 500n,
  blockTime: 1_800_000_000,
  name: "Page",
  symbol: "PAGE",
  totalSupply: holders.reduce((s, h) => s + h.shares, 0n),
  holderCount: HOLDERS,
  holderWalletCount: HOLDERS,
  maxHolders: 0,
  paused: false,
  holders,
};
const extra = { atLatest: true, source: "chain" as const, indexedThrough: null };

/** How many investor ids each identity lookup asked for. */
const lookups: number[] = [];
vi.mock("./register-identities", async (original) => {
  const real = await original<typeof import("./register-identities")>();
  return {
    loadIdentities: (db: Database, q: Parameters<typeof real.loadIdentities>[1]) => {
      lookups.push(q.investorIds.length);
      return real.loadIdentities(db, q);
    },
  };
});

// The chain read is the register module's (cached per block); here the holders above stand for it.
vi.mock("./register", () => ({
  readRegister: async () => ({ data, extra }),
  getTokenRegister: async (db: Database) => {
    const identities = await loadIdentities(db, {
      investorIds: holders.map((h) => h.investorId),
      wallets: holders.map((h) => h.wallet),
    });
    return { ...data, ...extra, rows: joinRegister(holders, data.totalSupply, identities) };
  },
}));
const { getRegisterPage } = await import("./register-page");

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  for (let i = 0; i < HOLDERS; i += 500) {
    const batch = Array.from({ length: Math.min(500, HOLDERS - i) }, (_, k) => i + k);
    const inserted = await t.db
      .insert(investors)
      .values(
        batch.map((k) => ({
          legalName: `Investor ${String(k).padStart(4, "0")}`,
          onChainId: investorOf(k),
          kycStatus: k % 5 === 0 ? ("expired" as const) : ("approved" as const),
          residence: k % 2 ? "HK" : "SG",
          category: "retail" as const,
        })),
      )
      .returning({ id: investors.id });
    await t.db
      .insert(investorWallets)
      .values(inserted.map((r, k) => ({ address: walletOf(i + k).toLowerCase(), investorId: r.id, isPrimary: true })));
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const params = (p: Partial<RegisterParams>) => ({
  q: "",
  sort: "shares" as const,
  dir: "desc" as const,
  page: 1,
  per: 50,
  ...p,
});

/** The same page cut from the whole register joined to every identity (what the console showed before paging). */
async function wholePage(p: ReturnType<typeof params>) {
  const identities = await loadIdentities(t.db, {
    investorIds: holders.map((h) => h.investorId),
    wallets: holders.map((h) => h.wallet),
  });
  return queryRegister(joinRegister(holders, data.totalSupply, identities), p);
}

describe("getRegisterPage", () => {
  it.each([
    params({}),
    params({ dir: "asc", page: 3 }),
    params({ sort: "frozen", page: 2, per: 25 }),
    params({ page: 999 }),
    params({ sort: "name", dir: "asc", page: 4 }),
    params({ sort: "kyc", page: 2 }),
    params({ q: "investor 01", page: 2, per: 25 }),
  ])("serves the rows, order and paging of the whole register (%o)", async (p) => {
    const { register, page } = await getRegisterPage(t.db, data.token, undefined, p);
    const whole = await wholePage(p);
    expect(register.walletRows).toBe(HOLDERS);
    expect(register.symbol).toBe("PAGE");
    expect({ total: page.total, page: page.page, pages: page.pages }).toEqual({
      total: whole.total,
      page: whole.page,
      pages: whole.pages,
    });
    expect(page.rows.length).toBe(whole.rows.length);
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows).toEqual(whole.rows);
    // Every row of the page has its identity (and its other wallets) joined.
    expect(page.rows.every((r) => r.identity?.name?.startsWith("Investor "))).toBe(true);
  });

  it("pages 1,200 holders into 24 pages of 50 that list each wallet once", async () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 24; n++) {
      const { page } = await getRegisterPage(t.db, data.token, undefined, params({ page: n }));
      expect(page.pages).toBe(24);
      expect(page.rows).toHaveLength(50);
      for (const r of page.rows) seen.add(r.wallet);
    }
    expect(seen.size).toBe(HOLDERS);
  });

  it("joins only the page's identities when sorted by the chain's fields", async () => {
    lookups.length = 0;
    await getRegisterPage(t.db, data.token, undefined, params({ page: 2 }));
    await getRegisterPage(t.db, data.token, undefined, params({ sort: "frozen", dir: "asc" }));
    expect(lookups).toEqual([50, 50]);
    lookups.length = 0;
    // A sort by name, or a search, needs every holder's identity first.
    await getRegisterPage(t.db, data.token, undefined, params({ sort: "name", page: 2 }));
    await getRegisterPage(t.db, data.token, undefined, params({ q: "investor 0001" }));
    expect(lookups).toEqual([HOLDERS, HOLDERS]);
  });
});
