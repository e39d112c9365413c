/**
 * The KYC application state machine. Pure: no database, no clock (the caller passes `now`).
 *
 *   draft ──submit──▶ submitted ──start_review──▶ in_review ──approve──▶ approved ──expire──▶ expired
 *     ▲                   │                          │   │
 *     │                   └──────request_information─┴───┼──▶ needs_information ──submit──▶ submitted
 *     │                   └──reject──────────────────────┴──▶ rejected
 *
 * Approval expires after the platform's KYC validity period (a setting, 12 months unless an admin changed it). Professional and institutional investors need four eyes: a pre-approval by one
 * officer, the approval by a different one — and so does any change to or from those categories on renewal (the
 * category the registry holds is `previousCategory`), as the identity registry itself requires on-chain. Nobody approves or pre-approves before the required documents are uploaded and
 * every checklist item is ticked (./review). Resubmitting a submitted application is refused.
 */
import type { InvestorCategory, KycStatus } from "@/lib/db/schema";
import { isReviewComplete, type ReviewReadiness } from "./review";
import { isReviewDecision, reviewDecision, type ReviewDecisionError, type ReviewDecisionEvent } from "./four-eyes";

export { needsTwoAgents } from "./four-eyes";

export type KycEvent = { type: "submit" } | { type: "start_review" } | ReviewDecisionEvent | { type: "expire" };

export type KycTransitionError =
  "already_submitted" | "not_editable" | "invalid_transition" | ReviewDecisionError | "not_expired";

export type KycMachineInput = {
  status: KycStatus;
  category: InvestorCategory | null;
  /**
   * The category the identity registry holds for this investor today (a renewal), null for a first registration.
   * A change away from professional or institutional needs four eyes as much as a change to them.
   */
  previousCategory?: InvestorCategory | null;
  preApprovedBy: string | null;
  expiresAt?: Date | null;
  now?: Date;
  /**
   * The documents and checklist (see ./review). Approval and pre-approval are refused unless it is given and
   * complete: a caller that did not load it cannot approve by omission.
   */
  review?: ReviewReadiness;
};

export type KycTransition = { ok: true; status: KycStatus } | { ok: false; error: KycTransitionError };

/**
 * The moment an approval given at `approvedAt` expires: the same day and time, `months` later. The period is a
 * platform setting (lib/settings `getKycValidityMonths`), read by the caller and passed in.
 */
export function approvalExpiry(approvedAt: Date, months: number): Date {
  const d = new Date(approvedAt.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  // Clamp the day to the target month (29 Feb + 12 months → 28 Feb).
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/** Days before expiry from which the investor is asked to renew. */
export const RENEWAL_NOTICE_DAYS = 30;

export function needsRenewal({ expiresAt, now }: { expiresAt: Date | null; now: Date }): boolean {
  if (!expiresAt) return false;
  return expiresAt.getTime() - now.getTime() <= RENEWAL_NOTICE_DAYS * 86_400_000;
}

/** Whether the investor may still change answers and documents. */
export function isEditable(status: KycStatus): boolean {
  return status === "draft" || status === "needs_information";
}

/** Whether compliance may decide (approve, reject, request information). */
export function isReviewable(status: KycStatus): boolean {
  return status === "submitted" || status === "in_review";
}

const isProfessional = (c: InvestorCategory | null | undefined) => c === "professional" || c === "institutional";

/**
 * Whether approving needs two officers: the investor is (or becomes) professional or institutional, or the registry
 * holds professional or institutional today and the application changes that. The same rule as the registry's
 * `needsTwoAgents`, plus professional renewals that keep the category (the portal asks four eyes for those too).
 */
export function needsFourEyes({
  category,
  previousCategory,
}: Pick<KycMachineInput, "category" | "previousCategory">): boolean {
  return isProfessional(category) || isProfessional(previousCategory);
}

export function transition(app: KycMachineInput, event: KycEvent): KycTransition {
  const { status } = app;
  const fail = (error: KycTransitionError): KycTransition => ({ ok: false, error });
  const review = {
    reviewable: isReviewable(status),
    complete: isReviewComplete(app.review),
    fourEyes: needsFourEyes(app),
  };
  if (isReviewDecision(event)) return reviewDecision(event, { ...app, ...review }, "invalid_transition");
  switch (event.type) {
    case "submit":
      if (status === "submitted" || status === "in_review") return fail("already_submitted");
      if (!isEditable(status)) return fail("not_editable");
      return { ok: true, status: "submitted" };
    case "start_review":
      return status === "submitted" ? { ok: true, status: "in_review" } : fail("invalid_transition");
    case "expire": {
      if (status !== "approved") return fail("invalid_transition");
      const now = app.now ?? new Date();
      if (!app.expiresAt || app.expiresAt.getTime() > now.getTime()) return fail("not_expired");
      return { ok: true, status: "expired" };
    }
  }
}

/** Whether this officer can sign the approval now (for the UI; the server action re-checks with `transition`). */
export function canApprove(app: KycMachineInput, actor: string): KycTransition {
  return transition(app, { type: "approve", actor });
}
