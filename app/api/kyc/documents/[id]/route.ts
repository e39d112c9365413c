import { openKycDocument } from "@/lib/kyc";
import { privateDocumentRoute } from "@/lib/http/private-document";

export const dynamic = "force-dynamic";

/**
 * A KYC document, decrypted, for its owner or a compliance officer only; every view is audited.
 * Anyone else gets 404 (the same as a document that does not exist).
 */
export const GET = privateDocumentRoute((id, ctx) =>
  openKycDocument({
    id,
    actor: {
      address: ctx.address.toLowerCase(),
      compliance: ctx.roles.compliance,
      investorId: ctx.investor?.id ?? null,
    },
  }),
);
