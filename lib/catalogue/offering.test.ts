import { describe, expect, it } from "vitest";
import { maskFromCategories } from "@/lib/assets/categories";
import { isProfessionalOnly, OfferingStatus, offeringStatusToCatalogue } from "./offering";

describe("offeringStatusToCatalogue", () => {
  it("maps the chain's offering status", () => {
    expect(offeringStatusToCatalogue({ status: OfferingStatus.Upcoming })).toBe("upcoming");
    expect(offeringStatusToCatalogue({ status: OfferingStatus.Live })).toBe("live");
    expect(offeringStatusToCatalogue({ status: OfferingStatus.SoldOut })).toBe("sold_out");
    expect(offeringStatusToCatalogue({ status: OfferingStatus.Ended })).toBe("closed");
    expect(offeringStatusToCatalogue({ status: OfferingStatus.Closed })).toBe("closed");
  });

  it("shows an artwork whose offering is over and whose shares change hands as trading", () => {
    expect(offeringStatusToCatalogue({ status: OfferingStatus.SoldOut }, { trading: true })).toBe("trading");
    expect(offeringStatusToCatalogue({ status: OfferingStatus.Ended }, { trading: true })).toBe("trading");
    expect(offeringStatusToCatalogue({ status: OfferingStatus.Closed }, { trading: true })).toBe("trading");
    // While the primary offering runs, it stays the headline even if some shares already trade.
    expect(offeringStatusToCatalogue({ status: OfferingStatus.Live }, { trading: true })).toBe("live");
    expect(offeringStatusToCatalogue({ status: OfferingStatus.Upcoming }, { trading: true })).toBe("upcoming");
  });
});

describe("isProfessionalOnly", () => {
  it("is true when retail investors are not eligible", () => {
    expect(isProfessionalOnly(maskFromCategories(["professional"]))).toBe(true);
    expect(isProfessionalOnly(maskFromCategories(["professional", "institutional"]))).toBe(true);
  });
  it("is false when retail investors may buy, or when no category is set", () => {
    expect(isProfessionalOnly(maskFromCategories(["retail", "professional", "institutional"]))).toBe(false);
    expect(isProfessionalOnly(maskFromCategories(["retail"]))).toBe(false);
    expect(isProfessionalOnly(0)).toBe(false);
  });
});
