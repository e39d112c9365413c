"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { type ActionContext, defineAction, defineFormAction, refuse } from "@/lib/actions";
import type { KycActionCode, KycFormState } from "@/lib/kyc/client";
import { type KycActor, ANSWER_STEPS, saveWizardStep, startApplication, submitApplication } from "@/lib/kyc";

/*
 * Onboarding server actions, through the action pipeline (lib/actions): zod → the signed-in session → one call into
 * lib/kyc/onboarding (ownership: the application must be the signed-in investor's own, and editable; the audit) →
 * revalidate and move on. Refusals come back typed, in words; a step's field messages by their keys in
 * kyc.fieldErrors, a typed amount's in the amount parser's own words (amounts.*).
 */

const MESSAGES = { messages: "kyc.errors", fieldMessages: "kyc.fieldErrors" } as const;

function actorOf({ session }: ActionContext): KycActor {
  return {
    address: session.address.toLowerCase(),
    compliance: session.roles.compliance,
    investorId: session.investor?.id ?? null,
  };
}

const start = defineAction<KycActionCode>()({
  name: "kyc.startApplication",
  input: z.object({}),
  auth: "signedIn",
  ...MESSAGES,
  run: async (_input, { session, db }) => {
    const { path } = await startApplication(db, { address: session.address });
    redirect(path);
  },
});

/** Starts (or resumes) the application: creates the draft on first use, then opens its first incomplete step. */
export async function startApplicationAction(): Promise<void> {
  const r = await start({});
  // Signed out (or the session ended): back to sign-in, then here — not an unhandled error page.
  if (!r.ok && r.code === "unauthenticated") redirect("/sign-in?next=%2Fonboarding");
  if (!r.ok) throw new Error(r.message);
}

const saveStep = defineAction<KycActionCode>()({
  name: "kyc.saveStep",
  input: z.object({
    step: z.enum(ANSWER_STEPS),
    applicationId: z.uuid(),
    fields: z.record(z.string(), z.string()),
  }),
  auth: "signedIn",
  ...MESSAGES,
  run: async ({ step, applicationId, fields }, ctx) => {
    const [td, locale] = await Promise.all([getTranslations("kyc.disclosures.items"), getLocale()]);
    const r = await saveWizardStep(ctx.db, {
      actor: actorOf(ctx),
      applicationId,
      step,
      fields,
      reading: { locale, text: (key) => ({ title: td(`${key}.title`), body: td(`${key}.body`) }) },
    });
    if (!r.ok) return refuse(r.code, "fieldErrors" in r ? { fieldErrors: r.fieldErrors } : undefined);
    revalidatePath("/onboarding", "layout");
    // After the questionnaire the page shows the score and the outcome; a pass continues from there.
    if (r.next === null) return r.passed ? {} : refuse("questionnaire_failed");
    redirect(`/onboarding/${r.next}`);
  },
});

/** Saves one answer step (bound with the step name), then moves on to the next step. */
export async function saveStepAction(stepName: string, _prev: KycFormState, formData: FormData): Promise<KycFormState> {
  return saveStep({
    step: stepName as (typeof ANSWER_STEPS)[number],
    applicationId: formData.get("applicationId") as string,
    fields: Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >,
  });
}

/** Submits the application (or the answer to a request for information). Refused when incomplete or already submitted. */
export const submitApplicationAction = defineFormAction<KycActionCode>()({
  name: "kyc.submitApplication",
  input: z.object({ applicationId: z.uuid(), response: z.string().trim().max(2000).optional() }),
  auth: "signedIn",
  ...MESSAGES,
  fromForm: (form) => ({ applicationId: form.get("applicationId"), response: form.get("response") ?? undefined }),
  run: async ({ applicationId, response }, ctx) => {
    const r = await submitApplication(ctx.db, { actor: actorOf(ctx), applicationId, response });
    if (!r.ok) return refuse(r.code, "fieldErrors" in r ? { fieldErrors: r.fieldErrors } : undefined);
    revalidatePath("/", "layout");
    redirect("/onboarding?submitted=1");
  },
});
