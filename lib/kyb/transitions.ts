import "server-only";

/**
 * Applying a state-machine event to an issuer application: checked by `kybTransition`, written compare-and-set (the
 * status must still be the one read), audited and — for a decision — told to the company (lib/notifications) in the
 * same transaction; an officer's refused attempt is audited too.
 */
import { and, eq, isNull } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { auditApplicationRefusal } from "@/lib/kyc";
import { emitKybDecision } from "@/lib/notifications";
import type { ApplicationTransition } from "@/lib/kyc/types";
import { type IssuerApplication, issuerApplicationDocuments, issuerApplications } from "@/lib/db/schema";
import { type KybEvent, type KybReadiness, kybReadiness, type KybTransitionError, kybTransition } from "./state";

export type KybResult = { ok: true; app: IssuerApplication } | { ok: false; code: KybTransitionError | "conflict" };

export async function getIssuerApplication(db: Database, id: string): Promise<IssuerApplication | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(issuerApplications).where(eq(issuerApplications.id, id)).limit(1);
  return row ?? null;
}

export async function loadKybReadiness(
  db: Database,
  app: Pick<IssuerApplication, "id" | "checklist">,
): Promise<KybReadiness> {
  const docs = await db
    .select({ kind: issuerApplicationDocuments.kind })
    .from(issuerApplicationDocuments)
    .where(eq(issuerApplicationDocuments.applicationId, app.id));
  return kybReadiness({ documentKinds: docs.map((d) => d.kind), checklist: app.checklist });
}

export async function applyKybTransition(
  db: Database,
  {
    app,
    event,
    actor,
    actorRole,
    set = {},
    allWalletsIssuers,
    details = {},
  }: ApplicationTransition<
    IssuerApplication,
    KybEvent,
    "applicant" | "compliance" | "system",
    typeof issuerApplications.$inferInsert
  > & { allWalletsIssuers?: boolean; details?: Record<string, unknown> },
): Promise<KybResult> {
  const needsReview = event.type === "approve" || event.type === "pre_approve";
  const readiness = needsReview ? await loadKybReadiness(db, app) : undefined;
  const result = kybTransition(
    { status: app.status, preApprovedBy: app.preApprovedBy, readiness, allWalletsIssuers },
    event,
  );
  const action = `kyb.${event.type}`;
  const before = { status: app.status, preApprovedBy: app.preApprovedBy };
  if (!result.ok) {
    if (actorRole === "compliance")
      await auditApplicationRefusal(db, {
        subjectType: "issuer_application",
        app,
        attempted: action,
        actor,
        actorRole,
        code: result.error,
        details: { ...readiness },
      });
    return { ok: false, code: result.error };
  }
  const updated = await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const [row] = await t
      .update(issuerApplications)
      .set({ ...set, status: result.status })
      .where(
        and(
          eq(issuerApplications.id, app.id),
          eq(issuerApplications.status, app.status),
          // A pre-approval keeps the status: the pre-approver read must still be the one written over.
          app.preApprovedBy === null
            ? isNull(issuerApplications.preApprovedBy)
            : eq(issuerApplications.preApprovedBy, app.preApprovedBy),
        ),
      )
      .returning();
    if (!row) return null;
    await writeAudit(t, {
      actor,
      actorRole,
      action,
      subjectType: "issuer_application",
      subjectId: app.id,
      before,
      after: { status: row.status, preApprovedBy: row.preApprovedBy, ...details },
    });
    // The company is told of a decision (a request for information, approval, rejection) in the same transaction:
    // the notification and its email exist exactly when the decision does.
    await emitKybDecision(t, {
      applicationId: row.id,
      applicant: row.applicant,
      signatoryWallets: row.data.signatoryWallets ?? [],
      legalNameEn: row.data.legalNameEn ?? null,
      legalNameZh: row.data.legalNameZh ?? null,
      event: event.type,
      message: row.rejectionReason && event.type === "reject" ? row.rejectionReason : (row.infoRequest ?? null),
      at: new Date(),
    });
    return row;
  });
  return updated ? { ok: true, app: updated } : { ok: false, code: "conflict" };
}
