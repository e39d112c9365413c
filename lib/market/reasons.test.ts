import { describe, expect, it } from "vitest";
import { marketErrorReason } from "./error-reasons";
import { allChecksPass, evaluateMarketChecks, fillReason, tradeCost } from "./reasons";

const words = {
  kycValidUntil: "1 Jan 2030",
  kycExpiredOn: "1 Jan 2020",
  balance: "HK$10",
  needed: "HK$50",
  available: "3",
  price: "HK$1.00",
  limit: "HK$1.00",
};
const base = {
  side: "buy" as const,
  shares: 2n,
  price: 1_000_000n,
  feeBps: 50n,
  decimals: 6,
  registered: true,
  kycExpiry: 2_000n,
  now: 1_000n,
  tokenCode: 0,
  balance: 10_000_000n,
  unavailable: 0n,
};
/** Taking the best order at its price (HK$1), with the limit at that price and the shares entered = shares filled. */
const take = (fillCode: number | undefined, more: { requested?: bigint; limit?: bigint } = {}) => ({
  fillCode,
  requested: more.requested ?? 2n,
  limit: more.limit ?? 1_000_000n,
});

describe("market reasons", () => {
  it("words every market code 32–36 and passes token codes through", () => {
    expect(fillReason(32).key).toBe("reasons.fill.orderClosed");
    expect(fillReason(33).key).toBe("reasons.fill.sellerAllowanceShort");
    expect(fillReason(34).key).toBe("reasons.fill.marketPaused");
    expect(fillReason(35).key).toBe("reasons.fill.selfTrade");
    expect(fillReason(36).key).toBe("reasons.fill.buyerFundsShort");
    expect(fillReason(6).key).toBe("reasons.transfer.countryNotAllowed");
    expect(fillReason(10).key).toBe("reasons.transfer.sharesLocked");
    expect(fillReason(99)).toEqual({ key: "reasons.unknown", values: { code: 99 } });
  });

  it("charges the fee only to the taker, rounded down to the whole cent as the contract takes it", () => {
    // 0.5 % of HK$10,161 is HK$50.805: the chain takes HK$50.80 (6 decimals: one cent = 10,000 units).
    expect(tradeCost(3n, 3_387_000_000n, 50n, true, 6)).toEqual({ value: 10_161_000_000n, fee: 50_800_000n });
    expect(tradeCost(3n, 3_387_000_000n, 50n, false, 6)).toEqual({ value: 10_161_000_000n, fee: 0n });
    // HK$0.99 × 3 = HK$2.97, 0.5 % = HK$0.01485 → HK$0.01.
    expect(tradeCost(3n, 990_000n, 50n, true, 6).fee).toBe(10_000n);
    for (let cents = 1n; cents < 5_000n; cents += 7n) {
      const { value, fee } = tradeCost(1n, cents * 10_000n, 50n, true, 6);
      expect(fee % 10_000n).toBe(0n);
      expect(fee * 10_000n <= value * 50n).toBe(true);
      expect(value * 50n - fee * 10_000n < 10_000n * 10_000n).toBe(true);
    }
  });

  it("words the new fill codes: the seller no longer verified, the order expired", () => {
    expect(fillReason(37).key).toBe("reasons.fill.sellerNotVerified");
    expect(fillReason(38).key).toBe("reasons.fill.orderExpired");
  });

  it("says what really happened when a fill or an order is refused", () => {
    // An ask that can no longer deliver is refused with its code: the words name that cause, not a withdrawn permission.
    expect(marketErrorReason("MarketOrderNotFillable", [7n, 4])).toEqual({
      key: "reasons.transfer.insufficientUnfrozenBalance",
      values: {},
    });
    expect(marketErrorReason("MarketOrderNotFillable", [7n, 38])?.key).toBe("reasons.fill.orderExpired");
    expect(marketErrorReason("MarketAsksNotBacked", ["0x1", "0x2", 5n, 3n, 33])).toEqual({
      key: "errors.asksNotBacked.allowance",
      values: { needed: 5, available: 3 },
    });
    expect(marketErrorReason("MarketAsksNotBacked", ["0x1", "0x2", 5n, 3n, 4])?.key).toBe(
      "errors.asksNotBacked.balance",
    );
    expect(marketErrorReason("MarketAsksNotBacked", ["0x1", "0x2", 5n, 3n, 10])?.key).toBe(
      "errors.asksNotBacked.locked",
    );
    expect(marketErrorReason("MarketFeeAboveMax", [100n, 50n])).toEqual({
      key: "errors.feeAboveMax",
      values: { fee: 100, max: 50 },
    });
    expect(marketErrorReason("MarketInvalidExpiry", [0n, 0n])?.key).toBe("errors.invalidExpiry");
    expect(marketErrorReason("MarketMakerNotEligible", ["0x1", "0x2", 37])?.key).toBe("reasons.notVerified");
    expect(marketErrorReason("MarketMakerNotEligible", ["0x1", "0x2", 2])?.key).toBe("reasons.you.frozen");
    expect(marketErrorReason("MarketSelfTrade", [1n, "0x2"])?.key).toBe("errors.selfTrade");
    expect(marketErrorReason("SomethingElse", [])).toBeNull();
  });

  it("stops every order while the platform is stopped, before any wallet prompt", () => {
    const stopped = evaluateMarketChecks({ ...base, platformStopped: true }, words);
    expect(stopped.find((x) => x.id === "order")).toMatchObject({
      state: "failed",
      message: { key: "reasons.fill.platformStopped" },
    });
    expect(allChecksPass(stopped)).toBe(false);
    expect(marketErrorReason("MarketPlatformStopped", [])?.key).toBe("errors.platformStopped");
    expect(fillReason(41).key).toBe("reasons.fill.platformStopped");
    expect(fillReason(40).key).toBe("reasons.fill.walletRecovered");
  });

  it("passes a verified buyer with funds, and stops an expired or unverified one", () => {
    expect(allChecksPass(evaluateMarketChecks(base, words))).toBe(true);
    const expired = evaluateMarketChecks({ ...base, kycExpiry: 500n }, words);
    expect(expired.find((x) => x.id === "kyc")).toMatchObject({
      id: "kyc",
      state: "failed",
      message: { key: "reasons.kycExpired" },
    });
    expect(evaluateMarketChecks({ ...base, registered: false }, words).find((x) => x.id === "kyc")?.message.key).toBe(
      "reasons.notVerified",
    );
  });

  it("stops a buyer the token refuses, with the token's reason", () => {
    const c = evaluateMarketChecks({ ...base, tokenCode: 6 }, words);
    expect(c.find((x) => x.id === "token")).toMatchObject({
      state: "failed",
      message: { key: "reasons.you.countryNotAllowed" },
    });
    expect(allChecksPass(c)).toBe(false);
  });

  it("counts the taker fee in the money a buyer needs", () => {
    // value 2,000,000 + fee 10,000: 2,005,000 is not enough when taking, enough for a resting bid.
    const c = evaluateMarketChecks({ ...base, balance: 2_005_000n, take: take(0) }, words);
    expect(c.find((x) => x.id === "funds")?.state).toBe("failed");
    expect(evaluateMarketChecks({ ...base, balance: 2_005_000n }, words).find((x) => x.id === "funds")?.state).toBe(
      "ok",
    );
  });

  it("tells a seller whether shares are missing or locked / frozen", () => {
    const sell = { ...base, side: "sell" as const, balance: 5n, shares: 4n };
    expect(evaluateMarketChecks({ ...sell, unavailable: 3n }, words).find((x) => x.id === "funds")?.message.key).toBe(
      "reasons.sharesLockedOrFrozen",
    );
    expect(evaluateMarketChecks({ ...sell, shares: 9n }, words).find((x) => x.id === "funds")?.message.key).toBe(
      "reasons.sharesShort",
    );
    expect(evaluateMarketChecks(sell, words).find((x) => x.id === "funds")?.state).toBe("ok");
  });

  it("counts shares already offered in the seller's open asks: a new ask or sale may use only the rest", () => {
    // 5 free shares, 3 already in open sell orders: 2 more can be offered, not 4.
    const sell = { ...base, side: "sell" as const, balance: 5n, shares: 4n, unavailable: 0n, inOpenAsks: 3n };
    expect(evaluateMarketChecks(sell, words).find((x) => x.id === "funds")).toMatchObject({
      state: "failed",
      message: { key: "reasons.sharesInOpenAsks", values: { available: 2, offered: 3 } },
    });
    expect(evaluateMarketChecks({ ...sell, shares: 2n }, words).find((x) => x.id === "funds")?.state).toBe("ok");
  });

  it("checks only the seller's own side when placing an ask: frozen stops, balance and lock-up are the funds check's", () => {
    const sell = { ...base, side: "sell" as const, balance: 5n, shares: 4n };
    expect(evaluateMarketChecks({ ...sell, tokenCode: 2 }, words).find((x) => x.id === "token")).toMatchObject({
      state: "failed",
      message: { key: "reasons.you.frozen" },
    });
    // Locked (10) or short of unfrozen shares (4): one failure, said in numbers by the funds check.
    const locked = evaluateMarketChecks({ ...sell, tokenCode: 10, unavailable: 5n }, words);
    expect(locked.find((x) => x.id === "token")?.state).toBe("ok");
    expect(locked.find((x) => x.id === "funds")).toMatchObject({
      state: "failed",
      message: { key: "reasons.sharesLockedOrFrozen" },
    });
    // Selling into a bid whose maker the token refuses: the buyer's reason, in the third person.
    expect(evaluateMarketChecks({ ...sell, tokenCode: 6 }, words).find((x) => x.id === "token")?.message.key).toBe(
      "reasons.transfer.countryNotAllowed",
    );
  });

  it("lets a selling taker set their own share allowance in the flow, but not a buyer the seller's", () => {
    const sell = { ...base, side: "sell" as const, balance: 5n, shares: 4n };
    expect(evaluateMarketChecks({ ...sell, take: take(33) }, words).at(-1)?.state).toBe("ok");
    expect(evaluateMarketChecks({ ...base, take: take(33) }, words).at(-1)?.message.key).toBe(
      "reasons.fill.sellerAllowanceShort",
    );
    expect(evaluateMarketChecks({ ...base, take: take(36) }, words).at(-1)?.state).toBe("ok");
    expect(evaluateMarketChecks({ ...sell, take: take(36) }, words).at(-1)?.state).toBe("failed");
    expect(evaluateMarketChecks({ ...sell, take: take(2) }, words).at(-1)?.message.key).toBe("reasons.you.frozen");
  });

  it('speaks to the buyer as "you" when the best offer cannot be filled because of the buyer\'s own wallet', () => {
    expect(evaluateMarketChecks({ ...base, take: take(3) }, words).at(-1)?.message.key).toBe("reasons.you.frozen");
    expect(evaluateMarketChecks({ ...base, take: take(5) }, words).at(-1)?.message.key).toBe("reasons.you.notVerified");
    expect(evaluateMarketChecks({ ...base, take: take(9) }, words).at(-1)?.message.key).toBe(
      "reasons.you.maxBalanceExceeded",
    );
    // The seller's side stays in the third person.
    expect(evaluateMarketChecks({ ...base, take: take(10) }, words).at(-1)?.message.key).toBe(
      "reasons.transfer.sharesLocked",
    );
  });

  it("refuses to take an order that cannot be filled, and waits while unknown", () => {
    expect(evaluateMarketChecks({ ...base, take: take(32) }, words).at(-1)).toMatchObject({
      state: "failed",
      message: { key: "reasons.fill.orderClosed" },
    });
    expect(evaluateMarketChecks({ ...base, take: take(33) }, words).at(-1)?.state).toBe("failed");
    expect(evaluateMarketChecks({ ...base, take: take(undefined) }, words).at(-1)?.state).toBe("unknown");
  });

  it("says that a limit order crossing the book trades now, and what stays in the book", () => {
    expect(evaluateMarketChecks({ ...base, side: "sell", match: { traded: 2n, rest: 0n } }, words)[0]).toMatchObject({
      id: "order",
      state: "ok",
      message: { key: "checks.orderMatchAllSell", values: { shares: 2 } },
    });
    expect(evaluateMarketChecks({ ...base, match: { traded: 1n, rest: 1n } }, words)[0]).toMatchObject({
      message: { key: "checks.orderMatchRestBuy", values: { traded: 1, rest: 1, price: "HK$1.00" } },
    });
    // Nothing trades on placement: the order rests, as before.
    expect(evaluateMarketChecks({ ...base, match: { traded: 0n, rest: 2n } }, words)[0]?.message.key).toBe(
      "checks.orderLimitBuy",
    );
  });

  it("says what was entered, and stops an order without shares or a price", () => {
    expect(evaluateMarketChecks(base, words)[0]).toMatchObject({
      id: "order",
      state: "ok",
      message: { key: "checks.orderLimitBuy", values: { shares: 2, price: "HK$1.00" } },
    });
    expect(evaluateMarketChecks({ ...base, shares: 0n }, words)[0]).toMatchObject({
      id: "order",
      state: "failed",
      message: { key: "reasons.enterShares" },
    });
    expect(evaluateMarketChecks({ ...base, price: 0n }, words)[0]).toMatchObject({
      id: "order",
      state: "failed",
      message: { key: "reasons.enterPrice" },
    });
    expect(evaluateMarketChecks({ ...base, take: take(0, { limit: 0n }) }, words)[0]).toMatchObject({
      state: "failed",
      message: { key: "reasons.enterMaxPrice" },
    });
    expect(evaluateMarketChecks({ ...base, side: "sell", take: take(0, { limit: 0n }) }, words)[0]?.message.key).toBe(
      "reasons.enterMinPrice",
    );
    expect(evaluateMarketChecks({ ...base, take: take(0, { requested: 0n }) }, words)[0]?.message.key).toBe(
      "reasons.enterShares",
    );
  });

  it("says how many shares a take fills when more are asked for than the best order holds", () => {
    // 9 entered, the best order holds 2: the trade (and its cost) is 2 shares.
    const c = evaluateMarketChecks({ ...base, take: take(0, { requested: 9n }) }, words);
    expect(c[0]).toMatchObject({
      state: "ok",
      message: { key: "checks.partialBuy", values: { shares: 2, requested: 9 } },
    });
    expect(allChecksPass(c)).toBe(true);
    expect(
      evaluateMarketChecks({ ...base, side: "sell", balance: 5n, take: take(0, { requested: 9n }) }, words)[0]?.message
        .key,
    ).toBe("checks.partialSell");
    expect(evaluateMarketChecks({ ...base, take: take(0) }, words)[0]?.message.key).toBe("checks.orderTakeBuy");
  });

  it("stops a take whose price limit does not reach the best order, in words", () => {
    // Buying: best HK$1, highest accepted HK$0.90.
    const buy = evaluateMarketChecks({ ...base, take: take(0, { limit: 900_000n }) }, { ...words, limit: "HK$0.90" });
    expect(buy.find((x) => x.id === "price")).toMatchObject({
      state: "failed",
      message: { key: "reasons.bestAboveLimit", values: { best: "HK$1.00", limit: "HK$0.90" } },
    });
    expect(
      evaluateMarketChecks({ ...base, take: take(0, { limit: 1_100_000n }) }, words).find((x) => x.id === "price")
        ?.state,
    ).toBe("ok");
    // Selling into a bid: best bid HK$1, lowest accepted HK$1.10.
    const sell = { ...base, side: "sell" as const, balance: 5n };
    expect(
      evaluateMarketChecks({ ...sell, take: take(0, { limit: 1_100_000n }) }, words).find((x) => x.id === "price"),
    ).toMatchObject({ state: "failed", message: { key: "reasons.bestBelowLimit" } });
    expect(
      evaluateMarketChecks({ ...sell, take: take(0, { limit: 900_000n }) }, words).find((x) => x.id === "price")?.state,
    ).toBe("ok");
    // Nothing to take.
    expect(
      evaluateMarketChecks({ ...base, price: 0n, take: { ...take(undefined), noOffer: true } }, words).find(
        (x) => x.id === "price",
      ),
    ).toMatchObject({ state: "failed", message: { key: "reasons.noOffer" } });
  });
});
