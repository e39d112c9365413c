import "server-only";
import { writeAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { getApplicationForActor } from "@/lib/kyc/applications";
import { decryptForViewing, getKycDocument, type OpenedDocument } from "@/lib/kyc/documents";

export type KycDocumentActor = { address: string; compliance: boolean; investorId: string | null };

/**
 * A KYC document, decrypted, for its owner or a compliance officer only; every view (and every refused view of a
 * document that exists) is audited. `not_found` for anyone else (the same as a document that does not exist);
 * `corrupt` when the stored file fails its authentication (altered at rest or wrong key).
 */
export async function openKycDocument({ id, actor }: { id: string; actor: KycDocumentActor }): Promise<OpenedDocument> {
  const db = await getDb();
  const document = await getKycDocument(db, { id });
  const app = document ? await getApplicationForActor(db, { id: document.applicationId, actor }) : null;
  if (!document || !app) {
    if (document) {
      await writeAudit(db, {
        actor: actor.address,
        actorRole: actor.compliance ? "compliance" : "investor",
        action: "kyc.document.view_refused",
        subjectType: "kyc_document",
        subjectId: document.id,
      });
    }
    return { status: "not_found" };
  }
  const opened = await decryptForViewing(document, "kyc");
  if (opened.status !== "ok") return opened;
  const owner = app.investorId === actor.investorId;
  await writeAudit(db, {
    actor: actor.address,
    actorRole: owner ? "investor" : "compliance",
    action: "kyc.document.view",
    subjectType: "kyc_document",
    subjectId: document.id,
    after: { application: app.id, kind: document.kind, sha256: document.sha256 },
  });
  return opened;
}
