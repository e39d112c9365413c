import { describe, expect, it } from "vitest";
import { homeFor, navFor } from "./home";

const none = { admin: false, compliance: false, issuer: false, verified: false };

describe("where each role lands and which links it sees", () => {
  it("lands each role on its console after sign-in, investors on their portfolio", () => {
    expect(homeFor({ ...none, compliance: true })).toBe("/compliance");
    expect(homeFor({ ...none, issuer: true })).toBe("/issuer");
    expect(homeFor({ ...none, admin: true })).toBe("/compliance/listings");
    expect(homeFor({ ...none, verified: true })).toBe("/portfolio");
    expect(homeFor(none)).toBe("/portfolio");
  });

  it("shows only the links the person can open", () => {
    // The platform admin reviews listings; the issuer console is for issuers only; staff have no portfolio.
    expect(navFor({ ...none, admin: true })).toEqual(["catalogue", "compliance"]);
    expect(navFor({ ...none, issuer: true })).toEqual(["catalogue", "issuer"]);
    expect(navFor({ ...none, compliance: true })).toEqual(["catalogue", "compliance"]);
    expect(navFor({ ...none, issuer: true, verified: true })).toEqual(["catalogue", "portfolio", "issuer"]);
    expect(navFor({ ...none, verified: true })).toEqual(["catalogue", "portfolio"]);
    expect(navFor(none)).toEqual(["catalogue", "portfolio"]);
    expect(navFor(null)).toEqual(["catalogue", "portfolio"]);
  });
});
