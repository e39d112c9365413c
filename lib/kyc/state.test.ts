import { describe, expect, it } from "vitest";
import { approvalExpiry, canApprove, needsFourEyes, needsRenewal, needsTwoAgents, transition } from "./state";

const grace = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
const marcus = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
const complete = { missingDocuments: [], uncheckedItems: [] };
const retail = { category: "retail" as const, preApprovedBy: null, review: complete };

describe("KYC state machine", () => {
  it("walks draft → submitted → in_review → approved", () => {
    expect(transition({ ...retail, status: "draft" }, { type: "submit" })).toEqual({ ok: true, status: "submitted" });
    expect(transition({ ...retail, status: "submitted" }, { type: "start_review" })).toEqual({
      ok: true,
      status: "in_review",
    });
    expect(transition({ ...retail, status: "in_review" }, { type: "approve", actor: grace })).toEqual({
      ok: true,
      status: "approved",
    });
  });

  it("refuses to resubmit a submitted or in-review application", () => {
    expect(transition({ ...retail, status: "submitted" }, { type: "submit" })).toEqual({
      ok: false,
      error: "already_submitted",
    });
    expect(transition({ ...retail, status: "in_review" }, { type: "submit" })).toEqual({
      ok: false,
      error: "already_submitted",
    });
    expect(transition({ ...retail, status: "approved" }, { type: "submit" })).toEqual({
      ok: false,
      error: "not_editable",
    });
  });

  it("needs information, then resubmits", () => {
    expect(transition({ ...retail, status: "in_review" }, { type: "request_information" })).toEqual({
      ok: true,
      status: "needs_information",
    });
    expect(transition({ ...retail, status: "needs_information" }, { type: "submit" })).toEqual({
      ok: true,
      status: "submitted",
    });
    expect(transition({ ...retail, status: "needs_information" }, { type: "approve", actor: grace }).ok).toBe(false);
  });

  it("rejects only what is under review; a decision is final", () => {
    expect(transition({ ...retail, status: "submitted" }, { type: "reject" })).toEqual({
      ok: true,
      status: "rejected",
    });
    expect(transition({ ...retail, status: "draft" }, { type: "reject" }).ok).toBe(false);
    expect(transition({ ...retail, status: "rejected" }, { type: "approve", actor: grace }).ok).toBe(false);
    expect(transition({ ...retail, status: "approved" }, { type: "reject" }).ok).toBe(false);
  });

  it("four eyes for professional investors: pre-approval by one officer, approval by another", () => {
    const pro = { category: "professional" as const, status: "in_review" as const, review: complete };
    expect(canApprove({ ...pro, preApprovedBy: null }, grace)).toEqual({ ok: false, error: "needs_pre_approval" });
    expect(transition({ ...pro, preApprovedBy: null }, { type: "pre_approve", actor: grace })).toEqual({
      ok: true,
      status: "in_review",
    });
    expect(transition({ ...pro, preApprovedBy: grace }, { type: "pre_approve", actor: marcus })).toEqual({
      ok: false,
      error: "already_pre_approved",
    });
    expect(canApprove({ ...pro, preApprovedBy: grace }, grace.toUpperCase().replace("0X", "0x"))).toEqual({
      ok: false,
      error: "same_officer",
    });
    expect(canApprove({ ...pro, preApprovedBy: grace }, marcus)).toEqual({ ok: true, status: "approved" });
  });

  it("refuses approval and pre-approval until the documents are uploaded and every check is ticked", () => {
    const inReview = { ...retail, status: "in_review" as const };
    const missingDocs = { missingDocuments: ["identity" as const, "address" as const], uncheckedItems: [] };
    const unticked = { missingDocuments: [], uncheckedItems: ["sanctions_clear" as const] };
    const refused = { ok: false, error: "review_incomplete" };
    expect(canApprove({ ...inReview, review: missingDocs }, grace)).toEqual(refused);
    expect(canApprove({ ...inReview, review: unticked }, grace)).toEqual(refused);
    // Not loaded is not "nothing missing".
    expect(canApprove({ ...inReview, review: undefined }, grace)).toEqual(refused);
    const pro = { ...inReview, category: "professional" as const };
    expect(transition({ ...pro, review: unticked }, { type: "pre_approve", actor: grace })).toEqual(refused);
    expect(canApprove({ ...pro, preApprovedBy: grace, review: missingDocs }, marcus)).toEqual(refused);
    expect(canApprove({ ...inReview, review: complete }, grace)).toEqual({ ok: true, status: "approved" });
  });

  it("approval expires after 12 months and only then", () => {
    const approvedAt = new Date("2026-03-15T10:00:00Z");
    const expiresAt = approvalExpiry(approvedAt, 12);
    expect(expiresAt.toISOString()).toBe("2027-03-15T10:00:00.000Z");
    expect(approvalExpiry(new Date("2028-02-29T00:00:00Z"), 12).toISOString()).toBe("2029-02-28T00:00:00.000Z");
    const base = { ...retail, status: "approved" as const, expiresAt };
    expect(transition({ ...base, now: new Date("2027-03-15T09:59:59Z") }, { type: "expire" })).toEqual({
      ok: false,
      error: "not_expired",
    });
    expect(transition({ ...base, now: new Date("2027-03-15T10:00:00Z") }, { type: "expire" })).toEqual({
      ok: true,
      status: "expired",
    });
    expect(needsRenewal({ expiresAt, now: new Date("2027-01-01T00:00:00Z") })).toBe(false);
    expect(needsRenewal({ expiresAt, now: new Date("2027-03-01T00:00:00Z") })).toBe(true);
  });

  it("a renewal that changes to or from professional or institutional needs the second officer", () => {
    const inReview = { status: "in_review" as const, preApprovedBy: null, review: complete };
    // Professional on the registry, renewing as retail: a downgrade needs four eyes.
    const downgrade = { ...inReview, category: "retail" as const, previousCategory: "professional" as const };
    expect(canApprove(downgrade, grace)).toEqual({ ok: false, error: "needs_pre_approval" });
    expect(canApprove({ ...downgrade, preApprovedBy: grace }, grace)).toEqual({ ok: false, error: "same_officer" });
    expect(canApprove({ ...downgrade, preApprovedBy: grace }, marcus)).toEqual({ ok: true, status: "approved" });
    expect(canApprove({ ...inReview, category: "retail", previousCategory: "institutional" }, grace)).toEqual({
      ok: false,
      error: "needs_pre_approval",
    });
    // Retail renewing as retail stays single-officer.
    expect(canApprove({ ...inReview, category: "retail", previousCategory: "retail" }, grace)).toEqual({
      ok: true,
      status: "approved",
    });
    expect(needsFourEyes({ category: "retail", previousCategory: null })).toBe(false);
    expect(needsFourEyes({ category: "professional", previousCategory: "professional" })).toBe(true);
    expect(needsFourEyes({ category: "institutional", previousCategory: "retail" })).toBe(true);
    // The registry's rule on category codes, as the console checks it before an officer signs.
    expect([needsTwoAgents(0, 1), needsTwoAgents(0, 2), needsTwoAgents(2, 1), needsTwoAgents(2, 2)]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});
