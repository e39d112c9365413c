import { describe, expect, it } from "vitest";
import {
  fieldIssues,
  hkdToUnits,
  listingInput,
  offeringTermsInput,
  parseProvenance,
  tokenRulesInput,
  validateOfferingTerms,
} from "./validation";

const base = {
  title: "Harbour at Dusk",
  titleZh: "",
  artist: "Lam Wing-sze",
  year: "2019",
  medium: "Oil on linen",
  dimensions: "150 × 120 cm",
  descriptionMd: "Two fields of colour.",
  descriptionZh: "",
  provenance: "2019 — Studio of the artist\n2020: Exhibited, Central",
  conditionReport: "",
  custodian: "HKFAS",
  custodianLocation: "",
  insurer: "",
  insuredValue: "2,400,000",
  appraisalValue: "",
  appraiser: "",
  appraisalDate: "",
};

describe("listing validation", () => {
  it("accepts a complete listing and normalises values", () => {
    const r = listingInput.parse(base);
    expect(r.year).toBe(2019);
    expect(r.insuredValue).toBe("240000000");
    expect(r.titleZh).toBeNull();
    expect(r.provenance).toEqual([
      { year: 2019, event: "Studio of the artist" },
      { year: 2020, event: "Exhibited, Central" },
    ]);
  });

  it("reports each bad field with its own message key", () => {
    const r = listingInput.safeParse({
      ...base,
      title: " ",
      year: "20x9",
      insuredValue: "lots",
      provenance: "2019 ok\nno year here",
    });
    expect(r.success).toBe(false);
    const issues = fieldIssues(r.error!);
    expect(issues.title?.key).toBe("required");
    expect(issues.year?.key).toBe("year");
    expect(issues.insuredValue?.key).toBe("amounts.money.format");
    expect(issues.provenance).toEqual({ key: "provenanceLine", params: { line: 2 } });
  });

  it("reads money with the shared amount parser: grouped thousands yes, stray separators and signs never", () => {
    expect(listingInput.parse({ ...base, insuredValue: "2 400 000.50" }).insuredValue).toBe("240000050");
    expect(listingInput.parse({ ...base, insuredValue: "HK$2,400,000" }).insuredValue).toBe("240000000");
    const refused = (insuredValue: string) =>
      fieldIssues(listingInput.safeParse({ ...base, insuredValue }).error!).insuredValue?.key;
    // Before, separators were deleted wherever they stood: "2,40,0000" became 2,400,000 and "1 2 3" 123.
    expect(refused("2,40,0000")).toBe("amounts.money.grouping");
    expect(refused("1 2 3")).toBe("amounts.money.grouping");
    expect(refused("-2,400,000")).toBe("amounts.money.negative");
    expect(refused("2,400,000.005")).toBe("amounts.money.decimals");
  });

  it("refuses a year in the future and an over-long title", () => {
    const issues = fieldIssues(
      listingInput.safeParse({ ...base, year: String(new Date().getUTCFullYear() + 1), title: "x".repeat(121) }).error!,
    );
    expect(issues.year?.key).toBe("year");
    expect(issues.title?.key).toBe("tooLong");
  });

  it("requires an appraisal's value, appraiser and date together", () => {
    const issues = fieldIssues(listingInput.safeParse({ ...base, appraisalValue: "1000000" }).error!);
    expect(issues.appraiser?.key).toBe("required");
    expect(issues.appraisalDate?.key).toBe("required");
    const ok = listingInput.parse({
      ...base,
      appraisalValue: "1,000,000.50",
      appraiser: "Asia Art Valuers",
      appraisalDate: "2025-03-01",
    });
    expect(ok.appraisalValue).toBe("100000050");
  });

  it("parses provenance lines", () => {
    expect(parseProvenance("")).toEqual({ ok: true, entries: [] });
    expect(parseProvenance("1999 – Private collection")).toEqual({
      ok: true,
      entries: [{ year: 1999, event: "Private collection" }],
    });
    expect(parseProvenance("999 — too early")).toEqual({ ok: false, line: 1 });
  });
});

describe("offering terms (checked before anything is signed)", () => {
  const now = 1_800_000_000;
  const schema = offeringTermsInput({ decimals: 6, now });
  const good = {
    price: "850.50",
    supply: "100",
    minTicket: "1",
    maxTicket: "20",
    start: now,
    end: now + 86_400,
    categories: ["retail"],
  };

  it("accepts good terms and converts the price to payment-token units", () => {
    const r = schema.parse(good);
    expect(r.price).toBe(850_500_000n);
    expect(r.supply).toBe(100);
  });

  it("refuses an end before the start, a maximum below the minimum, a supply of zero", () => {
    const r = validateOfferingTerms(
      { ...good, supply: "0", minTicket: "5", maxTicket: "2", end: now - 10 },
      { decimals: 6, now },
    );
    expect(r.ok).toBe(false);
    const issues = r.ok ? {} : r.issues;
    expect(issues.supply?.key).toBe("supplyZero");
    expect(issues.maxTicket?.key).toBe("maxBelowMin");
    expect(issues.end?.key).toBe("endBeforeStart");
  });

  it("refuses an end in the past, a zero price and no category", () => {
    const r = validateOfferingTerms(
      { ...good, start: now - 200, end: now - 100, price: "0", categories: [] },
      { decimals: 6, now },
    );
    const issues = r.ok ? {} : r.issues;
    expect(issues.end?.key).toBe("endInPast");
    expect(issues.price?.key).toBe("amounts.money.zero");
    expect(issues.categories?.key).toBe("categories");
  });

  it("accepts share counts with thousands separators and refuses decimals in words", () => {
    const r = schema.parse({ ...good, supply: "1,000", maxTicket: "1 000" });
    expect(r.supply).toBe(1000);
    expect(r.maxTicket).toBe(1000);
    const issues = fieldIssues(
      schema.safeParse({ ...good, supply: "100.5", minTicket: "-1", price: "1,00.50" }).error!,
    );
    expect(issues.supply?.key).toBe("amounts.shares.notWhole");
    expect(issues.minTicket?.key).toBe("amounts.shares.negative");
    expect(issues.price?.key).toBe("amounts.money.grouping");
  });

  it("converts HKD to units exactly", () => {
    expect(hkdToUnits("1,000", 6)).toBe(1_000_000_000n);
    expect(hkdToUnits("0.01", 6)).toBe(10_000n);
    expect(hkdToUnits("1.234", 6)).toBeNull();
    expect(hkdToUnits("1,0,0", 6)).toBeNull();
  });

  it("validates token rules", () => {
    expect(
      tokenRulesInput.parse({
        totalShares: "1000",
        allowedCountries: [344],
        categories: ["retail"],
        maxHolders: "500",
        maxPerInvestor: "0",
        lockupDays: "30",
      }).lockupDays,
    ).toBe(30);
    const issues = fieldIssues(
      tokenRulesInput.safeParse({
        totalShares: "0",
        allowedCountries: [],
        categories: [],
        maxHolders: "-1",
        maxPerInvestor: "x",
        lockupDays: "9999",
      }).error!,
    );
    expect(Object.keys(issues).sort()).toEqual([
      "categories",
      "lockupDays",
      "maxHolders",
      "maxPerInvestor",
      "totalShares",
    ]);
  });
});
