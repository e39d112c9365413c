import { describe, expect, it } from "vitest";
import { buyerSpend, MAX_MATCH_STEPS, matchingHead, previewMatch, type RestingOrder } from "./match";

const D = 6;
const HK = (n: number) => BigInt(Math.round(n * 100)) * 10_000n; // HK$ → 6-decimal units
const me = "0x000000000000000000000000000000000000a11c";
const other = "0x0000000000000000000000000000000000000b0b";
const now = 1_800_000_000;

function order(p: Partial<RestingOrder> & Pick<RestingOrder, "id" | "side" | "price" | "remaining">): RestingOrder {
  return { maker: other, fillable: p.remaining, reasonCode: 0, expiresAt: now + 86_400, ...p };
}

const base = { account: me, feeBps: 50n, decimals: D, now };

describe("previewMatch — what a limit order does, as the Market contract matches it", () => {
  it("a sell limit below the best bid trades at the bid's price; the rest rests as an ask", () => {
    const book = [order({ id: 1n, side: "bid", price: HK(4900), remaining: 3n })];
    const p = previewMatch({ ...base, side: "sell", shares: 5n, limit: HK(4800), book });
    expect(p.traded).toBe(3n);
    expect(p.fills).toEqual([{ id: 1n, price: HK(4900), shares: 3n, value: HK(14_700), fee: HK(73.5) }]);
    expect(p.rest).toBe(2n);
    expect(p.restPlaced).toBe(true);
  });

  it("price-time priority across levels, never beyond the limit, fee rounded down per trade", () => {
    const book = [
      order({ id: 1n, side: "ask", price: HK(101), remaining: 2n }),
      order({ id: 3n, side: "ask", price: HK(100), remaining: 2n }),
      order({ id: 2n, side: "ask", price: HK(100), remaining: 2n }),
      order({ id: 4n, side: "ask", price: HK(103), remaining: 3n }),
      order({ id: 5n, side: "bid", price: HK(99), remaining: 3n }),
    ];
    const p = previewMatch({ ...base, side: "buy", shares: 5n, limit: HK(102), book });
    expect(p.fills.map((f) => [f.id, f.shares])).toEqual([
      [2n, 2n],
      [3n, 2n],
      [1n, 1n],
    ]);
    expect(p.rest).toBe(0n);
    // 0.5 % of HK$200 = HK$1.00 twice; of HK$101 = HK$0.505 → HK$0.50.
    expect(p.fee).toBe(HK(1) + HK(1) + HK(0.5));
    expect(buyerSpend(p, HK(102))).toBe(HK(200 + 200 + 101) + p.fee);
  });

  it("nothing crosses: the whole order rests and pays no fee", () => {
    const book = [order({ id: 1n, side: "ask", price: HK(105), remaining: 2n })];
    const p = previewMatch({ ...base, side: "buy", shares: 4n, limit: HK(104), book });
    expect(p).toMatchObject({ traded: 0n, fee: 0n, rest: 4n, restPlaced: true, stop: null });
    expect(buyerSpend(p, HK(104))).toBe(HK(416));
  });

  it("expired and undeliverable resting orders are cleaned, not traded", () => {
    const book = [
      order({ id: 1n, side: "ask", price: HK(97), remaining: 2n, expiresAt: now - 1 }),
      order({ id: 2n, side: "ask", price: HK(98), remaining: 2n, fillable: 0n, reasonCode: 4 }),
      order({ id: 3n, side: "ask", price: HK(99), remaining: 2n, fillable: 0n, reasonCode: 2 }),
      order({ id: 4n, side: "ask", price: HK(100), remaining: 3n }),
    ];
    const p = previewMatch({ ...base, side: "buy", shares: 3n, limit: HK(100), book });
    expect(p.fills.map((f) => f.id)).toEqual([4n]);
    expect(p.cleaned).toBe(3);
  });

  it("stops at the placer's own order: the rest is not placed", () => {
    const book = [
      order({ id: 1n, side: "bid", price: HK(110), remaining: 2n }),
      order({ id: 2n, side: "bid", price: HK(105), remaining: 2n, maker: me.toUpperCase().replace("0X", "0x") }),
      order({ id: 3n, side: "bid", price: HK(101), remaining: 2n }),
    ];
    const p = previewMatch({ ...base, side: "sell", shares: 5n, limit: HK(100), book });
    expect(p.traded).toBe(2n);
    expect(p).toMatchObject({ rest: 3n, restPlaced: false, stop: "self", stopPrice: HK(105) });
  });

  it("a bid that cannot take these shares for an amount cap stops matching (the contract does not cancel it)", () => {
    const book = [order({ id: 1n, side: "bid", price: HK(110), remaining: 2n, fillable: 0n, reasonCode: 9 })];
    const p = previewMatch({ ...base, side: "sell", shares: 1n, limit: HK(100), book });
    expect(p).toMatchObject({ traded: 0n, restPlaced: false, stop: "refused" });
  });

  it("after MAX_MATCH_STEPS resting orders the rest that still crosses is not placed", () => {
    const book = Array.from({ length: MAX_MATCH_STEPS + 2 }, (_, i) =>
      order({ id: BigInt(i + 1), side: "ask", price: HK(100), remaining: 1n }),
    );
    const p = previewMatch({ ...base, side: "buy", shares: 20n, limit: HK(100), book });
    expect(p.traded).toBe(BigInt(MAX_MATCH_STEPS));
    expect(p).toMatchObject({ rest: 10n, restPlaced: false, stop: "limit" });
    expect(buyerSpend(p, HK(100))).toBe(p.value + p.fee);
    // Exactly at the bound with nothing crossing left: the rest rests.
    const q = previewMatch({ ...base, side: "buy", shares: 20n, limit: HK(100), book: book.slice(0, MAX_MATCH_STEPS) });
    expect(q).toMatchObject({ rest: 10n, restPlaced: true, stop: null });
  });
});

describe("matchingHead — the part of the book a page carries for previews", () => {
  // Deterministic pseudo-random books of 400 orders over 12 price levels, equal prices in many places; one in
  // `rare` orders is the placer's own, expired, from a frozen maker or not backed.
  it.each([20, 1_000])("previews exactly as the whole book (special orders 1 in %i)", (rare) => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 48_271) % 2_147_483_647), seed % n);
    const book: RestingOrder[] = [];
    for (let id = 1; id <= 400; id++) {
      const side = rnd(2) ? "ask" : "bid";
      const r = rnd(rare);
      book.push(
        order({
          id: BigInt(id),
          side,
          price: HK(side === "ask" ? 100 + rnd(12) : 99 - rnd(12)),
          remaining: BigInt(rnd(4)),
          maker: r === 0 ? me : other,
          expiresAt: r === 1 ? now - 1 : now + 86_400,
          reasonCode: r === 2 ? 3 : r === 3 ? 1 : 0,
        }),
      );
    }
    const head = matchingHead(book);
    expect(head.length).toBe(2 * (MAX_MATCH_STEPS + 1));
    let stoppedAtLimit = 0;
    for (const side of ["buy", "sell"] as const)
      for (const shares of [1n, 5n, 40n])
        for (let level = 0; level < 12; level++) {
          const limit = HK(side === "buy" ? 100 + level : 99 - level);
          const input = { ...base, side, shares, limit };
          const whole = previewMatch({ ...input, book });
          if (whole.stop === "limit") stoppedAtLimit++;
          expect(previewMatch({ ...input, book: head })).toEqual(whole);
        }
    if (rare > 100) expect(stoppedAtLimit).toBeGreaterThan(0);
  });
});
