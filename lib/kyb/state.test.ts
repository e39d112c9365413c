import { describe, expect, it } from "vitest";
import { isChecksummed, kybDraftInput, missingForSubmission } from "./input";
import { KYB_CHECKLIST, kybReadiness, kybTransition, REQUIRED_KYB_DOCUMENTS } from "./state";

const ready = kybReadiness({
  documentKinds: REQUIRED_KYB_DOCUMENTS,
  checklist: Object.fromEntries(KYB_CHECKLIST.map((k) => [k, true])),
});
const A = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
const B = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";

describe("the issuer application state machine", () => {
  it("submits a draft, resubmits after a request for information, and refuses to submit twice", () => {
    expect(kybTransition({ status: "draft", preApprovedBy: null }, { type: "submit" })).toEqual({
      ok: true,
      status: "submitted",
    });
    expect(kybTransition({ status: "needs_information", preApprovedBy: null }, { type: "submit" })).toEqual({
      ok: true,
      status: "resubmitted",
    });
    expect(kybTransition({ status: "submitted", preApprovedBy: null }, { type: "submit" })).toEqual({
      ok: false,
      error: "not_editable",
    });
  });

  it("approves only with four eyes and a complete review", () => {
    const submitted = { status: "resubmitted" as const, preApprovedBy: null, readiness: ready };
    expect(kybTransition(submitted, { type: "approve", actor: A })).toEqual({ ok: false, error: "needs_pre_approval" });
    expect(kybTransition({ ...submitted, readiness: undefined }, { type: "pre_approve", actor: A })).toEqual({
      ok: false,
      error: "review_incomplete",
    });
    expect(kybTransition(submitted, { type: "pre_approve", actor: A })).toEqual({ ok: true, status: "resubmitted" });
    const pre = { ...submitted, preApprovedBy: A };
    expect(kybTransition(pre, { type: "approve", actor: A.toUpperCase().replace("0X", "0x") })).toEqual({
      ok: false,
      error: "same_officer",
    });
    expect(kybTransition(pre, { type: "approve", actor: B })).toEqual({ ok: true, status: "approved" });
  });

  it("activates an approved application only when every wallet holds the issuer role", () => {
    expect(
      kybTransition({ status: "approved", preApprovedBy: A, allWalletsIssuers: false }, { type: "activate" }),
    ).toEqual({
      ok: false,
      error: "not_approved",
    });
    expect(
      kybTransition({ status: "approved", preApprovedBy: A, allWalletsIssuers: true }, { type: "activate" }),
    ).toEqual({
      ok: true,
      status: "active",
    });
    expect(kybTransition({ status: "rejected", preApprovedBy: null }, { type: "request_information" })).toEqual({
      ok: false,
      error: "not_reviewable",
    });
  });
});

describe("the application's formats", () => {
  it("accepts CR numbers of 7–8 digits and BR numbers of 8, as typed", () => {
    const base = {
      legalNameEn: "",
      legalNameZh: "",
      crNumber: "",
      brNumber: "",
      registeredAddress: "",
      people: [],
      signatoryWallets: [],
      listingPlan: "",
    };
    for (const crNumber of ["1234567", "12345678"])
      expect(kybDraftInput.safeParse({ ...base, crNumber }).success).toBe(true);
    for (const crNumber of ["123456", "123456789", "1234 567", "CR1234567", " 1234567"])
      expect(kybDraftInput.safeParse({ ...base, crNumber }).success).toBe(false);
    expect(kybDraftInput.safeParse({ ...base, brNumber: "1234567" }).success).toBe(false);
    expect(missingForSubmission(base)).toMatchObject({ crNumber: "company_number_required" });
  });

  it("wants wallets with their checksum", () => {
    expect(isChecksummed("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")).toBe(true);
    expect(isChecksummed(A)).toBe(false);
    expect(isChecksummed("0x70997970C51812dc3A010C7d01b50e0d17dc79c8")).toBe(false);
  });
});
