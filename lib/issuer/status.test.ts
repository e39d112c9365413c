import { describe, expect, it } from "vitest";
import { OfferingStatus, offeringStatusToCatalogue } from "@/lib/catalogue/offering";
import { listingStage } from "./status";

describe("listingStage", () => {
  it("says an offering the issuer closed early is closed, not trading, while its market is quiet", () => {
    // The artwork's workflow status moves to "trading" once its offering is over; the badge must not say
    // "Trading" while the public page says "Offering closed".
    expect(listingStage("trading", OfferingStatus.Closed)).toBe("closed");
    expect(listingStage("trading", OfferingStatus.SoldOut)).toBe("soldOut");
    expect(listingStage("trading", OfferingStatus.Closed, { trading: true })).toBe("trading");
  });

  it("agrees with the public catalogue for every on-chain status and market state", () => {
    const same = { sold_out: "soldOut" } as Record<string, string>;
    for (const status of Object.values(OfferingStatus)) {
      for (const trading of [false, true]) {
        for (const workflow of ["offering", "trading"] as const) {
          const shown = offeringStatusToCatalogue({ status }, { trading });
          expect(listingStage(workflow, status, { trading })).toBe(same[shown] ?? shown);
        }
      }
    }
  });

  it("follows the workflow before there is an offering", () => {
    expect(listingStage("draft", null)).toBe("draft");
    expect(listingStage("offering", null)).toBe("deployed");
  });
});
