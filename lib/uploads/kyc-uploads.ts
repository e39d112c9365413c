import "server-only";

import { kycDocumentKinds } from "@/lib/db/schema";
import { canEditApplication, getApplication, storeKycDocument } from "@/lib/kyc";
import { MAX_DOCUMENT_BYTES } from "@/lib/kyc/client";
import { admitUpload, refuse, wordsFor } from "./guard";
import { documentTarget, storeDocumentBody } from "./application-documents";
import type { UploadDeps } from "./listing-uploads";

/*
 * KYC documents as a route handler: POST /api/uploads/kyc/:applicationId/:kind?name=… with the file as the body.
 * Only the applicant, on an application still editable, may send one; that is checked before the body is read.
 * The type from the content, encryption at rest and the audit entry stay in lib/kyc/documents.
 */

const target = documentTarget(kycDocumentKinds);

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
  return storeDocumentBody(
    words,
    bytes,
    (content) =>
      storeKycDocument(db, {
        applicationId: app.id,
        kind: document.kind,
        name: document.name,
        content,
        uploadedBy: actor.address,
      }),
    () => deps.revalidate?.("/onboarding", "layout"),
  );
}
