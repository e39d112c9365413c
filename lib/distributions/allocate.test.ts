import { describe, expect, it } from "vitest";
import { AllocationError, allocateProRata, CENT, type Holding } from "./allocate";

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

describe("allocateProRata", () => {
  it("splits exactly when the shares divide the amount", () => {
    const out = allocateProRata(
      [
        { wallet: w(1), balance: 1n },
        { wallet: w(2), balance: 3n },
      ],
      400n * CENT,
    );
    expect(out.map((a) => a.amount)).toEqual([100n * CENT, 300n * CENT]);
  });

  it("gives the left-over cents to the largest remainders, ties to the lower index", () => {
    // 100 cents over three equal holders: 33 each, one cent left, tie → index 0.
    const equal = allocateProRata(
      [1, 2, 3].map((i) => ({ wallet: w(i), balance: 5n })),
      100n * CENT,
    );
    expect(equal.map((a) => a.amount / CENT)).toEqual([34n, 33n, 33n]);
    // Same remainders in another order of wallets: still the first index wins.
    const twoOfThree = allocateProRata(
      [1, 2, 3].map((i) => ({ wallet: w(i), balance: 1n })),
      200n * CENT,
    );
    expect(twoOfThree.map((a) => a.amount / CENT)).toEqual([67n, 67n, 66n]);
    // 10 cents over balances 1, 2, 4 (total 7): exact 1.43, 2.86, 5.71 → floors 1, 2, 5 (8), remainders 3, 6, 5:
    // the two cents left over go to indexes 1 and 2.
    const uneven = allocateProRata(
      [1n, 2n, 4n].map((balance, i) => ({ wallet: w(i), balance })),
      10n * CENT,
    );
    expect(uneven.map((a) => a.amount / CENT)).toEqual([1n, 3n, 6n]);
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

  it("property: the sum is exact, nothing is negative, each is within a cent of its exact share, deterministic", () => {
    const random = rng(15);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(random() * 40);
      const holders: Holding[] = Array.from({ length: n }, (_, i) => ({
        wallet: w(i + 1),
        balance: random() < 0.1 ? 0n : BigInt(1 + Math.floor(random() * 1_000_000)),
      }));
      if (holders.every((h) => h.balance === 0n)) holders[0]!.balance = 1n;
      const amount = BigInt(1 + Math.floor(random() * 10_000_000)) * CENT;
      const out = allocateProRata(holders, amount);
      const total = holders.reduce((s, h) => s + h.balance, 0n);
      expect(out.reduce((s, a) => s + a.amount, 0n)).toBe(amount);
      for (const [i, a] of out.entries()) {
        expect(a.amount >= 0n).toBe(true);
        expect(a.amount % CENT).toBe(0n);
        expect(a.wallet).toBe(holders[i]!.wallet);
        // floor(exact) ≤ amount ≤ floor(exact) + 1 cent
        const floor = ((amount / CENT) * a.balance) / total;
        expect(a.amount / CENT - floor >= 0n && a.amount / CENT - floor <= 1n).toBe(true);
        if (a.balance === 0n) expect(a.amount).toBe(0n);
      }
      expect(
        allocateProRata(
          holders.map((h) => ({ ...h })),
          amount,
        ),
      ).toEqual(out);
    }
  });
});
