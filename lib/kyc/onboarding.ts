import "server-only";

/**
 * The investor's side of KYC onboarding, one call per server action: start (or resume) the application, save one
 * wizard step, submit. Ownership is checked here (only the applicant edits their own, editable application; anyone
 * else gets "not_found"), every write is audited in ./applications. A step's answers are checked with the step's
 * schema; refusals name the fields by message key (`fieldErrorKeys`), which the action translates.
 */
import type { Database } from "@/lib/db/connect";
import type { KycApplicationData } from "@/lib/db/schema";
import {
  applyTransition,
  canEditApplication,
  getApplicationForActor,
  getOrCreateDraft,
  type KycActor,
  listDocuments,
  saveApplicationStep,
} from "./applications";
import { disclosureTextHash } from "./disclosure-hash";
import { DISCLOSURE_VERSION, DISCLOSURES } from "./disclosures";
import { QUESTIONS, scoreQuestionnaire } from "./questionnaire";
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
} from "./steps";

export const ANSWER_STEPS = ["personal", "residence", "category", "questionnaire", "disclosures"] as const;
export type AnswerStep = (typeof ANSWER_STEPS)[number];

type FieldRefusal = { ok: false; code: "invalid_input"; fieldErrors: Record<string, string[]> };
type Refusal<Code extends string> = { ok: false; code: Code };

/** Where "start" leads: the first incomplete step of the wallet's open (or new) application, or the overview. */
export async function startApplication(db: Database, { address }: { address: string }): Promise<{ path: string }> {
  const { app } = await getOrCreateDraft(db, { address });
  if (!canEditApplication({ address, compliance: false, investorId: app.investorId }, app))
    return { path: "/onboarding" };
  const docs = await listDocuments(db, { applicationId: app.id });
  // A new application that starts from earlier answers (a renewal, or after a rejection) opens at the first step,
  // so the investor checks each answer rather than landing past them.
  const carried = app.data.personal !== undefined && docs.length === 0 && app.status === "draft";
  const step = carried
    ? "personal"
    : firstIncompleteStep(
        app.data,
        docs.map((d) => d.kind),
      );
  return { path: `/onboarding/${step}` };
}

function nextStepAfter(step: WizardStep, data: KycApplicationData): WizardStep {
  const steps = stepsFor(data);
  return steps[Math.min(steps.indexOf(step) + 1, steps.length - 1)] ?? "review";
}

/** The words of each risk disclosure as the investor read them, and their language (hashed into the record). */
export type DisclosureReading = { locale: string; text: (key: string) => { title: string; body: string } };

type StepPatch = { ok: true; patch: Partial<KycApplicationData>; passed?: boolean } | FieldRefusal;

function answersOf(
  step: AnswerStep,
  fields: Record<string, string>,
  previous: KycApplicationData,
  reading: DisclosureReading,
): StepPatch {
  const refused = (error: Parameters<typeof fieldErrorKeys>[0]): FieldRefusal => ({
    ok: false,
    code: "invalid_input",
    fieldErrors: fieldErrorKeys(error),
  });
  switch (step) {
    case "personal": {
      const parsed = personalSchema.safeParse(fields);
      return parsed.success ? { ok: true, patch: { personal: parsed.data } } : refused(parsed.error);
    }
    case "residence": {
      const parsed = residenceSchema.safeParse(fields);
      return parsed.success ? { ok: true, patch: { residence: parsed.data } } : refused(parsed.error);
    }
    case "category": {
      const parsed = categorySchema.safeParse(fields);
      if (!parsed.success) return refused(parsed.error);
      return {
        ok: true,
        patch: {
          category:
            parsed.data.category === "professional"
              ? {
                  category: "professional",
                  portfolioHkd: parsed.data.portfolioHkd,
                  declaredAt: new Date().toISOString(),
                }
              : { category: "retail" },
        },
      };
    }
    case "questionnaire": {
      const answers: Record<string, string> = {};
      const errors: Record<string, string[]> = {};
      for (const q of QUESTIONS) {
        const v = fields[q.id];
        if (typeof v === "string" && (q.options as readonly string[]).includes(v)) answers[q.id] = v;
        else errors[q.id] = ["answer"];
      }
      if (Object.keys(errors).length > 0) return { ok: false, code: "invalid_input", fieldErrors: errors };
      const result = scoreQuestionnaire(answers);
      const at = new Date().toISOString();
      return {
        ok: true,
        passed: result.passed,
        patch: { questionnaire: { answers, score: result.score, total: result.total, passed: result.passed, at } },
      };
    }
    case "disclosures": {
      const parsed = disclosuresSchema.safeParse(fields);
      if (!parsed.success) return refused(parsed.error);
      const at = new Date().toISOString();
      const kept = new Map(
        (previous.disclosures ?? []).filter((d) => d.version === DISCLOSURE_VERSION).map((d) => [d.key, d]),
      );
      return {
        ok: true,
        patch: {
          disclosures: DISCLOSURES.map(
            (key) =>
              kept.get(key) ?? {
                key,
                version: DISCLOSURE_VERSION,
                acknowledgedAt: at,
                locale: reading.locale,
                textSha256: disclosureTextHash(reading.text(key)),
              },
          ),
        },
      };
    }
  }
}

