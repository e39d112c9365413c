import { describe, expect, it } from "vitest";
import { consoleSectionsFor, homeFor, navFor } from "./home";

const none = { admin: false, compliance: false, issuer: false, verified: false };

describe("where each role lands and which links it sees", () => {
  it("lands each role on its console after sign-in, investors on their portfolio", () => {
    expect(homeFor({ ...none, compliance: true })).toBe("/compliance");
    expect(homeFor({ ...none, issuer: true })).toBe("/issuer");
    expect(homeFor({ ...none, admin: true })).toBe("/admin");
    // An admin who is also an agent lands on the admin console.
    expect(homeFor({ ...none, admin: true, compliance: true })).toBe("/admin");
    expect(homeFor({ ...none, verified: true })).toBe("/portfolio");
    expect(homeFor(none)).toBe("/portfolio");
  });

  it("shows only the links the person can open", () => {
    // The platform admin reviews listings; the issuer console is for issuers only; staff have no portfolio.
    expect(navFor({ ...none, admin: true })).toEqual(["catalogue", "compliance", "admin"]);
    expect(navFor({ ...none, issuer: true })).toEqual(["catalogue", "issuer"]);
    expect(navFor({ ...none, compliance: true })).toEqual(["catalogue", "compliance"]);
    expect(navFor({ ...none, issuer: true, verified: true })).toEqual(["catalogue", "portfolio", "issuer"]);
    expect(navFor({ ...none, verified: true })).toEqual(["catalogue", "portfolio"]);
    expect(navFor(none)).toEqual(["catalogue", "portfolio"]);
    expect(navFor(null)).toEqual(["catalogue", "portfolio"]);
  });

  it("shows each officer only the console sections their on-chain roles can use", () => {
    const officer = { admin: false, compliance: true, identityAgent: false, enforcementAgent: false };
    // Desk agent only: registers, tokens and audit, no KYC queue, wallet links or issuer applications (identity agents').
    expect(consoleSectionsFor({ ...officer, enforcementAgent: true })).toEqual(["home", "tokens", "audit", "listings"]);
    expect(consoleSectionsFor({ ...officer, identityAgent: true })).toEqual([
      "home",
      "tokens",
      "audit",
      "kyc",
      "wallets",
      "issuers",
      "listings",
    ]);
    expect(consoleSectionsFor({ ...officer, compliance: false, admin: true })).toEqual(["home", "listings"]);
    expect(consoleSectionsFor({ ...officer, compliance: false })).toEqual([]);
  });
});
