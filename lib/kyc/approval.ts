import "server-only";

/**
 * Approving a KYC application, on the server: who may approve (four eyes), and the on-chain steps. One officer:
 * plan → the officer's wallet sends `registerInvestor`/`updateInvestor` → verify → approved. Four eyes (professional
 * or institutional, or a renewal that changes to or from those): the first officer's pre-approval proposes the exact
 * record on the identity registry (`proposeRegistration`/`proposeUpdate`, verified, then recorded as the
 * pre-approval); the second officer's approval confirms it (`confirmProposal`) — the registry refuses a proposer
 * confirming, so the chain holds the rule too. The category the registry holds today counts as much as the one
 * applied for: a professional renewing as retail needs the second officer.
 *
 * Every refusal of a privileged step is audited (who tried what, why). Functions take the database and the acting
 * officer explicitly and read the chain through the server's client, so they are tested against PGlite and anvil.
 */
import type { Hex } from "viem";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import type { InvestorCategory, KycApplication } from "@/lib/db/schema";
import { assignOnChainId, getInvestorById } from "@/lib/investors";
import { getKycValidityMonths } from "@/lib/settings";
import { applyTransition, auditKycRefusal, loadReviewReadiness } from "./transitions";
import {
  type PlanError,
  planRegistration,
  readRegisteredRecord,
  type RegistrationPlan,
  type PlanMode,
  type VerifyError,
  verifyProposal,
  verifyRegistration,
} from "./registration";
import type { ReviewReadiness } from "./review";
import { canApprove, type KycTransitionError, needsFourEyes, transition } from "./state";

export type ApprovalError = KycTransitionError | PlanError | VerifyError | "not_found" | "conflict";
export type ApprovalFailure = { ok: false; code: ApprovalError; review?: ReviewReadiness };
/** An officer's step on an application; a step 1 answers the plan the wallet sends, a step 2 the application. */
type OfficerStep = { app: KycApplication; actor: string };
/** A step 2: the officer's transaction, when the wallet returned one. */
type ConfirmStep = OfficerStep & { txHash: Hex | null };
type PlanAnswer = { ok: true; plan: RegistrationPlan } | ApprovalFailure;
type AppAnswer = { ok: true; app: KycApplication } | ApprovalFailure;
const notFound = { ok: false, code: "not_found" } as const satisfies ApprovalFailure;

/** What an approval decision depends on: the investor, the category applied for and the one the registry holds. */
export async function approvalContext(db: Database, app: KycApplication) {
  const investor = await getInvestorById(db, app.investorId);
  if (!investor) return null;
  const category = app.data.category?.category ?? investor.category;
  const registered = await readRegisteredRecord(app.wallet, investor.onChainId);
  const previousCategory: InvestorCategory | null = registered?.category ?? null;
  const review = await loadReviewReadiness(db, app);
  // The platform's KYC validity period now: an approval or renewal given today is valid this long.
  const validityMonths = await getKycValidityMonths(db);
  return {
    validityMonths,
    investor,
    category,
    registered,
    previousCategory,
    review,
    fourEyes: needsFourEyes({ category, previousCategory }),
  };
}

async function refuse(
  db: Database,
  app: KycApplication,
  attempted: "kyc.approve" | "kyc.pre_approve",
  actor: string,
  code: ApprovalError,
  review?: ReviewReadiness,
): Promise<ApprovalFailure> {
  await auditKycRefusal(db, {
    app,
    attempted,
    actor,
    actorRole: "compliance",
    code,
    details: code === "review_incomplete" && review ? { ...review } : {},
  });
  return { ok: false, code, ...(code === "review_incomplete" ? { review } : {}) };
}

/** Takes a submitted application into review (also done implicitly by the first decision). */
export async function ensureInReview(db: Database, app: KycApplication, actor: string): Promise<AppAnswer> {
  if (app.status !== "submitted") return { ok: true, app };
  return transitionOrFail(db, { app, event: { type: "start_review" }, actor, actorRole: "compliance" });
}

