/**
 * What a KYC approval depends on: the documents the applicant must have uploaded and the reviewer's checklist.
 * Pure (no database), so the state machine, the server actions and the review page share one rule.
 */
import type { KycApplicationData, KycDocumentKind } from "@/lib/db/schema";
import { requiredDocuments } from "./steps";

/** The reviewer's checks; every one must be ticked before anyone approves or pre-approves. */
export const REVIEW_CHECKLIST = [
  "identity_matches",
  "address_recent",
  "sanctions_clear",
  "category_evidence",
  "questionnaire_ok",
] as const;
export type ReviewChecklistItem = (typeof REVIEW_CHECKLIST)[number];

/** What is still missing before approval (both lists empty = ready). */
export type ReviewReadiness = { missingDocuments: KycDocumentKind[]; uncheckedItems: ReviewChecklistItem[] };

export function reviewReadiness({
  data,
  documentKinds,
  checklist,
}: {
  data: KycApplicationData;
  documentKinds: readonly KycDocumentKind[];
  checklist: Record<string, boolean>;
}): ReviewReadiness {
  const uploaded = new Set(documentKinds);
  return {
    missingDocuments: requiredDocuments(data).filter((kind) => !uploaded.has(kind)),
    uncheckedItems: REVIEW_CHECKLIST.filter((item) => checklist[item] !== true),
  };
}

export function isReviewComplete(readiness: ReviewReadiness | undefined): boolean {
  return !!readiness && readiness.missingDocuments.length === 0 && readiness.uncheckedItems.length === 0;
}
