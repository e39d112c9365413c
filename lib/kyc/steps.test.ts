import { describe, expect, it } from "vitest";
import { categorySchema } from "./steps";

const professional = (portfolioHkd: string) =>
  categorySchema.safeParse({ category: "professional", portfolioHkd, declaration: "on" });

describe("category step: portfolio value", () => {
  it.each([
    ["12,500,000", 12_500_000],
    ["12 500 000", 12_500_000],
    [" 8000000 ", 8_000_000],
  ])("accepts %j as typed by people (%i)", (typed, value) => {
    const parsed = professional(typed);
    expect(parsed.success && parsed.data.category === "professional" && parsed.data.portfolioHkd).toBe(value);
  });

  it.each([
    ["12.5m", "amounts.money.format"],
    ["-9,000,000", "amounts.money.negative"],
    ["9,000,000.50", "amounts.money.wholeDollars"],
    ["1e7", "amounts.money.format"],
    ["12,50,00,000", "amounts.money.grouping"],
    ["", "amounts.money.empty"],
    ["7,999,999", "portfolioBelowMin"],
  ])("refuses %j with the reason %s", (typed, reason) => {
    const parsed = professional(typed);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([reason]);
  });
});
