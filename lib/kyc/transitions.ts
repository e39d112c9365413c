import "server-only";

/**
 * State transitions of a KYC application: each checked by the state machine, written compare-and-set, mirrored to
 * `investors.kyc_status`, audited and notified (lib/notifications) in the same transaction; refusals of privileged attempts are audited too.
 * Also the review readiness an approval depends on, the lapsing of approvals, and the request-for-information thread.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { auditLog, type InvestorCategory, type KycApplication, kycApplications, kycDocuments } from "@/lib/db/schema";
import { getInvestorById, getLapsedInvestorIds, type InvestorPatch, updateInvestor } from "@/lib/investors";
import { emitKycDecision } from "@/lib/notifications";
import { type ReviewReadiness, reviewReadiness } from "./review";
import { type KycEvent, type KycTransitionError, transition } from "./state";
import type { ApplicationTransition } from "./types";

/** What the application still lacks before approval: required documents (from the database) and unticked checks. */
export async function loadReviewReadiness(
  db: Database,
  app: Pick<KycApplication, "id" | "data" | "checklist">,
): Promise<ReviewReadiness> {
  const docs = await db
    .select({ kind: kycDocuments.kind })
    .from(kycDocuments)
    .where(eq(kycDocuments.applicationId, app.id));
  return reviewReadiness({ data: app.data, documentKinds: docs.map((d) => d.kind), checklist: app.checklist });
}

type RefusalInput = {
  app: { id: string; status: string; preApprovedBy: string | null };
  attempted: string;
  actor: string;
  actorRole: string;
  code: string;
  details?: Record<string, unknown>;
};

/**
 * Audits a refused privileged attempt on an application (who tried what, and why it was refused), so the log
 * shows attempts as well as decisions. Shared by investor (KYC) and issuer (KYB) applications: `subjectType` names which.
 */
export async function auditApplicationRefusal(
  db: Database,
  {
    subjectType,
    app,
    attempted,
    actor,
    actorRole,
    code,
    details = {},
  }: RefusalInput & { subjectType: "kyc_application" | "issuer_application" },
): Promise<void> {
  await writeAudit(db, {
    actor,
    actorRole,
    action: `${attempted}.refused`,
    subjectType,
    subjectId: app.id,
    before: { status: app.status, preApprovedBy: app.preApprovedBy },
    after: { code, ...details },
  });
}

/** A refused privileged attempt on a KYC application, audited (see `auditApplicationRefusal`). */
export const auditKycRefusal = (db: Database, input: RefusalInput): Promise<void> =>
  auditApplicationRefusal(db, { subjectType: "kyc_application", ...input });

export type TransitionResult = { ok: true; app: KycApplication } | { ok: false; code: KycTransitionError | "conflict" };

/**
 * Applies a state-machine event: checks it with `transition`, updates the row only if nobody changed its status
 * meanwhile (compare-and-set), mirrors the status to the investor and writes the audit entry (before → after).
 */
