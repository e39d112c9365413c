import "server-only";

/**
 * Compliance's side of an issuer application: the queue, the checklist and notes, requesting information,
 * rejecting with a reason, and approval with four eyes (a pre-approval by one officer, the approval by another). An
 * approved application waits for the issuer role: the platform admin grants it from /admin to each signatory wallet,
 * and once every wallet holds it on-chain the application reads "active" (`activateIfGranted`).
 */
import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { type IssuerApplication, KYB_WAITING_STATUSES, type KybStatus, issuerApplications } from "@/lib/db/schema";
import { tablePage, timeKeyset, type Page, type PageCursor } from "@/lib/paging";
import { isKybReviewable, KYB_CHECKLIST } from "./state";
import { applyKybTransition, getIssuerApplication, type KybResult } from "./transitions";

type NotFound = { ok: false; code: "not_found" };

/** Applications on one page of the queue. */
export const KYB_QUEUE_PAGE = 50;

/**
 * The queue's order: first submitted first (a draft, never submitted, by when it was started), then the id (unique),
 * so equal submission times neither skip nor repeat a row between pages; served by issuer_applications_status_idx.
 */
export const KYB_QUEUE_KEYSET = timeKeyset(
  sql`coalesce(${issuerApplications.submittedAt}, ${issuerApplications.createdAt})`,
  issuerApplications.id,
  "uuid",
  "asc",
);

/** One page of the queue: applications waiting for a decision (or those of one status), and how many there are. */
export async function listKybQueue(
  db: Database,
  { status, cursor = {}, size = KYB_QUEUE_PAGE }: { status?: KybStatus; cursor?: PageCursor; size?: number } = {},
): Promise<Page<IssuerApplication>> {
  const statuses: KybStatus[] = status ? [status] : [...KYB_WAITING_STATUSES];
  return tablePage(db, {
    table: issuerApplications,
    keyset: KYB_QUEUE_KEYSET,
    filter: inArray(issuerApplications.status, statuses),
    cursor,
    size,
  });
}

/** Saves the checklist (known items only) and appends an internal note; audited. */
export async function saveKybReview(
  db: Database,
  { id, actor, checklist, note }: { id: string; actor: string; checklist: Record<string, boolean>; note?: string },
): Promise<{ ok: true } | NotFound | { ok: false; code: "not_reviewable" }> {
  const app = await getIssuerApplication(db, id);
  if (!app) return { ok: false, code: "not_found" };
  if (!isKybReviewable(app.status)) return { ok: false, code: "not_reviewable" };
  const known = Object.fromEntries(KYB_CHECKLIST.map((k) => [k, checklist[k] === true]));
  const notes = note ? [...app.notes, { by: actor, at: new Date().toISOString(), text: note }] : app.notes;
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await t.update(issuerApplications).set({ checklist: known, notes }).where(eq(issuerApplications.id, id));
    await writeAudit(t, {
      actor,
      actorRole: "compliance",
      action: "kyb.review",
      subjectType: "issuer_application",
      subjectId: id,
      before: { checklist: app.checklist },
      after: { checklist: known, ...(note ? { note } : {}) },
    });
  });
  return { ok: true };
}

/** An officer's decision on an application: the application found, then its transition (checked and audited). */
async function decideAsOfficer(
  db: Database,
  { id, actor }: { id: string; actor: string },
  decision: (
    app: IssuerApplication,
    now: Date,
  ) => Pick<Parameters<typeof applyKybTransition>[1], "event" | "set" | "details">,
): Promise<KybResult | NotFound> {
  const app = await getIssuerApplication(db, id);
  if (!app) return { ok: false, code: "not_found" };
  return applyKybTransition(db, { app, actor, actorRole: "compliance", ...decision(app, new Date()) });
}

/** Rejects with a reason, or asks the applicant for information; both shown to the applicant. */
export async function decideKybApplication(
  db: Database,
  { id, actor, kind, message }: { id: string; actor: string; kind: "reject" | "request_information"; message: string },
): Promise<KybResult | NotFound> {
  return decideAsOfficer(db, { id, actor }, (_app, now) => ({
    event: { type: kind },
    set:
      kind === "reject"
        ? { rejectionReason: message, decidedBy: actor, decidedAt: now }
        : { infoRequest: message, infoResponse: null },
    details: kind === "reject" ? { reason: message } : { request: message },
  }));
}

/**
 * Four eyes: the first officer's pre-approval, then a different officer's approval (never the pre-approver); both
 * only with every document present and every check ticked. An approved application waits for the issuer role.
 */
async function decideFourEyes(
  db: Database,
  { id, actor, step }: { id: string; actor: string; step: "pre_approve" | "approve" },
): Promise<KybResult | NotFound> {
  return decideAsOfficer(db, { id, actor }, (app, now) => ({
    event: { type: step, actor },
    set: step === "approve" ? { decidedBy: actor, decidedAt: now } : { preApprovedBy: actor, preApprovedAt: now },
    details: step === "approve" ? { wallets: (app.data.signatoryWallets ?? []).map((w) => w.toLowerCase()) } : {},
  }));
}

export const preApproveKybApplication = (db: Database, input: { id: string; actor: string }) =>
  decideFourEyes(db, { ...input, step: "pre_approve" });

export const approveKybApplication = (db: Database, input: { id: string; actor: string }) =>
  decideFourEyes(db, { ...input, step: "approve" });

/** Approved applications waiting for the issuer role on-chain (the admin console lists them). */
export async function listAwaitingIssuerRole(db: Database): Promise<IssuerApplication[]> {
  return db
    .select()
    .from(issuerApplications)
    .where(eq(issuerApplications.status, "approved"))
    .orderBy(asc(issuerApplications.decidedAt));
}

/**
 * An approved application becomes active once every signatory wallet holds the issuer role on-chain (read by the
 * caller: `isIssuer`). Audited by "system"; anything else is left as it is. Returns the application as it now reads.
 */
export async function activateIfGranted(
  db: Database,
  { app, isIssuer }: { app: IssuerApplication; isIssuer: (address: string) => Promise<boolean> },
): Promise<IssuerApplication> {
  if (app.status !== "approved") return app;
  const wallets = app.data.signatoryWallets ?? [];
  const held = await Promise.all(wallets.map((w) => isIssuer(w)));
  const all = wallets.length > 0 && held.every(Boolean);
  if (!all) return app;
  const r = await applyKybTransition(db, {
    app,
    event: { type: "activate" },
    actor: "system",
    actorRole: "system",
    allWalletsIssuers: true,
    set: { activatedAt: new Date() },
  });
  return r.ok ? r.app : ((await getIssuerApplication(db, app.id)) ?? app);
}

/** Applications that became active in the last `days` days (the admin console confirms its grants with them). */
export async function listRecentlyActivated(db: Database, { days = 7 }: { days?: number } = {}) {
  return db
    .select()
    .from(issuerApplications)
    .where(
      and(
        eq(issuerApplications.status, "active"),
        gt(issuerApplications.activatedAt, new Date(Date.now() - days * 86_400_000)),
      ),
    )
    .orderBy(desc(issuerApplications.activatedAt))
    .limit(10);
}
