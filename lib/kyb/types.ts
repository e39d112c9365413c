/**
 * The public, pure part of lib/kyb (safe in client components): record types, the state machine's rules the pages
 * show, and the form's checks.
 */
export type { IssuerApplication, KybApplicationData, KybDocumentKind, KybPerson, KybStatus } from "@/lib/db/schema";
export {
  isKybEditable,
  isKybReviewable,
  KYB_CHECKLIST,
  KYB_DOCUMENT_KINDS,
  kybLooks,
  kybTransition,
  REQUIRED_KYB_DOCUMENTS,
  type KybChecklistItem,
  type KybReadiness,
  type KybTransitionError,
} from "./state";
export { isChecksummed, kybDraftInput, missingForSubmission, type KybDraftInput } from "./input";
export { MAX_PEOPLE, MAX_WALLETS } from "./limits";
