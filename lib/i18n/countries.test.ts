import { describe, expect, it } from "vitest";
import { alpha2ToNumeric, countryNameFromNumeric, listCountries, numericToAlpha2 } from "./countries";

describe("countries", () => {
  it("maps ISO numeric codes (as on chain) to alpha-2 and back", () => {
    expect(numericToAlpha2(344)).toBe("HK");
    expect(numericToAlpha2(702)).toBe("SG");
    expect(numericToAlpha2(36)).toBe("AU");
    expect(alpha2ToNumeric("hk")).toBe(344);
    expect(numericToAlpha2(999)).toBeUndefined();
  });
  it("names countries in English and Traditional Chinese", () => {
    expect(countryNameFromNumeric(344, "en")).toMatch(/Hong Kong/);
    expect(countryNameFromNumeric(344, "zh-HK")).toMatch(/香港/);
  });
  it("lists every country once", () => {
    const list = listCountries("en");
    expect(list.length).toBeGreaterThan(240);
    expect(new Set(list.map((c) => c.alpha2)).size).toBe(list.length);
  });
});
