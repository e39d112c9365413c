"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, defineFormAction, unwrap } from "@/lib/actions";
import { approveKybApplication, decideKybApplication, preApproveKybApplication, saveKybReview } from "@/lib/kyb";
import type { KybTransitionError } from "@/lib/kyb/types";

/*
 * Compliance's decisions on an issuer application, through the action pipeline: zod → the registry's identity
 * agents (the same officers as the KYC queue) → lib/kyb, which checks the state, four eyes and readiness, and audits
 * every decision and every refused attempt.
 */

const AUTH = "identityAgent";
const MESSAGES = { messages: "kyb.errors", fieldMessages: "kyb.fields" } as const;
type Code = KybTransitionError | "not_found" | "conflict";

function refresh(id: string) {
  revalidatePath("/compliance/issuers");
  revalidatePath(`/compliance/issuers/${id}`);
  revalidatePath("/admin");
}

function messageAction(kind: "reject" | "request_information") {
  const field = kind === "reject" ? "reason" : "request";
  return defineFormAction<Code>()({
    name: `kyb.${kind}`,
    input: z.object({ id: z.uuid(), message: z.string({ error: field }).trim().min(10, field).max(2000, field) }),
    auth: AUTH,
    ...MESSAGES,
    fromForm: (form) => ({ id: form.get("id"), message: form.get("message") }),
    run: async ({ id, message }, { session, db }) => {
      unwrap(await decideKybApplication(db, { id, actor: session.address.toLowerCase(), kind, message }));
      refresh(id);
      return {};
    },
  });
}

/** Rejects the application with a reason the applicant reads. */
export const rejectKybAction = messageAction("reject");

/** Asks the applicant for more information. */
export const requestKybInformationAction = messageAction("request_information");

/** Saves the checklist and an internal note. */
export const saveKybReviewAction = defineAction<Code>()({
  name: "kyb.saveReview",
  input: z.object({
    id: z.uuid(),
    checklist: z.record(z.string().regex(/^[a-z_]{1,40}$/), z.boolean()).refine((r) => Object.keys(r).length <= 20),
    note: z.string().trim().max(2000).optional(),
  }),
  auth: AUTH,
  ...MESSAGES,
  run: async ({ id, checklist, note }, { session, db }) => {
    unwrap(await saveKybReview(db, { id, actor: session.address.toLowerCase(), checklist, note }));
    refresh(id);
    return {};
  },
});

function decisionAction(name: string, decide: typeof approveKybApplication) {
  return defineAction<Code>()({
    name,
    input: z.object({ id: z.uuid() }),
    auth: AUTH,
    ...MESSAGES,
    run: async ({ id }, { session, db }) => {
      unwrap(await decide(db, { id, actor: session.address.toLowerCase() }));
      refresh(id);
      return {};
    },
  });
}

/** Four eyes, first officer: the pre-approval. */
export const preApproveKybAction = decisionAction("kyb.preApprove", preApproveKybApplication);

/** Four eyes, second officer: the approval (then the admin grants the issuer role). */
export const approveKybAction = decisionAction("kyb.approve", approveKybApplication);
