/**
 * The onboarding wizard: its steps, the zod schema of each, and which steps are complete. Pure.
 * Field errors are i18n keys under "kyc.fieldErrors" (the actions translate them).
 */
import { z } from "zod";
import type { KycApplicationData, KycDocumentKind } from "@/lib/db/schema";
import { alpha2ToNumeric } from "@/lib/i18n/countries";
import { moneyAmountField } from "@/lib/format/amount-schema";
import { DISCLOSURE_VERSION, DISCLOSURES } from "./disclosures";

export const WIZARD_STEPS = [
  "personal",
  "residence",
  "category",
  "questionnaire",
  "disclosures",
  "documents",
  "review",
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** HK Securities and Futures (Professional Investor) Rules: an individual with a portfolio of at least HK$8 million. */
export const PROFESSIONAL_PORTFOLIO_MIN_HKD = 8_000_000;

const isCountryAlpha2 = (v: string) => /^[A-Z]{2}$/.test(v) && alpha2ToNumeric(v) !== undefined;

export function isWizardStep(value: string): value is WizardStep {
  return (WIZARD_STEPS as readonly string[]).includes(value);
}

/** The steps this applicant goes through: the questionnaire is for retail investors only. */
export function stepsFor(data: KycApplicationData): WizardStep[] {
  return WIZARD_STEPS.filter((s) => s !== "questionnaire" || data.category?.category !== "professional");
}

export function requiredDocuments(data: KycApplicationData): KycDocumentKind[] {
  return data.category?.category === "professional" ? ["identity", "address", "professional"] : ["identity", "address"];
}

function isAdult(dateOfBirth: string, now: Date): boolean {
  const dob = new Date(`${dateOfBirth}T00:00:00Z`);
  if (Number.isNaN(dob.getTime())) return false;
  const eighteen = new Date(Date.UTC(dob.getUTCFullYear() + 18, dob.getUTCMonth(), dob.getUTCDate()));
  return eighteen.getTime() <= now.getTime() && dob.getUTCFullYear() >= 1900;
}

export const personalSchema = z.object({
  legalName: z.string().trim().min(2, { error: "legalName" }).max(200, { error: "legalName" }),
  dateOfBirth: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateOfBirth" })
    .refine((v) => isAdult(v, new Date()), { error: "dateOfBirthAdult" }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "email" })),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, { error: "phone" }),
  address: z.string().trim().min(8, { error: "address" }).max(500, { error: "address" }),
});

export const residenceSchema = z.object({
  nationality: z.string().refine(isCountryAlpha2, { error: "nationality" }),
  residence: z.string().refine(isCountryAlpha2, { error: "residence" }),
});

export const categorySchema = z.discriminatedUnion("category", [
  z.object({ category: z.literal("retail") }),
  z.object({
    category: z.literal("professional"),
    // Whole Hong Kong dollars as people type them ("12,500,000", "12 500 000"); the same parser as the form.
    portfolioHkd: moneyAmountField(0, { max: 10n ** 13n })
      .pipe(z.bigint().min(BigInt(PROFESSIONAL_PORTFOLIO_MIN_HKD), { error: "portfolioBelowMin" }))
      .transform(Number),
    declaration: z.literal("on", { error: "declaration" }),
  }),
]);

export const disclosuresSchema = z.object(
  Object.fromEntries(DISCLOSURES.map((k) => [k, z.literal("on", { error: "disclosure" })])) as Record<
    (typeof DISCLOSURES)[number],
    z.ZodLiteral<"on">
  >,
);

export type StepState = Record<WizardStep, boolean>;

/** Which steps hold valid, complete answers (documents: one of each required kind). */
export function completedSteps(data: KycApplicationData, documentKinds: readonly KycDocumentKind[]): StepState {
  const acknowledged = new Set(
    (data.disclosures ?? []).filter((d) => d.version === DISCLOSURE_VERSION).map((d) => d.key),
  );
  const state: StepState = {
    personal: data.personal ? personalSchema.safeParse(data.personal).success : false,
    residence: data.residence ? residenceSchema.safeParse(data.residence).success : false,
    category: data.category !== undefined,
    questionnaire: data.category?.category === "professional" ? true : data.questionnaire?.passed === true,
    disclosures: DISCLOSURES.every((k) => acknowledged.has(k)),
    documents: requiredDocuments(data).every((k) => documentKinds.includes(k)),
    review: false,
  };
  state.review = (Object.keys(state) as WizardStep[]).filter((s) => s !== "review").every((s) => state[s]);
  return state;
}

/** The first step that still needs answers (or "review" when everything is complete). */
export function firstIncompleteStep(data: KycApplicationData, documentKinds: readonly KycDocumentKind[]): WizardStep {
  const done = completedSteps(data, documentKinds);
  return stepsFor(data).find((s) => s !== "review" && !done[s]) ?? "review";
}

/** The zod field errors as lists of i18n keys. */
export function fieldErrorKeys(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const key = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : field;
    const list = (out[field] ??= []);
    if (!list.includes(key)) list.push(key);
  }
  return out;
}
