/**
 * The market summary's 24 h change, pure: the last trade price against the price in force 24 h ago, i.e. the
 * price of the last trade at or before `now − 24 h`. Without such a trade there is nothing to compare with,
 * and the change is unknown (never a figure against some other trade).
 */
export const DAY_MS = 86_400_000;

export type DayChange =
  | { kind: "change"; bps: number }
  /** No trade yet. */
  | { kind: "noTrades" }
  /** Every trade is from the last 24 h: there was no price 24 h ago. */
  | { kind: "noReference" };

export function dayChange({ last, reference }: { last: bigint | null; reference: bigint | null }): DayChange {
  if (last === null) return { kind: "noTrades" };
  if (reference === null || reference <= 0n) return { kind: "noReference" };
  // Basis points, rounded toward zero (bigint division), so +0.01 % is the smallest change shown.
  return { kind: "change", bps: Number(((last - reference) * 10_000n) / reference) };
}
