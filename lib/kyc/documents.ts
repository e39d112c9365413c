import "server-only";

/**
 * KYC documents: checked by content, sealed with AES-256-GCM (key from DOCUMENT_ENCRYPTION_KEY, the document id
 * as additional data) before it is stored under `kyc/` in the file store (`${DATA_DIR}/files` or the S3 bucket):
 * only sealed bytes leave the app. Opening one is authorised and audited by the caller
 * (`app/api/kyc/documents/[id]/route.ts`).
 */
import { createHash, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { type AuditInput, writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { issuerApplicationDocuments, type KycDocument, type KycDocumentKind, kycDocuments } from "@/lib/db/schema";
import { getServerEnv } from "@/lib/env";
import { deleteStoredFile, readStoredFile, writeStoredFile } from "@/lib/storage";
import { checkDocument, type DocumentCheck } from "./content-type";
import { decryptDocument, DocumentDecryptionError, encryptDocument, parseKey } from "./crypto";

function documentKey(): Buffer {
  const hex = getServerEnv().documentEncryptionKey;
  if (!hex) throw new Error("DOCUMENT_ENCRYPTION_KEY is not configured: KYC documents cannot be stored or read.");
  return parseKey(hex);
}

/**
 * Checks a document by its content and stores it sealed (AES-256-GCM, its new id bound as additional data) under
 * `folder` in the file store. Shared by KYC and issuer (KYB) documents; the caller records the row and the audit.
 */
export async function sealDocument({
  folder,
  name,
  content,
}: {
  folder: string;
  name: string;
  content: Buffer;
}): Promise<
  | {
      ok: true;
      id: string;
      filePath: string;
      check: Extract<DocumentCheck, { ok: true }>;
      sha256: string;
      /** The columns every document row records of the sealed file (KYC's and issuers' tables alike). */
      columns: { id: string; originalName: string; mime: string; sizeBytes: number; sha256: string; filePath: string };
    }
  | Extract<DocumentCheck, { ok: false }>
> {
  const check = checkDocument({ name, content });
  if (!check.ok) return check;
  const id = randomUUID();
  const filePath = `${folder}/${id}.bin`;
  await writeStoredFile(filePath, encryptDocument({ key: documentKey(), plaintext: content, aad: id }));
  const sha256 = `0x${createHash("sha256").update(content).digest("hex")}`;
  const columns = {
    id,
    originalName: name.slice(0, 200),
    mime: check.mime,
    sizeBytes: content.length,
    sha256,
    filePath,
  };
  return { ok: true, id, filePath, check, sha256, columns };
}

/** The audit change of an upload: the documents of that kind it replaces, and the one stored. */
function documentUploadChange({
  previous,
  columns,
  kind,
}: {
  previous: readonly { id: string; sha256: string }[];
  columns: { id: string; mime: string; sizeBytes: number; sha256: string };
  kind: string;
}) {
  return {
    before: previous.length ? { replaced: previous.map((p) => ({ id: p.id, sha256: p.sha256 })) } : null,
    after: { document: columns.id, kind, mime: columns.mime, size: columns.sizeBytes, sha256: columns.sha256 },
  };
}

/** The answer of opening a document for a viewer: its content, or why not. */
export type OpenedDocument =
  { status: "not_found" } | { status: "corrupt" } | { status: "ok"; content: Buffer; mime: string; filename: string };

/**
 * Decrypts a sealed document for a viewer the caller has authorised: `corrupt` (and logged, under `label`) when the
 * file fails its authentication (altered at rest or wrong key), `not_found` when the file is missing.
 */
export async function decryptForViewing(
  document: { id: string; filePath: string; mime: string; kind: string },
  label: "kyc" | "kyb",
): Promise<OpenedDocument> {
  let content: Buffer | null;
  try {
    content = await openSealedDocument(document);
  } catch (error) {
    if (error instanceof DocumentDecryptionError) {
      console.error(`[${label}] document ${document.id} failed authentication: altered at rest or wrong key`);
      return { status: "corrupt" };
    }
    throw error;
  }
  if (!content) return { status: "not_found" };
  const ext = document.mime === "application/pdf" ? "pdf" : document.mime === "image/png" ? "png" : "jpg";
  return { status: "ok", content, mime: document.mime, filename: `${document.kind}.${ext}` };
}

/** The decrypted content of a sealed document; throws DocumentDecryptionError when altered. Null when missing. */
export async function openSealedDocument({ id, filePath }: { id: string; filePath: string }): Promise<Buffer | null> {
  const sealed = await readStoredFile(filePath);
  if (!sealed) return null;
  return decryptDocument({ key: documentKey(), sealed, aad: id });
}

/** One uploaded file of an application (an investor's KYC, an issuer's KYB), before it is checked and sealed. */
export type DocumentUpload<Kind extends string> = {
  applicationId: string;
  kind: Kind;
  name: string;
  content: Buffer;
  uploadedBy: string;
};

export type StoreDocumentResult = { ok: true; document: KycDocument } | Extract<DocumentCheck, { ok: false }>;

/** The tables of an application's sealed documents (an investor's KYC, an issuer's KYB): the same columns. */
type ApplicationDocumentTable = typeof kycDocuments | typeof issuerApplicationDocuments;

/**
 * Checks, seals and stores one document of an application under `folder/<application>`, replacing the previous
 * document of its kind, with the audit entry `audit` (its change is the replaced and the stored file). `atomic`:
 * the row, the removal of the replaced rows and the audit entry in one transaction, the replaced files deleted once it
 * has committed (KYB); otherwise step by step, each replaced file deleted with its row (KYC).
 */
export async function storeApplicationDocument<T extends ApplicationDocumentTable>(
  db: Database,
  table: T,
  { applicationId, kind, name, content, uploadedBy }: DocumentUpload<T["$inferSelect"]["kind"]>,
  { folder, audit, atomic }: { folder: "kyc" | "kyb"; audit: Omit<AuditInput, "before" | "after">; atomic: boolean },
): Promise<{ ok: true; document: T["$inferSelect"] } | Extract<DocumentCheck, { ok: false }>> {
  const sealed = await sealDocument({ folder: `${folder}/${applicationId}`, name, content });
  if (!sealed.ok) return sealed;
  const docs = table as typeof kycDocuments;
  const previous = await db
    .select()
    .from(docs)
    .where(and(eq(docs.applicationId, applicationId), eq(docs.kind, kind as KycDocumentKind)));
  const write = async (t: Database, withFiles: boolean) => {
    const [row] = await t
      .insert(docs)
      .values({ ...sealed.columns, applicationId, kind: kind as KycDocumentKind, uploadedBy: uploadedBy.toLowerCase() })
      .returning();
    for (const old of previous) {
      await t.delete(docs).where(eq(docs.id, old.id));
      if (withFiles) await deleteStoredFile(old.filePath);
    }
    await writeAudit(t, { ...audit, ...documentUploadChange({ previous, columns: sealed.columns, kind }) });
    return row as T["$inferSelect"];
  };
  if (!atomic) return { ok: true, document: await write(db, true) };
  const document = await db.transaction((tx) => write(tx as unknown as Database, false));
  for (const old of previous) await deleteStoredFile(old.filePath);
  return { ok: true, document };
}

/** Checks, encrypts and stores one document; a new upload of the same kind replaces the previous one. */
export async function storeKycDocument(
  db: Database,
  upload: DocumentUpload<KycDocumentKind>,
): Promise<StoreDocumentResult> {
  return storeApplicationDocument(db, kycDocuments, upload, {
    folder: "kyc",
    audit: {
      actor: upload.uploadedBy,
      actorRole: "investor",
      action: "kyc.document.upload",
      subjectType: "kyc_application",
      subjectId: upload.applicationId,
    },
    atomic: false,
  });
}

export async function getKycDocument(db: Database, { id }: { id: string }): Promise<KycDocument | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(kycDocuments).where(eq(kycDocuments.id, id)).limit(1);
  return row ?? null;
}

/** The decrypted content; throws DocumentDecryptionError when the file was altered. Null when the file is missing. */
export async function readKycDocument(document: KycDocument): Promise<Buffer | null> {
  return openSealedDocument(document);
}
