/**
 * Both statements treat a sold artwork as the portfolio page does (issue 15): a holding of a token whose holders
 * approved its sale is valued at what redeeming pays (sale price ÷ shares at the close), not its last appraisal, and
 * a redemption is a row with the sale's proceeds for the shares it burned. The chain reads (the portfolio, the sales)
 * are fixed here; the loader, the CSV, the yearly figures and the audit are the real ones.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Address, Hex } from "viem";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import type { HoldingSale, PortfolioSales } from "@/lib/sale";
import { sumTotals, valueHolding } from "./math";
import type { HistoryEntry, Holding, Portfolio } from "./types";

let t: TestDatabase;
const ME = "0x90F79bf6EB2c4f870365E785982E1f101E93b906" as Address;
const SOLD = "0x00000000000000000000000000000000000000A1" as Address;
const HKD = (n: bigint) => n * 1_000_000n;
const REDEEM_TX = `0x${"ab".repeat(32)}` as Hex;

// 40 of the artwork's 400 shares held, last appraised at HKD 200,000 (500 a share); 10 more redeemed on 1 June 2026.
const holding: Holding = {
  slug: "sold",
  title: "Sold Harbour",
  titleZh: "已售港",
  artist: "A",
  image: null,
  token: SOLD,
  balance: 40n,
  totalSupply: 400n,
  share: 0.1,
  price: HKD(500n),
  priceSource: "appraisal",
  realised: 0n,
  ...valueHolding({ balance: 40n, price: HKD(500n), costBasis: HKD(10_000n) }),
  lockups: [],
  frozen: false,
};
const redemption: HistoryEntry = {
  kind: "redemption",
  at: new Date("2026-06-01T02:00:00Z"),
  slug: "sold",
  title: "Sold Harbour",
  titleZh: "已售港",
  token: SOLD,
  wallet: ME,
  shares: 10n,
  amount: null,
  counterparty: null,
  order: null,
  txHash: REDEEM_TX,
  blockNumber: 90n,
  logIndex: 1,
};
// Sold for HKD 300,000 with 400 shares at the close: 750 a share. The vote closed on 1 May 2026.
const sale: HoldingSale = {
  token: SOLD,
  onChainId: "1",
  status: "approved",
  votingEnds: new Date("2026-05-01T00:00:00Z"),
  finalizedAt: new Date("2026-05-01T00:10:00Z"),
  price: HKD(300_000n),
  supplyAtClose: 400n,
  vote: "for",
  redeemed: HKD(7_500n),
};
const sales: PortfolioSales = {
  sales: [sale],
  redemptions: [
    { token: SOLD, onChainId: "1", wallet: ME, shares: 10n, payout: HKD(7_500n), txHash: REDEEM_TX, logIndex: 2 },
  ],
};

vi.mock("@/lib/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/auth/roles", () => ({
  getRoles: async () => ({ admin: false, compliance: false, issuer: false, registered: true, verified: true }),
}));
vi.mock("@/lib/sale", () => ({ loadPortfolioSales: async () => sales }));
vi.mock("./queries", () => ({
  getPortfolioWallets: async ({ address }: { address: Address }) => [address],
  getPortfolio: async ({ wallets }: { wallets: Address[] }): Promise<Portfolio> => ({
    wallets,
    decimals: 6,
    hkdBalance: 0n,
    holdings: [holding],
    history: [redemption],
    totals: sumTotals([holding]),
    realised: 0n,
    references: [
      {
        token: SOLD,
        slug: "sold",
        title: "Sold Harbour",
        titleZh: "已售港",
        offeringPrice: HKD(100_000n),
        shareCount: 400n,
        appraisals: [{ date: "2026-01-15", value: "20000000", appraiser: "X" }],
      },
    ],
    blockNumber: 99n,
  }),
}));
vi.mock("./yearly", async (original) => {
  const yearly = await original<typeof import("./yearly")>();
  return { ...yearly, yearlyStatement: vi.fn(yearly.yearlyStatement) };
});

const { exportStatement, exportYearlyStatementPdf } = await import("./statement");
const { yearlyStatement } = await import("./yearly");

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const caller = { address: ME, investorId: null, ip: "10.3.0.1" };

describe("statements of a sold artwork", () => {
  it("the CSV values the holding at what redeeming pays and lists the redemption with its proceeds", async () => {
    const { csv } = await exportStatement(caller);
    const rows = csv.trim().split("\r\n");
    const holdingRow = rows.find((r) => r.startsWith("holding,"))!.split(",");
    // price_hkd, amount_hkd, value_hkd, cost_basis_hkd, gain_loss_hkd: 40 × 750, not 40 × 500.
    expect(holdingRow.slice(8, 13)).toEqual(["750.00", "", "30000.00", "10000.00", "20000.00"]);
    const redeemed = rows.find((r) => r.startsWith("transaction,"))!.split(",");
    expect(redeemed[2]).toBe("saleRedemption");
    expect(redeemed[6]).toBe("10"); // shares burned
    expect(redeemed.slice(8, 10)).toEqual(["750.00", "7500.00"]); // per share, proceeds received
    expect(redeemed.at(-1)).toBe(REDEEM_TX);
  });

  it("the yearly statement values the year-end holding at the sale and totals the proceeds", async () => {
    const { pdf } = await exportYearlyStatementPdf(caller, { year: 2026, locale: "en", t: (key) => key });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const statement = vi.mocked(yearlyStatement).mock.results.at(-1)!.value as ReturnType<typeof yearlyStatement>;
    expect(statement.holdings.map((h) => [h.shares, h.price, h.priceSource, h.value])).toEqual([
      [40n, HKD(750n), "sale", HKD(30_000n)],
    ]);
    expect(statement.trades.map((h) => [h.kind, h.shares, h.amount])).toEqual([["redemption", 10n, HKD(7_500n)]]);
    expect(statement.totals.redeemed).toBe(HKD(7_500n));
    expect(statement.totals.value).toBe(HKD(30_000n));
  });
});
