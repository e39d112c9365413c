import { tradeCost } from "./reasons";

/**
 * What a limit order will do when it is placed, worked out from the open book exactly as the Market contract
 * matches it (contracts/src/Market.sol, `_match`): the resting orders of the other side that cross the limit, best
 * price first and the oldest first at one price, each traded at the RESTING order's price; the placer pays the taker
 * fee on each trade (rounded down to the whole cent, per trade). Orders that can no longer deliver (expired, an ask
 * no longer backed, a bid whose maker can no longer receive) are cleaned, not traded. Matching stops at the placer's
 * own order, at an order that cannot trade with the placer, or after MAX_MATCH_STEPS orders; when it stops with
 * the rest still crossing, the rest is not placed (the book never crosses).
 */

/** Market.MAX_MATCH_STEPS: resting orders one placement matches or cleans at most. */
export const MAX_MATCH_STEPS = 10;

/** Reason codes for which the contract cancels a crossing resting order on the way (its maker's side is at fault). */
const ORDER_EXPIRED = 38;
/**
 * Ask: any code `fillable` gives except a paused token or market or a stopped platform (the placement itself is
 * refused then).
 */
const NOT_CLEANED_ASK = new Set([0, 1, 34, 41]);
/** Bid: the maker can no longer receive — frozen (3), not verified (5), country (6), category (7). */
const CLEANED_BID = new Set([3, 5, 6, 7, ORDER_EXPIRED]);

export type RestingOrder = {
  id: bigint;
  maker: string;
  side: "ask" | "bid";
  price: bigint;
  remaining: bigint;
  /** From the chain's `fillable(id)`: shares the maker side can deliver now and why not (0 = all). */
  fillable: bigint;
  reasonCode: number;
  /** Unix seconds; null when unknown. */
  expiresAt: number | null;
};

export type MatchFill = { id: bigint; price: bigint; shares: bigint; value: bigint; fee: bigint };
export type MatchStop = "self" | "limit" | "refused";
export type MatchPreview = {
  fills: MatchFill[];
  traded: bigint;
  value: bigint;
  fee: bigint;
  /** Shares of the new order left after matching. */
  rest: bigint;
  /** True when the rest (if any) is placed as a resting order; false when matching stopped with it still crossing. */
  restPlaced: boolean;
  stop: MatchStop | null;
  /** The resting order matching stopped at (the own order, or the one that cannot trade). */
  stopPrice: bigint | null;
  /** Resting orders cancelled on the way (expired or undeliverable). */
  cleaned: number;
};

/** Price-time priority for a taker on `side` (buy → lowest ask first; sell → highest bid first; then oldest). */
export function byPriority(side: "buy" | "sell") {
  return (a: Pick<RestingOrder, "price" | "id">, b: Pick<RestingOrder, "price" | "id">) =>
    a.price === b.price
      ? a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0
      : (side === "buy" ? a.price < b.price : a.price > b.price)
        ? -1
        : 1;
}

/**
 * The orders of an open book that a placement can meet: per side, the first MAX_MATCH_STEPS + 1 resting orders with
 * shares left in price-time priority (matching looks at MAX_MATCH_STEPS orders and at the next one to say it
 * stopped). `previewMatch` over this head answers exactly as over the whole book, which a page need not carry.
 */
export function matchingHead<O extends Pick<RestingOrder, "id" | "side" | "price" | "remaining">>(
  book: readonly O[],
): O[] {
  const head = (side: "ask" | "bid") =>
    book
      .filter((o) => o.side === side && o.remaining > 0n)
      .sort(byPriority(side === "ask" ? "buy" : "sell"))
      .slice(0, MAX_MATCH_STEPS + 1);
  return [...head("ask"), ...head("bid")];
}

export function previewMatch(input: {
  side: "buy" | "sell";
  shares: bigint;
  limit: bigint;
  book: readonly RestingOrder[];
  /** The placer's wallet (its own orders stop matching). */
  account: string;
  feeBps: bigint;
  decimals: number;
  /** Unix seconds (the chain's clock as near as the page knows it). */
  now: number;
}): MatchPreview {
  const { side, limit } = input;
  const opposite = side === "buy" ? "ask" : "bid";
  const me = input.account.toLowerCase();
  const candidates = input.book
    .filter((o) => o.side === opposite && o.remaining > 0n && (side === "buy" ? o.price <= limit : o.price >= limit))
    .sort(byPriority(side));
  const out: MatchPreview = {
    fills: [],
    traded: 0n,
    value: 0n,
    fee: 0n,
    rest: input.shares,
    restPlaced: true,
    stop: null,
    stopPrice: null,
    cleaned: 0,
  };
  if (input.shares <= 0n || limit <= 0n) return out;
  let steps = 0;
  for (const o of candidates) {
    if (out.rest === 0n) break;
    if (steps === MAX_MATCH_STEPS) {
      out.stop = "limit";
      out.stopPrice = o.price;
      break;
    }
    steps += 1;
    const expired = (o.expiresAt !== null && o.expiresAt <= input.now) || o.reasonCode === ORDER_EXPIRED;
    if (expired) {
      out.cleaned += 1;
      continue;
    }
    if (o.maker.toLowerCase() === me) {
      out.stop = "self";
      out.stopPrice = o.price;
      break;
    }
    if (o.reasonCode !== 0 || o.fillable === 0n) {
      const cleaned = o.side === "ask" ? !NOT_CLEANED_ASK.has(o.reasonCode) : CLEANED_BID.has(o.reasonCode);
      if (cleaned) {
        out.cleaned += 1;
        continue;
      }
      out.stop = "refused";
      out.stopPrice = o.price;
      break;
    }
    const shares = out.rest < o.remaining ? out.rest : o.remaining;
    const { value, fee } = tradeCost(shares, o.price, input.feeBps, true, input.decimals);
    out.fills.push({ id: o.id, price: o.price, shares, value, fee });
    out.traded += shares;
    out.value += value;
    out.fee += fee;
    out.rest -= shares;
  }
  if (out.stop !== null && out.rest > 0n) out.restPlaced = false;
  else out.stop = null;
  return out;
}

/**
 * HKD the market takes from a buyer's wallet for a limit buy: each trade's value plus its fee, and the escrow of the
 * rest that rests (`rest × limit`).
 */
export function buyerSpend(p: MatchPreview, limit: bigint): bigint {
  return p.value + p.fee + (p.restPlaced ? p.rest * limit : 0n);
}
