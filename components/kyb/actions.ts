"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, unwrap } from "@/lib/actions";
import { chainRoleReader, type KybApplicantError, saveKybDraft, submitKybApplication } from "@/lib/kyb";
import { kybDraftInput } from "@/lib/kyb/types";

/*
 * The applicant's actions on their issuer application, through the action pipeline (lib/actions): zod (formats
 * refused in words, nothing rewritten) → any signed-in wallet → lib/kyb, which keeps the application to its applicant
 * and to the editable states, checks the signatory wallets against investors and on-chain roles, and audits.
 */

const MESSAGES = { messages: "kyb.errors", fieldMessages: "kyb.fields" } as const;
type Code = KybApplicantError | "not_reviewable" | "conflict";

function refresh() {
  revalidatePath("/issuer-application");
  revalidatePath("/compliance/issuers");
}

/** Saves the application as a draft (creates it on the first save). */
export const saveIssuerApplicationAction = defineAction<Code>()({
  name: "kyb.save",
  input: kybDraftInput,
  auth: "signedIn",
  ...MESSAGES,
  run: async (input, { session, db }) => {
    const r = await saveKybDraft(db, { applicant: session.address, input, roleOf: chainRoleReader });
    const { app } = unwrap(r);
    refresh();
    return { id: app.id };
  },
});

/** Submits the saved application (or resubmits it with the answer to compliance's request). */
export const submitIssuerApplicationAction = defineAction<Code | "not_editable">()({
  name: "kyb.submit",
  input: z.object({ id: z.uuid(), response: z.string().max(2000, "response_required").optional() }),
  auth: "signedIn",
  ...MESSAGES,
  run: async ({ id, response }, { session, db }) => {
    unwrap(await submitKybApplication(db, { id, applicant: session.address, response, roleOf: chainRoleReader }));
    refresh();
    return {};
  },
});
