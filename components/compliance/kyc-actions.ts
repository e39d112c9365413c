"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import type { Hex } from "viem";
import { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { settleConfirmedTx } from "@/lib/sync/settle";
import { getDb } from "@/lib/db";
import { kycApplications, type KycApplication } from "@/lib/db/schema";
import type { KycActionCode, KycActionFailure, KycActionResult, KycFormState } from "@/lib/kyc/action-result";
import { applyTransition, getApplication } from "@/lib/kyc/applications";
import {
  type ApprovalFailure,
  beginApproval,
  beginPreApproval,
  confirmApproval,
  confirmPreApproval,
  ensureInReview as ensureInReviewLib,
} from "@/lib/kyc/approval";
import type { RegistrationPlan } from "@/lib/kyc/registration";
import type { ReviewReadiness } from "@/lib/kyc/review";
import { isReviewable } from "@/lib/kyc/state";

/*
 * Compliance actions on a KYC application. Each one: zod parse → requireSession({ role: "identityAgent" }) (the
 * AGENT_ROLE read from the chain) → the application's state → act → audit. Approval is two calls around the
 * officer's own transaction: `beginApprovalAction` plans it, `confirmApprovalAction` verifies it on chain; with four
 * eyes the first officer's pre-approval is the same pair (`beginPreApprovalAction` → the proposal on the registry →
 * `preApproveAction`). The rules live in lib/kyc/approval.
 */

async function fail(code: KycActionCode, fieldErrors?: Record<string, string[]>): Promise<KycActionFailure> {
  const t = await getTranslations("kyc");
  const translated = fieldErrors
    ? Object.fromEntries(Object.entries(fieldErrors).map(([f, keys]) => [f, keys.map((k) => t(`fieldErrors.${k}`))]))
    : undefined;
  return { ok: false, code, message: t(`errors.${code}`), ...(translated ? { fieldErrors: translated } : {}) };
}

/** "Approval needs …" naming the missing documents and unticked checks, in the reader's language. */
async function reviewIncomplete(review: ReviewReadiness): Promise<KycActionFailure> {
  const [t, tr, locale] = await Promise.all([
    getTranslations("kyc"),
    getTranslations("complianceKyc.review"),
    getLocale(),
  ]);
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const parts = [
    ...(review.missingDocuments.length
      ? [
          t("reviewIncomplete.documents", {
            list: list.format(review.missingDocuments.map((k) => t(`documents.kinds.${k}.title`))),
          }),
        ]
      : []),
    ...(review.uncheckedItems.length
      ? [t("reviewIncomplete.checks", { list: list.format(review.uncheckedItems.map((i) => tr(`items.${i}`))) })]
      : []),
  ];
  return { ok: false, code: "review_incomplete", message: [t("errors.review_incomplete"), ...parts].join(" ") };
}

async function officer() {
  const ctx = await requireSession({ role: "identityAgent" });
  return ctx.address.toLowerCase();
}

async function handleError(error: unknown): Promise<KycActionFailure> {
  if (error instanceof AuthError) return fail(error.code);
  console.error("[compliance/kyc] action failed:", error instanceof Error ? error.message : error);
  return fail("unavailable");
}

const idSchema = z.uuid();

async function load(id: unknown): Promise<{ app: KycApplication } | { failure: KycActionFailure }> {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) return { failure: await fail("invalid_input") };
  const app = await getApplication(await getDb(), { id: parsed.data });
  return app ? { app } : { failure: await fail("not_found") };
}

function refresh(id: string) {
  revalidatePath("/compliance/kyc");
  revalidatePath(`/compliance/kyc/${id}`);
}

/** Takes a submitted application into review (also done implicitly by the first decision). */
async function ensureInReview(app: KycApplication, actor: string): Promise<KycApplication | KycActionFailure> {
  const r = await ensureInReviewLib(await getDb(), app, actor);
  return r.ok ? r.app : fail(r.code as KycActionCode);
}

/** A refusal from lib/kyc/approval (already audited there), in the reader's language. */
async function approvalFailure(r: ApprovalFailure): Promise<KycActionFailure> {
  return r.code === "review_incomplete" && r.review ? reviewIncomplete(r.review) : fail(r.code as KycActionCode);
}

const messageSchema = z.object({ id: z.uuid(), message: z.string().trim().min(10).max(2000) });

async function decide(kind: "reject" | "request_information", formData: FormData): Promise<KycFormState> {
  try {
    const actor = await officer();
    const parsed = messageSchema.safeParse({ id: formData.get("id"), message: formData.get("message") });
    if (!parsed.success) return fail("invalid_input", { message: [kind === "reject" ? "reason" : "request"] });
    const loaded = await load(parsed.data.id);
    if ("failure" in loaded) return loaded.failure;
    const inReview = await ensureInReview(loaded.app, actor);
    if ("ok" in inReview) return inReview;
    const r = await applyTransition(await getDb(), {
      app: inReview,
      event: { type: kind },
      actor,
      actorRole: "compliance",
      set:
        kind === "reject"
          ? { rejectionReason: parsed.data.message, decidedAt: new Date(), decidedBy: actor }
          : { infoRequest: parsed.data.message, infoResponse: null, preApprovedBy: null, preApprovedAt: null },
      investorSet: kind === "reject" ? { rejectionReason: parsed.data.message } : {},
    });
    if (!r.ok) return fail(r.code);
    refresh(loaded.app.id);
    return { ok: true };
  } catch (error) {
    return handleError(error);
  }
}