export async function applyTransition(
  db: Database,
  {
    app,
    event,
    actor,
    actorRole,
    set = {},
    investorSet = {},
    txHash,
    action,
    now = new Date(),
    previousCategory = null,
  }: ApplicationTransition<
    KycApplication,
    KycEvent,
    "investor" | "compliance" | "system",
    typeof kycApplications.$inferInsert
  > & {
    investorSet?: InvestorPatch;
    txHash?: string | null;
    action?: string;
    now?: Date;
    /**
     * The category the identity registry holds for this investor today (read from the chain by the caller, see
     * ./approval): a change away from professional or institutional needs four eyes too.
     */
    previousCategory?: InvestorCategory | null;
  },
): Promise<TransitionResult> {
  const investor = await getInvestorById(db, app.investorId);
  // Approving needs the documents and the checklist; they are read here, so no caller can approve without them.
  const review =
    event.type === "approve" || event.type === "pre_approve" ? await loadReviewReadiness(db, app) : undefined;
  const result = transition(
    {
      status: app.status,
      category: app.data.category?.category ?? investor?.category ?? null,
      previousCategory,
      preApprovedBy: app.preApprovedBy,
      expiresAt: investor?.kycExpiresAt ?? null,
      now,
      review,
    },
    event,
  );
  if (!result.ok) {
    // A refused decision by an officer is audited too (an investor's refused resubmission is not privileged).
    if (actorRole === "compliance")
      await auditKycRefusal(db, {
        app,
        attempted: action ?? `kyc.${event.type}`,
        actor,
        actorRole,
        code: result.error,
        details: result.error === "review_incomplete" && review ? { ...review } : {},
      });
    return { ok: false, code: result.error };
  }
  // The change and its audit entry commit together, or neither does.
  const updated = await db.transaction(async (tx) => {
    // A resubmission (the answer to a request for information) keeps the first submission date: the queue is
    // ordered by it, so answering never sends an applicant behind newer ones.
    const values = { ...set, status: result.status };
    if (event.type === "submit" && app.submittedAt) values.submittedAt = app.submittedAt;
    const [row] = await tx
      .update(kycApplications)
      .set(values)
      .where(and(eq(kycApplications.id, app.id), eq(kycApplications.status, app.status)))
      .returning();
    if (!row) return null;
    await updateInvestor(tx as unknown as Database, app.investorId, { ...investorSet, kycStatus: result.status });
    await writeAudit(tx as unknown as Database, {
      actor,
      actorRole,
      action: action ?? `kyc.${event.type}`,
      subjectType: "kyc_application",
      subjectId: app.id,
      before: { status: app.status, preApprovedBy: app.preApprovedBy },
      after: {
        status: row.status,
        preApprovedBy: row.preApprovedBy,
        ...(set.rejectionReason ? { reason: set.rejectionReason } : {}),
        ...(set.infoRequest ? { request: set.infoRequest } : {}),
        // The investor's answer is recorded with the resubmission, so the exchange can be shown as a thread.
        ...(event.type === "submit" && set.infoResponse ? { response: set.infoResponse } : {}),
      },
      txHash: txHash ?? null,
    });
    // The investor is told of a decision (approval, rejection, a request for information, expiry) in the same
    // transaction: the notification and its email exist exactly when the decision does.
    await emitKycDecision(tx as unknown as Database, {
      investorId: app.investorId,
      applicationId: app.id,
      event: event.type,
      message: set.rejectionReason ?? set.infoRequest ?? null,
      at: now,
    });
    return row;
  });
  if (!updated) return { ok: false, code: "conflict" };
  return { ok: true, app: updated };
}

/** One message of a request-for-information exchange: the officer's question or the investor's answer. */
export type InfoMessage = { kind: "request" | "response"; by: string; at: Date; text: string };

/**
 * The request-for-information exchange of an application, oldest first, rebuilt from its audit entries (each
 * request and each answering resubmission records its text), so no question is lost when the investor answers.
 */
export async function getInfoThread(
  db: Database,
  { applicationId }: { applicationId: string },
): Promise<InfoMessage[]> {
  const rows = await db
    .select({ action: auditLog.action, actor: auditLog.actor, at: auditLog.at, after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectType, "kyc_application"),
        eq(auditLog.subjectId, applicationId),
        inArray(auditLog.action, ["kyc.request_information", "kyc.submit"]),
      ),
    )
    .orderBy(asc(auditLog.id));
  return rows.flatMap((r): InfoMessage[] => {
    const after = (r.after ?? {}) as { request?: unknown; response?: unknown };
    const request = r.action === "kyc.request_information";
    const text = request ? after.request : after.response;
    return typeof text === "string" ? [{ kind: request ? "request" : "response", by: r.actor, at: r.at, text }] : [];
  });
}

/**
 * Approvals whose validity has run out become `expired` (audited, by "system"). The chain already refuses the
 * wallet once its registry expiry passes; this keeps the records, the queue and the investor's page in step.
 */
export async function expireLapsedApprovals(db: Database, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const investorIds = await getLapsedInvestorIds(db, { now });
  const lapsed =
    investorIds.length === 0
      ? []
      : await db
          .select()
          .from(kycApplications)
          .where(and(eq(kycApplications.status, "approved"), inArray(kycApplications.investorId, investorIds)));
  let expired = 0;
  for (const app of lapsed) {
    const r = await applyTransition(db, { app, event: { type: "expire" }, actor: "system", actorRole: "system", now });
    if (r.ok) expired += 1;
  }
  return expired;
}
