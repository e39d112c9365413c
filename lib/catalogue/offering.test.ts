import { describe, expect, it } from "vitest";
import { maskFromCategories } from "@/lib/assets/categories";
import { describeOffering, isProfessionalOnly, OfferingStatus, offeringStatusToCatalogue } from "./offering";

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

describe("describeOffering", () => {
  const terms = { supplyCap: 100n, start: 1_000n, end: 2_000n };
  const at = (seconds: bigint) => new Date(Number(seconds) * 1000);

  it("decides the phase and the dates a person may be told, in one place", () => {
    expect(describeOffering({ status: OfferingStatus.Live, closed: false, sold: 7n, terms })).toEqual({
      phase: "live",
      opensAt: at(1_000n),
      closesAt: at(2_000n),
      endedAt: null,
      available: 93n,
    });
    expect(describeOffering({ status: OfferingStatus.Upcoming, closed: false, sold: 0n, terms })).toMatchObject({
      phase: "upcoming",
      available: 100n,
    });
  });

  it("a sold-out offering has nothing available and no closing date to speak of", () => {
    expect(describeOffering({ status: OfferingStatus.SoldOut, closed: false, sold: 100n, terms })).toMatchObject({
      phase: "sold_out",
      endedAt: null,
      available: 0n,
    });
    // Closed by the issuer after it had sold out: still sold out.
    expect(describeOffering({ status: OfferingStatus.Closed, closed: true, sold: 100n, terms })).toMatchObject({
      phase: "sold_out",
    });
  });

  it("an offering the issuer closed is 'closed', not 'ended on' its scheduled end, with nothing available", () => {
    expect(describeOffering({ status: OfferingStatus.Closed, closed: true, sold: 7n, terms })).toMatchObject({
      phase: "closed",
      endedAt: null,
      available: 0n,
    });
  });

  it("an offering that reached its end ended on that date", () => {
    expect(describeOffering({ status: OfferingStatus.Ended, closed: false, sold: 7n, terms })).toMatchObject({
      phase: "ended",
      endedAt: at(2_000n),
      available: 0n,
    });
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
