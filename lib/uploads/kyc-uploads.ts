import "server-only";

import { z } from "zod";
import { kycDocumentKinds } from "@/lib/db/schema";
import { canEditApplication, getApplication, storeKycDocument } from "@/lib/kyc";
import { MAX_DOCUMENT_BYTES } from "@/lib/kyc/client";
import { admitUpload, refuse, wordsFor } from "./guard";
import { uploadJson } from "./respond";
import type { UploadDeps } from "./listing-uploads";

/*
 * KYC documents as a route handler: POST /api/uploads/kyc/:applicationId/:kind?name=… with the file as the body.
 * Only the applicant, on an application still editable, may send one; that is checked before the body is read.
 * The type from the content, encryption at rest and the audit entry stay in lib/kyc/documents.
 */

const target = z.object({
  applicationId: z.uuid(),
  kind: z.enum(kycDocumentKinds),
  name: z.string().trim().min(1).max(255),
});

export async function postKycDocument(
  request: Request,
  { applicationId, kind }: { applicationId: string; kind: string },
  deps: Pick<UploadDeps, "revalidate"> = {},
): Promise<Response> {
  const words = await wordsFor(request, "kyc");
  const admitted = await admitUpload(request, words, {
    maxBytes: MAX_DOCUMENT_BYTES,
    field: "file",
    check: async ({ ctx, db }) => {
      const parsed = target.safeParse({
        applicationId,
        kind,
        name: new URL(request.url).searchParams.get("name") ?? "",
      });
      if (!parsed.success) return { refused: refuse(words, 400, "invalid_input") };
      const app = await getApplication(db, { id: parsed.data.applicationId });
      if (!app) return { refused: refuse(words, 404, "not_found") };
      const actor = {
        address: ctx.address.toLowerCase(),
        compliance: ctx.roles.compliance,
        investorId: ctx.investor?.id ?? null,
      };
      // Compliance may view an application, but only the applicant adds to it.
      if (actor.investorId === null || app.investorId !== actor.investorId)
        return { refused: refuse(words, 403, "not_found") };
      if (!canEditApplication(actor, app)) return { refused: refuse(words, 409, "not_editable") };
      return { app, actor, document: parsed.data };
    },
  });
  if ("refused" in admitted) return admitted.refused;
  const { db, bytes } = admitted;
  const { app, actor, document } = admitted.checked;
  if (bytes.length === 0) return refuse(words, 400, "empty", { file: words.t("kyc.documents.errors.fileMissing") });
  const stored = await storeKycDocument(db, {
    applicationId: app.id,
    kind: document.kind,
    name: document.name,
    content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    uploadedBy: actor.address,
  });
  if (!stored.ok) {
    const status = stored.code === "too_large" ? 413 : 422;
    return refuse(words, status, stored.code, { file: words.code(stored.code) });
  }
  deps.revalidate?.("/onboarding", "layout");
  return uploadJson(201, { ok: true, message: words.t("kyc.documents.uploaded") });
}