/**
 * Saves one answer step of the actor's own editable application. `next`: the step to open after it; for the
 * questionnaire `next` is null (the page shows the score) and `passed` says whether the investor may continue.
 */
export async function saveWizardStep(
  db: Database,
  {
    actor,
    applicationId,
    step,
    fields,
    reading,
  }: {
    actor: KycActor;
    applicationId: string;
    step: AnswerStep;
    fields: Record<string, string>;
    reading: DisclosureReading;
  },
): Promise<
  | { ok: true; next: WizardStep; passed?: undefined }
  | { ok: true; next: null; passed: boolean }
  | FieldRefusal
  | Refusal<"not_found" | "not_editable">
> {
  const app = await getApplicationForActor(db, { id: applicationId, actor });
  // Compliance may view, but only the applicant edits: anyone else gets "not found".
  if (!app || app.investorId !== actor.investorId) return { ok: false, code: "not_found" };
  if (!canEditApplication(actor, app)) return { ok: false, code: "not_editable" };
  const answers = answersOf(step, fields, app.data, reading);
  if (!answers.ok) return answers;
  const saved = await saveApplicationStep(db, { actor, applicationId: app.id, step, patch: answers.patch });
  if (!saved.ok) return saved;
  if (step === "questionnaire") return { ok: true, next: null, passed: answers.passed === true };
  return { ok: true, next: nextStepAfter(step, saved.app.data) };
}

/** Submits the actor's application (or the answer to a request for information). */
export async function submitApplication(
  db: Database,
  { actor, applicationId, response }: { actor: KycActor; applicationId: string; response?: string },
): Promise<
  | { ok: true }
  | FieldRefusal
  | Refusal<
      | "not_found"
      | "already_submitted"
      | "incomplete"
      | Exclude<Awaited<ReturnType<typeof applyTransition>>, { ok: true }>["code"]
    >
> {
  const app = await getApplicationForActor(db, { id: applicationId, actor });
  if (!app || app.investorId !== actor.investorId) return { ok: false, code: "not_found" };
  if (app.status === "submitted" || app.status === "in_review") return { ok: false, code: "already_submitted" };
  const docs = await listDocuments(db, { applicationId: app.id });
  if (
    !completedSteps(
      app.data,
      docs.map((d) => d.kind),
    ).review
  )
    return { ok: false, code: "incomplete" };
  if (app.status === "needs_information" && !response)
    return { ok: false, code: "invalid_input", fieldErrors: { response: ["response"] } };
  const result = await applyTransition(db, {
    app,
    event: { type: "submit" },
    actor: actor.address,
    actorRole: "investor",
    set: { submittedAt: new Date(), ...(response ? { infoResponse: response } : {}) },
  });
  return result.ok ? { ok: true } : result;
}
