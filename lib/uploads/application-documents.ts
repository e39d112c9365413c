import "server-only";

import { z } from "zod";
import type { AuthContext } from "@/lib/auth";
import type { Database } from "@/lib/db/connect";
import { MAX_DOCUMENT_BYTES } from "@/lib/kyc/client";
import { admitUpload, type Refusal, refuse, type UploadWords, wordsFor } from "./guard";
import type { UploadDeps } from "./listing-uploads";
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

/**
 * The route handler of an application's document uploads, POST …/:applicationId/:kind?name=… with the file as the
 * body: the caller signed in, the target well formed (else 400), the application the caller's own and editable
 * (`own`: found, or its refusal), all before a byte of the body is read; then the body is stored through `store` (as
 * the caller) and answered, the `refreshed` page revalidated.
 */
export function applicationDocumentRoute<const Kinds extends readonly [string, ...string[]]>({
  area,
  kinds,
  own,
  store,
  refreshed,
}: {
  area: "kyc" | "kyb";
  kinds: Kinds;
  own: (
    caller: { ctx: AuthContext; db: Database; words: UploadWords },
    id: string,
  ) => Promise<{ id: string } | Refusal>;
  store: (
    db: Database,
    upload: { applicationId: string; kind: Kinds[number]; name: string; content: Buffer; uploadedBy: string },
  ) => Promise<{ ok: true } | { ok: false; code: string }>;
  refreshed: [path: string, type?: "layout" | "page"];
}) {
  const target = documentTarget(kinds);
  return async (
    request: Request,
    params: { applicationId: string; kind: string },
    deps: Pick<UploadDeps, "revalidate"> = {},
  ): Promise<Response> => {
    const words = await wordsFor(request, area);
    const admitted = await admitUpload(request, words, {
      maxBytes: MAX_DOCUMENT_BYTES,
      field: "file",
      check: async ({ ctx, db }) => {
        const parsed = target.safeParse({ ...params, name: new URL(request.url).searchParams.get("name") ?? "" });
        if (!parsed.success) return { refused: refuse(words, 400, "invalid_input") };
        const app = await own({ ctx, db, words }, parsed.data.applicationId);
        if ("refused" in app) return app;
        return { app, document: parsed.data };
      },
    });
    if ("refused" in admitted) return admitted.refused;
    const { ctx, db, bytes } = admitted;
    const { app, document } = admitted.checked;
    return storeDocumentBody(
      words,
      bytes,
      (content) =>
        store(db, {
          applicationId: app.id,
          kind: document.kind,
          name: document.name,
          content,
          uploadedBy: ctx.address.toLowerCase(),
        }),
      () => deps.revalidate?.(...refreshed),
    );
  };
}
