import { describe, expect, it } from "vitest";
import { csvField } from "@/lib/format/csv";
import { buildStatementCsv } from "./csv";
import {
  heldForBids,
  buildPositions,
  costBasisFor,
  mulDivRound,
  roundToCents,
  shareOfArtwork,
  sumRealised,
  sumTotals,
  toHkdString,
  tradeAmounts,
  valueHolding,
  type LedgerEvent,
} from "./math";

const HKD = 1_000_000n; // 6 decimals
const T = "0xToken";

describe("cost basis (average cost)", () => {
  it("adds purchases and removes the average cost of shares transferred out", () => {
    const events: LedgerEvent[] = [
      { kind: "purchase", token: T, shares: 10n, cost: 10n * 850n * HKD },
      { kind: "purchase", token: T, shares: 20n, cost: 20n * 1_000n * HKD },
      { kind: "transferOut", token: T, shares: 6n },
    ];
    const p = buildPositions(events, () => 0n).get(T.toLowerCase())!;
    // 30 shares cost 28,500; average 950; 6 out remove 5,700.
    expect(p).toEqual({ shares: 24n, cost: 22_800n * HKD, realised: 0n });
  });

  it("values shares received by transfer at the reference price and resets after everything leaves", () => {
    const p = buildPositions(
      [
        { kind: "purchase", token: T, shares: 5n, cost: 5n * 100n * HKD },
        { kind: "transferIn", token: T, shares: 5n },
        { kind: "transferOut", token: T, shares: 10n },
        { kind: "purchase", token: T, shares: 1n, cost: 120n * HKD },
      ],
      () => 200n * HKD,
    ).get(T.toLowerCase())!;
    expect(p).toEqual({ shares: 1n, cost: 120n * HKD, realised: 0n });
  });

  it("rounds the removed cost half up", () => {
    // 3 shares cost 100 base units; 1 out removes 33.33… → 33; 2 left cost 67.
    const p = buildPositions(
      [
        { kind: "purchase", token: T, shares: 3n, cost: 100n },
        { kind: "transferOut", token: T, shares: 1n },
      ],
      () => 0n,
    ).get(T.toLowerCase())!;
    expect(p).toEqual({ shares: 2n, cost: 67n, realised: 0n });
    expect(mulDivRound(100n, 1n, 2n)).toBe(50n);
    expect(mulDivRound(5n, 1n, 2n)).toBe(3n);
  });

  it("scales to the chain balance when the ledger differs, else falls back to the reference price", () => {
    expect(costBasisFor({ shares: 10n, cost: 1_000n }, 10n, 7n)).toBe(1_000n);
    expect(costBasisFor({ shares: 10n, cost: 1_000n }, 5n, 7n)).toBe(500n);
    expect(costBasisFor(undefined, 4n, 7n)).toBe(28n);
    expect(costBasisFor({ shares: 10n, cost: 1_000n }, 0n, 7n)).toBe(0n);
  });
});

describe("value, gain and share", () => {
  it("computes value at the price, gain or loss and its ratio in basis points", () => {
    expect(valueHolding({ balance: 24n, price: 1_000n * HKD, costBasis: 22_800n * HKD })).toEqual({
      value: 24_000n * HKD,
      costBasis: 22_800n * HKD,
      gain: 1_200n * HKD,
      gainBps: 526,
    });
    expect(valueHolding({ balance: 10n, price: 800n * HKD, costBasis: 10_000n * HKD })).toMatchObject({
      gain: -2_000n * HKD,
      gainBps: -2000,
    });
    expect(valueHolding({ balance: 0n, price: 1n, costBasis: 0n }).gainBps).toBeNull();
  });

  it("gives the share of the artwork", () => {
    expect(shareOfArtwork(3n, 28n)).toBeCloseTo(0.107143, 6);
    expect(shareOfArtwork(1n, 0n)).toBe(0);
  });

  it("sums totals", () => {
    expect(
      sumTotals([
        valueHolding({ balance: 1n, price: 10n, costBasis: 8n }),
        valueHolding({ balance: 2n, price: 10n, costBasis: 25n }),
      ]),
    ).toEqual({ value: 30n, costBasis: 33n, gain: -3n });
  });
});

describe("HKD rounding of bigint amounts", () => {
  it("rounds to cents half away from zero", () => {
    expect(roundToCents(1_234_565n, 6)).toBe(1_230_000n);
    expect(roundToCents(1_234_999n, 6)).toBe(1_230_000n);
    expect(roundToCents(1_235_000n, 6)).toBe(1_240_000n);
    expect(roundToCents(-1_235_000n, 6)).toBe(-1_240_000n);
    expect(toHkdString(2_550_004_999n, 6)).toBe("2550.00");
    expect(toHkdString(2_550_005_000n, 6)).toBe("2550.01");
    expect(toHkdString(-5_000n, 6)).toBe("-0.01");
    expect(toHkdString(0n, 6)).toBe("0.00");
  });
});

