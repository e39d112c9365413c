/**
 * The issuer application (know your business) state machine. Pure: no database, no clock.
 *
 *   draft ──submit──▶ submitted ─────────────┬──pre_approve, approve (four eyes)──▶ approved ──activate──▶ active
 *                        │    ▲              │                                  (waiting for the issuer role)
 *                        │    └─resubmitted◀─┼── needs_information ◀──request_information
 *                        └──reject───────────┴──▶ rejected
 *
 * "resubmitted" is "submitted" again after a request for information (the queue shows the difference). Approval needs
 * four eyes: a pre-approval by one officer, the approval by a different one; both only with every required document
 * and every checklist item ticked. An application becomes active when every signatory wallet is seen holding the
 * issuer role on the share token factory (granted by the platform admin from /admin).
 */
import type { KybDocumentKind, KybStatus } from "@/lib/db/schema";
import { applicationDecisionLooks, type BadgeLook, reviewStageLooks } from "@/lib/format/badge-look";
import { isReviewDecision, reviewDecision, type ReviewDecisionError, type ReviewDecisionEvent } from "@/lib/kyc/client";

export type KybEvent = { type: "submit" } | ReviewDecisionEvent | { type: "activate" };

export type KybTransitionError = "not_editable" | "not_reviewable" | ReviewDecisionError | "not_approved";

/** The reviewer's checks; every one ticked before anyone pre-approves or approves. */
export const KYB_CHECKLIST = [
  "company_registered",
  "directors_verified",
  "signatories_authorised",
  "sanctions_clear",
  "listing_plan_suitable",
] as const;
export type KybChecklistItem = (typeof KYB_CHECKLIST)[number];

/** The company documents; every application carries all three before submission and approval. */
export const KYB_DOCUMENT_KINDS = [
  "certificate_of_incorporation",
  "business_registration",
  "board_resolution",
] as const satisfies readonly KybDocumentKind[];
export const REQUIRED_KYB_DOCUMENTS: readonly KybDocumentKind[] = KYB_DOCUMENT_KINDS;

export type KybReadiness = { missingDocuments: KybDocumentKind[]; uncheckedItems: KybChecklistItem[] };

export function kybReadiness({
  documentKinds,
  checklist,
}: {
  documentKinds: readonly KybDocumentKind[];
  checklist: Record<string, boolean>;
}): KybReadiness {
  const uploaded = new Set(documentKinds);
  return {
    missingDocuments: REQUIRED_KYB_DOCUMENTS.filter((k) => !uploaded.has(k)),
    uncheckedItems: KYB_CHECKLIST.filter((item) => checklist[item] !== true),
  };
}

const complete = (r: KybReadiness | undefined) =>
  !!r && r.missingDocuments.length === 0 && r.uncheckedItems.length === 0;

/** The applicant may change answers and documents. */
export function isKybEditable(status: KybStatus): boolean {
  return status === "draft" || status === "needs_information";
}

/** Compliance may decide (pre-approve, approve, reject, request information). */
export function isKybReviewable(status: KybStatus): boolean {
  return status === "submitted" || status === "resubmitted";
}

export type KybMachineInput = {
  status: KybStatus;
  preApprovedBy: string | null;
  /** Needed for pre-approval and approval: a caller that did not load it cannot approve by omission. */
  readiness?: KybReadiness;
  /** Needed for activation: every signatory wallet holds the issuer role on-chain. */
  allWalletsIssuers?: boolean;
};

export type KybTransition = { ok: true; status: KybStatus } | { ok: false; error: KybTransitionError };

export function kybTransition(app: KybMachineInput, event: KybEvent): KybTransition {
  const { status } = app;
  const fail = (error: KybTransitionError): KybTransition => ({ ok: false, error });
  const review = { reviewable: isKybReviewable(status), complete: complete(app.readiness), fourEyes: true };
  if (isReviewDecision(event)) return reviewDecision(event, { ...app, ...review }, "not_reviewable");
  switch (event.type) {
    case "submit":
      if (!isKybEditable(status)) return fail("not_editable");
      return { ok: true, status: status === "draft" ? "submitted" : "resubmitted" };
    case "activate":
      if (status !== "approved" || !app.allWalletsIssuers) return fail("not_approved");
      return { ok: true, status: "active" };
  }
}

/** How each status looks as a badge (the applicant's page, the queue, the admin console). */
export const kybLooks: Record<KybStatus, BadgeLook> = {
  ...reviewStageLooks,
  ...applicationDecisionLooks,
  resubmitted: { tone: "accent", icon: "clock" },
  approved: { tone: "accent", icon: "clock" },
  active: { tone: "success", icon: "check" },
};
