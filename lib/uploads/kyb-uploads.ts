import "server-only";

import { z } from "zod";
import { getOwnApplication, storeKybDocument } from "@/lib/kyb";
import { isKybEditable, KYB_DOCUMENT_KINDS } from "@/lib/kyb/types";
import { MAX_DOCUMENT_BYTES } from "@/lib/kyc/client";
import { admitBody, admitCaller, refuse, wordsFor } from "./guard";
import { uploadJson } from "./respond";
import type { UploadDeps } from "./listing-uploads";

/*
 * A company document of an issuer application: POST /api/uploads/issuer-applications/:applicationId/:kind?name=…
 * with the file as the body. Only the applying wallet, while the application is editable, checked before the body is
 * read; the content check and sealing at rest are KYC's (lib/kyb/documents → lib/kyc/documents).
 */

const target = z.object({
  applicationId: z.uuid(),
  kind: z.enum(KYB_DOCUMENT_KINDS),
  name: z.string().trim().min(1).max(255),
});

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
  if (body.bytes.length === 0)
    return refuse(words, 400, "empty", { file: words.t("kyc.documents.errors.fileMissing") });
  const stored = await storeKybDocument(db, {
    applicationId: app.id,
    kind: parsed.data.kind,
    name: parsed.data.name,
    content: Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength),
    uploadedBy: address,
  });
  if (!stored.ok) {
    const status = stored.code === "too_large" ? 413 : 422;
    return refuse(words, status, stored.code, { file: words.t(`kyc.errors.${stored.code}`) });
  }
  deps.revalidate?.("/issuer-application");
  return uploadJson(201, { ok: true, message: words.t("kyc.documents.uploaded") });
}
