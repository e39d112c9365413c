import "server-only";

/**
 * KYC applications in the database: create and find, save wizard steps, apply state transitions (every one
 * audited and mirrored to `investors.kyc_status`), the review queue and the authorisation rules.
 * Functions take the database and the acting wallet explicitly, so they are tested on a real PGlite.
 */
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import {
  auditLog,
  type InvestorCategory,
  type KycApplication,
  type KycApplicationData,
  type KycStatus,
  investors,
  kycApplications,
  kycDocuments,
  type KycDocument,
} from "@/lib/db/schema";
import { alpha2ToNumeric } from "@/lib/i18n/countries";
import {
  createInvestorWithWallet,
  getInvestorById,
  getInvestorByWallet,
  getLapsedInvestorIds,
  type Investor,
  type InvestorPatch,
  updateInvestor,
} from "@/lib/investors";
import { type ReviewReadiness, reviewReadiness } from "./review";
import { isEditable, type KycEvent, type KycTransitionError, needsRenewal, transition } from "./state";

/** Who is acting: the signed-in wallet, whether it holds the compliance role, and its investor record. */
export type KycActor = { address: string; compliance: boolean; investorId: string | null };

/** An investor sees only their own application; compliance sees all. */
export function canViewApplication(actor: KycActor, app: Pick<KycApplication, "investorId">): boolean {
  return actor.compliance || (actor.investorId !== null && actor.investorId === app.investorId);
}

/** Only the applicant changes answers and documents (compliance never edits them). */
export function canEditApplication(actor: KycActor, app: Pick<KycApplication, "investorId" | "status">): boolean {
  return actor.investorId !== null && actor.investorId === app.investorId && isEditable(app.status);
}

export async function getApplication(db: Database, { id }: { id: string }): Promise<KycApplication | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(kycApplications).where(eq(kycApplications.id, id)).limit(1);
  return row ?? null;
}

/** The application if this actor may see it; null otherwise (not found and forbidden look the same). */
export async function getApplicationForActor(db: Database, { id, actor }: { id: string; actor: KycActor }) {
  const app = await getApplication(db, { id });
  return app && canViewApplication(actor, app) ? app : null;
}

export async function getLatestApplication(
  db: Database,
  { investorId }: { investorId: string },
): Promise<KycApplication | null> {
  const [row] = await db
    .select()
    .from(kycApplications)
    .where(eq(kycApplications.investorId, investorId))
    .orderBy(desc(kycApplications.createdAt))
    .limit(1);
  return row ?? null;
}

export async function listDocuments(
  db: Database,
  { applicationId }: { applicationId: string },
): Promise<KycDocument[]> {
  return db
    .select()
    .from(kycDocuments)
    .where(eq(kycDocuments.applicationId, applicationId))
    .orderBy(asc(kycDocuments.createdAt));
}

/**
 * The answers a new application starts from. After a rejection: the rejected application's answers, to correct.
 * A renewal (the last application approved, or expired): that approved application's answers — identity,
 * residence, category with the declared portfolio, questionnaire — without the risk disclosures, which are read and
 * accepted again. An investor approved before applications were recorded (an import) starts from the investor
 * record. Documents are never carried over: identity and a recent proof of address are uploaded again.
 */
export function carriedOverAnswers(
  latest: Pick<KycApplication, "status" | "data"> | null,
  investor: Pick<Investor, "legalName" | "email" | "nationality" | "residence" | "category">,
): KycApplicationData {
  if (latest?.status === "rejected") return latest.data;
  if (latest && (latest.status === "approved" || latest.status === "expired")) {
    const answers: KycApplicationData = { ...latest.data };
    delete answers.disclosures;
    return answers;
  }
  if (latest) return latest.data;
  const data: KycApplicationData = {};
  if (investor.legalName || investor.email)
    data.personal = {
      legalName: investor.legalName ?? "",
      email: investor.email ?? "",
    } as KycApplicationData["personal"];
  if (investor.nationality && investor.residence)
    data.residence = { nationality: investor.nationality, residence: investor.residence };
  if (investor.category === "retail" || investor.category === "professional")
    data.category = { category: investor.category };
  return data;
}

