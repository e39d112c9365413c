import { describe, expect, it } from "vitest";
import { describeAmountError, parseMoneyAmount, parseShareAmount, type AmountResult } from "./amount";
import en from "@/lib/i18n/messages/en/chain-errors.json";
import zh from "@/lib/i18n/messages/zh-HK/chain-errors.json";

const code = (r: AmountResult) => (r.ok ? r.value : r.error.code);

describe("parseShareAmount", () => {
  it.each([
    ["1", 1n],
    ["  42 ", 42n],
    ["007", 7n],
    ["12,500,000", 12_500_000n],
    ["12 500 000", 12_500_000n],
    ["12\u00a0500\u00a0000", 12_500_000n],
    ["１２５", 125n],
    ["1,000", 1000n],
  ])("accepts %j as %s", (input, value) => {
    expect(code(parseShareAmount(input))).toBe(value);
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["2.5", "notWhole"],
    ["7.5", "notWhole"],
    ["2.0", "notWhole"],
    ["-10", "negative"],
    ["−10", "negative"],
    [" -1,000", "negative"],
    ["1e3", "format"],
    ["0x10", "format"],
    ["ten", "format"],
    ["10a", "format"],
    ["+5", "format"],
    ["5.", "format"],
    [".5", "format"],
    ["1_000", "format"],
    ["1,23", "grouping"],
    ["2,5", "grouping"],
    ["12,50,000", "grouping"],
    ["1,000 000", "grouping"],
    ["1  000", "grouping"],
    ["0", "zero"],
    ["0,000", "zero"],
    ["9".repeat(25), "tooLarge"],
  ])("refuses %j (%s)", (input, reason) => {
    expect(code(parseShareAmount(input))).toBe(reason);
  });

  it("accepts zero only when asked, and keeps to a maximum", () => {
    expect(code(parseShareAmount("0", { allowZero: true }))).toBe(0n);
    expect(parseShareAmount("201", { max: 200n })).toEqual({
      ok: false,
      error: { kind: "shares", code: "tooLarge", max: 200n },
    });
    expect(code(parseShareAmount("200", { max: 200n }))).toBe(200n);
  });
});

describe("parseMoneyAmount", () => {
  it.each([
    ["12,500,000", 2, 1_250_000_000n],
    ["12 500 000", 2, 1_250_000_000n],
    ["1,250.5", 2, 125_050n],
    ["1250.50", 6, 1_250_500_000n],
    ["0.01", 6, 10_000n],
    [" 100 ", 0, 100n],
    ["HK$2,400,000", 2, 240_000_000n],
    ["hk$ 2,400,000", 2, 240_000_000n],
    ["$12.50", 2, 1250n],
  ])("accepts %j with %i decimals as %s base units", (input, decimals, value) => {
    expect(code(parseMoneyAmount(input, decimals))).toBe(value);
  });

  it.each([
    ["", "empty"],
    ["10.005", "decimals"],
    ["100.500", "decimals"],
    ["-10", "negative"],
    ["1e3", "format"],
    ["0x10", "format"],
    ["HK$-100", "negative"],
    ["HK$$100", "format"],
    ["US$100", "format"],
    ["12.5m", "format"],
    ["1,23.50", "grouping"],
    ["0.00", "zero"],
  ])("refuses %j (%s)", (input, reason) => {
    expect(code(parseMoneyAmount(input, 6))).toBe(reason);
  });

  it("refuses cents when the token has none", () => {
    expect(code(parseMoneyAmount("1.5", 0))).toBe("decimals");
  });

  it("checks the maximum in base units", () => {
    expect(code(parseMoneyAmount("1,000.01", 2, { max: 100_000n }))).toBe("tooLarge");
    expect(code(parseMoneyAmount("1,000.00", 2, { max: 100_000n }))).toBe(100_000n);
  });
});

describe("describeAmountError", () => {
  function translator(messages: Record<string, unknown>) {
    return (key: string, values: Record<string, string | number> = {}) => {
      const text = key.split(".").reduce<unknown>((m, k) => (m as Record<string, unknown>)?.[k], messages);
      if (typeof text !== "string") throw new Error(`missing message amounts.${key}`);
      return text.replace(/\{(\w+)[^}]*\}/g, (_, name: string) => String(values[name]));
    };
  }

  it("has words in English and Chinese for every refusal", () => {
    const inputs: [AmountResult, string][] = [
      [parseShareAmount("2.5"), "Enter a whole number of shares"],
      [parseShareAmount("-10"), "negative"],
      [parseShareAmount("1e3"), "digits"],
      [parseShareAmount("1,23"), "12,500"],
      [parseShareAmount(""), "number of shares"],
      [parseShareAmount("0"), "at least 1"],
      [parseShareAmount("300", { max: 200n }), "200"],
      [parseShareAmount("9".repeat(30)), "too large"],
      [parseMoneyAmount("1.005", 6), "2 decimal places"],
      [parseMoneyAmount("", 6), "Enter an amount"],
      [parseMoneyAmount("x", 6), "digits"],
      [parseMoneyAmount("-1", 6), "negative"],
      [parseMoneyAmount("1,2", 6), "12,500,000"],
      [parseMoneyAmount("0", 6), "more than zero"],
      [parseMoneyAmount("200", 2, { max: 10_000n }), "HK$100.00"],
      [parseMoneyAmount("9".repeat(30), 2), "too large"],
      [parseMoneyAmount("8,000,000.50", 0), "whole Hong Kong dollars"],
    ];
    for (const [result, words] of inputs) {
      if (result.ok) throw new Error("expected a refusal");
      expect(describeAmountError(result.error, translator(en.amounts), "en")).toContain(words);
      expect(describeAmountError(result.error, translator(zh.amounts), "zh-HK")).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