describe("CSV statement", () => {
  it("quotes text safely and neutralises formulas", () => {
    expect(csvField('Still life, "with" lychees')).toBe('"Still life, ""with"" lychees"');
    expect(csvField("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
  });

  it("writes cash, holdings and transactions rows with HKD to two decimals", () => {
    const csv = buildStatementCsv({
      generatedAt: new Date("2026-03-03T00:00:00Z"),
      wallets: ["0xabc"],
      decimals: 6,
      hkdBalance: 1_000_005_000n,
      holdings: [
        {
          title: "Quiet, Mountains",
          token: "0xT",
          balance: 3n,
          share: 0.1,
          price: 850n * HKD,
          value: 2_550n * HKD,
          costBasis: 2_550n * HKD,
          gain: 0n,
          lockedShares: 3n,
          lockedUntil: new Date("2026-03-17T00:00:00Z"),
        },
      ],
      transactions: [
        {
          at: new Date("2026-03-03T00:00:00Z"),
          kind: "purchase",
          title: "Quiet, Mountains",
          token: "0xT",
          wallet: "0xabc",
          shares: 3n,
          amount: 2_550n * HKD,
          counterparty: null,
          txHash: "0xhash",
        },
      ],
    });
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "section,date,type,artwork,token,wallet,shares,share_of_artwork_pct,price_hkd,amount_hkd,value_hkd,cost_basis_hkd,gain_loss_hkd,locked_shares,locked_until,counterparty,tx_hash",
    );
    expect(lines[1]).toBe("cash,2026-03-03T00:00:00.000Z,hkd_balance,,,0xabc,,,,,1000.01,,,,,,");
    expect(lines[2]).toBe(
      'holding,2026-03-03T00:00:00.000Z,position,"Quiet, Mountains",0xT,,3,10.0000,850.00,,2550.00,2550.00,0.00,3,2026-03-17T00:00:00.000Z,,',
    );
    expect(lines[3]).toBe(
      'transaction,2026-03-03T00:00:00.000Z,purchase,"Quiet, Mountains",0xT,0xabc,3,,850.00,2550.00,,,,,,,0xhash',
    );
    for (const line of lines) expect(line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)).toHaveLength(17);
  });
});

describe("realised gains from market trades (average cost, fees included)", () => {
  const T = "0xAbC0000000000000000000000000000000000001";
  const U = "0xAbC0000000000000000000000000000000000002";
  const HKD = 1_000_000n;

  it("charges the fee only to the taker's side", () => {
    // Resting ask taken by a buyer: the buyer pays value + fee, the seller gets the value.
    expect(tradeAmounts({ shares: 4n, price: 5_100n * HKD, fee: 102n * HKD, side: "buyer", makerSide: "ask" })).toEqual(
      { cost: 20_502n * HKD, fee: 102n * HKD },
    );
    expect(
      tradeAmounts({ shares: 4n, price: 5_100n * HKD, fee: 102n * HKD, side: "seller", makerSide: "ask" }),
    ).toEqual({ proceeds: 20_400n * HKD, fee: 0n });
    // Resting bid taken by a seller: the seller gets value − fee, the buyer pays the value (escrowed).
    expect(tradeAmounts({ shares: 2n, price: 100n, fee: 1n, side: "seller", makerSide: "bid" })).toEqual({
      proceeds: 199n,
      fee: 1n,
    });
    expect(tradeAmounts({ shares: 2n, price: 100n, fee: 1n, side: "buyer", makerSide: "bid" })).toEqual({
      cost: 200n,
      fee: 0n,
    });
  });

  it("realises proceeds minus the average cost of the shares sold, fees included on both legs", () => {
    const events: LedgerEvent[] = [
      { kind: "purchase", token: T, shares: 10n, cost: 10n * 5_000n * HKD }, // avg 5,000
      { kind: "marketBuy", token: T, shares: 10n, cost: 10n * 5_200n * HKD + 260n * HKD }, // took an ask: avg (50,000 + 52,260) / 20 = 5,113
      { kind: "marketSell", token: T, shares: 5n, proceeds: 5n * 5_400n * HKD - 135n * HKD }, // sold into a bid, paid 135 fee
    ];
    const p = buildPositions(events, () => 0n).get(T.toLowerCase())!;
    // Cost of the 5 sold: 102,260 × 5 / 20 = 25,565; proceeds 26,865 → realised 1,300.
    expect(p).toEqual({ shares: 15n, cost: 76_695n * HKD, realised: 1_300n * HKD });
  });

  it("records a loss as a negative realised gain, and keeps it after the position is closed", () => {
    const events: LedgerEvent[] = [
      { kind: "purchase", token: T, shares: 3n, cost: 3_000n },
      { kind: "marketSell", token: T, shares: 3n, proceeds: 2_900n },
      { kind: "purchase", token: U, shares: 1n, cost: 100n },
      { kind: "marketSell", token: U, shares: 1n, proceeds: 150n },
    ];
    const positions = buildPositions(events, () => 0n);
    expect(positions.get(T.toLowerCase())).toEqual({ shares: 0n, cost: 0n, realised: -100n });
    expect(sumRealised(positions)).toBe(-50n);
  });

  it("rounds the cost removed half up, and never sells more than the ledger holds", () => {
    const p = buildPositions(
      [
        { kind: "purchase", token: T, shares: 3n, cost: 100n },
        { kind: "marketSell", token: T, shares: 1n, proceeds: 40n }, // cost removed 33.33 → 33
        { kind: "marketSell", token: T, shares: 5n, proceeds: 70n }, // only 2 left: cost 67
      ],
      () => 0n,
    ).get(T.toLowerCase())!;
    expect(p).toEqual({ shares: 0n, cost: 0n, realised: 7n + 3n });
  });
});

describe("heldForBids", () => {
  it("adds the unfilled part of every open bid at its price, and nothing for asks", () => {
    expect(
      heldForBids([
        { side: "bid", price: 4_900_000_000n, remaining: 8n },
        { side: "bid", price: 10_000n, remaining: 3n },
        { side: "ask", price: 5_350_000_000n, remaining: 15n },
      ]),
    ).toBe(39_200_000_000n + 30_000n);
    expect(heldForBids([])).toBe(0n);
  });
});