/**
 * The wallet's application to work on: its latest one when still open, otherwise a new draft (first time, or
 * after a rejection or expiry — answers are carried over, documents are not). Creates the investor record and
 * links the wallet on first use.
 */
export async function getOrCreateDraft(
  db: Database,
  { address }: { address: string },
): Promise<{ app: KycApplication; investor: Investor }> {
  const wallet = address.toLowerCase();
  let investor = await getInvestorByWallet(db, { address: wallet });
  if (!investor) {
    investor = await createInvestorWithWallet(db, { address: wallet });
    await writeAudit(db, {
      actor: wallet,
      actorRole: "investor",
      action: "investor.create",
      subjectType: "investor",
      subjectId: investor.id,
      after: { wallet },
    });
  }
  const latest = await getLatestApplication(db, { investorId: investor.id });
  if (latest && latest.status !== "rejected" && latest.status !== "expired" && latest.status !== "approved")
    return { app: latest, investor };
  // An approved application is renewed (a new one) only from the renewal notice window on, or after expiry.
  if (latest && latest.status === "approved" && !needsRenewal({ expiresAt: investor.kycExpiresAt, now: new Date() }))
    return { app: latest, investor };
  const [app] = await db
    .insert(kycApplications)
    .values({ investorId: investor.id, wallet, data: carriedOverAnswers(latest, investor) })
    .returning();
  await updateInvestor(db, investor.id, { kycStatus: "draft", rejectionReason: null });
  await writeAudit(db, {
    actor: wallet,
    actorRole: "investor",
    action: "kyc.application.create",
    subjectType: "kyc_application",
    subjectId: app!.id,
    before: latest ? { previous: latest.id, status: latest.status } : null,
    after: { status: "draft" },
  });
  return { app: app!, investor };
}

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

/**
 * Audits a refused privileged attempt on an application (who tried what, and why it was refused), so the log
 * shows attempts as well as decisions.
 */
