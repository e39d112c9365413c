import "server-only";

/**
 * KYC applications in the database: create and find, save wizard steps, apply state transitions (every one
 * audited and mirrored to `investors.kyc_status`), the review queue and the authorisation rules.
 * Functions take the database and the acting wallet explicitly, so they are tested on a real PGlite.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { inLockedTransaction } from "@/lib/db/locks";
import { rowsWhere } from "@/lib/db/rows";
import {
  type InvestorCategory,
  type KycApplication,
  type KycApplicationData,
  kycApplications,
  kycDocuments,
  type KycDocument,
} from "@/lib/db/schema";
import { alpha2ToNumeric } from "@/lib/i18n/countries";
import { createInvestorWithWallet, getInvestorByWallet, type Investor, updateInvestor } from "@/lib/investors";
import { isEditable, needsRenewal } from "./state";

export {
  listQueue,
  QUEUE_PAGE,
  QUEUE_SORTS,
  queueKeyset,
  type QueueFilters,
  type QueueRow,
  type QueueSort,
} from "./queue";
export {
  applyTransition,
  auditKycRefusal,
  expireLapsedApprovals,
  getInfoThread,
  type InfoMessage,
  loadReviewReadiness,
  type TransitionResult,
} from "./transitions";

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
  return rowsWhere(db, kycDocuments, eq(kycDocuments.applicationId, applicationId), asc(kycDocuments.createdAt));
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
  // "Start" twice at once (a double click, two tabs) creates one investor record and one draft: the second waits for
  // the first and then finds what it made.
  return inLockedTransaction(db, `kyc.draft:${wallet}`, (tx) => findOrCreateDraft(tx, wallet));
}

async function findOrCreateDraft(db: Database, wallet: string): Promise<{ app: KycApplication; investor: Investor }> {
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
