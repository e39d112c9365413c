import "server-only";

import { getOwnApplication, storeKybDocument } from "@/lib/kyb";
import { isKybEditable, KYB_DOCUMENT_KINDS } from "@/lib/kyb/types";
import { MAX_DOCUMENT_BYTES } from "@/lib/kyc/client";
import { admitBody, admitCaller, refuse, wordsFor } from "./guard";
import { documentTarget, storeDocumentBody } from "./application-documents";
import type { UploadDeps } from "./listing-uploads";

/*
 * A company document of an issuer application: POST /api/uploads/issuer-applications/:applicationId/:kind?name=…
 * with the file as the body. Only the applying wallet, while the application is editable, checked before the body is
 * read; the content check and sealing at rest are KYC's (lib/kyb/documents → lib/kyc/documents).
 */

const target = documentTarget(KYB_DOCUMENT_KINDS);

export async function postKybDocument(
  request: Request,
  { applicationId, kind }: { applicationId: string; kind: string },
  deps: Pick<UploadDeps, "revalidate"> = {},
): Promise<Response> {
  const words = await wordsFor(request, "kyb");
  const caller = await admitCaller(request, words, {});
  if ("refused" in caller) return caller.refused;
  const { ctx, db } = caller;
  const parsed = target.safeParse({ applicationId, kind, name: new URL(request.url).searchParams.get("name") ?? "" });
  if (!parsed.success) return refuse(words, 400, "invalid_input");
  const address = ctx.address.toLowerCase();
  // Anyone else's application answers as one that does not exist (403: the caller may not send this body).
  const app = await getOwnApplication(db, { id: parsed.data.applicationId, applicant: address });
  if (!app) return refuse(words, 403, "not_found");
  if (!isKybEditable(app.status)) return refuse(words, 409, "not_editable");
  const body = await admitBody(request, words, { db, address, maxBytes: MAX_DOCUMENT_BYTES, field: "file" });
  if ("refused" in body) return body.refused;
  return storeDocumentBody(
    words,
    body.bytes,
    (content) =>
      storeKybDocument(db, {
        applicationId: app.id,
        kind: parsed.data.kind,
        name: parsed.data.name,
        content,
        uploadedBy: address,
      }),
    () => deps.revalidate?.("/issuer-application"),
  );
}
