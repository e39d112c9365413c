/**
 * Secondary-market pre-trade checks and the Market's reason codes in plain words.
 * Pure and isomorphic: returns message keys (namespace `market`) with values; the caller translates.
 * Codes mirror contracts/src/interfaces/IMarket.sol (FILL_*, 32–41); 1–10 are the token's TRANSFER_* codes.
 */
import { transferReasonKeys, type MessageValues, type Reason } from "@/lib/trade/client";

export const FillCode = {
  Ok: 0,
  OrderClosed: 32,
  SellerAllowanceShort: 33,
  MarketPaused: 34,
  SelfTrade: 35,
  BuyerFundsShort: 36,
  SellerNotVerified: 37,
  OrderExpired: 38,
  MatchLimit: 39,
  WalletRecovered: 40,
  PlatformStopped: 41,
} as const;

export const fillReasonKeys: Readonly<Record<number, string>> = {
  32: "orderClosed",
  33: "sellerAllowanceShort",
  34: "marketPaused",
  35: "selfTrade",
  36: "buyerFundsShort",
  37: "sellerNotVerified",
  38: "orderExpired",
  39: "matchLimit",
  40: "walletRecovered",
  41: "platformStopped",
};

/**
 * Token codes that concern the investor's own wallet, worded in the second person: when buying, the receiver
 * codes are about me; when selling, the sender's frozen flag is.
 */
const ownReasonKeys: Readonly<Record<OrderSide, Readonly<Record<number, string>>>> = {
  buy: { 3: "frozen", 5: "notVerified", 6: "countryNotAllowed", 7: "categoryNotEligible", 9: "maxBalanceExceeded" },
  sell: { 2: "frozen" },
};

/** Plain words for a token code about the investor's own side of the trade (else the generic words). */
export function ownReason(code: number, side: OrderSide): Reason {
  const own = ownReasonKeys[side][code];
  return own ? { key: `reasons.you.${own}`, values: {} } : fillReason(code);
}

/** Plain words for a `fillable` / `fillableBy` code (token codes 1–10 pass through). */
export function fillReason(code: number, values: MessageValues = {}): Reason {
  const market = fillReasonKeys[code];
  if (market) return { key: `reasons.fill.${market}`, values };
  const transfer = transferReasonKeys[code];
  if (transfer) return { key: `reasons.transfer.${transfer}`, values };
  return { key: "reasons.unknown", values: { code } };
}

export type OrderSide = "buy" | "sell";

/** Seller codes about free shares (unfrozen balance, lock-up): the "funds" check says them in numbers. */
const SELLER_BALANCE_CODES = new Set([4, 10]);
export type MarketCheckId = "order" | "kyc" | "token" | "funds" | "price";
export type MarketCheck = { id: MarketCheckId; state: "ok" | "failed" | "unknown"; message: Reason };

/** What the browser read for the connected wallet (undefined while loading). */
export type MarketCheckInput = {
  side: OrderSide;
  /** The platform admin stopped the platform: no order is placed or taken (the chain refuses it). */
  platformStopped?: boolean;
  /**
   * Shares the trade moves: the shares entered for a limit order; for a take, the shares entered capped at the
   * best order's size (the contract fills at most that much, so the cost, funds and allowance use the same number).
   */
  shares: bigint;
  /** Price per share, payment base units: the limit order's price, or the best order's price for a take (0 = none entered). */
  price: bigint;
  feeBps: bigint;
  /** Decimals of the payment token (the fee is rounded down to its whole cent). */
  decimals: number;
  /** Registry: registered and KYC expiry (unix seconds); `now` in unix seconds. */
  registered: boolean | undefined;
  kycExpiry: bigint | undefined;
  now: bigint;
  /**
   * The token's own rules for this trade (`canTransfer`): buying ⇒ (a new holder → me); taking a bid ⇒
   * (me → the bidder); placing an ask ⇒ (me → nobody), which applies only the sender's rules (pause, frozen,
   * free balance, lock-up) — never "is the receiver verified", which would test me as a buyer.
   */
  tokenCode: number | undefined;
  /** Buying: my HKD balance. Selling: my share balance. */
  balance: bigint | undefined;
  /**
   * Buying with a limit order that trades on placement: what the market takes from my wallet (each trade's value
   * and fee, plus the escrow of the rest that rests). Defaults to shares × price (+ the fee for a take).
   */
  spend?: bigint;
  /** Selling: shares frozen or locked in my wallet. */
  unavailable: bigint | undefined;
  /** Selling: shares already offered in my open asks on this token (the market keeps them backed). */
  inOpenAsks?: bigint | undefined;
  /**
   * The best opposite order, when the investor takes it: `requested` = shares entered, `limit` = the highest
   * (buying) or lowest (selling) price per share accepted (0 = none entered), `fillCode` = `fillableBy`.
   * `noOffer` when there is no order to take.
   */
  take?: { fillCode: number | undefined; requested: bigint; limit: bigint; noOffer?: boolean } | undefined;
  /**
   * A limit order that crosses the book (`lib/market/match.ts`): `traded` shares trade on placement with orders
   * already in the book, `rest` shares stay in the book after that. Absent when nothing trades on placement.
   */
  match?: { traded: bigint; rest: bigint } | undefined;
};