/**
 * Four eyes, first officer, step 1: checks this officer may pre-approve (review complete, not pre-approved, four
 * eyes apply), and returns the proposal their wallet sends (or `alreadyProposed`: nothing to sign).
 */
export async function beginPreApproval(db: Database, { app, actor }: OfficerStep): Promise<PlanAnswer> {
  const ctx = await approvalContext(db, app);
  if (!ctx) return notFound;
  const allowed = transition(
    { status: app.status, category: ctx.category, preApprovedBy: app.preApprovedBy, review: ctx.review },
    { type: "pre_approve", actor },
  );
  if (!allowed.ok) return refuse(db, app, "kyc.pre_approve", actor, allowed.error, ctx.review);
  // A pre-approval is the first of two signatures; where one officer decides alone there is nothing to pre-approve.
  if (!ctx.fourEyes) return refuse(db, app, "kyc.pre_approve", actor, "invalid_transition");
  return planAndAudit(db, { app, ctx, mode: "propose", actor }, "kyc.pre_approve.begin");
}

/**
 * Four eyes, first officer, step 2: verifies on chain that the registry holds this officer's proposal of exactly
 * the planned record (or, after an interrupted approval, the registration itself), then records the pre-approval.
 */
export async function confirmPreApproval(db: Database, step: ConfirmStep): Promise<AppAnswer> {
  const { app, actor, txHash } = step;
  const ctx = await approvalContext(db, app);
  if (!ctx) return notFound;
  if (!ctx.fourEyes) return refuse(db, app, "kyc.pre_approve", actor, "invalid_transition");
  if (!ctx.investor.onChainId) return { ok: false, code: "not_proposed" };
  const planned = await planRegistration({
    app,
    investor: ctx.investor,
    onChainId: ctx.investor.onChainId as Hex,
    mode: "propose",
    officer: actor,
    validityMonths: ctx.validityMonths,
  });
  if (!planned.ok) return { ok: false, code: planned.code };
  if (!planned.plan.alreadyRegistered) {
    if (!planned.plan.alreadyProposed) return { ok: false, code: "not_proposed" };
    const verified = await verifyProposal({ plan: planned.plan, txHash, officer: actor });
    if (!verified.ok) return { ok: false, code: verified.code };
  }
  return recordConfirmed(db, step, ctx, {
    event: { type: "pre_approve", actor },
    set: { preApprovedBy: actor, preApprovedAt: new Date() },
    action: "kyc.pre_approve",
  });
}

/**
 * Approval, step 1: checks that this officer may approve (four eyes, against the category the registry holds too),
 * takes the application into review, gives the investor an on-chain id if needed, and returns what the officer's
 * wallet will send: `registerInvestor`/`updateInvestor` alone, or `confirmProposal` of the first officer's proposal.
 */
export async function beginApproval(db: Database, { app, actor }: OfficerStep): Promise<PlanAnswer> {
  const ctx = await approvalContext(db, app);
  if (!ctx) return notFound;
  const refused = await refuseApproval(db, app, actor, ctx);
  if (refused) return refused;
  return planAndAudit(db, { app, ctx, mode: ctx.fourEyes ? "confirm" : "single", actor }, "kyc.approve.begin");
}

/**
 * Approval, step 2: verifies the receipt (when given) and the registry state on chain; only then is the application
 * approved, with the expiry the chain holds. Refuses (audited) an officer who may not approve.
 */
