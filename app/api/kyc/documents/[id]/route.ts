import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth";
import { openKycDocument } from "@/lib/kyc";
import { privateDocumentResponse, refusePlain, SIGN_IN_TO_SEE_DOCUMENT } from "@/lib/http/private-document";

export const dynamic = "force-dynamic";

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
    if (error instanceof AuthError) return refusePlain(401, SIGN_IN_TO_SEE_DOCUMENT);
    throw error;
  }
  const actor = {
    address: ctx.address.toLowerCase(),
    compliance: ctx.roles.compliance,
    investorId: ctx.investor?.id ?? null,
  };
  return privateDocumentResponse(await openKycDocument({ id, actor }));
}
