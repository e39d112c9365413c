import type { ActionFailure, ActionResult } from "@/lib/actions/errors";

/** The typed result of every KYC server action (the action pipeline's, lib/actions: words in `message`, field messages in `fieldErrors`). */
export type KycActionCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "not_editable"
  | "incomplete"
  | "already_submitted"
  | "invalid_transition"
  | "needs_pre_approval"
  | "same_officer"
  | "already_pre_approved"
  | "conflict"
  | "empty"
  | "too_large"
  | "unsupported_type"
  | "name_mismatch"
  | "questionnaire_failed"
  | "missing_details"
  | "wallet_registered_elsewhere"
  | "tx_failed"
  | "tx_not_registry"
  | "tx_wrong_sender"
  | "tx_not_found"
  | "not_registered"
  | "not_proposed"
  | "no_proposal"
  | "proposal_mismatch"
  | "not_expired"
  | "review_incomplete"
  | "rate_limited"
  | "unavailable";

export type KycActionFailure = ActionFailure<KycActionCode>;
export type KycActionResult<T extends object = object> = ActionResult<T, KycActionCode>;
/** For useActionState: null before the first submission. */
export type KycFormState = KycActionResult | null;