export async function confirmApproval(db: Database, step: ConfirmStep): Promise<AppAnswer> {
  const { app, actor, txHash } = step;
  const ctx = await approvalContext(db, app);
  if (!ctx) return notFound;
  if (!ctx.investor.onChainId) return { ok: false, code: "not_registered" };
  const refused = await refuseApproval(db, app, actor, ctx);
  if (refused) return refused;
  // After the second officer's confirmation the registry already holds the new category (a downgrade then reads as
  // retail → retail): whoever pre-approved still cannot be the one who approves.
  if (app.preApprovedBy && app.preApprovedBy.toLowerCase() === actor.toLowerCase())
    return refuse(db, app, "kyc.approve", actor, "same_officer", ctx.review);
  const { validityMonths } = ctx;
  const planned = await planRegistration({
    app,
    investor: ctx.investor,
    onChainId: ctx.investor.onChainId as Hex,
    validityMonths,
  });
  if (!planned.ok) return { ok: false, code: planned.code };
  const verified = await verifyRegistration({ plan: planned.plan, txHash, officer: actor, validityMonths });
  if (!verified.ok) return { ok: false, code: verified.code };
  const now = new Date();
  return recordConfirmed(db, step, ctx, {
    event: { type: "approve", actor },
    set: { decidedAt: now, decidedBy: actor, approvalTxHash: txHash },
    investorSet: { kycApprovedAt: now, kycExpiresAt: verified.expiresAt, rejectionReason: null },
  });
}

type ApprovalContext = NonNullable<Awaited<ReturnType<typeof approvalContext>>>;

/** Refuses (audited) an officer who may not approve this application now; null when they may. */
async function refuseApproval(
  db: Database,
  app: KycApplication,
  actor: string,
  ctx: ApprovalContext,
): Promise<ApprovalFailure | null> {
  const allowed = canApprove(
    {
      status: app.status,
      category: ctx.category,
      previousCategory: ctx.previousCategory,
      preApprovedBy: app.preApprovedBy,
      review: ctx.review,
    },
    actor,
  );
  return allowed.ok ? null : refuse(db, app, "kyc.approve", actor, allowed.error, ctx.review);
}

/** Applies the transition; a refusal or a conflict answers as an approval failure. */
async function transitionOrFail(db: Database, p: Parameters<typeof applyTransition>[1]): Promise<AppAnswer> {
  const r = await applyTransition(db, p);
  return r.ok ? r : { ok: false, code: r.code };
}

/**
 * Step 2's tail, once the chain holds what the officer's step planned: the transition, audited as the officer's
 * with their transaction and the category the registry held before it.
 */
function recordConfirmed(
  db: Database,
  { app, actor, txHash }: ConfirmStep,
  ctx: ApprovalContext,
  change: Pick<Parameters<typeof applyTransition>[1], "event" | "set" | "investorSet" | "action">,
): Promise<AppAnswer> {
  return transitionOrFail(db, {
    app,
    actor,
    actorRole: "compliance",
    txHash,
    previousCategory: ctx.previousCategory,
    ...change,
  });
}

/**
 * Step 1 of an approval or a pre-approval: takes the application into review, gives the investor an on-chain id if
 * needed, plans the registry call and audits what it will set against the registry.
 */
async function planAndAudit(
  db: Database,
  { app, ctx, mode, actor }: { app: KycApplication; ctx: ApprovalContext; mode: PlanMode; actor: string },
  action: "kyc.pre_approve.begin" | "kyc.approve.begin",
): Promise<PlanAnswer> {
  const inReview = await ensureInReview(db, app, actor);
  if (!inReview.ok) return inReview;
  const onChainId = await assignOnChainId(db, ctx.investor);
  const planned = await planRegistration({
    app: inReview.app,
    investor: ctx.investor,
    onChainId,
    mode,
    officer: actor,
    validityMonths: ctx.validityMonths,
  });
  if (!planned.ok) return { ok: false, code: planned.code };
  await writeAudit(db, {
    actor,
    actorRole: "compliance",
    action,
    subjectType: "kyc_application",
    subjectId: inReview.app.id,
    before: { registry: planned.plan.current },
    after: { ...planned.plan, current: undefined },
  });
  return { ok: true, plan: planned.plan };
}
