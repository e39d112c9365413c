import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth";
import { privateDocumentResponse, refusePlain, SIGN_IN_TO_SEE_DOCUMENT } from "@/lib/http/private-document";
import { openIssuerDocument } from "@/lib/kyb";

export const dynamic = "force-dynamic";

/**
 * A company document of an issuer application, decrypted, for its applicant or a compliance officer only; every view
 * is audited. Anyone else gets 404 (the same as a document that does not exist).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let ctx;
  try {
    ctx = await requireSession();
  } catch (error) {
    if (error instanceof AuthError) return refusePlain(401, SIGN_IN_TO_SEE_DOCUMENT);
    throw error;
  }
  return privateDocumentResponse(
    await openIssuerDocument({ id, viewer: { address: ctx.address, compliance: ctx.roles.compliance } }),
  );
}
