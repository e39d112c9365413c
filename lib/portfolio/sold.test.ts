import { describe, expect, it } from "vitest";
import type { Address } from "viem";
import { sumTotals, valueHolding } from "./math";
import { valueSeries } from "./insights";
import { valueSoldHoldings } from "./sold";
import type { Holding, Portfolio } from "./types";

const SOLD = "0x00000000000000000000000000000000000000a1" as Address;
const OTHER = "0x00000000000000000000000000000000000000b2" as Address;
const HKD = 1_000_000n;

function holding(token: Address, balance: bigint, price: bigint, costBasis: bigint): Holding {
  return {
    slug: token,
    title: token,
    titleZh: null,
    artist: "",
    image: null,
    token,
    balance,
    totalSupply: 400n,
    share: 0,
    price,
    priceSource: "appraisal",
    realised: 0n,
    ...valueHolding({ balance, price, costBasis }),
    lockups: [],
    frozen: false,
  };
}

function portfolio(holdings: Holding[]): Portfolio {
  return {
    wallets: [],
    decimals: 6,
    hkdBalance: 0n,
    holdings,
    history: [],
    totals: sumTotals(holdings),
    realised: 0n,
    references: [],
    blockNumber: 1n,
  };
}

describe("valueSoldHoldings", () => {
  // Priced at the appraisal (HK$950 a share) before; the buyer pays HK$4,000.00 for 400 shares.
  const before = portfolio([holding(SOLD, 140n, 950n * HKD, 1_400n * HKD), holding(OTHER, 25n, 5_350n * HKD, 0n)]);

  it("values a sold artwork's shares at what redeeming them pays and sums the totals again", () => {
    const after = valueSoldHoldings(before, [
      { token: SOLD.toUpperCase().replace("0X", "0x"), status: "approved", price: 4_000n * HKD, supplyAtClose: 400n },
    ]);
    const sold = after.holdings[0]!;
    expect(sold).toMatchObject({ price: 10n * HKD, priceSource: "sale", value: 1_400n * HKD, gain: 0n, gainBps: 0 });
    expect(after.holdings[1]).toBe(before.holdings[1]);
    expect(after.totals).toEqual({
      value: 1_400n * HKD + 25n * 5_350n * HKD,
      costBasis: 1_400n * HKD,
      gain: 25n * 5_350n * HKD,
    });
  });

  it("floors the payout like the contract: floor(price × shares ÷ supply)", () => {
    const after = valueSoldHoldings(portfolio([holding(SOLD, 1n, 0n, 0n)]), [
      { token: SOLD, status: "approved", price: 10n, supplyAtClose: 3n },
    ]);
    expect(after.holdings[0]).toMatchObject({ value: 3n, price: 3n });
  });

  it("leaves holdings alone while a vote is open, after a rejection, or before the close is known", () => {
    for (const sale of [
      { token: SOLD, status: "voting", price: 4_000n * HKD, supplyAtClose: null },
      { token: SOLD, status: "rejected", price: 4_000n * HKD, supplyAtClose: 400n },
      { token: SOLD, status: "approved", price: 4_000n * HKD, supplyAtClose: null },
    ])
      expect(valueSoldHoldings(before, [sale])).toBe(before);
  });
});

describe("valueSeries of a sold artwork", () => {
  const day = (n: number) => new Date(Date.UTC(2026, 10, n));
  const token = SOLD.toLowerCase() as Address;
  const args = {
    history: [{ kind: "purchase" as const, at: day(1), token, shares: 100n, blockNumber: 1n, logIndex: 0 }],
    balances: new Map([[token, 100n]]),
    references: new Map([[token, { token, offeringPrice: 1_000n * HKD, shareCount: 500n, appraisals: [] }]]),
    trades: new Map(),
    now: day(20),
    decimals: 6,
  };

  it("values the shares at the offering price until the approval, then at what redeeming pays", () => {
    // HK$520,000 for the 400 shares at the close: 100 shares redeem for HK$130,000.
    const sold = new Map([[token, { price: 520_000n * HKD, supply: 400n, at: day(10).getTime() }]]);
    const points = valueSeries({ ...args, sold });
    expect(points.map((p) => [p.at.getTime(), p.value])).toEqual([
      [day(1).getTime(), 100_000n * HKD],
      [day(10).getTime(), 130_000n * HKD],
      [day(20).getTime(), 130_000n * HKD],
    ]);
    // Without the sale, the same shares stay at the offering price.
    expect(valueSeries(args).at(-1)!.value).toBe(100_000n * HKD);
  });
});
