/** Pure and dependency-free, so the console's client components can check the rule before an officer signs. */

/**
 * The identity registry's own rule (`IdentityRegistry.needsTwoAgents`), on category codes (0 = no record, 1 retail,
 * 2 professional, 3 institutional): a single agent may not register or change a category to or from 2 or 3.
 */
export function needsTwoAgents(fromCode: number, toCode: number): boolean {
  return fromCode !== toCode && (fromCode > 1 || toCode > 1);
}

/** An officer's decision on an application in review (a person's KYC or a company's KYB). */
export type ReviewDecisionEvent =
  | { type: "request_information" }
  | { type: "reject" }
  | { type: "pre_approve"; actor: string }
  | { type: "approve"; actor: string };

const REVIEW_DECISIONS: readonly string[] = ["request_information", "reject", "pre_approve", "approve"];
export const isReviewDecision = (event: { type: string }): event is ReviewDecisionEvent =>
  REVIEW_DECISIONS.includes(event.type);

export type ReviewDecisionError = "already_pre_approved" | "review_incomplete" | "needs_pre_approval" | "same_officer";

const sameWallet = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/**
 * The decisions every review shares (KYC and KYB): none unless the status allows a decision (`reviewable`, else
 * `notReviewable`); a request for information or a rejection at any time; a pre-approval once, with the review
 * `complete` (the status stays); the approval with the review complete and, when it needs `fourEyes`, after a
 * pre-approval by another officer.
 */
export function reviewDecision<S extends string, E extends string>(
  event: ReviewDecisionEvent,
  app: { status: S; preApprovedBy: string | null; reviewable: boolean; complete: boolean; fourEyes: boolean },
  notReviewable: E,
):
  | { ok: true; status: S | "rejected" | "needs_information" | "approved" }
  | { ok: false; error: E | ReviewDecisionError } {
  const fail = (error: E | ReviewDecisionError) => ({ ok: false as const, error });
  if (!app.reviewable) return fail(notReviewable);
  switch (event.type) {
    case "request_information":
    case "reject":
      return { ok: true, status: event.type === "reject" ? "rejected" : "needs_information" };
    case "pre_approve":
      if (app.preApprovedBy) return fail("already_pre_approved");
      if (!app.complete) return fail("review_incomplete");
      return { ok: true, status: app.status };
    case "approve":
      if (app.fourEyes) {
        if (!app.preApprovedBy) return fail("needs_pre_approval");
        if (sameWallet(app.preApprovedBy, event.actor)) return fail("same_officer");
      }
      if (!app.complete) return fail("review_incomplete");
      return { ok: true, status: "approved" };
  }
}
