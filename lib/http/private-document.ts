/**
 * The answer of an authorised document route (a KYC document, an issuer application's): the decrypted file, never
 * cached, inline, or a refusal in plain words. Shared by `app/api/kyc/documents/[id]` and `app/api/kyb/documents/[id]`.
 */
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth";
import { contentDisposition } from "@/lib/format/csv";

const noStore = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export function refusePlain(status: number, message: string): Response {
  return new Response(message, { status, headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" } });
}

export const SIGN_IN_TO_SEE_DOCUMENT = "Please sign in with your wallet to see this document.";

export type OpenedDocument =
  { status: "not_found" } | { status: "corrupt" } | { status: "ok"; content: Buffer; mime: string; filename: string };

export function privateDocumentResponse(result: OpenedDocument): Response {
  if (result.status === "not_found") return refusePlain(404, "Document not found.");
  if (result.status === "corrupt")
    return refusePlain(500, "This document could not be opened: it failed its integrity check.");
  return new Response(new Uint8Array(result.content), {
    headers: {
      ...noStore,
      "Content-Type": result.mime,
      "Content-Length": String(result.content.length),
      "Content-Disposition": contentDisposition("inline", result.filename),
    },
  });
}

type DocumentSession = Awaited<ReturnType<typeof requireSession>>;

/**
 * The GET handler of a private document route (`…/documents/[id]`): a signed-in session, else 401 in plain words;
 * then `open` (which authorises the viewer, audits and decrypts) answers through `privateDocumentResponse`.
 */
export function privateDocumentRoute(open: (id: string, session: DocumentSession) => Promise<OpenedDocument>) {
  return async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
    const { id } = await params;
    let session: DocumentSession;
    try {
      session = await requireSession();
    } catch (error) {
      if (error instanceof AuthError) return refusePlain(401, SIGN_IN_TO_SEE_DOCUMENT);
      throw error;
    }
    return privateDocumentResponse(await open(id, session));
  };
}
