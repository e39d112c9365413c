import "server-only";

import { z } from "zod";
import { refuse, type UploadWords } from "./guard";
import { uploadJson } from "./respond";

/*
 * The part the document uploads of an application share (an investor's KYC, an issuer's KYB): where the document
 * goes (application, kind, file name), and, once the caller, the application and the body are admitted, storing the
 * body and answering. The content check, sealing and audit stay in the domains (lib/kyc/documents, lib/kyb/documents).
 */

/** The target of a document upload: the application, one of its document kinds, the file's name. */
export const documentTarget = <const Kinds extends readonly [string, ...string[]]>(kinds: Kinds) =>
  z.object({ applicationId: z.uuid(), kind: z.enum(kinds), name: z.string().trim().min(1).max(255) });

/**
 * Stores an admitted body through `store` and answers: 400 when empty, the content check's refusal on the file field
 * (413 too large, else 422), or 201 once stored (after `onStored`, the pages to refresh).
 */
export async function storeDocumentBody(
  words: UploadWords,
  bytes: Uint8Array,
  store: (content: Buffer) => Promise<{ ok: true } | { ok: false; code: string }>,
  onStored: () => void,
): Promise<Response> {
  if (bytes.length === 0) return refuse(words, 400, "empty", { file: words.t("kyc.documents.errors.fileMissing") });
  const stored = await store(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!stored.ok) {
    const status = stored.code === "too_large" ? 413 : 422;
    return refuse(words, status, stored.code, { file: words.t(`kyc.errors.${stored.code}`) });
  }
  onStored();
  return uploadJson(201, { ok: true, message: words.t("kyc.documents.uploaded") });
}
