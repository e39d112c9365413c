"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { KycApplicationData } from "@/lib/db/schema";
import type { KycActionCode, KycActionFailure, KycFormState } from "@/lib/kyc/action-result";
import {
  applyTransition,
  canEditApplication,
  getApplicationForActor,
  getOrCreateDraft,
  type KycActor,
  listDocuments,
  saveApplicationStep,
} from "@/lib/kyc/applications";
import { DISCLOSURE_VERSION, DISCLOSURES, disclosureTextHash } from "@/lib/kyc/disclosures";
import { QUESTIONS, scoreQuestionnaire } from "@/lib/kyc/questionnaire";
import { RateLimitedError } from "@/lib/rate-limit";
import {
  categorySchema,
  completedSteps,
  disclosuresSchema,
  fieldErrorKeys,
  firstIncompleteStep,
  personalSchema,
  residenceSchema,
  stepsFor,
  type WizardStep,
} from "@/lib/kyc/steps";
import { isAmountMessageKey } from "@/lib/format/amount-schema";

/*
 * Onboarding server actions. Each one: zod parse → requireSession → ownership (the application must be the
 * signed-in investor's own, and editable) → act → audit (inside lib/kyc). Errors come back typed, in words.
 */

async function fail(code: KycActionCode, fieldErrors?: Record<string, string[]>): Promise<KycActionFailure> {
  const t = await getTranslations("kyc");
  const tRoot = await getTranslations();
  const translated = fieldErrors
    ? Object.fromEntries(
        Object.entries(fieldErrors).map(([f, keys]) => [
          f,
          keys.map((k) =>
            // Typed amounts are refused by the shared parser, in its own words (amounts.*).
            isAmountMessageKey(k) && tRoot.has(k)
              ? tRoot(k)
              : t.has(`fieldErrors.${k}`)
                ? t(`fieldErrors.${k}`)
                : t("fieldErrors.invalid"),
          ),
        ]),
      )
    : undefined;
  return { ok: false, code, message: t(`errors.${code}`), ...(translated ? { fieldErrors: translated } : {}) };
}

async function investorActor(): Promise<KycActor> {
  const ctx = await requireSession();
  return { address: ctx.address.toLowerCase(), compliance: ctx.roles.compliance, investorId: ctx.investor?.id ?? null };
}

function handleError(error: unknown): Promise<KycActionFailure> {
  if (error instanceof AuthError) return fail(error.code);
  if (error instanceof RateLimitedError) return fail("rate_limited");
  // Next's redirect() throws a control-flow error that must propagate.
  if (
    error &&
    typeof error === "object" &&
    "digest" in error &&
    String((error as { digest: unknown }).digest).startsWith("NEXT_REDIRECT")
  )
    throw error;
  console.error("[onboarding] action failed:", error instanceof Error ? error.message : error);
  return fail("unavailable");
}

const idSchema = z.uuid();

/** Loads the actor's own editable application by id (from the form), or a failure. */
async function ownEditable(actor: KycActor, applicationId: unknown) {
  const id = idSchema.safeParse(applicationId);
  if (!id.success) return { failure: await fail("invalid_input") } as const;
  const db = await getDb();
  const app = await getApplicationForActor(db, { id: id.data, actor });
  // Compliance may view, but only the applicant edits: anyone else gets "not found".
  if (!app || app.investorId !== actor.investorId) return { failure: await fail("not_found") } as const;
  if (!canEditApplication(actor, app)) return { failure: await fail("not_editable") } as const;
  return { db, app } as const;
}

function nextStepAfter(step: WizardStep, data: KycApplicationData): WizardStep {
  const steps = stepsFor(data);
  return steps[Math.min(steps.indexOf(step) + 1, steps.length - 1)] ?? "review";
}

/** Starts (or resumes) the application: creates the draft on first use, then opens its first incomplete step. */
export async function startApplicationAction(): Promise<void> {
  let ctx;
  try {
    ctx = await requireSession();
  } catch (error) {
    // Signed out (or the session ended): back to sign-in, then here — not an unhandled error page.
    if (error instanceof AuthError && error.code === "unauthenticated") redirect("/sign-in?next=%2Fonboarding");
    throw error;
  }
  const db = await getDb();
  const { app } = await getOrCreateDraft(db, { address: ctx.address });
  if (!canEditApplication({ address: ctx.address, compliance: false, investorId: app.investorId }, app))
    redirect("/onboarding");
  const docs = await listDocuments(db, { applicationId: app.id });
  // A new application that starts from earlier answers (a renewal, or after a rejection) opens at the first step,
  // so the investor checks each answer rather than landing past them.
  const carried = app.data.personal !== undefined && docs.length === 0 && app.status === "draft";
  redirect(
    `/onboarding/${
      carried
        ? "personal"
        : firstIncompleteStep(
            app.data,
            docs.map((d) => d.kind),
          )
    }`,
  );
}

const stepNames = z.enum(["personal", "residence", "category", "questionnaire", "disclosures"]);