export async function auditKycRefusal(
  db: Database,
  {
    app,
    attempted,
    actor,
    actorRole,
    code,
    details = {},
  }: {
    app: Pick<KycApplication, "id" | "status" | "preApprovedBy">;
    attempted: string;
    actor: string;
    actorRole: string;
    code: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await writeAudit(db, {
    actor,
    actorRole,
    action: `${attempted}.refused`,
    subjectType: "kyc_application",
    subjectId: app.id,
    before: { status: app.status, preApprovedBy: app.preApprovedBy },
    after: { code, ...details },
  });
}

export type StepPatch = Partial<KycApplicationData>;

/** Saves one wizard step (only the applicant, only while editable) and mirrors identity fields onto the investor. */
export async function saveApplicationStep(
  db: Database,
  { actor, applicationId, step, patch }: { actor: KycActor; applicationId: string; step: string; patch: StepPatch },
): Promise<{ ok: true; app: KycApplication } | { ok: false; code: "not_found" | "not_editable" }> {
  const app = await getApplicationForActor(db, { id: applicationId, actor });
  if (!app || actor.investorId !== app.investorId) return { ok: false, code: "not_found" };
  if (!canEditApplication(actor, app)) return { ok: false, code: "not_editable" };
  const data: KycApplicationData = { ...app.data, ...patch };
  const [updated] = await db
    .update(kycApplications)
    .set({ data })
    .where(and(eq(kycApplications.id, app.id), inArray(kycApplications.status, ["draft", "needs_information"])))
    .returning();
  if (!updated) return { ok: false, code: "not_editable" };
  const mirror: Partial<Investor> = {};
  if (patch.personal) Object.assign(mirror, { legalName: patch.personal.legalName, email: patch.personal.email });
  if (patch.residence)
    Object.assign(mirror, {
      nationality: patch.residence.nationality,
      residence: patch.residence.residence,
      residenceNumeric: alpha2ToNumeric(patch.residence.residence) ?? null,
    });
  if (patch.category) Object.assign(mirror, { category: patch.category.category satisfies InvestorCategory });
  await updateInvestor(db, app.investorId, mirror);
  // The audit records which step changed, not the personal data itself (that stays in the application).
  await writeAudit(db, {
    actor: actor.address,
    actorRole: "investor",
    action: "kyc.step.save",
    subjectType: "kyc_application",
    subjectId: app.id,
    after: { step },
  });
  return { ok: true, app: updated };
}

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
  }: {
    app: KycApplication;
    event: KycEvent;
    actor: string;
    actorRole: "investor" | "compliance" | "system";
    set?: Partial<typeof kycApplications.$inferInsert>;
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

// ------------------------------------------------------------------------------------------------
// The review queue

export type QueueFilters = {
  status?: KycStatus | "open";
  /** ISO alpha-2 of residence. */
  country?: string;
  category?: InvestorCategory;
  /** Only applications submitted at least this many days ago. */
  minAgeDays?: number;
  /** Oldest submission first (the default: first come, first served), newest first, or by name. */
  sort?: QueueSort;
};

export const QUEUE_SORTS = ["oldest", "newest", "name"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export type QueueRow = {
  id: string;
  status: KycStatus;
  submittedAt: Date | null;
  createdAt: Date;
  wallet: string;
  legalName: string | null;
  residence: string | null;
  category: InvestorCategory | null;
  preApprovedBy: string | null;
  /** Submitted again after a request for information (the first submission date is kept). */
  resubmitted: boolean;
  /** Whole days since submission (null when not submitted). */
  ageDays: number | null;
};

/** Applications for compliance, oldest submission first unless sorted otherwise. "open" = submitted, in review or awaiting the investor. */
export async function listQueue(db: Database, filters: QueueFilters, now = new Date()): Promise<QueueRow[]> {
  const where: SQL[] = [];
  const status = filters.status ?? "open";
  if (status === "open") where.push(inArray(kycApplications.status, ["submitted", "in_review", "needs_information"]));
  else where.push(eq(kycApplications.status, status));
  if (filters.country) where.push(eq(investors.residence, filters.country));
  if (filters.category) where.push(eq(investors.category, filters.category));
  if (filters.minAgeDays && filters.minAgeDays > 0)
    where.push(lte(kycApplications.submittedAt, new Date(now.getTime() - filters.minAgeDays * 86_400_000)));
  if (status !== "draft") where.push(sql`${kycApplications.submittedAt} IS NOT NULL`);
  const rows = await db
    .select({
      id: kycApplications.id,
      status: kycApplications.status,
      submittedAt: kycApplications.submittedAt,
      createdAt: kycApplications.createdAt,
      wallet: kycApplications.wallet,
      legalName: investors.legalName,
      residence: investors.residence,
      category: investors.category,
      preApprovedBy: kycApplications.preApprovedBy,
      infoRequest: kycApplications.infoRequest,
    })
    .from(kycApplications)
    .innerJoin(investors, eq(investors.id, kycApplications.investorId))
    .where(and(...where))
    .orderBy(
      ...(filters.sort === "newest"
        ? [desc(kycApplications.submittedAt), desc(kycApplications.createdAt)]
        : filters.sort === "name"
          ? [sql`${investors.legalName} ASC NULLS LAST`, asc(kycApplications.submittedAt)]
          : [asc(kycApplications.submittedAt), asc(kycApplications.createdAt)]),
    )
    .limit(500);
  return rows.map(({ infoRequest, ...r }) => ({
    ...r,
    resubmitted: infoRequest !== null && r.status !== "needs_information",
    ageDays: r.submittedAt ? Math.floor((now.getTime() - r.submittedAt.getTime()) / 86_400_000) : null,
  }));
}
