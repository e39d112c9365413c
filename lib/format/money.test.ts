import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

describe("formatMoney", () => {
  it("never shows a balance as more than is held: cut to the cent, not rounded up", () => {
    expect(formatMoney(1_936_084_738_000n, 6, "en", { balance: true })).toBe("HK$1,936,084.73");
    expect(formatMoney(1_936_084_738_000n, 6, "zh-HK", { balance: true })).toBe("HK$1,936,084.73");
    expect(formatMoney(999_999n, 6, "en", { balance: true })).toBe("HK$0.99");
    expect(formatMoney(1_999_999_000_000n, 6, "en", { balance: true, compact: true })).toBe("HK$1.9M");
    expect(formatMoney(1_250_000_000n, 6, "en", { balance: true })).toBe("HK$1,250.00");
  });

  it("rounds other amounts to the cent as before (a balance is the only amount cut, not rounded)", () => {
    expect(formatMoney(1_936_084_738_000n, 6, "en")).toBe("HK$1,936,084.74");
    expect(formatMoney(1_250_000_000n, 6, "en")).toBe("HK$1,250.00");
    expect(formatMoney(-1_500_000n, 6, "en")).toBe("-HK$1.50");
  });

  it("rounds to whole dollars where the caller asks", () => {
    expect(formatMoney(1_250_050n, 2, "en", { fractionDigits: 0 })).toBe("HK$12,501");
  });
});
