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

  it("shows other amounts exactly: the cents always, sub-cent digits when there are any", () => {
    expect(formatMoney(50_805_000n, 6, "en")).toBe("HK$50.805");
    expect(formatMoney(10_211_805_000n, 6, "en")).toBe("HK$10,211.805");
    expect(formatMoney(1_250_000_000n, 6, "en")).toBe("HK$1,250.00");
    expect(formatMoney(1n, 6, "en")).toBe("HK$0.000001");
    expect(formatMoney(-1_500_000n, 6, "en")).toBe("-HK$1.50");
  });

  it("rounds only where the caller asks for whole dollars", () => {
    expect(formatMoney(1_250_050n, 2, "en", { fractionDigits: 0 })).toBe("HK$12,501");
  });
});
