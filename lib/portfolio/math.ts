/**
 * Portfolio arithmetic on integer base units (bigint): cost basis by average cost, value, gain or loss,
 * share of the artwork, and HKD rounding. Pure; no chain, no database.
 *
 * Cost basis method (average cost): a purchase adds its cost; shares received from someone else add their
 * value at the reference price (the offering price) on receipt; shares sent away remove the average cost of
 * the shares sent (rounded half up). Transfers between the investor's own wallets change nothing.
 *
 * Market trades (secondary market fills): a buy adds what the investor paid, fee included (the taker's fee
 * when the investor took an offer to sell); a sale removes the average cost of the shares sold and realises
 * `proceeds − that cost`, proceeds net of the fee (the taker's fee when the investor sold into a bid).
 */

export type LedgerEvent =
  | { kind: "purchase"; token: string; shares: bigint; cost: bigint }
  | { kind: "transferIn"; token: string; shares: bigint }
  | { kind: "transferOut"; token: string; shares: bigint }
  /** Bought on the market: `cost` = shares × price + the fee the investor paid (0 when a maker). */
  | { kind: "marketBuy"; token: string; shares: bigint; cost: bigint }
  /** Sold on the market: `proceeds` = shares × price − the fee the investor paid (0 when a maker). */
  | { kind: "marketSell"; token: string; shares: bigint; proceeds: bigint };

/** `realised`: gains (or losses, negative) realised by market sales, fees included. */
export type Position = { shares: bigint; cost: bigint; realised: bigint };

/** What a fill means for one side: the trade value, and the fee that side paid (only the taker pays). */
export function tradeAmounts({
  shares,
  price,
  fee,
  side,
  makerSide,
}: {
  shares: bigint;
  price: bigint;
  fee: bigint;
  side: "buyer" | "seller";
  makerSide: "ask" | "bid";
}) {
  const value = shares * price;
  // A resting ask is taken by a buyer; a resting bid by a seller: the taker pays the fee.
  const paidFee = (side === "buyer") === (makerSide === "ask") ? fee : 0n;
  return side === "buyer" ? { cost: value + paidFee, fee: paidFee } : { proceeds: value - paidFee, fee: paidFee };
}

/** a × b ÷ d rounded half up (d > 0, a, b ≥ 0). */
export function mulDivRound(a: bigint, b: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("division by zero");
  return (a * b + d / 2n) / d;
}

/** Applies events in chain order; `referencePrice(token)` values shares received by transfer. */
export function buildPositions(
  events: readonly LedgerEvent[],
  referencePrice: (token: string) => bigint,
): Map<string, Position> {
  const positions = new Map<string, Position>();
  for (const e of events) {
    const key = e.token.toLowerCase();
    const p = positions.get(key) ?? { shares: 0n, cost: 0n, realised: 0n };
    switch (e.kind) {
      case "purchase":
      case "marketBuy":
        p.shares += e.shares;
        p.cost += e.cost;
        break;
      case "marketSell": {
        const out = e.shares > p.shares ? p.shares : e.shares;
        const removed = p.shares > 0n ? mulDivRound(p.cost, out, p.shares) : 0n;
        p.realised += e.proceeds - removed;
        p.shares -= out;
        p.cost = p.shares === 0n ? 0n : p.cost - removed;
        break;
      }
      case "transferIn":
        p.shares += e.shares;
        p.cost += e.shares * referencePrice(e.token);
        break;
      case "transferOut": {
        const out = e.shares > p.shares ? p.shares : e.shares;
        const removed = p.shares > 0n ? mulDivRound(p.cost, out, p.shares) : 0n;
        p.shares -= out;
        p.cost = p.shares === 0n ? 0n : p.cost - removed;
        break;
      }
    }
    positions.set(key, p);
  }
  return positions;
}

/**
 * Cost basis of the balance the chain reports. The chain is the truth: when the ledger and the balance
 * differ (a forced transfer, a recovery), the basis scales with the ledger's average cost, or falls back to
 * the reference price when the ledger knows no cost.
 */
export function costBasisFor(
  position: Pick<Position, "shares" | "cost"> | undefined,
  balance: bigint,
  referencePrice: bigint,
): bigint {
  if (balance === 0n) return 0n;
  if (!position || position.shares === 0n) return balance * referencePrice;
  if (position.shares === balance) return position.cost;
  return mulDivRound(position.cost, balance, position.shares);
}

export type Valuation = { value: bigint; costBasis: bigint; gain: bigint; gainBps: number | null };

export function valueHolding({
  balance,
  price,
  costBasis,
}: {
  balance: bigint;
  price: bigint;
  costBasis: bigint;
}): Valuation {
  return valuation(balance * price, costBasis);
}

/** The gain of a holding worth `value` against its cost basis, in HKD and basis points (null without a cost). */
export function valuation(value: bigint, costBasis: bigint): Valuation {
  const gain = value - costBasis;
  const gainBps = costBasis > 0n ? Number((gain * 10_000n) / costBasis) : null;
  return { value, costBasis, gain, gainBps };
}

/** Share of the artwork as a fraction 0..1 with six significant decimals (balance ÷ total supply). */
export function shareOfArtwork(balance: bigint, totalSupply: bigint): number {
  if (totalSupply === 0n) return 0;
  return Number(mulDivRound(balance, 1_000_000n, totalSupply)) / 1_000_000;
}

/** Rounds base units to whole cents, half away from zero. `decimals` ≥ 2. */
export function roundToCents(value: bigint, decimals: number): bigint {
  if (decimals <= 2) return value;
  const unit = 10n ** BigInt(decimals - 2);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const rounded = ((abs + unit / 2n) / unit) * unit;
  return negative ? -rounded : rounded;
}

/** `2550123456n, 6` → `"2550.12"`: HKD with two decimals, rounded, for statements. */
export function toHkdString(value: bigint, decimals: number): string {
  const cents =
    decimals >= 2 ? roundToCents(value, decimals) / 10n ** BigInt(decimals - 2) : value * 10n ** BigInt(2 - decimals);
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

export type Totals = { value: bigint; costBasis: bigint; gain: bigint };

export function sumTotals(rows: readonly Valuation[]): Totals {
  return rows.reduce<Totals>(
    (t, r) => ({ value: t.value + r.value, costBasis: t.costBasis + r.costBasis, gain: t.gain + r.gain }),
    { value: 0n, costBasis: 0n, gain: 0n },
  );
}

/** Realised gains over all positions (tokens sold out completely included). */
export function sumRealised(positions: ReadonlyMap<string, Position>): bigint {
  let total = 0n;
  for (const p of positions.values()) total += p.realised;
  return total;
}

/**
 * HKD the market holds for the open bids among `orders` (each bid's unfilled, uncancelled shares × its price): the
 * investor's money, returned when a bid is cancelled or expires, spent when it fills. Asks hold no HKD.
 */
export function heldForBids(orders: readonly { side: "ask" | "bid"; price: bigint; remaining: bigint }[]): bigint {
  return orders.reduce((sum, o) => (o.side === "bid" ? sum + o.remaining * o.price : sum), 0n);
}
