import { describe, expect, it } from "vitest";
import { AllocationError, allocateProRata, CENT, dustOf, type Holding } from "./allocate";

const w = (i: number) => `0x${i.toString(16).padStart(40, "0")}`;

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("allocateProRata: floor(amount × balance ÷ supply) in whole cents, dust to the issuer", () => {
  it("splits exactly when the shares divide the amount", () => {
    const out = allocateProRata(
      [
        { wallet: w(1), balance: 1n },
        { wallet: w(2), balance: 3n },
      ],
      400n * CENT,
    );
    expect(out.map((a) => a.amount)).toEqual([100n * CENT, 300n * CENT]);
    expect(dustOf(out, 400n * CENT)).toBe(0n);
  });

  it("rounds every share down and leaves the dust, never giving anyone more than its exact share", () => {
    // 100 cents over three equal holders: 33 each, one cent of dust (no holder is favoured by its place).
    const equal = allocateProRata(
      [1, 2, 3].map((i) => ({ wallet: w(i), balance: 5n })),
      100n * CENT,
    );
    expect(equal.map((a) => a.amount / CENT)).toEqual([33n, 33n, 33n]);
    expect(dustOf(equal, 100n * CENT)).toBe(CENT);
    // 10 cents over balances 1, 2, 4 (supply 7): exact 1.43, 2.86, 5.71 → 1, 2, 5; two cents of dust.
    const uneven = allocateProRata(
      [1n, 2n, 4n].map((balance, i) => ({ wallet: w(i), balance })),
      10n * CENT,
    );
    expect(uneven.map((a) => a.amount / CENT)).toEqual([1n, 2n, 5n]);
    expect(dustOf(uneven, 10n * CENT)).toBe(2n * CENT);
  });

  it("divides by the supply at the record block: a left-out wallet's part is dust, not shared among the others", () => {
    // 1,000 cents, supply 10: the holders have 3 and 5, a platform contract 2 (left out) → 300 and 500, dust 200.
    const out = allocateProRata(
      [
        { wallet: w(1), balance: 3n },
        { wallet: w(2), balance: 5n },
      ],
      1_000n * CENT,
      { supply: 10n },
    );
    expect(out.map((a) => a.amount / CENT)).toEqual([300n, 500n]);
    expect(dustOf(out, 1_000n * CENT)).toBe(200n * CENT);
    expect(() => allocateProRata([{ wallet: w(1), balance: 3n }], CENT, { supply: 2n })).toThrow(/supply/);
  });

  it("refuses amounts that are not whole cents, nothing to split, and duplicate wallets", () => {
    const one = [{ wallet: w(1), balance: 1n }];
    expect(() => allocateProRata(one, CENT + 1n)).toThrow(AllocationError);
    expect(() => allocateProRata(one, 0n)).toThrow(AllocationError);
    expect(() => allocateProRata([{ wallet: w(1), balance: 0n }], CENT)).toThrow(/No shares/);
    expect(() =>
      allocateProRata([...one, { wallet: w(1).toUpperCase().replace("0X", "0x"), balance: 2n }], CENT),
    ).toThrow(/twice/);
  });

  it("property: each is the floor of its exact share, Σ + dust = amount, dust < one cent a holder, deterministic", () => {
    const random = rng(15);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(random() * 40);
      const holders: Holding[] = Array.from({ length: n }, (_, i) => ({
        wallet: w(i + 1),
        balance: random() < 0.1 ? 0n : BigInt(1 + Math.floor(random() * 1_000_000)),
      }));
      if (holders.every((h) => h.balance === 0n)) holders[0]!.balance = 1n;
      const held = holders.reduce((s, h) => s + h.balance, 0n);
      const leftOut = random() < 0.3 ? BigInt(Math.floor(random() * 1_000_000)) : 0n;
      const supply = held + leftOut;
      const amount = BigInt(1 + Math.floor(random() * 10_000_000)) * CENT;
      const out = allocateProRata(holders, amount, { supply });
      const sum = out.reduce((s, a) => s + a.amount, 0n);
      const dust = dustOf(out, amount);
      expect(sum + dust).toBe(amount);
      expect(dust >= 0n).toBe(true);
      // The dust is the left-out wallets' part (rounded) plus under one cent per holder.
      const leftOutPart = ((amount / CENT) * leftOut) / supply;
      expect(dust / CENT <= leftOutPart + BigInt(n)).toBe(true);
      for (const [i, a] of out.entries()) {
        expect(a.amount % CENT).toBe(0n);
        expect(a.wallet).toBe(holders[i]!.wallet);
        expect(a.amount / CENT).toBe(((amount / CENT) * a.balance) / supply);
        // Never more than the exact share: amount × balance ≥ entitlement × supply.
        expect(amount * a.balance >= a.amount * supply).toBe(true);
      }
      expect(
        allocateProRata(
          holders.map((h) => ({ ...h })),
          amount,
          { supply },
        ),
      ).toEqual(out);
    }
  });
});
