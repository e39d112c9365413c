import { describe, expect, it } from "vitest";
import { dayChange } from "./stats";

describe("24 h change", () => {
  it("compares the last price with the price at or before 24 h ago", () => {
    expect(dayChange({ last: 5_100n, reference: 5_000n })).toEqual({ kind: "change", bps: 200 });
    expect(dayChange({ last: 4_900n, reference: 5_000n })).toEqual({ kind: "change", bps: -200 });
    expect(dayChange({ last: 5_000n, reference: 5_000n })).toEqual({ kind: "change", bps: 0 });
  });

  it("gives no figure when no trade is older than 24 h, or there is no trade", () => {
    expect(dayChange({ last: 5_100n, reference: null })).toEqual({ kind: "noReference" });
    expect(dayChange({ last: null, reference: null })).toEqual({ kind: "noTrades" });
  });
});