/** Saves one answer step (bound with the step name), then moves on to the next step. */
export async function saveStepAction(stepName: string, _prev: KycFormState, formData: FormData): Promise<KycFormState> {
  let next: string;
  try {
    const step = stepNames.safeParse(stepName);
    if (!step.success) return fail("invalid_input");
    const actor = await investorActor();
    const own = await ownEditable(actor, formData.get("applicationId"));
    if ("failure" in own) return own.failure!;
    const { db, app } = own;
    const raw = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));
    let patch: Partial<KycApplicationData>;
    switch (step.data) {
      case "personal": {
        const parsed = personalSchema.safeParse(raw);
        if (!parsed.success) return fail("invalid_input", fieldErrorKeys(parsed.error));
        patch = { personal: parsed.data };
        break;
      }
      case "residence": {
        const parsed = residenceSchema.safeParse(raw);
        if (!parsed.success) return fail("invalid_input", fieldErrorKeys(parsed.error));
        patch = { residence: parsed.data };
        break;
      }
      case "category": {
        const parsed = categorySchema.safeParse(raw);
        if (!parsed.success) return fail("invalid_input", fieldErrorKeys(parsed.error));
        patch = {
          category:
            parsed.data.category === "professional"
              ? {
                  category: "professional",
                  portfolioHkd: parsed.data.portfolioHkd,
                  declaredAt: new Date().toISOString(),
                }
              : { category: "retail" },
        };
        break;
      }
      case "questionnaire": {
        const answers: Record<string, string> = {};
        const errors: Record<string, string[]> = {};
        for (const q of QUESTIONS) {
          const v = raw[q.id];
          if (typeof v === "string" && (q.options as readonly string[]).includes(v)) answers[q.id] = v;
          else errors[q.id] = ["answer"];
        }
        if (Object.keys(errors).length > 0) return fail("invalid_input", errors);
        const result = scoreQuestionnaire(answers);
        patch = {
          questionnaire: {
            answers,
            score: result.score,
            total: result.total,
            passed: result.passed,
            at: new Date().toISOString(),
          },
        };
        const saved = await saveApplicationStep(db, { actor, applicationId: app.id, step: step.data, patch });
        if (!saved.ok) return fail(saved.code);
        revalidatePath("/onboarding", "layout");
        // The page shows the score and the outcome; a pass continues from there.
        return result.passed ? { ok: true } : fail("questionnaire_failed");
      }
      case "disclosures": {
        const parsed = disclosuresSchema.safeParse(raw);
        if (!parsed.success) return fail("invalid_input", fieldErrorKeys(parsed.error));
        const at = new Date().toISOString();
        const [td, locale] = await Promise.all([getTranslations("kyc.disclosures.items"), getLocale()]);
        const previous = new Map(
          (app.data.disclosures ?? []).filter((d) => d.version === DISCLOSURE_VERSION).map((d) => [d.key, d]),
        );
        patch = {
          disclosures: DISCLOSURES.map(
            (key) =>
              previous.get(key) ?? {
                key,
                version: DISCLOSURE_VERSION,
                acknowledgedAt: at,
                locale,
                textSha256: disclosureTextHash({ title: td(`${key}.title`), body: td(`${key}.body`) }),
              },
          ),
        };
        break;
      }
    }
    const saved = await saveApplicationStep(db, { actor, applicationId: app.id, step: step.data, patch });
    if (!saved.ok) return fail(saved.code);
    next = nextStepAfter(step.data, saved.app.data);
  } catch (error) {
    return handleError(error);
  }
  revalidatePath("/onboarding", "layout");
  redirect(`/onboarding/${next}`);
}

const submitSchema = z.object({ applicationId: z.uuid(), response: z.string().trim().max(2000).optional() });

/** Submits the application (or the answer to a request for information). Refused when incomplete or already submitted. */
export async function submitApplicationAction(_prev: KycFormState, formData: FormData): Promise<KycFormState> {
  try {
    const parsed = submitSchema.safeParse({
      applicationId: formData.get("applicationId"),
      response: formData.get("response") ?? undefined,
    });
    if (!parsed.success) return fail("invalid_input");
    const actor = await investorActor();
    const db = await getDb();
    const app = await getApplicationForActor(db, { id: parsed.data.applicationId, actor });
    if (!app || app.investorId !== actor.investorId) return fail("not_found");
    if (app.status === "submitted" || app.status === "in_review") return fail("already_submitted");
    const docs = await listDocuments(db, { applicationId: app.id });
    if (
      !completedSteps(
        app.data,
        docs.map((d) => d.kind),
      ).review
    )
      return fail("incomplete");
    if (app.status === "needs_information" && !parsed.data.response)
      return fail("invalid_input", { response: ["response"] });
    const result = await applyTransition(db, {
      app,
      event: { type: "submit" },
      actor: actor.address,
      actorRole: "investor",
      set: { submittedAt: new Date(), ...(parsed.data.response ? { infoResponse: parsed.data.response } : {}) },
    });
    if (!result.ok) return fail(result.code === "not_editable" ? "not_editable" : result.code);
  } catch (error) {
    return handleError(error);
  }
  revalidatePath("/", "layout");
  redirect("/onboarding?submitted=1");
}
