import { writeAudit } from "@/lib/audit";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { contentDisposition } from "@/lib/format/csv";
import { getApplicationForActor } from "@/lib/kyc/applications";
import { DocumentDecryptionError } from "@/lib/kyc/crypto";
import { getKycDocument, readKycDocument } from "@/lib/kyc/documents";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

function refuse(status: number, message: string) {
  return new Response(message, { status, headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * A KYC document, decrypted, for its owner or a compliance officer only; every view is audited.
 * Anyone else gets 404 (the same as a document that does not exist).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let ctx;
  try {
    ctx = await requireSession();
  } catch (error) {
    if (error instanceof AuthError) return refuse(401, "Please sign in with your wallet to see this document.");
    throw error;
  }
  const db = await getDb();
  const document = await getKycDocument(db, { id });
  const actor = {
    address: ctx.address.toLowerCase(),
    compliance: ctx.roles.compliance,
    investorId: ctx.investor?.id ?? null,
  };
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
    return refuse(404, "Document not found.");
  }
  let content: Buffer | null;
  try {
    content = await readKycDocument(document);
  } catch (error) {
    if (error instanceof DocumentDecryptionError) {
      console.error(`[kyc] document ${document.id} failed authentication: altered at rest or wrong key`);
      return refuse(500, "This document could not be opened: it failed its integrity check.");
    }
    throw error;
  }
  if (!content) return refuse(404, "Document not found.");
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
  return new Response(new Uint8Array(content), {
    headers: {
      ...noStore,
      "Content-Type": document.mime,
      "Content-Length": String(content.length),
      "Content-Disposition": contentDisposition("inline", `${document.kind}.${ext}`),
    },
  });
}