/** Formatted values for the messages (dates, money), so that the checks stay pure. */
export type MarketCheckWords = {
  kycValidUntil: string;
  kycExpiredOn: string;
  balance: string;
  needed: string;
  available: string;
  /** The trade's price per share (the limit order's, or the best order's). */
  price?: string;
  /** The taker's price limit. */
  limit?: string;
};

/**
 * Trade value and the taker's fee exactly as the Market takes them: the fee is rounded DOWN TO THE WHOLE CENT (in the
 * taker's favour; `decimals` of the payment token, one cent = 10^(decimals − 2) units). Prices are whole cents, so
 * what the form says is paid is what the chain takes.
 */
export function tradeCost(shares: bigint, price: bigint, feeBps: bigint, taker: boolean, decimals: number) {
  const value = shares * price;
  const cent = decimals > 2 ? 10n ** BigInt(decimals - 2) : 1n;
  const exact = taker ? (value * feeBps) / 10_000n : 0n;
  return { value, fee: exact - (exact % cent) };
}

/**
 * The checks shown before any wallet prompt for a limit order or a take. Formatted values (dates, money)
 * are passed in `words` so that this stays pure.
 */
export function evaluateMarketChecks(input: MarketCheckInput, words: MarketCheckWords): MarketCheck[] {
  const checks: MarketCheck[] = [orderCheck(input, words)];
  if (input.registered === undefined || input.kycExpiry === undefined) {
    checks.push({ id: "kyc", state: "unknown", message: { key: "checks.pending", values: {} } });
  } else if (!input.registered) {
    checks.push({ id: "kyc", state: "failed", message: { key: "reasons.notVerified", values: {} } });
  } else if (input.kycExpiry <= input.now) {
    checks.push({
      id: "kyc",
      state: "failed",
      message: { key: "reasons.kycExpired", values: { date: words.kycExpiredOn } },
    });
  } else {
    checks.push({ id: "kyc", state: "ok", message: { key: "checks.kycOk", values: { date: words.kycValidUntil } } });
  }

  if (input.tokenCode === undefined) {
    checks.push({ id: "token", state: "unknown", message: { key: "checks.pending", values: {} } });
  } else if (input.tokenCode !== 0 && !(input.side === "sell" && SELLER_BALANCE_CODES.has(input.tokenCode))) {
    checks.push({ id: "token", state: "failed", message: ownReason(input.tokenCode, input.side) });
  } else {
    checks.push({
      id: "token",
      state: "ok",
      message: { key: input.side === "buy" ? "checks.tokenOkBuy" : "checks.tokenOkSell", values: {} },
    });
  }

  if (input.balance === undefined || (input.side === "sell" && input.unavailable === undefined)) {
    checks.push({ id: "funds", state: "unknown", message: { key: "checks.pending", values: {} } });
  } else if (input.side === "buy") {
    const { value, fee } = tradeCost(input.shares, input.price, input.feeBps, !!input.take, input.decimals);
    checks.push(
      input.balance >= (input.spend ?? value + fee)
        ? { id: "funds", state: "ok", message: { key: "checks.fundsOkBuy", values: { balance: words.balance } } }
        : {
            id: "funds",
            state: "failed",
            message: { key: "reasons.fundsShort", values: { balance: words.balance, needed: words.needed } },
          },
    );
  } else {
    const unlocked = input.balance > (input.unavailable ?? 0n) ? input.balance - (input.unavailable ?? 0n) : 0n;
    // Shares my open asks already offer stay reserved for them: a new ask or a sale may use only the rest.
    const offered = input.inOpenAsks ?? 0n;
    const free = unlocked > offered ? unlocked - offered : 0n;
    checks.push(
      free >= input.shares
        ? { id: "funds", state: "ok", message: { key: "checks.fundsOkSell", values: { available: Number(free) } } }
        : offered > 0n && unlocked >= input.shares
          ? {
              id: "funds",
              state: "failed",
              message: {
                key: "reasons.sharesInOpenAsks",
                values: { available: Number(free), offered: Number(offered) },
              },
            }
          : input.balance >= input.shares
            ? {
                id: "funds",
                state: "failed",
                message: { key: "reasons.sharesLockedOrFrozen", values: { available: Number(free) } },
              }
            : {
                id: "funds",
                state: "failed",
                message: { key: "reasons.sharesShort", values: { available: Number(free) } },
              },
    );
  }

  if (input.take) {
    const { fillCode: code, limit } = input.take;
    const crosses = input.side === "buy" ? limit >= input.price : limit <= input.price;
    if (input.take.noOffer)
      checks.push({ id: "price", state: "failed", message: { key: "reasons.noOffer", values: {} } });
    // The limit is the taker's price protection: the contract refuses a fill beyond it, so say so first.
    else if (limit > 0n && !crosses)
      checks.push({
        id: "price",
        state: "failed",
        message: {
          key: input.side === "buy" ? "reasons.bestAboveLimit" : "reasons.bestBelowLimit",
          values: { best: words.price ?? "", limit: words.limit ?? "" },
        },
      });
    else if (code === undefined)
      checks.push({ id: "price", state: "unknown", message: { key: "checks.pending", values: {} } });
    // The taker's own allowance is set in the same flow and the taker's funds / free shares are checked above:
    // a short allowance (or balance) on the taker's side does not stop the take. Buying, "seller allowance
    // short" is the maker's and does; selling into a bid, it is mine and does not.
    else if (
      code === FillCode.Ok ||
      (input.side === "buy" && code === FillCode.BuyerFundsShort) ||
      (input.side === "sell" && (code === FillCode.SellerAllowanceShort || SELLER_BALANCE_CODES.has(code)))
    )
      checks.push({ id: "price", state: "ok", message: { key: "checks.orderOk", values: {} } });
    else
      checks.push({
        id: "price",
        state: "failed",
        message: ownReason(code, input.side),
      });
  }
  return checks;
}

