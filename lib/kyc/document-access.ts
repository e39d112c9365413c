import "server-only";
import { writeAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { getApplicationForActor } from "@/lib/kyc/applications";
import { DocumentDecryptionError } from "@/lib/kyc/crypto";
import { getKycDocument, readKycDocument } from "@/lib/kyc/documents";

export type KycDocumentActor = { address: string; compliance: boolean; investorId: string | null };

/**
 * A KYC document, decrypted, for its owner or a compliance officer only; every view (and every refused view of a
 * document that exists) is audited. `not_found` for anyone else (the same as a document that does not exist);
 * `corrupt` when the stored file fails its authentication (altered at rest or wrong key).
 */
export async function openKycDocument({
  id,
  actor,
}: {
  id: string;
  actor: KycDocumentActor;
}): Promise<
  { status: "not_found" } | { status: "corrupt" } | { status: "ok"; content: Buffer; mime: string; filename: string }
> {
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
  let content: Buffer | null;
  try {
    content = await readKycDocument(document);
  } catch (error) {
    if (error instanceof DocumentDecryptionError) {
      console.error(`[kyc] document ${document.id} failed authentication: altered at rest or wrong key`);
      return { status: "corrupt" };
    }
    throw error;
  }
  if (!content) return { status: "not_found" };
  const owner = app.investorId === actor.investorId;
  await writeAudit(db, {
    actor: actor.address,
    actorRole: owner ? "investor" : "compliance",
    action: "kyc.document.view",
    subjectType: "kyc_document",
    subjectId: document.id,
    after: { application: app.id, kind: document.kind, sha256: document.sha256 },
  });
  const ext = document.mime === "application/pdf" ? "pdf" : document.mime === "image/png" ? "png" : "jpg";
  return { status: "ok", content, mime: document.mime, filename: `${document.kind}.${ext}` };
}
