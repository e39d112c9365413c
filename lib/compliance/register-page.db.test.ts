/**
 * The register page the console serves: sorted by the chain's fields without a search, it cuts the chain's rows; a
 * search or a sort by name, country or KYC runs in the database (register-order.ts). Either way only the page's
 * identities are read, and the rows, their order and the paging are those of the whole joined register.
 */
import { getAddress, keccak256, toHex, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/connect";
import { investors, investorWallets } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import type { ChainHolder } from "./register-chain";
import { seedRegisterInvestors } from "./register-fixture";
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

// The chain read is the register module's (cached per block); here the holders above (or `tricky`'s) stand for it.
let current = data;
vi.mock("./register", () => ({ readRegister: async () => ({ data: current, extra }) }));
const { getRegisterPage } = await import("./register-page");

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedRegisterInvestors(t, { count: HOLDERS, batch: 500, walletOf, investorOf });
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
    params({ q: "investor 01", sort: "frozen", dir: "asc" }),
    params({ q: "sg", sort: "country", page: 5 }),
    params({ q: walletOf(3).slice(30), sort: "kyc", dir: "asc" }),
    params({ sort: "country", dir: "asc", page: 999, per: 250 }),
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

  it("reads only the page's identities, whatever the sort or search", async () => {
    lookups.length = 0;
    await getRegisterPage(t.db, data.token, undefined, params({ page: 2 }));
    await getRegisterPage(t.db, data.token, undefined, params({ sort: "frozen", dir: "asc" }));
    await getRegisterPage(t.db, data.token, undefined, params({ sort: "name", page: 2 }));
    await getRegisterPage(t.db, data.token, undefined, params({ sort: "kyc", q: "investor 00" }));
    await getRegisterPage(t.db, data.token, undefined, params({ q: "investor 0001" }));
    expect(lookups).toEqual([50, 50, 50, 50, 1]);
  });
});

/**
 * A small register whose identities make the order plain: names in mixed case and in Chinese, an investor without a
 * name, a holder known only by its linked wallet, one not known at all, one whose on-chain id and wallet name two
 * different investors (the on-chain id wins), an investor with two wallets.
 */
describe("getRegisterPage (search and sorts by identity, in the database)", () => {
  const w = (i: number) => getAddress(`0x${"ab".repeat(19)}${i.toString(16).padStart(2, "0")}`);
  const id = (i: number) => keccak256(toHex(`tricky-investor-${i}`));
  // [legal name, residence, KYC, linked by on-chain id] per investor index; holder k's investor id is id(k) unless said.
  const people: [string | null, string | null, string, boolean][] = [
    ["alice", "HK", "approved", true], // 0
    ["Bob", "SG", "expired", true], // 1
    ["ALBERT", null, "in_review", true], // 2
    ["Carol", "TW", "rejected", false], // 3: no on-chain id; holder 3's wallet is linked to her
    [null, null, "draft", true], // 4: unnamed (holder 5 below)
    ["陳大文", "HK", "approved", true], // 5 (holder 6)
    ["Dora", "JP", "approved", true], // 6 (holder 8)
  ];
  // Holder → investor id it is accounted to: 4 is unknown; 7 is alice's second wallet; 8 is Dora's.
  const holderIds = [id(0), id(1), id(2), id(103), id(104), id(4), id(5), id(0), id(6)];
  const tricky = {
    ...data,
    token: "0x00000000000000000000000000000000000a9e12" as Address,
    holders: holderIds.map((investorId, k) => ({
      ...holders[0]!,
      wallet: w(k),
      investorId,
      shares: BigInt(10 * (k + 1)),
    })),
  };
  tricky.totalSupply = tricky.holders.reduce((s, h) => s + h.shares, 0n);
  const order = async (p: Partial<RegisterParams>) => {
    current = tricky;
    try {
      const { page } = await getRegisterPage(t.db, tricky.token, undefined, params({ per: 25, ...p }));
      return page.rows.map((r) => tricky.holders.findIndex((h) => h.wallet === r.wallet));
    } finally {
      current = data;
    }
  };

  beforeAll(async () => {
    const rows = await t.db
      .insert(investors)
      .values(
        people.map(([legalName, residence, kycStatus, onChain], i) => ({
          legalName,
          residence,
          kycStatus: kycStatus as "approved",
          onChainId: onChain ? id(i) : null,
          category: "retail" as const,
        })),
      )
      .returning({ id: investors.id });
    // Carol's wallet is holder 3's; holder 8's wallet is linked to Carol too, but its on-chain id names Dora.
    await t.db.insert(investorWallets).values([
      { address: w(3).toLowerCase(), investorId: rows[3]!.id, isPrimary: true },
      { address: w(8).toLowerCase(), investorId: rows[3]!.id },
    ]);
  });

  it("sorts by name case-insensitively, unnamed and unknown holders last (first when descending)", async () => {
    expect(await order({ sort: "name", dir: "asc" })).toEqual([2, 0, 7, 1, 3, 8, 6, 4, 5]);
    expect(await order({ sort: "name", dir: "desc" })).toEqual([4, 5, 6, 8, 3, 1, 0, 7, 2]);
    // Paged: pages of four, the last one short.
    expect(await order({ sort: "name", dir: "asc", per: 4, page: 2 })).toEqual([3, 8, 6, 4]);
    expect(await order({ sort: "name", dir: "asc", per: 4, page: 3 })).toEqual([5]);
  });

  it("sorts by country (missing last) and by KYC (unknown, then the most urgent first)", async () => {
    expect(await order({ sort: "country", dir: "asc" })).toEqual([0, 6, 7, 8, 1, 3, 2, 4, 5]);
    expect(await order({ sort: "kyc", dir: "asc" })).toEqual([4, 1, 3, 2, 5, 0, 6, 7, 8]);
    expect(await order({ sort: "kyc", dir: "desc" })).toEqual([0, 6, 7, 8, 5, 2, 3, 1, 4]);
  });

  it("searches names, wallets, investor ids and countries, in the order asked for", async () => {
    expect(await order({ q: "AL", sort: "name", dir: "asc" })).toEqual([2, 0, 7]);
    expect(await order({ q: "al", sort: "shares", dir: "desc" })).toEqual([7, 2, 0]);
    expect(await order({ q: "hk", sort: "shares", dir: "asc" })).toEqual([0, 6, 7]);
    expect(await order({ q: "陳", sort: "kyc" })).toEqual([6]);
    expect(await order({ q: w(4).slice(-6).toUpperCase() })).toEqual([4]);
    expect(await order({ q: id(103).slice(20, 40), sort: "name" })).toEqual([3]);
    // "car" is Carol (holder 3 by her linked wallet), not holder 8 (its on-chain id names Dora).
    expect(await order({ q: "car", sort: "country" })).toEqual([3]);
    expect(await order({ q: "nobody", sort: "name" })).toEqual([]);
  });

  it("clamps a page past the end to the last page of the matches", async () => {
    current = tricky;
    try {
      const { page } = await getRegisterPage(
        t.db,
        tricky.token,
        undefined,
        params({ sort: "name", dir: "asc", per: 25, page: 7 }),
      );
      expect({ total: page.total, page: page.page, pages: page.pages }).toEqual({ total: 9, page: 1, pages: 1 });
      expect(page.rows.map((r) => r.identity?.name ?? null)).toEqual([
        "ALBERT",
        "alice",
        "alice",
        "Bob",
        "Carol",
        "Dora",
        "陳大文",
        null,
        null,
      ]);
    } finally {
      current = data;
    }
  });
});
