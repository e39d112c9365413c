import "server-only";

/**
 * A compliance officer's work on one KYC application, by its id: save the review (checklist and notes), reject or
 * request information, and the two steps each of a pre-approval and an approval (./approval holds the rules: four
 * eyes, the on-chain id, the registry calls). Every function loads the application itself ("not_found" when there
 * is none), writes its audit entry with the change, and returns `{ ok: true, … } | { ok: false, code }`; the server
 * actions (components/compliance/kyc-actions.ts) only parse, check the role and call one of these.
 */
import { eq } from "drizzle-orm";
import type { Hex } from "viem";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { type KycApplication, kycApplications } from "@/lib/db/schema";
import { applyTransition, getApplication } from "./applications";
import {
  type ApprovalFailure,
  beginApproval,
  beginPreApproval,
  confirmApproval,
  confirmPreApproval,
  ensureInReview,
} from "./approval";
import { isReviewable } from "./state";

export type NotFound = { ok: false; code: "not_found" };
const notFound: NotFound = { ok: false, code: "not_found" };

type Officer = { id: string; actor: string };

/** Saves the reviewer's checklist and appends a note (the notes are internal to compliance), audited with it. */
export async function saveReview(
  db: Database,
  {
    id,
    actor,
    checklist,
    note,
    now = new Date(),
  }: Officer & { checklist: Record<string, boolean>; note?: string; now?: Date },
): Promise<{ ok: true; app: KycApplication } | NotFound> {
  const app = await getApplication(db, { id });
  if (!app) return notFound;
  const notes = note ? [...app.notes, { by: actor, at: now.toISOString(), text: note }] : app.notes;
  const saved = await db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const [row] = await tx
      .update(kycApplications)
      .set({ checklist, notes })
      .where(eq(kycApplications.id, app.id))
      .returning();
    await writeAudit(tx, {
      actor,
      actorRole: "compliance",
      action: "kyc.review.save",
      subjectType: "kyc_application",
      subjectId: app.id,
      before: { checklist: app.checklist, notes: app.notes.length },
      after: { checklist, notes: notes.length },
    });
    return row!;
  });
  return { ok: true, app: saved };
}

/**
 * Rejects the application with a reason for the investor, or asks the investor for more information (which clears
 * any pre-approval: the answers may change). Takes a submitted application into review first.
 */
export async function decideApplication(
  db: Database,
  { id, actor, kind, message }: Officer & { kind: "reject" | "request_information"; message: string },
): Promise<{ ok: true; app: KycApplication } | NotFound | ApprovalFailure> {
  const app = await getApplication(db, { id });
  if (!app) return notFound;
  const inReview = await ensureInReview(db, app, actor);
  if (!inReview.ok) return inReview;
  return applyTransition(db, {
    app: inReview.app,
    event: { type: kind },
    actor,
    actorRole: "compliance",
    set:
      kind === "reject"
        ? { rejectionReason: message, decidedAt: new Date(), decidedBy: actor }
        : { infoRequest: message, infoResponse: null, preApprovedBy: null, preApprovedAt: null },
    investorSet: kind === "reject" ? { rejectionReason: message } : {},
  });
}

/** Loads the application by id and runs `step` on it ("not_found" when there is none). */
async function onApplication<R>(
  db: Database,
  id: string,
  step: (app: KycApplication) => Promise<R>,
): Promise<R | NotFound> {
  const app = await getApplication(db, { id });
  return app ? step(app) : notFound;
}

/** An officer's step of ./approval, by the application's id. */
function byId<P extends { app: KycApplication }, R>(step: (db: Database, p: P) => Promise<R>) {
  return (db: Database, p: Omit<P, "app"> & { id: string }): Promise<R | NotFound> =>
    // `{ ...p, app }` is P (its fields but the application, and the application), plus an `id` the step ignores.
    onApplication(db, p.id, (app) => step(db, { ...p, app } as unknown as P));
}

/** Four eyes, first officer, step 1 (./approval `beginPreApproval`): the proposal this officer's wallet sends. */
export const startPreApproval = byId(beginPreApproval);

/** Four eyes, first officer, step 2 (./approval `confirmPreApproval`): verified on chain, then recorded. */
export const recordPreApproval = byId(confirmPreApproval);

/** Approval, step 1 (./approval `beginApproval`): what this officer's wallet sends, the on-chain id assigned. */
export const startApproval = byId(beginApproval);

/** Approval, step 2 (./approval `confirmApproval`): approved only once the chain shows the registration. */
export function recordApproval(
  db: Database,
  { id, actor, txHash }: Officer & { txHash: Hex | null },
): Promise<{ ok: true; app: KycApplication } | NotFound | ApprovalFailure> {
  return onApplication(db, id, async (app) =>
    isReviewable(app.status) ? confirmApproval(db, { app, actor, txHash }) : { ok: false, code: "invalid_transition" },
  );
}
