"use server";

import { revalidatePath } from "next/cache";
import { approveKybApplication, decideKybApplication, preApproveKybApplication, saveKybReview } from "@/lib/kyb";
import type { KybTransitionError } from "@/lib/kyb/types";
import { messageDecisionAction, officerStepAction, reviewNotesAction } from "./officer-actions";

/*
 * Compliance's decisions on an issuer application, through the action pipeline: zod → the registry's identity
 * agents (the same officers as the KYC queue) → lib/kyb, which checks the state, four eyes and readiness, and audits
 * every decision and every refused attempt.
 */

const MESSAGES = { messages: "kyb.errors", fieldMessages: "kyb.fields" } as const;
type Code = KybTransitionError | "not_found" | "conflict";

function refresh(id: string) {
  revalidatePath("/compliance/issuers");
  revalidatePath(`/compliance/issuers/${id}`);
  revalidatePath("/admin");
}

const messageAction = (kind: "reject" | "request_information") =>
  messageDecisionAction<Code>({ name: `kyb.${kind}`, kind, decide: decideKybApplication, refresh, ...MESSAGES });

/** Rejects the application with a reason the applicant reads. */
export const rejectKybAction = messageAction("reject");

/** Asks the applicant for more information. */
export const requestKybInformationAction = messageAction("request_information");

/** Saves the checklist and an internal note. */
export const saveKybReviewAction = reviewNotesAction<Code>({
  name: "kyb.saveReview",
  save: saveKybReview,
  refresh,
  ...MESSAGES,
});

const decisionAction = (name: string, step: typeof approveKybApplication) =>
  officerStepAction<Code, Awaited<ReturnType<typeof step>>, object>({
    name,
    step,
    refresh,
    answer: () => ({}),
    ...MESSAGES,
  });

/** Four eyes, first officer: the pre-approval. */
export const preApproveKybAction = decisionAction("kyb.preApprove", preApproveKybApplication);

/** Four eyes, second officer: the approval (then the admin grants the issuer role). */
export const approveKybAction = decisionAction("kyb.approve", approveKybApplication);
