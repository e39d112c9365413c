import "server-only";

/**
 * The company's documents: checked by content and sealed at rest exactly as KYC documents are (lib/kyc/documents'
 * `sealDocument`, AES-256-GCM with the document id bound), stored under `kyb/`. Only the applicant adds them, while
 * the application is editable (the upload route checks that before reading a byte); only the applicant and
 * compliance open them, and every opening (and refused opening) is audited.
 */
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { type IssuerApplicationDocument, issuerApplicationDocuments, type KybDocumentKind } from "@/lib/db/schema";
import type { DocumentCheck } from "@/lib/kyc/client";
import { decryptForViewing, type DocumentUpload, type OpenedDocument, storeApplicationDocument } from "@/lib/kyc";
import { getIssuerApplication } from "./transitions";

export async function listKybDocuments(db: Database, { applicationId }: { applicationId: string }) {
  return db
    .select()
    .from(issuerApplicationDocuments)
    .where(eq(issuerApplicationDocuments.applicationId, applicationId));
}

/** Stores one document (a new upload of a kind replaces the previous one); audited. */
export async function storeKybDocument(
  db: Database,
  upload: DocumentUpload<KybDocumentKind>,
): Promise<{ ok: true; document: IssuerApplicationDocument } | Extract<DocumentCheck, { ok: false }>> {
  return storeApplicationDocument(db, issuerApplicationDocuments, upload, {
    folder: "kyb",
    audit: {
      actor: upload.uploadedBy.toLowerCase(),
      actorRole: "applicant",
      action: "kyb.document.upload",
      subjectType: "issuer_application",
      subjectId: upload.applicationId,
    },
    atomic: true,
  });
}

export type KybDocumentViewer = { address: string; compliance: boolean };

/**
 * A company document, decrypted, for its applicant or a compliance officer; `not_found` for anyone else (the same as
 * a document that does not exist), `corrupt` when the sealed file fails its authentication.
 */
export async function openKybDocument(
  db: Database,
  { id, viewer }: { id: string; viewer: KybDocumentViewer },
): Promise<OpenedDocument> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return { status: "not_found" };
  const [document] = await db
    .select()
    .from(issuerApplicationDocuments)
    .where(eq(issuerApplicationDocuments.id, id))
    .limit(1);
  if (!document) return { status: "not_found" };
  const app = await getIssuerApplication(db, document.applicationId);
  const applicant = app?.applicant === viewer.address.toLowerCase();
  const audit = (action: string, after?: Record<string, unknown>) =>
    writeAudit(db, {
      actor: viewer.address.toLowerCase(),
      actorRole: applicant ? "applicant" : viewer.compliance ? "compliance" : "none",
      action,
      subjectType: "issuer_application_document",
      subjectId: document.id,
      ...(after ? { after } : {}),
    });
  if (!app || (!applicant && !viewer.compliance)) {
    await audit("kyb.document.view_refused");
    return { status: "not_found" };
  }
  const opened = await decryptForViewing(document, "kyb");
  if (opened.status !== "ok") return opened;
  await audit("kyb.document.view", { application: app.id, kind: document.kind, sha256: document.sha256 });
  return opened;
}