/**
 * What was entered, in words: a whole number of shares and a price (for a take, the price limit). For a take
 * larger than the best order, says how many shares will actually change hands.
 */
function orderCheck(input: MarketCheckInput, words: MarketCheckWords): MarketCheck {
  const fail = (key: string): MarketCheck => ({ id: "order", state: "failed", message: { key, values: {} } });
  const ok = (key: string, values: MessageValues): MarketCheck => ({
    id: "order",
    state: "ok",
    message: { key, values },
  });
  const bySide = (buy: string, sell: string) => (input.side === "buy" ? buy : sell);
  if (input.platformStopped) return fail("reasons.fill.platformStopped");
  const requested = input.take ? input.take.requested : input.shares;
  if (requested <= 0n) return fail("reasons.enterShares");
  if (input.take) {
    if (input.take.limit <= 0n) return fail(bySide("reasons.enterMaxPrice", "reasons.enterMinPrice"));
    if (input.shares < requested)
      return ok(bySide("checks.partialBuy", "checks.partialSell"), {
        shares: Number(input.shares),
        requested: Number(requested),
      });
    return ok(bySide("checks.orderTakeBuy", "checks.orderTakeSell"), {
      shares: Number(input.shares),
      price: words.limit ?? "",
    });
  }
  if (input.price <= 0n) return fail("reasons.enterPrice");
  // A limit order that crosses the book trades now: say so, and say what (if anything) stays in the book.
  const { match } = input;
  if (match && match.traded > 0n) {
    return match.rest > 0n
      ? ok(bySide("checks.orderMatchRestBuy", "checks.orderMatchRestSell"), {
          traded: Number(match.traded),
          rest: Number(match.rest),
          price: words.price ?? "",
        })
      : ok(bySide("checks.orderMatchAllBuy", "checks.orderMatchAllSell"), { shares: Number(match.traded) });
  }
  return ok(bySide("checks.orderLimitBuy", "checks.orderLimitSell"), {
    shares: Number(input.shares),
    price: words.price ?? "",
  });
}

export function allChecksPass(checks: readonly MarketCheck[]): boolean {
  return checks.every((c) => c.state === "ok");
}
