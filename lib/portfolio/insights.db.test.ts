/**
 * The portfolio's value over time, allocation and performance on a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): trades of two artworks in market_trades (and of a third the investor never held), an appraisal,
 * purchases, a sale and a distribution. Every figure below is worked out by hand in whole HKD.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { marketTrades } from "@/lib/db/schema";
import { type ArtworkReference, buildPortfolioInsights, priceAt } from "./insights";
import type { HistoryEntry, Holding } from "./types";

const D = 6;
const HKD = (n: number) => BigInt(Math.round(n * 100)) * 10n ** BigInt(D - 2);
const A = "0x00000000000000000000000000000000000000A1";
const B = "0x00000000000000000000000000000000000000B2";
const C = "0x00000000000000000000000000000000000000C3";
const WALLET = "0x0000000000000000000000000000000000000Aaa";
const at = (iso: string) => new Date(iso);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const trade = (token: string, iso: string, price: number, id: number) => ({
    txHash: `0x${id.toString(16).padStart(64, "0")}`,
    logIndex: 0,
    blockNumber: BigInt(id),
    tradedAt: at(iso),
    orderId: String(id),
    token: token.toLowerCase(),
    makerSide: "ask" as const,
    buyer: "0x00000000000000000000000000000000000000e1",
    seller: "0x00000000000000000000000000000000000000e2",
    shares: "1",
    price: HKD(price).toString(),
    fee: "0",
  });
  await t.db.insert(marketTrades).values([
    trade(B, "2026-01-20T02:00:00Z", 600, 1),
    trade(A, "2026-06-01T02:00:00Z", 2000, 2),
    // An artwork the investor never held: read by no one here.
    trade(C, "2026-05-01T02:00:00Z", 99999, 3),
  ]);
});
afterAll(async () => {
  await t?.close();
});

const references: ArtworkReference[] = [
  // 100 shares offered at HK$1,000; appraised at HK$150,000 on 1 March 2026 (HKT) → HK$1,500 a share.
  {
    token: A,
    slug: "a",
    title: "Alpha",
    titleZh: "甲",
    offeringPrice: HKD(1000),
    shareCount: 100n,
    appraisals: [{ date: "2026-03-01", value: "15000000", appraiser: "X" }],
  },
  { token: B, slug: "b", title: "Beta", titleZh: null, offeringPrice: HKD(500), shareCount: 1000n, appraisals: [] },
  { token: C, slug: "c", title: "Gamma", titleZh: null, offeringPrice: HKD(1), shareCount: 10n, appraisals: [] },
];

let block = 0n;
const entry = (kind: HistoryEntry["kind"], iso: string, token: string, shares: bigint, amount: number | null) => {
  block += 1n;
  return {
    kind,
    at: at(iso),
    slug: token === A ? "a" : "b",
    title: token === A ? "Alpha" : "Beta",
    titleZh: null,
    token: token as `0x${string}`,
    wallet: WALLET as `0x${string}`,
    shares,
    amount: amount === null ? null : HKD(amount),
    counterparty: null,
    order: null,
    txHash: `0x${block.toString(16).padStart(64, "0")}` as `0x${string}`,
    blockNumber: block,
    logIndex: 0,
  } satisfies HistoryEntry;
};

// Newest first, as the portfolio holds it.
const history: HistoryEntry[] = [
  entry("purchase", "2026-01-10T02:00:00Z", A, 10n, 10_000),
  entry("purchase", "2026-02-01T02:00:00Z", B, 30n, 15_000),
  entry("bidPlaced", "2026-03-10T02:00:00Z", A, 5n, 5_000), // moves no shares
  entry("marketSell", "2026-04-01T02:00:00Z", A, 4n, 7_000),
  entry("distributionReceived", "2026-07-01T02:00:00Z", A, 0n, 300),
].reverse();

const holding = (token: string, balance: bigint, price: number, cost: number, source: Holding["priceSource"]) =>
  ({
    slug: token === A ? "a" : "b",
    title: token === A ? "Alpha" : "Beta",
    titleZh: token === A ? "甲" : null,
    artist: "",
    image: null,
    token: token as `0x${string}`,
    balance,
    totalSupply: 0n,
    share: 0,
    price: HKD(price),
    priceSource: source,
    realised: 0n,
    value: balance * HKD(price),
    costBasis: HKD(cost),
    gain: 0n,
    gainBps: null,
    lockups: [],
    frozen: false,
  }) satisfies Holding;

// Today: 6 of Alpha at its last trade (HK$2,000), cost 10,000 × 6/10; 30 of Beta at its last trade (HK$600).
const holdings = [holding(A, 6n, 2000, 6_000, "trade"), holding(B, 30n, 600, 15_000, "trade")];
const NOW = at("2026-12-01T00:00:00Z");

describe("buildPortfolioInsights", () => {
  it("values the holdings at every movement, trade and appraisal: trade price, else appraisal ÷ shares, else offering", async () => {
    const insights = await buildPortfolioInsights(t.db, { holdings, history, references, decimals: D }, { now: NOW });
    expect(insights.series.map((p) => [p.at.toISOString(), p.value])).toEqual([
      // 10 Alpha at the offering price (no trade, no appraisal yet).
      ["2026-01-10T02:00:00.000Z", HKD(10_000)],
      // Beta trades at 600 before the investor holds any: nothing changes.
      ["2026-01-20T02:00:00.000Z", HKD(10_000)],
      // + 30 Beta at its last trade, 600.
      ["2026-02-01T02:00:00.000Z", HKD(10_000 + 18_000)],
      // Alpha appraised: 150,000 ÷ 100 = 1,500 a share, from midnight in Hong Kong (16:00 UTC the day before).
      ["2026-02-28T16:00:00.000Z", HKD(15_000 + 18_000)],
      // 4 Alpha sold (the bid placed before moved no shares).
      ["2026-04-01T02:00:00.000Z", HKD(9_000 + 18_000)],
      // Alpha trades at 2,000: the trade price now wins over the appraisal.
      ["2026-06-01T02:00:00.000Z", HKD(12_000 + 18_000)],
      ["2026-12-01T00:00:00.000Z", HKD(12_000 + 18_000)],
    ]);
    // The last point is the holdings' value today.
    expect(insights.series.at(-1)!.value).toBe(holdings.reduce((a, h) => a + h.value, 0n));
  });

  it("allocates by value, largest first, and measures each holding with its distributions", async () => {
    const insights = await buildPortfolioInsights(t.db, { holdings, history, references, decimals: D }, { now: NOW });
    expect(insights.allocation.map((a) => [a.title, a.value, a.share])).toEqual([
      ["Beta", HKD(18_000), 0.6],
      ["Alpha", HKD(12_000), 0.4],
    ]);
    expect(
      insights.performance.map((p) => [p.title, p.costBasis, p.value, p.distributions, p.gain, p.gainBps]),
    ).toEqual([
      // 12,000 + 300 − 6,000 = 6,300 = +105% of the cost.
      ["Alpha", HKD(6_000), HKD(12_000), HKD(300), HKD(6_300), 10_500],
      // 18,000 − 15,000 = 3,000 = +20%.
      ["Beta", HKD(15_000), HKD(18_000), 0n, HKD(3_000), 2_000],
    ]);
    expect(insights.incomeReceived).toBe(HKD(300));
    expect(insights.years).toEqual([2026]);
  });

  it("gives a new investor nothing to chart, allocate or measure", async () => {
    const insights = await buildPortfolioInsights(
      t.db,
      { holdings: [], history: [], references, decimals: D },
      { now: NOW },
    );
    expect(insights).toEqual({ series: [], allocation: [], performance: [], incomeReceived: 0n, years: [] });
  });

  it("reads a holding's price today by the same rule", () => {
    const [a] = references;
    expect(priceAt(a!, null, at("2026-02-01T00:00:00Z").getTime(), D)).toEqual({
      price: HKD(1000),
      source: "offering",
    });
    expect(priceAt(a!, null, NOW.getTime(), D)).toEqual({ price: HKD(1500), source: "appraisal" });
    expect(priceAt(a!, HKD(2000), NOW.getTime(), D)).toEqual({ price: HKD(2000), source: "trade" });
    // An appraisal of an artwork with no shares, or an unreadable value, is passed over.
    expect(priceAt({ ...a!, shareCount: 0n }, null, NOW.getTime(), D).source).toBe("offering");
    expect(
      priceAt({ ...a!, appraisals: [{ date: "2026-03-01", value: "n/a", appraiser: "" }] }, null, NOW.getTime(), D)
        .source,
    ).toBe("offering");
  });
});
