/**
 * The register's CSV export streamed in batches: 5,000 holders come out complete, in the page's order, with the same
 * lines as the whole register joined at once, while each identity lookup reads one batch of holders only.
 */
import { keccak256, toHex, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/connect";
import { auditLog } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import type { ChainHolder } from "./register-chain";
import { seedRegisterInvestors } from "./register-fixture";
import { loadIdentities } from "./register-identities";
import { buildRegisterCsv, joinRegister, queryRegister, type RegisterParams } from "./register-query";

const HOLDERS = 5_000;
const walletOf = (i: number) => `0x${(i * 11 + 3).toString(16).padStart(40, "0")}` as Address;
const investorOf = (i: number) => keccak256(toHex(`export-investor-${i}`));
const holders: ChainHolder[] = Array.from({ length: HOLDERS }, (_, i) => ({
  wallet: walletOf(i),
  shares: BigInt(1 + (i % 89)),
  frozen: i % 97 === 0,
  frozenAmount: i % 13 === 0 ? 1n : 0n,
  lockedAmount: i % 7 === 0 ? 2n : 0n,
  lockedUntil: i % 7 === 0 ? 1_900_000_000 : 0,
  investorId: investorOf(i),
  verified: i % 17 !== 0,
}));
const data = {
  token: "0x00000000000000000000000000000000000e8907" as Address,
  blockNumber: 700n,
  blockTime: 1_800_000_000,
  name: "Export",
  symbol: "EXPT",
  totalSupply: holders.reduce((s, h) => s + h.shares, 0n),
  holderCount: HOLDERS,
  holderWalletCount: HOLDERS,
  maxHolders: 0,
  paused: false,
  holders,
};

/** How many holders each identity lookup asked for. */
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
vi.mock("./register", () => ({
  readRegister: async () => ({ data, extra: { atLatest: true, source: "chain", indexedThrough: null } }),
}));
let t: TestDatabase;
vi.mock("@/lib/db", () => ({ getDb: async () => t.db }));
const { exportRegisterCsv, REGISTER_EXPORT_BATCH } = await import("./register-export");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedRegisterInvestors(t, {
    count: HOLDERS,
    batch: 1_000,
    walletOf,
    investorOf,
    investor: (k) => ({
      // Names that need quoting or neutralising in a spreadsheet, now and then.
      ...(k % 250 === 0 ? { legalName: `=Investor "${k}", Ltd` } : {}),
      kycExpiresAt: k % 3 === 0 ? new Date(Date.UTC(2027, 0, 1 + (k % 28))) : null,
    }),
  });
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const params = (p: Partial<RegisterParams>): RegisterParams => ({
  q: "",
  sort: "shares",
  dir: "desc",
  page: 1,
  per: 25,
  ...p,
});

/** The CSV as it was built before streaming: every identity joined at once, the whole register in one string. */
async function wholeCsv(p: RegisterParams): Promise<string> {
  const identities = await loadIdentities(t.db, {
    investorIds: holders.map((h) => h.investorId),
    wallets: holders.map((h) => h.wallet),
  });
  const { all } = queryRegister(joinRegister(holders, data.totalSupply, identities), { ...p, page: 1, per: 50 });
  return buildRegisterCsv({ blockNumber: data.blockNumber, rows: all });
}

async function exported(p: RegisterParams) {
  lookups.length = 0;
  const out = await exportRegisterCsv({
    actor: "0x00000000000000000000000000000000000000aa",
    token: data.token,
    params: p,
    ip: null,
  });
  const reader = out.body.getReader();
  let chunks = 0;
  let csv = "";
  const decoder = new TextDecoder();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    chunks++;
    csv += decoder.decode(r.value, { stream: true });
  }
  return { ...out, csv: csv + decoder.decode(), chunks, lookups: [...lookups] };
}

describe("exportRegisterCsv", () => {
  it("streams all 5,000 holders in batches, each batch's identities read on their own", async () => {
    const p = params({});
    const out = await exported(p);
    expect(out.csv).toBe(await wholeCsv(p));
    expect(out.csv.trim().split("\r\n")).toHaveLength(HOLDERS + 1);
    expect(out.rows).toBe(HOLDERS);
    expect(out.filename).toBe("register-EXPT-block-700.csv");
    // The header, then one chunk per batch; no lookup asked for more than one batch of holders.
    expect(out.lookups).toHaveLength(HOLDERS / REGISTER_EXPORT_BATCH);
    expect(Math.max(...out.lookups)).toBe(REGISTER_EXPORT_BATCH);
    expect(out.chunks).toBe(1 + HOLDERS / REGISTER_EXPORT_BATCH);
    // Escaping as before: a formula is neutralised and a quote or comma quoted.
    expect(out.csv).toContain(`"'=Investor ""250"", Ltd"`);
  }, 120_000);

  it.each([
    params({ sort: "name", dir: "asc" }),
    params({ sort: "kyc" }),
    params({ q: "investor 01", sort: "frozen", dir: "asc" }),
    params({ q: "sg", sort: "country" }),
  ])(
    "writes the page's search and order (%o)",
    async (p) => {
      const out = await exported(p);
      const whole = await wholeCsv(p);
      expect(out.csv).toBe(whole);
      expect(out.rows).toBe(whole.trim().split("\r\n").length - 1);
      expect(out.rows).toBeGreaterThan(0);
      expect(Math.max(...out.lookups)).toBeLessThanOrEqual(REGISTER_EXPORT_BATCH);
    },
    120_000,
  );

  it("audits the export with the rows it writes", async () => {
    const p = params({ q: "sg", sort: "name" });
    const out = await exported(p);
    const entries = await t.db.select().from(auditLog);
    const last = entries.filter((e) => e.action === "register.exported").at(-1)!;
    expect(last.subjectId).toBe(data.token.toLowerCase());
    expect(last.after).toMatchObject({ rows: out.rows, q: "sg", sort: "name", dir: "desc", source: "chain" });
  }, 120_000);
});
