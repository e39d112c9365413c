/**
 * Statement downloads (the CSV and the yearly PDF) share one rate limit per signed-in wallet, counted before the
 * portfolio is read from the chain, and not per IP (people behind one office address do not lock each other out).
 * The portfolio read is replaced by a fixed one here; the limit, the CSV and the audit entry are the real ones.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import type { Portfolio } from "./types";

let t: TestDatabase;
let portfolioReads = 0;
const ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;
const BOB = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as const;

vi.mock("@/lib/db", () => ({ getDb: async () => t.db }));
// The chain says: Alice is a self-made wallet (no role, not registered); Bob is a registered investor.
vi.mock("@/lib/auth/roles", () => ({
  getRoles: async (address: string) => {
    const registered = address.toLowerCase() === BOB.toLowerCase();
    return { admin: false, compliance: false, issuer: false, registered, verified: registered };
  },
}));
vi.mock("./queries", () => ({
  getPortfolioWallets: async ({ address }: { address: `0x${string}` }) => [address],
  getPortfolio: async ({ wallets }: { wallets: `0x${string}`[] }): Promise<Portfolio> => {
    portfolioReads++;
    return {
      wallets,
      decimals: 6,
      hkdBalance: 0n,
      holdings: [],
      history: [],
      totals: {} as Portfolio["totals"],
      realised: 0n,
      references: [],
      blockNumber: 42n,
    };
  },
}));

const { exportStatement, exportYearlyStatementPdf } = await import("./statement");
const { RATE_LIMITS, RateLimitedError } = await import("@/lib/rate-limit");

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("statement downloads", () => {
  it("allow the limit per wallet, then refuse the CSV and the PDF alike before reading the chain", async () => {
    const limit = RATE_LIMITS.statement.limit;
    for (let i = 0; i < limit; i++) {
      // A different IP each time: the wallet is what is counted.
      const { csv, filename } = await exportStatement({ address: ALICE, investorId: null, ip: `10.1.0.${i}` });
      expect(csv.length).toBeGreaterThan(0);
      expect(filename).toMatch(/^atelier-statement-\d{4}-\d{2}-\d{2}\.csv$/);
    }
    expect(portfolioReads).toBe(limit);

    const csv = exportStatement({ address: ALICE, investorId: null, ip: "10.2.0.1" });
    await expect(csv).rejects.toBeInstanceOf(RateLimitedError);
    const error = await csv.catch((e: unknown) => e);
    expect((error as InstanceType<typeof RateLimitedError>).retryAfterSeconds).toBeGreaterThan(0);
    expect((error as InstanceType<typeof RateLimitedError>).retryAfterSeconds).toBeLessThanOrEqual(
      RATE_LIMITS.statement.windowMs / 1000,
    );
    const pdf = exportYearlyStatementPdf(
      { address: ALICE, investorId: null, ip: "10.2.0.2" },
      { year: 2026, locale: "en", t: (key) => key },
    );
    await expect(pdf).rejects.toBeInstanceOf(RateLimitedError);
    // Refused before the portfolio was read: a refused download costs the chain nothing.
    expect(portfolioReads).toBe(limit);
  });

  it("count each wallet apart: another wallet on the same IP still downloads", async () => {
    const { csv } = await exportStatement({ address: BOB, investorId: null, ip: "10.2.0.1" });
    expect(csv.length).toBeGreaterThan(0);
  });

  it("are audited for a wallet the portal knows, and leave no permanent row for a self-made one", async () => {
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, "portfolio.statement_exported"));
    expect(rows.map((r) => r.actor.toLowerCase())).toEqual([BOB.toLowerCase()]);
    expect(rows[0]?.after).toMatchObject({ format: "csv", blockNumber: "42", holdings: 0, transactions: 0 });
  });
});