export async function rejectAction(_prev: KycFormState, formData: FormData): Promise<KycFormState> {
  return decide("reject", formData);
}

export async function requestInformationAction(_prev: KycFormState, formData: FormData): Promise<KycFormState> {
  return decide("request_information", formData);
}

const confirmSchema = z.object({
  id: z.uuid(),
  txHash: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/)
    .nullable(),
});

/**
 * Four eyes, first officer, step 1: returns the proposal this officer's wallet sends to the identity registry
 * (`plan.alreadyProposed`: the registry already holds it, nothing to sign).
 */
export async function beginPreApprovalAction(input: {
  id: string;
}): Promise<KycActionResult<{ plan: RegistrationPlan }>> {
  try {
    const actor = await officer();
    const loaded = await load(input?.id);
    if ("failure" in loaded) return loaded.failure;
    const r = await beginPreApproval(await getDb(), { app: loaded.app, actor });
    if (!r.ok) return approvalFailure(r);
    refresh(loaded.app.id);
    return { ok: true, plan: r.plan };
  } catch (error) {
    return handleError(error);
  }
}

/** Four eyes, first officer, step 2: verifies the proposal on chain, then records this officer's pre-approval. */
export async function preApproveAction(input: { id: string; txHash: string | null }): Promise<KycActionResult> {
  try {
    const actor = await officer();
    const parsed = confirmSchema.safeParse(input);
    if (!parsed.success) return fail("invalid_input");
    const loaded = await load(parsed.data.id);
    if ("failure" in loaded) return loaded.failure;
    const r = await confirmPreApproval(await getDb(), {
      app: loaded.app,
      actor,
      txHash: (parsed.data.txHash as Hex | null) ?? null,
    });
    if (!r.ok) return approvalFailure(r);
    if (parsed.data.txHash) await settleConfirmedTx({ txHash: parsed.data.txHash as Hex });
    refresh(loaded.app.id);
    return { ok: true };
  } catch (error) {
    return handleError(error);
  }
}

const checklistSchema = z.object({
  id: z.uuid(),
  checklist: z.record(z.string().regex(/^[a-z_]{1,40}$/), z.boolean()).refine((r) => Object.keys(r).length <= 20),
  note: z.string().trim().max(2000).optional(),
});

/** Saves the reviewer's checklist and appends a note (the notes are internal to compliance). */
export async function saveReviewAction(input: {
  id: string;
  checklist: Record<string, boolean>;
  note?: string;
}): Promise<KycActionResult> {
  try {
    const actor = await officer();
    const parsed = checklistSchema.safeParse(input);
    if (!parsed.success) return fail("invalid_input");
    const loaded = await load(parsed.data.id);
    if ("failure" in loaded) return loaded.failure;
    const { app } = loaded;
    const notes = parsed.data.note
      ? [...app.notes, { by: actor, at: new Date().toISOString(), text: parsed.data.note }]
      : app.notes;
    const db = await getDb();
    await db
      .update(kycApplications)
      .set({ checklist: parsed.data.checklist, notes })
      .where(eq(kycApplications.id, app.id));
    await writeAudit(db, {
      actor,
      actorRole: "compliance",
      action: "kyc.review.save",
      subjectType: "kyc_application",
      subjectId: app.id,
      before: { checklist: app.checklist, notes: app.notes.length },
      after: { checklist: parsed.data.checklist, notes: notes.length },
    });
    refresh(app.id);
    return { ok: true };
  } catch (error) {
    return handleError(error);
  }
}

/**
 * Approval, step 1: checks that this officer may approve (four eyes, also against the category the registry holds),
 * and returns what the officer's wallet will send (`registerInvestor`, `updateInvestor` or `confirmProposal`). When
 * the registry already holds this registration (an interrupted approval), `plan.alreadyRegistered` says so.
 */
export async function beginApprovalAction(input: { id: string }): Promise<KycActionResult<{ plan: RegistrationPlan }>> {
  try {
    const actor = await officer();
    const loaded = await load(input?.id);
    if ("failure" in loaded) return loaded.failure;
    const r = await beginApproval(await getDb(), { app: loaded.app, actor });
    if (!r.ok) return approvalFailure(r);
    refresh(loaded.app.id);
    return { ok: true, plan: r.plan };
  } catch (error) {
    return handleError(error);
  }
}

/**
 * Approval, step 2: verifies the receipt (when given) and the registry state on chain; only then is the
 * application approved, with the expiry the chain holds. Refuses if anything does not match.
 */
export async function confirmApprovalAction(input: { id: string; txHash: string | null }): Promise<KycActionResult> {
  try {
    const actor = await officer();
    const parsed = confirmSchema.safeParse(input);
    if (!parsed.success) return fail("invalid_input");
    const loaded = await load(parsed.data.id);
    if ("failure" in loaded) return loaded.failure;
    if (!isReviewable(loaded.app.status)) return fail("invalid_transition");
    const r = await confirmApproval(await getDb(), {
      app: loaded.app,
      actor,
      txHash: (parsed.data.txHash as Hex | null) ?? null,
    });
    if (!r.ok) return approvalFailure(r);
    if (parsed.data.txHash) await settleConfirmedTx({ txHash: parsed.data.txHash as Hex });
    revalidatePath("/", "layout");
    return { ok: true };
  } catch (error) {
    return handleError(error);
  }
}
